"""`hallapp serve --role central`: Uvicorn workers on one port, each building the app from the URL.

The database URL reaches the workers through ``HALLAPP_CENTRAL_URL`` (not their command line). The
schema must be current: ``hallapp central init-db`` first; the server never migrates by itself.

Every accepted connection gets ``TCP_NODELAY`` (``NoDelayHTTPProtocol``): with more than one worker
Uvicorn binds the listening socket itself with ``proto`` 0, and asyncio then leaves Nagle on for the
connections it accepts (Kludex/uvicorn#3149). A small answer's last segment would wait for the
client's delayed ACK: about 40 ms on every request of a kept-alive connection after the first.
"""

import asyncio
import logging
import os
import socket

import uvicorn
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from hallapp.central.db import URL_ENV, make_engine, schema_is_current
from hallapp.central.logs import configure_logging, uvicorn_log_config

log = logging.getLogger(__name__)


class SchemaNotCurrent(Exception):
    """The database is not at this version's schema: run ``hallapp central init-db``."""


def check_database(url: str) -> None:
    """Raises OperationalError when unreachable, SchemaNotCurrent when not migrated to head."""
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        if not schema_is_current(engine):
            raise SchemaNotCurrent(url)
    finally:
        engine.dispose()


class NoDelayHTTPProtocol(AutoHTTPProtocol):
    """Uvicorn's HTTP protocol (h11, or httptools when installed) on a socket without Nagle."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def serve_central(url: str, *, host: str, port: int, workers: int = 1) -> int:
    configure_logging()
    check_database(url)
    os.environ[URL_ENV] = url
    log.info("central server on %s:%d with %d worker(s)", host, port, workers)
    uvicorn.run(
        "hallapp.central.app:app_from_env",
        factory=True,
        http=NoDelayHTTPProtocol,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        log_config=uvicorn_log_config(),
        access_log=False,  # our own request log: one JSON line per request
        timeout_graceful_shutdown=5,
        proxy_headers=True,
    )
    return 0
