"""Start-up: a damaged database is reported and never replaced; the whole app signs in and out."""

import hashlib

from hallapp.cli import FrontendOptions
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.services.hall_core import HallCore
from tests.ui.conftest import wait_ops
from ui.app import AppController, open_core


def test_damaged_database_is_reported_and_left_untouched(tmp_path, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.sqlite"
    path.write_bytes(b"this is not a database" * 400)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert open_core(FrontendOptions(db_path=path, smoke=True)) is None
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_sign_in_workspace_sign_out_cycle(qtbot, demo_path, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    controller = AppController(
        HallCore.open(demo_path), FrontendOptions(db_path=demo_path, demo=True, smoke=True)
    )
    try:
        login = controller.login
        assert login.ui.hallName.text() == "城东供电营业厅"
        assert login.ui.demoHint.isVisibleTo(login)
        login.ui.staffNo.setText("S001")
        login.ui.password.setText(DEMO_PASSWORD)
        login.ui.signIn.click()
        qtbot.waitUntil(lambda: controller.workspace is not None, timeout=5000)
        workspace = controller.workspace
        assert workspace.windowTitle() == "HallApp - 值班长工作台"
        workspace.sign_out()
        qtbot.waitUntil(lambda: controller.workspace is None, timeout=5000)
        assert login.isVisible() and login.ui.password.text() == ""
    finally:
        wait_ops(qtbot, controller.ops)
        controller.ops.shutdown()
