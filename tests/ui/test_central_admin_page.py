"""The admin page 中心服务器 against a real central server in-process (PostgreSQL, the FastAPI app in a
TestClient handed to the service as its HTTP client): every form filled and submitted from the
keyboard, and the result checked on the server itself."""

import os
from contextlib import nullcontext
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from hallapp.central import enrolment, staff
from hallapp.central.admin_auth import issue_admin_token
from hallapp.central.schema import Device, Hall
from hallapp.central.staff import add_operator, list_operators
from hallapp.domain.errors import ActionRefused, InvalidInput, PermissionDenied, SyncUnavailable
from hallapp.services import central_admin_service as pc_rules
from hallapp.services.central_admin_service import OperatorForm, central_admin_of
from hallapp.sync import admin_client, state
from hallapp.sync import enrol as pc_enrol
from tests.memory_keyring import MemoryKeyring
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    central_url,
    client,
    enrol,
    enrol_body,
    pg_url,
    sessions,
)
from tests.ui.conftest import wait_ops
from ui.admin.central_admin_page import CentralAdminPage
from ui.admin.central_messages import central_message

pytestmark = [pytest.mark.pg, pytest.mark.ui]

SERVER = "http://testserver"  # the TestClient's base URL
PASSWORD = "Counter#2026"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "admin-central.png"


@pytest.fixture
def kept():  # type: ignore[no-untyped-def]
    import keyring

    previous, memory = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory.kept
    keyring.set_keyring(previous)


@pytest.fixture
def token(sessions) -> str:  # type: ignore[no-untyped-def]
    return issue_admin_token(sessions, "ops")


@pytest.fixture
def wired(core, admin, client, kept):  # type: ignore[no-untyped-def]
    """This PC syncs with the server under test; the service's HTTP goes to the TestClient."""
    core.settings.update(admin, {"sync.server_url": SERVER})
    addresses: list[str] = []

    def connect(url: str):  # type: ignore[no-untyped-def]
        addresses.append(url)
        return nullcontext(client)

    central_admin_of(core).connect = connect
    return addresses


def open_page(qtbot, ops, actor) -> CentralAdminPage:  # type: ignore[no-untyped-def]
    page = CentralAdminPage(ops, actor)
    qtbot.addWidget(page)
    page.resize(1366 - 216, 768 - 120)  # the workspace's share of a 1366x768 screen
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    return page


def alt(qtbot, page, key) -> None:  # type: ignore[no-untyped-def]
    """A mnemonic, as a person presses it."""
    qtbot.keyClick(QGuiApplication.focusObject() or page, key, Qt.KeyboardModifier.AltModifier)


