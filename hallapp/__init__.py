"""HallApp core: Qt-free domain, database, services, printing, sync and server."""

__version__ = "0.4.0"
APP_NAME = "HallApp"
