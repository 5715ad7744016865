"""Qt fixtures: the real theme, font and zh_CN translation; QSettings kept out of the user's profile."""

import pytest
from PySide6.QtCore import QSettings

from hallapp.cli import FrontendOptions
from ui import gc_guard
from ui.ops import CoreOps
from ui.resources import install_language, load_fonts, load_theme


@pytest.fixture(scope="session", autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("qsettings"))
    )


@pytest.fixture
def hall_qapp(qapp):  # type: ignore[no-untyped-def]
    qapp.setOrganizationName("HallAppTests")
    qapp.setApplicationName("HallAppTests")
    qapp.setStyle("Fusion")
    gc_guard.install(qapp)
    load_fonts(qapp)
    load_theme(qapp)
    install_language(qapp, "zh_CN")
    yield qapp
    install_language(qapp, "zh_CN")


@pytest.fixture
def ops(core, hall_qapp):  # type: ignore[no-untyped-def]
    runner = CoreOps(core)
    yield runner
    runner._pool.shutdown(wait=True)
    runner._net.shutdown(wait=True)


def wait_ops(qtbot, ops: CoreOps, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.in_flight == 0, timeout=timeout)


@pytest.fixture
def options(demo_path) -> FrontendOptions:  # type: ignore[no-untyped-def]
    return FrontendOptions(db_path=demo_path, demo=True, smoke=True)
