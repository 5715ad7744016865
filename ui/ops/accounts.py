"""Account search and opening."""

from collections.abc import Callable

from PySide6.QtCore import QObject

from hallapp.domain.records import AccountDetail, AccountHit, Actor
from hallapp.domain.search import SearchKind
from ui.ops import CoreOps


def search_accounts(
    ops: CoreOps,
    *,
    owner: QObject,
    actor: Actor,
    text: str,
    kind: SearchKind,
    on_success: Callable[[list[AccountHit]], None],
    on_failure: Callable[[Exception], None],
) -> None:
    ops.run(
        lambda core: core.accounts.search(actor, text, kind),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )


def open_account(
    ops: CoreOps,
    *,
    owner: QObject,
    actor: Actor,
    account_id: str,
    on_success: Callable[[AccountDetail], None],
    on_failure: Callable[[Exception], None],
) -> None:
    ops.run(
        lambda core: core.accounts.open(actor, account_id),
        on_success=on_success,
        on_failure=on_failure,
        owner=owner,
    )