def type_in(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the text as typed: keys for ASCII, an input method's commit for Chinese (QTest
    cannot press keys that are not ASCII)."""
    widget.selectAll()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def connected(qtbot, ops, admin, token):  # type: ignore[no-untyped-def]
    page = open_page(qtbot, ops, admin)
    type_in(qtbot, page.token, token)
    qtbot.keyClick(page.token, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    assert page.tabs.isEnabled(), page.status.text()
    return page


def test_the_token_is_typed_once_tried_and_kept_in_the_keyring(qtbot, ops, admin, token, wired, kept) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, ops, admin)
    assert page.server.text() == SERVER  # from the setting sync.server_url
    assert not page.tabs.isEnabled() and page.token.hasFocus()

    type_in(qtbot, page.token, "hadm_wrong")
    qtbot.keyClick(page.token, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert page.status.text() == central_message(ActionRefused("admin_token_refused"))
    assert not page.tabs.isEnabled() and kept == {}  # a refused token is kept nowhere

    type_in(qtbot, page.token, token)
    qtbot.keyClick(page.token, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert page.tabs.isEnabled()
    assert [h.hall_id for h in page.halls_tab.model.records] == [HALL]
    assert kept == {("hallapp", f"central-admin-token:{SERVER}"): token}
    assert page.token.text() == "" and page.forget_button.isEnabled()
    assert set(wired) == {SERVER}

    again = open_page(qtbot, ops, admin)  # the next time: connected without typing anything
    assert again.tabs.isEnabled() and again.codes_tab.hall.currentData() == HALL

    again.forget_button.click()
    wait_ops(qtbot, ops)
    assert kept == {} and not again.tabs.isEnabled()


def test_an_unreachable_server_is_one_sentence(qtbot, ops, core, admin, kept) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {"sync.server_url": "http://127.0.0.1:9"})

    def refused(_request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    central_admin_of(core).connect = lambda url: httpx.Client(
        base_url=url, transport=httpx.MockTransport(refused)
    )
    page = open_page(qtbot, ops, admin)
    type_in(qtbot, page.token, "hadm_anything")
    page.connect_button.click()
    wait_ops(qtbot, ops)
    assert page.status.text() == central_message(SyncUnavailable())
    assert page.status.property("role") == "error" and not page.tabs.isEnabled()
    assert kept == {}

    type_in(qtbot, page.server, "not an address")
    qtbot.keyClick(page.server, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert page.server.property("invalid") == "true"
    assert page.errors.labels["server_url"].text() == central_message(InvalidInput("server_url", "bad_url"))


def test_a_hall_is_added_from_the_keyboard(qtbot, ops, admin, token, wired, sessions) -> None:  # type: ignore[no-untyped-def]
    page = connected(qtbot, ops, admin, token)
    tab = page.halls_tab
    alt(qtbot, page, Qt.Key.Key_H)
    alt(qtbot, page, Qt.Key.Key_I)
    assert tab.hall_id.hasFocus()
    qtbot.keyClicks(tab.hall_id, HALL)
    alt(qtbot, page, Qt.Key.Key_N)
    type_in(qtbot, tab.name, "重复的营业厅")
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert tab.hall_id.property("invalid") == "true"
    assert tab.errors.labels["hall_id"].text() == central_message(
        InvalidInput("hall_id", "hall_exists", hall_id=HALL)
    )

    type_in(qtbot, tab.hall_id, "H0002")
    type_in(qtbot, tab.name, "城西供电营业厅")
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    with sessions() as s:
        assert s.get(Hall, "H0002").name == "城西供电营业厅"
    assert [h.hall_id for h in tab.model.records] == [HALL, "H0002"]
    assert page.operators_tab.hall.findData("H0002") >= 0  # every tab knows the new hall
    assert tab.hall_id.text() == "" and "H0002" in tab.message.text()


def test_an_enrolment_code_is_shown_large_copied_and_enrols_a_pc(
    qtbot, ops, admin, token, wired, client
) -> None:  # type: ignore[no-untyped-def]
    page = connected(qtbot, ops, admin, token)
    tab = page.codes_tab
    alt(qtbot, page, Qt.Key.Key_E)
    alt(qtbot, page, Qt.Key.Key_V)
    assert tab.minutes.hasFocus()
    tab.minutes.selectAll()
    qtbot.keyClicks(tab.minutes, "45")
    qtbot.keyClick(tab.minutes, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert tab.issued is not None and tab.issued.minutes == 45 and tab.issued.hall_id == HALL
    shown = tab.code.text()
    assert len(shown) == 11 and shown.replace(" ", "") == tab.issued.code
    assert HALL in tab.expiry.text() and "45" in tab.expiry.text()
    assert tab.copy_button.hasFocus()
    qtbot.keyClick(tab.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == tab.issued.code
    enrolled = client.post("/v1/devices/enroll", json=enrol_body(shown))  # typed with its space
    assert enrolled.status_code == 201 and enrolled.json()["hall_id"] == HALL


def test_a_device_is_revoked_with_a_note_after_confirming(
    qtbot, ops, admin, token, wired, client, sessions
) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    page = connected(qtbot, ops, admin, token)
    tab = page.devices_tab
    alt(qtbot, page, Qt.Key.Key_D)
    wait_ops(qtbot, ops)
    assert [d.device_code for d in tab.model.records] == [device.device_code]
    assert tab.revoke_button.isEnabled()

    alt(qtbot, page, Qt.Key.Key_V)  # a button's mnemonic clicks it a moment later (animateClick)
    qtbot.waitUntil(lambda: tab.revoke_dialog is not None and tab.revoke_dialog.isVisible())
    dialog = tab.revoke_dialog
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)  # backs out: nothing happens
    assert not dialog.isVisible()
    wait_ops(qtbot, ops)
    with sessions() as s:
        assert s.get(Device, device.device_id).status == "active"

    tab.ask_revoke()
    dialog = tab.revoke_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # the reason is required
    wait_ops(qtbot, ops)
    assert dialog.isVisible() and dialog.note.property("invalid") == "true"
    type_in(qtbot, dialog.note, "电脑报废")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with sessions() as s:
        row = s.get(Device, device.device_id)
        assert (row.status, row.status_note) == ("revoked", "电脑报废 (ops)")
    wait_ops(qtbot, ops)
    assert [d.status for d in tab.model.records] == ["revoked"]
    assert not tab.revoke_button.isEnabled()
    assert client.get("/v1/sync/meta", headers=device.headers).status_code == 403


def test_an_operator_is_added_with_the_password_twice_and_deactivated(
    qtbot, ops, admin, token, wired, sessions
) -> None:  # type: ignore[no-untyped-def]
    add_operator(sessions, HALL, "C900", "李明", "clerk", PASSWORD)
    page = connected(qtbot, ops, admin, token)
    tab = page.operators_tab
    alt(qtbot, page, Qt.Key.Key_O)
    wait_ops(qtbot, ops)
    assert [o.staff_no for o in tab.model.records] == ["C900"]

    alt(qtbot, page, Qt.Key.Key_S)
    qtbot.keyClicks(tab.staff_no, "c101")
    alt(qtbot, page, Qt.Key.Key_N)
    type_in(qtbot, tab.name, "王芳")
    alt(qtbot, page, Qt.Key.Key_P)
    qtbot.keyClicks(tab.password, "short")
    alt(qtbot, page, Qt.Key.Key_G)
    qtbot.keyClicks(tab.password_again, "shorter")
    qtbot.keyClick(tab.password_again, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert tab.password_again.property("invalid") == "true"
    assert tab.errors.labels["password_again"].text() == central_message(
        InvalidInput("password_again", "passwords_differ")
    )
    assert tab.password.text() == "" and [o.staff_no for o in list_operators(sessions)] == ["C900"]

    qtbot.keyClicks(tab.password, "short")  # the same twice, but the server's rule says 8
    qtbot.keyClicks(tab.password_again, "short")
    qtbot.keyClick(tab.password_again, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert tab.errors.labels["password"].text() == central_message(
        InvalidInput("password", "weak_password", minimum=8)
    )
    assert [o.staff_no for o in list_operators(sessions)] == ["C900"]

    qtbot.keyClicks(tab.password, PASSWORD)
    qtbot.keyClicks(tab.password_again, PASSWORD)
    qtbot.keyClick(tab.password_again, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)
    added = {o.staff_no: o for o in list_operators(sessions, HALL)}["C101"]
    assert (added.name, added.role, added.active) == ("王芳", "clerk", True)
    assert [o.staff_no for o in tab.model.records] == ["C101", "C900"]

    tab.table.selectRow(1)
    alt(qtbot, page, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: tab.deactivate_dialog is not None and tab.deactivate_dialog.isVisible())
    dialog = tab.deactivate_dialog
    assert "C900" in dialog.windowTitle()
    qtbot.keyClick(dialog.deactivate_button, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert {o.staff_no: o.active for o in list_operators(sessions, HALL)} == {"C101": True, "C900": False}
    wait_ops(qtbot, ops)
    assert [o.active for o in tab.model.records] == [True, False]

    if os.environ.get("HALLAPP_SCREENSHOTS") == "1":  # the page as the docs show it
        tab.table.selectRow(0)
        page.resize(1366 - 216, 768 - 120)
        assert page.grab().save(str(SCREENSHOT))


def test_only_an_administrator_may_use_the_service(core, clerk, supervisor, kept) -> None:  # type: ignore[no-untyped-def]
    service = central_admin_of(core)
    form = OperatorForm("C101", "王芳", "clerk", PASSWORD, PASSWORD)
    for actor in (clerk, supervisor):
        for call in (
            service.connection,
            lambda a: service.sign_in(a, SERVER, "hadm_x"),
            lambda a: service.halls(a, SERVER),
            lambda a: service.add_operator(a, SERVER, HALL, form),
            lambda a: service.revoke_device(a, SERVER, "H000001", "note"),
        ):
            with pytest.raises(PermissionDenied):
                call(actor)
    assert kept == {}


def test_the_admin_client_words_refusals_as_typed_errors() -> None:
    assert isinstance(admin_client.refusal(401, {"error": "unauthenticated"}), ActionRefused)
    weak = admin_client.refusal(400, {"error": "weak_password", "minimum": 10, "message": "密码太短"})
    assert isinstance(weak, InvalidInput) and weak.field == "password" and weak.params["minimum"] == 10
    gone = admin_client.refusal(404, {"error": "not_found"})  # an older server without the routes
    assert isinstance(gone, ActionRefused) and gone.reason == "not_an_admin_server"
    taken = admin_client.refusal(409, {"error": "hall_exists", "hall_id": "H1"})
    assert isinstance(taken, InvalidInput) and taken.field == "hall_id"


def test_without_the_setting_the_page_uses_where_the_pc_enrolled(core, admin, kept) -> None:  # type: ignore[no-untyped-def]
    assert central_admin_of(core).connection(admin).server_url == ""
    with core.db.write() as s:
        state.put(s, pc_enrol.SERVER_URL, "https://central.example.cn")
    kept[("hallapp", "central-admin-token:https://central.example.cn")] = "hadm_kept"
    assert central_admin_of(core).connection(admin) == pc_rules.CentralConnection(
        "https://central.example.cn", True
    )


def test_the_pc_checks_by_the_servers_rules() -> None:
    """The PC cannot import the server's modules (they need PostgreSQL's drivers): its copies of
    their limits must stay equal."""
    assert pc_rules.MAX_CODE_MINUTES == enrolment.MAX_CODE_MINUTES
    assert pc_rules.HALL_ID.pattern == enrolment.HALL_ID.pattern
    assert pc_rules.MAX_OPERATOR_NAME == staff.MAX_NAME  # staff numbers and passwords: domain.staff_rules
    assert pc_rules.SERVER_URL == pc_enrol.SERVER_URL
