"""Sign-in from the keyboard, clear Chinese errors, language switch."""

from PySide6.QtCore import Qt

from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import Role
from tests.ui.conftest import wait_ops
from ui.login.login_window import LoginWindow
from ui.resources import install_language


def make_login(qtbot, ops, language: str = "zh_CN") -> LoginWindow:  # type: ignore[no-untyped-def]
    window = LoginWindow(ops, hall_name="城东供电营业厅", demo=True, language=language)
    qtbot.addWidget(window)
    window.show()
    return window


def type_in(qtbot, window: LoginWindow, staff_no: str, password: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.ui.staffNo, staff_no)
    qtbot.keyClick(window.ui.staffNo, Qt.Key.Key_Return)
    assert window.focusWidget() is window.ui.password  # Enter in the staff number moves on
    qtbot.keyClicks(window.ui.password, password)


def test_keyboard_sign_in_emits_the_actor(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    window = make_login(qtbot, ops)
    type_in(qtbot, window, "c001", DEMO_PASSWORD)
    with qtbot.waitSignal(window.sig_signed_in, timeout=5000) as blocker:
        qtbot.keyClick(window.ui.password, Qt.Key.Key_Return)
    actor = blocker.args[0]
    assert actor.staff_no == "C001" and actor.role is Role.CLERK
    assert window.ui.password.text() == ""


def test_wrong_password_says_so_in_chinese_and_counts_down(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    window = make_login(qtbot, ops)
    type_in(qtbot, window, "C001", "wrong-password")
    qtbot.keyClick(window.ui.password, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert window.ui.error.isVisible()
    assert "工号或密码不正确" in window.ui.error.text()
    assert "4" in window.ui.error.text()
    assert window.ui.password.text() == ""
    assert window.ui.signIn.isEnabled()


def test_empty_staff_number_is_explained_next_to_the_field(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    window = make_login(qtbot, ops)
    qtbot.keyClicks(window.ui.password, DEMO_PASSWORD)
    qtbot.mouseClick(window.ui.signIn, Qt.MouseButton.LeftButton)
    wait_ops(qtbot, ops)
    assert window.ui.error.text() == "此项不能为空，请填写。"


def test_control_characters_and_symbols_are_refused(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    window = make_login(qtbot, ops)
    window.ui.staffNo.setText("C0\x0701")
    window.ui.password.setText(DEMO_PASSWORD)
    window.ui.signIn.click()
    wait_ops(qtbot, ops)
    assert "控制字符" in window.ui.error.text()
    window.ui.staffNo.setText("C001'; DROP TABLE operator;--")
    window.ui.signIn.click()
    wait_ops(qtbot, ops)
    assert "工号只含字母和数字" in window.ui.error.text()


def test_huge_input_is_capped_by_the_field(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    window = make_login(qtbot, ops)
    window.ui.staffNo.setText("C" * 10_000)
    assert len(window.ui.staffNo.text()) == 20


def test_switching_to_english_needs_no_code_change(qtbot, ops, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    window = make_login(qtbot, ops)
    assert window.ui.signIn.text() == "登录"
    with qtbot.waitSignal(window.sig_language_chosen) as blocker:
        window.ui.language.setCurrentIndex(1)
    assert blocker.args == ["en"]
    install_language(hall_qapp, "en")
    english = make_login(qtbot, ops, language="en")
    assert english.ui.signIn.text() == "Sign in"
    assert english.ui.brand.text() == "Business Hall Counter System"
