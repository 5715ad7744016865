"""TCP_NODELAY on the central server's connections (``hallapp.central.serve``): with several workers
Uvicorn's listening socket has ``proto`` 0 and asyncio leaves Nagle on for what it accepts, so every
request of a kept-alive connection after the first waited ~40 ms for the client's delayed ACK."""

import asyncio
import socket
import statistics
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from uvicorn.protocols.http.auto import AutoHTTPProtocol
from uvicorn.server import ServerState

from hallapp.central.serve import NoDelayHTTPProtocol
from tests.server.test_central_process import CentralProcess
from tests.server.test_central_support import central_url, pg_url  # noqa: F401 - fixtures

KEPT_ALIVE_REQUESTS = 30
NAGLE_FREE_MS = 20  # a delayed ACK costs 40 ms on Linux; an answer of /health takes a few ms here


async def _accepted_nodelay(protocol: type[asyncio.Protocol]) -> int:
    """TCP_NODELAY of a connection accepted with ``protocol`` on a listener bound as Uvicorn binds
    it for several workers (``socket.socket(family)``: proto 0)."""
    loop = asyncio.get_running_loop()
    config = uvicorn.Config(app=lambda *_args: None, http=protocol, lifespan="off")
    config.load()
    listener = socket.socket(socket.AF_INET)
    listener.bind(("127.0.0.1", 0))
    accepted: asyncio.Future[int] = loop.create_future()

    def made() -> asyncio.Protocol:
        instance = protocol(config=config, server_state=ServerState(), app_state={})  # type: ignore[call-arg]
        connection_made = instance.connection_made

        def seen(transport: asyncio.BaseTransport) -> None:
            connection_made(transport)
            sock = transport.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

        instance.connection_made = seen  # type: ignore[method-assign]
        return instance

    server = await loop.create_server(made, sock=listener)
    try:
        _reader, writer = await asyncio.open_connection(*listener.getsockname())
        value = await asyncio.wait_for(accepted, 5)
        writer.close()
        return value
    finally:
        server.close()


def test_uvicorns_own_protocol_leaves_nagle_on_for_a_bound_listener() -> None:
    assert asyncio.run(_accepted_nodelay(AutoHTTPProtocol)) == 0  # the bug this module works around


def test_the_servers_protocol_turns_nagle_off() -> None:
    assert asyncio.run(_accepted_nodelay(NoDelayHTTPProtocol)) != 0


@pytest.mark.pg
@pytest.mark.slow
def test_a_kept_alive_connection_to_two_workers_does_not_wait_for_delayed_acks(
    central_url: str, tmp_path: Path
) -> None:
    server = CentralProcess(central_url, tmp_path / "central.log", workers=2)
    try:
        server.wait_ready()
        took = []
        with httpx.Client(base_url=server.url, timeout=10) as http:
            for _ in range(KEPT_ALIVE_REQUESTS):
                started = time.perf_counter()
                assert http.get("/health").status_code == 200
                took.append((time.perf_counter() - started) * 1000)
        assert statistics.median(took[1:]) < NAGLE_FREE_MS, took
    finally:
        server.stop()
