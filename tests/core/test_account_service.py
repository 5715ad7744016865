"""Finding an account (户号, phone, name, address) and opening it with bills, payments, applications."""

from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import event, func, select

from hallapp.db.models import Account, Application, Bill, Customer, Operator, Payment
from hallapp.domain.application_flow import CLOSED, Stage
from hallapp.domain.enums import BillState
from hallapp.domain.errors import AccountNotFound, InvalidInput, PermissionDenied
from hallapp.domain.ids import new_id
from hallapp.domain.records import AccountDetail
from hallapp.domain.search import SearchKind, SearchQuery
from hallapp.services.account_service import find_accounts


def _add_account(core, account_no: str, name: str, address: str, phone: str = "13900000000") -> str:  # type: ignore[no-untyped-def]
    customer_id, account_id = new_id(), new_id()
    with core.db.write() as s:
        s.add(Customer(customer_id=customer_id, kind="person", name=name, phone=phone))
        s.flush()
        s.add(
            Account(
                account_id=account_id,
                account_no=account_no,
                customer_id=customer_id,
                hall_id=core.device.hall_id,
                address=address,
                tariff="resident",
                voltage="220V",
                supply_relation="direct",
                load_class="3",
                opened_on=date(2020, 1, 1),
            )
        )
    return account_id


