"""`hallapp serve --role hall`: run the hall hub on this PC's database for the whole hall's LAN.

One process, one worker: the hub is the queue's single writer. The hall key, if set, comes from
the environment (HALLAPP_HALL_KEY) so it never sits in a command line or a process list.
"""

import logging
import os
from pathlib import Path

import uvicorn

from hallapp.server.hub_app import create_hub_app
from hallapp.services.hall_core import HallCore

DEFAULT_PORT = 8765
LOG_FORMAT = '{"at": "%(asctime)s", "level": "%(levelname)s", "logger": "%(name)s", "message": "%(message)s"}'


def serve_hub(db_path: Path, *, host: str = "0.0.0.0", port: int = DEFAULT_PORT) -> int:
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    core = HallCore.open(db_path)
    try:
        app = create_hub_app(core, hall_key=os.environ.get("HALLAPP_HALL_KEY") or None)
        uvicorn.run(
            app,
            host=host,
            port=port,
            workers=1,
            log_level="info",
            access_log=False,
            timeout_graceful_shutdown=2,
        )
    finally:
        core.close()
    return 0
