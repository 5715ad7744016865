"""Shared fixtures. Qt runs offscreen (set before any Qt import); PostgreSQL tests need a server."""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HALLAPP_PRINTER", "fake")  # no test ever reaches a real printer
os.environ.setdefault("HALLAPP_HOME", str(Path(__file__).parent / ".hallapp-home-unused"))

import pytest

from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore

TEST_ACCOUNTS = 400
START = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)  # 09:30 in the hall (UTC+8), a Friday


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database for the whole run; tests get their own copy of it."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    build_demo_database(path, TEST_ACCOUNTS, clock=FakeClock(START))
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "hall.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def core(demo_path: Path, clock: FakeClock):
    hall = HallCore.open(demo_path, clock=clock)
    yield hall
    hall.close()


def _login(core: HallCore, staff_no: str):
    return core.auth.login(staff_no, DEMO_PASSWORD)


@pytest.fixture
def clerk(core: HallCore):
    return _login(core, "C001")


@pytest.fixture
def supervisor(core: HallCore):
    return _login(core, "S001")


@pytest.fixture
def admin(core: HallCore):
    return _login(core, "A001")


@pytest.fixture
def guide(core: HallCore):
    return _login(core, "G001")
