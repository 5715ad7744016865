"""Sign-in, lock and sign-out operations."""

from collections.abc import Callable

from PySide6.QtCore import QObject

from hallapp.domain.records import Actor
from ui.ops import CoreOps


def sign_in(
    ops: CoreOps,
    *,
    owner: QObject,
    staff_no: str,
    password: str,
    on_success: Callable[[Actor], None],
    on_failure: Callable[[Exception], None],
) -> None:
    ops.run(
        lambda core: core.auth.login(staff_no, password),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )


def unlock(
    ops: CoreOps,
    *,
    owner: QObject,
    actor: Actor,
    password: str,
    on_success: Callable[[Actor], None],
    on_failure: Callable[[Exception], None],
) -> None:
    ops.run(
        lambda core: core.auth.unlock(actor, password),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )


def note_lock(ops: CoreOps, *, actor: Actor, reason: str) -> None:
    ops.run(lambda core: core.auth.lock(actor, reason=reason))


def sign_out(
    ops: CoreOps,
    *,
    actor: Actor,
    owner: QObject | None = None,
    on_done: Callable[[object], None] | None = None,
) -> None:
    ops.run(lambda core: core.auth.logout(actor), on_success=on_done, on_failure=on_done, owner=owner)
