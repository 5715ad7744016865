"""`hallapp serve --role central`: Uvicorn workers on one port, each building the app from the URL.

The database URL reaches the workers through ``HALLAPP_CENTRAL_URL`` (not their command line). The
schema must be current: ``hallapp central init-db`` first; the server never migrates by itself.
"""

import logging
import os

import uvicorn

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


def serve_central(url: str, *, host: str, port: int, workers: int = 1) -> int:
    configure_logging()
    check_database(url)
    os.environ[URL_ENV] = url
    log.info("central server on %s:%d with %d worker(s)", host, port, workers)
    uvicorn.run(
        "hallapp.central.app:app_from_env",
        factory=True,
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
