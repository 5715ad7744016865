"""Where things live: the bundled resources and migrations, and the user's data folder."""

import os
import sys
from pathlib import Path

APP_DIR_NAME = "HallApp"


def install_root() -> Path:
    """The repository (source run) or the PyInstaller bundle folder (frozen run)."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def migrations_dir() -> Path:
    return install_root() / "migrations"


def data_home() -> Path:
    """HALLAPP_HOME, else the platform's per-user data folder."""
    override = os.environ.get("HALLAPP_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_database() -> Path:
    return data_home() / "hallapp.sqlite"


def demo_database() -> Path:
    return data_home() / "demo" / "hallapp-demo.sqlite"
