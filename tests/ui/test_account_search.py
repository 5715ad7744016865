"""Finding and opening an account from the keyboard, as a clerk with a barcode scanner would."""

from PySide6.QtCore import Qt

from hallapp.domain.records import AccountHit
from tests.ui.conftest import wait_ops
from ui.counter.account_search_page import ACCOUNT, RESULTS, AccountSearchPage


def make_page(qtbot, ops, actor) -> AccountSearchPage:  # type: ignore[no-untyped-def]
    page = AccountSearchPage(ops, actor)
    qtbot.addWidget(page)
    page.resize(1150, 650)
    page.show()
    return page


def scan(qtbot, ops, page: AccountSearchPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.query.clear()
    if text.isascii():
        qtbot.keyClicks(page.query, text)  # a barcode scanner types keys
    else:
        page.query.insert(text)  # Chinese and full-width text arrives committed by the input method
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    wait_ops(qtbot, ops)


def test_scanned_account_number_opens_the_account(qtbot, ops, core, clerk) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, "3200000012")
    assert page.stack.currentIndex() == ACCOUNT
    detail = page.view.detail
    assert detail is not None and detail.account_no == "3200000012"
    assert page.view.holder.text() == detail.holder
    assert page.view.bills.rowCount() == len(detail.bills) == 5
    owed = detail.outstanding_fen
    assert page.view.owed.text() == ("无欠费" if owed == 0 else f"¥{owed / 100:,.2f}")
    qtbot.keyClick(page.view.bill_table, Qt.Key.Key_Escape)  # Esc handled by the shell; call it directly
    page.handle_escape()
    assert page.stack.currentIndex() == RESULTS


def test_full_width_digits_are_converted(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, "３２０００００００７")
    assert page.stack.currentIndex() == ACCOUNT
    assert page.view.detail.account_no == "3200000007"


def test_nine_digits_get_one_clear_sentence(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, "320000001")
    assert page.error.isVisible()
    assert page.error.text() == "您输入了 9 位数字：户号为 10 位，手机号为 11 位，请核对号码。"
    assert page.query.selectedText() == "320000001"


def test_emoji_and_sql_are_refused_without_a_search(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, "张😀")
    assert "无法查询的符号" in page.error.text()
    scan(qtbot, ops, page, "' OR 1=1 --")
    assert page.error.isVisible()
    assert page.hits.rowCount() == 0


def test_name_search_lists_and_enter_opens_the_chosen_one(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, "王")
    assert page.stack.currentIndex() == RESULTS
    assert page.hits.rowCount() > 1
    assert all(isinstance(h, AccountHit) and h.holder.startswith("王") for h in page.hits.records)
    assert "找到" in page.summary.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    chosen = page.table.current_record()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_ops(qtbot, ops)
    assert page.stack.currentIndex() == ACCOUNT
    assert page.view.detail.account_id == chosen.account_id


def test_nothing_found_says_what_to_do(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, "不存在的地址片段")
    assert page.hits.rowCount() == 0
    assert "没有与“不存在的地址片段”匹配的账户" in page.summary.text()


def test_guide_cannot_search_even_if_the_page_were_shown(qtbot, ops, guide) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, guide)
    scan(qtbot, ops, page, "3200000012")
    assert page.error.text() == "您的岗位无权办理此项，请找值班长处理。"
    assert page.stack.currentIndex() == RESULTS


def test_a_rejected_search_clears_the_old_results(qtbot, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ops, clerk)
    scan(qtbot, ops, page, "王")
    assert page.hits.rowCount() > 1
    scan(qtbot, ops, page, "12")
    assert page.error.isVisible() and page.hits.rowCount() == 0 and page.summary.text() == ""
