"""The 中心服务器 page's calls: each runs a ``CentralAdminService`` method on the network lane (it
waits on the central server), with the page's server address, and answers on the GUI thread."""

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject

from hallapp.domain.records import Actor
from hallapp.services.central_admin_service import central_admin_of
from ui.ops import CoreOps


def _call(core: Any, *, method: str, actor: Actor, server_url: str, args: tuple[Any, ...]) -> Any:
    return getattr(central_admin_of(core), method)(actor, server_url, *args)


def _connection(core: Any, *, actor: Actor) -> Any:
    return central_admin_of(core).connection(actor)


class CentralLink:
    """What the page's tabs share: the ops runner, the administrator and the server address."""

    def __init__(self, ops: CoreOps, actor: Actor, server_url: Callable[[], str]) -> None:
        self.ops = ops
        self.actor = actor
        self.server_url = server_url

    def run(
        self,
        method: str,
        *args: Any,
        owner: QObject,
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        """``service.method(actor, server_url, *args)``; ``args`` are plain values, never widgets."""
        work = partial(_call, method=method, actor=self.actor, server_url=self.server_url(), args=args)
        self.ops.run(work, on_success=on_success, on_failure=on_failure, owner=owner, network=True)

    def load_connection(
        self, *, owner: QObject, on_success: Callable[[Any], None], on_failure: Callable[[Exception], None]
    ) -> None:
        """The address from the settings and whether a token is kept (keyring: the network lane too)."""
        work = partial(_connection, actor=self.actor)
        self.ops.run(work, on_success=on_success, on_failure=on_failure, owner=owner, network=True)
