"""The payment page driven from the keyboard: find, amount, cash, Enter; receipt printed after commit."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from hallapp.db.models import Payment, ReceiptPrint
from tests.core.accounts_for_tests import make_account
from tests.core.test_payment_service import TWO_BILLS
from tests.ui.conftest import wait_ops
from ui.counter.payment_page import PaymentPage
from ui.printing import DocumentKind, fake_printer, reset_fake_printers

pytestmark = pytest.mark.ui


@pytest.fixture
def page(qtbot, ops, clerk, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HALLAPP_PRINTER", "fake")
    reset_fake_printers()
    widget = PaymentPage(ops, clerk)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.windowHandle().requestActivate()  # offscreen windows are not activated by show(): shortcuts need it
    qtbot.waitUntil(widget.isActiveWindow)
    widget.activate()
    wait_ops(qtbot, ops)
    return widget


def account_no(core, account_id: str) -> str:  # type: ignore[no-untyped-def]
    return core.accounts.open(core.auth.login("S001", "demo1234"), account_id).account_no


def payments(core) -> int:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return s.scalar(select(func.count()).select_from(Payment)) or 0


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def open_account(qtbot, ops, page, number: str) -> None:  # type: ignore[no-untyped-def]
    page.query.setFocus()
    QTest.keyClicks(page.query, number)
    QTest.keyClick(page.query, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)


def test_cash_payment_from_the_keyboard(qtbot, ops, core, page) -> None:
    number = account_no(core, make_account(core, TWO_BILLS))
    before = payments(core)
    open_account(qtbot, ops, page, number)
    assert page.form.due.text() == "¥305.50"
    assert page.form.amount.hasFocus() and page.form.amount.selectedText() == "305.50"
    assert [line.penalty_fen for line in page.lines.records] == [390, 160]
    QTest.keyClick(page.form.amount, Qt.Key.Key_Return)
    assert page.form.tendered.hasFocus()
    QTest.keyClicks(page.form.tendered, "400")
    assert page.form.change.text() == "¥94.50"
    QTest.keyClick(page.form.tendered, Qt.Key.Key_Return)
    QTest.keyClick(page.form.tendered, Qt.Key.Key_Return)  # an impatient second press
    wait_ops(qtbot, ops)
    assert payments(core) == before + 1
    [job] = fake_printer(DocumentKind.RECEIPT).jobs
    text = pdf_text(job.pdf)
    assert "电费缴费凭证" in text and number in text and "补打" not in text
    assert page.result_change.text() == "找零 ¥94.50" and page.result_change.isVisible()
    assert "凭证已打印" in page.result_text.text()
    assert page.form.due.text() == "¥0.00"
    assert page.query.hasFocus()
    with core.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ReceiptPrint)) == 1


def test_printer_offline_keeps_the_payment_and_f8_prints_it(qtbot, ops, core, page) -> None:
    number = account_no(core, make_account(core, TWO_BILLS))
    fake_printer(DocumentKind.RECEIPT).fail_next("offline")
    open_account(qtbot, ops, page, number)
    QTest.keyClick(page.form.amount, Qt.Key.Key_Return)
    QTest.keyClick(page.form.tendered, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert "F8" in page.result_text.text()
    assert fake_printer(DocumentKind.RECEIPT).jobs == []
    page.handle_fkey("F8")
    wait_ops(qtbot, ops)
    [job] = fake_printer(DocumentKind.RECEIPT).jobs
    assert "补打" not in pdf_text(job.pdf)  # the customer never had the first one
    page.handle_fkey("F8")
    wait_ops(qtbot, ops)
    assert "补打" in pdf_text(fake_printer(DocumentKind.RECEIPT).jobs[-1].pdf)


def test_wechat_payment_with_alt_3_and_a_scanned_code(qtbot, ops, core, page) -> None:
    number = account_no(core, make_account(core, TWO_BILLS))
    open_account(qtbot, ops, page, number)
    QTest.keyClicks(page.form.amount, "100")
    QTest.keyClick(page.form.amount, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.form.method.value == "wechat")
    page.form.amount.setFocus()
    QTest.keyClick(page.form.amount, Qt.Key.Key_Return)
    assert page.form.reference.hasFocus()
    QTest.keyClicks(page.form.reference, "134567890123456789")
    QTest.keyClick(page.form.reference, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert page.form.due.text() == "¥205.50"


@pytest.mark.parametrize(("typed", "fragment"), [("abc", "数字"), ("0", "大于零"), ("1.234", "两位小数")])
def test_bad_amounts_are_explained_and_nothing_is_taken(qtbot, ops, core, page, typed, fragment) -> None:  # type: ignore[no-untyped-def]
    number = account_no(core, make_account(core, TWO_BILLS))
    open_account(qtbot, ops, page, number)
    before = payments(core)
    QTest.keyClicks(page.form.amount, typed)
    page.confirm()
    wait_ops(qtbot, ops)
    assert fragment in page.form.error.text()
    assert payments(core) == before and page.form.amount.hasFocus()


def test_cash_less_than_the_amount(qtbot, ops, core, page) -> None:
    number = account_no(core, make_account(core, TWO_BILLS))
    open_account(qtbot, ops, page, number)
    QTest.keyClick(page.form.amount, Qt.Key.Key_Return)
    QTest.keyClicks(page.form.tendered, "100")
    QTest.keyClick(page.form.tendered, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert "少于" in page.form.error.text() and page.form.tendered.hasFocus()


def test_closed_account_cannot_pay(qtbot, ops, core, page) -> None:
    number = account_no(core, make_account(core, [("202610", 5000, date(2026, 11, 12))], status="closed"))
    open_account(qtbot, ops, page, number)
    assert not page.form.isEnabled()
    assert "销户" in page.form.error.text() or "不能" in page.form.error.text()


def test_unknown_account(qtbot, ops, page) -> None:
    open_account(qtbot, ops, page, "3209999999")
    assert page.lookup_error.isVisible() and page.due is None