@contextmanager
def _sql(core):  # type: ignore[no-untyped-def]
    """Collect the SQL statements the core sends, to see which search path ran."""
    statements: list[str] = []

    def spy(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(core.db.engine, "before_cursor_execute", spy)
    try:
        yield statements
    finally:
        event.remove(core.db.engine, "before_cursor_execute", spy)


def _scalar(core, stmt):  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return s.scalar(stmt)


def _count_address(core, fragment: str) -> int:  # type: ignore[no-untyped-def]
    return _scalar(core, select(func.count()).where(Account.address.contains(fragment, autoescape=True)))


# --- search ------------------------------------------------------------------------------------


def test_search_by_account_number(core, clerk) -> None:  # type: ignore[no-untyped-def]
    [hit] = core.accounts.search(clerk, "3200000007")
    assert hit.account_no == "3200000007"
    assert hit.matched is SearchKind.ACCOUNT_NO
    with core.db.read() as s:
        account = s.scalars(select(Account).where(Account.account_no == "3200000007")).one()
        customer = s.get(Customer, account.customer_id)
    assert (hit.account_id, hit.holder, hit.address, hit.phone) == (
        account.account_id,
        customer.name,
        account.address,
        customer.phone,
    )


def test_search_by_full_width_account_number(core, clerk) -> None:  # type: ignore[no-untyped-def]
    [hit] = core.accounts.search(clerk, "３２０００００００７")
    assert hit.account_no == "3200000007"


def test_unknown_account_number_finds_nothing(core, clerk) -> None:  # type: ignore[no-untyped-def]
    assert core.accounts.search(clerk, "9999999999") == []


def test_search_by_mobile_number(core, clerk) -> None:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        phone = s.scalar(select(Customer.phone).order_by(Customer.customer_id).limit(1))
    hits = core.accounts.search(clerk, phone)
    assert hits
    assert all(h.phone == phone and h.matched is SearchKind.PHONE for h in hits)


def test_search_by_phone_prefix(core, clerk) -> None:  # type: ignore[no-untyped-def]
    hits = core.accounts.search(clerk, "1391", SearchKind.PHONE)
    expected = _scalar(
        core, select(func.count()).select_from(Customer).where(Customer.phone.startswith("1391"))
    )
    assert len(hits) == min(expected, 50)
    assert all(h.phone.startswith("1391") for h in hits)


def test_search_by_name_prefix(core, clerk) -> None:  # type: ignore[no-untyped-def]
    _add_account(core, "8800000001", "欧阳娜娜", "示例市测试路1号")
    _add_account(core, "8800000002", "欧阳修", "示例市测试路2号")
    _add_account(core, "8800000003", "小欧阳", "示例市测试路3号")
    hits = core.accounts.search(clerk, "欧阳", SearchKind.NAME)
    # name hits come in name order (the index order, so a common surname stops at the limit)
    assert [h.holder for h in hits] == ["欧阳修", "欧阳娜娜"]
    assert [h.account_no for h in hits] == ["8800000002", "8800000001"]
    assert all(h.matched is SearchKind.NAME for h in hits)


def test_auto_text_searches_names_first_then_addresses(core, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    # Organisation names start with 示例市, and every address contains it.
    core.settings.update(admin, {"accounts.search_limit": 100})
    names = _scalar(
        core, select(func.count()).select_from(Customer).where(Customer.name.startswith("示例市"))
    )
    assert 0 < names < 100
    hits = core.accounts.search(clerk, "示例市")
    assert names < len(hits) <= 100
    kinds = [h.matched for h in hits]
    assert kinds == [SearchKind.NAME] * names + [SearchKind.ADDRESS] * (len(hits) - names)
    assert len({h.account_id for h in hits}) == len(hits)  # nobody twice
    assert all(h.holder.startswith("示例市") for h in hits[:names])
    assert all("示例市" in h.address for h in hits[names:])


def test_auto_text_fills_the_result_list_up_to_the_limit(core, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    core.settings.update(admin, {"accounts.search_limit": 100})
    assert _count_address(core, "示例市") > 100
    assert len(core.accounts.search(clerk, "示例市")) == 100


def test_auto_text_falls_through_to_the_address(core, clerk) -> None:  # type: ignore[no-untyped-def]
    hits = core.accounts.search(clerk, "建设路")
    assert hits
    assert all(h.matched is SearchKind.ADDRESS and "建设路" in h.address for h in hits)
    assert len(hits) == min(_count_address(core, "建设路"), 50)


def test_address_search_with_three_or_more_characters_uses_the_fts_index(core, clerk) -> None:  # type: ignore[no-untyped-def]
    with _sql(core) as statements:
        hits = core.accounts.search(clerk, "阳光花园", SearchKind.ADDRESS)
    assert any("account_fts MATCH" in x for x in statements)
    assert not any(" LIKE " in x for x in statements)
    assert len(hits) == min(_count_address(core, "阳光花园"), 50)
    assert all("阳光花园" in h.address for h in hits)
    assert [h.account_no for h in hits] == sorted(h.account_no for h in hits)


def test_address_search_with_two_characters_uses_like(core, clerk) -> None:  # type: ignore[no-untyped-def]
    _add_account(core, "8800000010", "测试", "示例市鹭岛路9号")
    with _sql(core) as statements:
        hits = core.accounts.search(clerk, "鹭岛", SearchKind.ADDRESS)
    assert [h.account_no for h in hits] == ["8800000010"]
    assert any(" LIKE " in x for x in statements)
    assert not any("account_fts" in x for x in statements)
    hits = core.accounts.search(clerk, "单元", SearchKind.ADDRESS)
    assert len(hits) == min(_count_address(core, "单元"), 50)


def test_address_index_follows_address_changes(core, clerk) -> None:  # type: ignore[no-untyped-def]
    account_id = _add_account(core, "8800000020", "测试", "示例市旧址路1号")
    assert [h.account_no for h in core.accounts.search(clerk, "旧址路", SearchKind.ADDRESS)] == ["8800000020"]
    with core.db.write() as s:
        s.get(Account, account_id).address = "示例市新址路1号"
    assert core.accounts.search(clerk, "旧址路", SearchKind.ADDRESS) == []
    assert [h.account_no for h in core.accounts.search(clerk, "新址路", SearchKind.ADDRESS)] == ["8800000020"]


def test_results_are_limited_by_the_setting(core, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    assert len(core.accounts.search(clerk, "示例市", SearchKind.ADDRESS)) == 50
    core.settings.update(admin, {"accounts.search_limit": 10})
    hits = core.accounts.search(clerk, "示例市", SearchKind.ADDRESS)
    assert len(hits) == 10
    assert [h.account_no for h in hits] == sorted(h.account_no for h in hits)
    assert len(core.accounts.search(clerk, "单元", SearchKind.ADDRESS)) == 10  # LIKE path too
    assert len(core.accounts.search(clerk, "示例市")) == 10  # AUTO: names plus addresses


def test_account_number_length_follows_the_setting(core, clerk, admin) -> None:  # type: ignore[no-untyped-def]
    _add_account(core, "77000001", "测试", "示例市八位路1号")
    with pytest.raises(InvalidInput):
        core.accounts.search(clerk, "77000001")
    core.settings.update(admin, {"accounts.number_length": 8})
    assert [h.account_no for h in core.accounts.search(clerk, "77000001")] == ["77000001"]


@pytest.mark.parametrize("raw", ["50%", '"路', "' OR 1=1 --", "%%%"])
def test_wildcards_and_quotes_are_refused_at_the_search_box(core, clerk, raw: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as info:
        core.accounts.search(clerk, raw, SearchKind.ADDRESS)
    assert info.value.reason == "bad_chars"


def test_underscore_in_an_address_is_literal(core, clerk) -> None:  # type: ignore[no-untyped-def]
    _add_account(core, "8800000030", "测试", "示例市A_B路5号")
    # Two characters: the LIKE path, where an unescaped _ would match every address with 路.
    hits = core.accounts.search(clerk, "_B", SearchKind.ADDRESS)
    assert [h.account_no for h in hits] == ["8800000030"]
    hits = core.accounts.search(clerk, "A_B路", SearchKind.ADDRESS)  # FTS path
    assert [h.account_no for h in hits] == ["8800000030"]
    assert core.accounts.search(clerk, "_路", SearchKind.ADDRESS) == []


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("%", ["8800000041"]),
        ("0%", ["8800000041"]),
        ("100%路", ["8800000041"]),
        ('"', ["8800000042"]),
        ('号"', ["8800000042"]),
        ('"东"楼', ["8800000042"]),
        ("_", ["8800000043"]),
        ("%_", []),
        ('" OR "', []),
        ("路 NEAR 号", []),
        ("a*", []),
    ],
)
def test_find_accounts_treats_wildcards_and_quotes_literally(
    core, fragment: str, expected: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """Below the search box (other callers may pass any text): no wildcard explosion, no FTS errors."""
    _add_account(core, "8800000041", "测试", "示例市100%路1号")
    _add_account(core, "8800000042", "测试", '示例市长江路2号"东"楼')
    _add_account(core, "8800000043", "测试", "示例市下_划线路3号")
    with core.db.read() as s:
        hits = find_accounts(s, SearchQuery(SearchKind.ADDRESS, fragment), 50)
    assert [h.account_no for h in hits] == expected


def test_guide_cannot_search_or_open(core, guide) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        core.accounts.search(guide, "3200000001")
    with pytest.raises(PermissionDenied):
        core.accounts.open_by_number(guide, "3200000001")
    with pytest.raises(PermissionDenied):
        core.accounts.open(guide, "whatever")


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_supervisor_and_admin_can_search(core, request, role: str) -> None:  # type: ignore[no-untyped-def]
    assert len(core.accounts.search(request.getfixturevalue(role), "3200000001")) == 1


def test_search_input_errors_reach_the_caller(core, clerk) -> None:  # type: ignore[no-untyped-def]
    for raw, reason in [("", "empty"), ("320000001", "digits_length"), ("王\x00", "control_chars")]:
        with pytest.raises(InvalidInput) as info:
            core.accounts.search(clerk, raw)
        assert info.value.reason == reason


# --- open --------------------------------------------------------------------------------------


def _account_no_with(core, where) -> str:  # type: ignore[no-untyped-def]
    return _scalar(
        core,
        select(Account.account_no).join(Bill, Bill.account_id == Account.account_id).where(where).limit(1),
    )


def test_open_lists_bills_newest_first_with_their_state(core, clerk) -> None:  # type: ignore[no-untyped-def]
    for where, state in [
        (Bill.paid_fen == 0, BillState.UNPAID),
        ((Bill.paid_fen > 0) & (Bill.paid_fen < Bill.amount_fen), BillState.PARTIAL),
        (Bill.paid_fen == Bill.amount_fen, BillState.PAID),
    ]:
        detail = core.accounts.open_by_number(clerk, _account_no_with(core, where))
        assert isinstance(detail, AccountDetail)
        assert len(detail.bills) == 5
        periods = [b.period for b in detail.bills]
        assert periods == sorted(periods, reverse=True)
        assert state in {b.state for b in detail.bills}
        for b in detail.bills:
            expected = (
                BillState.PAID
                if b.paid_fen == b.amount_fen
                else BillState.PARTIAL
                if b.paid_fen
                else BillState.UNPAID
            )
            assert b.state is expected
            assert b.outstanding_fen == b.amount_fen - b.paid_fen
        assert detail.outstanding_fen == sum(b.amount_fen - b.paid_fen for b in detail.bills)


def test_open_shows_holder_and_flags(core, clerk) -> None:  # type: ignore[no-untyped-def]
    detail = core.accounts.open_by_number(clerk, "3200000001")
    [hit] = core.accounts.search(clerk, "3200000001")
    assert (detail.account_id, detail.holder, detail.address, detail.phone) == (
        hit.account_id,
        hit.holder,
        hit.address,
        hit.phone,
    )
    assert core.accounts.open(clerk, hit.account_id) == detail


def test_open_lists_payments_with_operator_names_and_reversals(core, clerk) -> None:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        account_id = s.scalar(
            select(Payment.account_id).group_by(Payment.account_id).having(func.count() >= 2)
        )
        names = {op.operator_id: op.name for op in s.scalars(select(Operator))}
        stored = list(s.scalars(select(Payment).where(Payment.account_id == account_id)))
    original = stored[0]
    reversal_id = new_id()
    with core.db.write() as s:
        s.add(
            Payment(
                payment_id=reversal_id,
                receipt_no="H000101-2600000016",
                device_id=core.device.device_id,
                account_id=account_id,
                amount_fen=-original.amount_fen,
                method=original.method,
                operator_id=clerk.operator_id,
                business_date=date(2026, 11, 20),
                paid_at=datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
                reverses_payment_id=original.payment_id,
            )
        )
    detail = core.accounts.open(clerk, account_id)
    assert len(detail.payments) == len(stored) + 1
    times = [p.paid_at for p in detail.payments]
    assert times == sorted(times, reverse=True)
    assert all(p.paid_at.tzinfo is not None for p in detail.payments)
    by_id = {p.payment_id: p for p in detail.payments}
    assert by_id[reversal_id].operator_name == "王芳"
    assert by_id[original.payment_id].reversed is True
    assert by_id[reversal_id].reversed is False
    for p in stored:
        assert by_id[p.payment_id].operator_name == names[p.operator_id]
        assert by_id[p.payment_id].receipt_no == p.receipt_no
    assert sum(p.reversed for p in detail.payments) == 1


def test_open_lists_only_open_applications(core, clerk) -> None:  # type: ignore[no-untyped-def]
    account_id = _add_account(core, "8800000050", "申请人", "示例市申请路1号")
    statuses = [s.value for s in Stage]
    with core.db.write() as s:
        for n, status in enumerate(statuses, start=1):
            s.add(
                Application(
                    application_id=new_id(),
                    application_no=f"AH000101-{n:07d}",
                    kind="name_change",
                    status=status,
                    account_id=account_id,
                    applicant_name="申请人",
                    accepted_on=date(2026, 11, n),
                    operator_id=clerk.operator_id,
                )
            )
    detail = core.accounts.open(clerk, account_id)
    shown = [a.status for a in detail.applications]
    assert set(shown) == {s for s in Stage if s not in CLOSED}
    assert Stage.ARCHIVED not in shown
    assert Stage.CANCELLED not in shown
    assert Stage.RETURNED in shown
    accepted = [a.accepted_on for a in detail.applications]
    assert accepted == sorted(accepted, reverse=True)
    assert detail.bills == ()
    assert detail.payments == ()


def test_unknown_account(core, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AccountNotFound) as info:
        core.accounts.open_by_number(clerk, "9999999999")
    assert info.value.params == {"account_no": "9999999999"}
    with pytest.raises(AccountNotFound):
        core.accounts.open(clerk, new_id())
