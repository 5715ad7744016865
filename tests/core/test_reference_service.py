"""Queue business types and the holiday calendar: admin-only, validated, audited and queued."""

from datetime import date

import pytest

from hallapp.domain.calendar import DayKind, add_working_days
from hallapp.domain.errors import InvalidForm, NotFound, PermissionDenied
from hallapp.domain.records import BusinessType, Changes, Holiday
from tests.core.helpers import audit_rows, details, outbox_rows, payload, write_counts


def _types(core) -> dict[str, BusinessType]:  # type: ignore[no-untyped-def]
    return {t.code: t for t in core.reference.business_types()}


def test_demo_business_types(core) -> None:  # type: ignore[no-untyped-def]
    types = core.reference.business_types()
    assert [t.code for t in types] == ["payment", "business", "consult", "green"]
    assert [t.letter for t in types] == ["A", "B", "C", "V"]


def test_save_a_new_business_type(core, admin) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    item = BusinessType("repair", "r", "  故障报修 ", 50, True)
    assert core.reference.save_business_type(admin, item) == Changes(business_types=True)
    assert _types(core)["repair"] == BusinessType("repair", "R", "故障报修", 50, True)
    [row] = audit_rows(core, "business_type.save")
    assert row.target == "repair"
    expected = {"code": "repair", "letter": "R", "name": "故障报修", "sort_order": 50, "active": True}
    assert details(row) == expected
    [op] = outbox_rows(core, "business_type.save")
    assert payload(op) == {"v": 1, **expected}
    assert (op.entity, op.entity_id, op.operator_id) == ("business_type", "repair", admin.operator_id)
    assert write_counts(core) == (before[0] + 1, before[1] + 2)  # audit event + its op, and the change


def test_edit_an_existing_business_type(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.reference.save_business_type(admin, BusinessType("payment", "A", "电费缴纳", 5, False))
    assert _types(core)["payment"] == BusinessType("payment", "A", "电费缴纳", 5, False)
    assert len(core.reference.business_types()) == 4
    assert "payment" not in {t.code for t in core.reference.business_types(active_only=True)}


def test_change_a_letter_to_a_free_one(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.reference.save_business_type(admin, BusinessType("consult", "Ｚ", "咨询", 30, True))
    assert _types(core)["consult"].letter == "Z"


def test_a_letter_already_taken_names_the_other_type(core, admin) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    with pytest.raises(InvalidForm) as info:
        core.reference.save_business_type(admin, BusinessType("repair", "a", "故障报修", 50, True))
    [(field, error)] = info.value.errors.items()
    assert field == "letter"
    assert error.reason == "letter_taken"
    assert error.params["other"] == "缴费"
    assert "repair" not in _types(core)
    assert write_counts(core) == before


@pytest.mark.parametrize(
    ("item", "fields"),
    [
        (BusinessType("Repair", "R", "报修", 1, True), {"code": "bad_code"}),
        (BusinessType("1repair", "R", "报修", 1, True), {"code": "bad_code"}),
        (BusinessType("re-pair", "R", "报修", 1, True), {"code": "bad_code"}),
        (BusinessType("", "R", "报修", 1, True), {"code": "bad_code"}),
        (BusinessType("r" * 25, "R", "报修", 1, True), {"code": "bad_code"}),
        (BusinessType("repair", "RR", "报修", 1, True), {"letter": "bad_letter"}),
        (BusinessType("repair", "1", "报修", 1, True), {"letter": "bad_letter"}),
        (BusinessType("repair", "", "报修", 1, True), {"letter": "bad_letter"}),
        (BusinessType("repair", "报", "报修", 1, True), {"letter": "bad_letter"}),
        (BusinessType("repair", "R", "", 1, True), {"name": "empty"}),
        (BusinessType("repair", "R", "   ", 1, True), {"name": "empty"}),
        (BusinessType("repair", "R", "报" * 21, 1, True), {"name": "too_long"}),
        (BusinessType("repair", "R", "报修\x00", 1, True), {"name": "control_chars"}),
        (BusinessType("repair", "R", "报修", 1000, True), {"sort_order": "above_maximum"}),
        (
            BusinessType("Bad Code", "??", "", 1000, True),
            {"code": "bad_code", "letter": "bad_letter", "name": "empty", "sort_order": "above_maximum"},
        ),
    ],
)
def test_bad_business_types_are_refused(core, admin, item: BusinessType, fields: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    with pytest.raises(InvalidForm) as info:
        core.reference.save_business_type(admin, item)
    assert {k: e.reason for k, e in info.value.errors.items()} == fields
    assert info.value.params["fields"] == sorted(fields)
    assert len(core.reference.business_types()) == 4
    assert write_counts(core) == before


def test_longest_allowed_values_are_accepted(core, admin) -> None:  # type: ignore[no-untyped-def]
    core.reference.save_business_type(admin, BusinessType("r" * 24, "R", "报" * 20, 999, True))
    assert _types(core)["r" * 24].name == "报" * 20


def test_a_code_with_a_trailing_newline_is_refused(core, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidForm) as info:
        core.reference.save_business_type(admin, BusinessType("payment\n", "Q", "重复", 1, True))
    assert "code" in info.value.errors


def test_negative_sort_order_is_reported_as_below_minimum(core, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidForm) as info:
        core.reference.save_business_type(admin, BusinessType("repair", "R", "报修", -1, True))
    assert info.value.errors["sort_order"].reason == "below_minimum"


@pytest.mark.parametrize("role", ["clerk", "supervisor", "guide"])
def test_only_admins_edit_reference_data(core, request, role: str) -> None:  # type: ignore[no-untyped-def]
    actor = request.getfixturevalue(role)
    before = write_counts(core)
    with pytest.raises(PermissionDenied):
        core.reference.save_business_type(actor, BusinessType("repair", "R", "报修", 1, True))
    with pytest.raises(PermissionDenied):
        core.reference.set_holiday(actor, date(2026, 12, 31), DayKind.HOLIDAY, "测试")
    with pytest.raises(PermissionDenied):
        core.reference.remove_holiday(actor, date(2026, 10, 1))
    with pytest.raises(PermissionDenied):
        core.reference.operators(actor)
    assert write_counts(core) == before
    assert date(2026, 10, 1) in core.reference.calendar()


def test_demo_calendar(core) -> None:  # type: ignore[no-untyped-def]
    cal = core.reference.calendar()
    assert cal[date(2026, 10, 1)] is DayKind.HOLIDAY
    assert cal[date(2026, 10, 10)] is DayKind.WORKDAY
    assert add_working_days(date(2026, 9, 30), 1, cal) == date(2026, 10, 8)
    assert all(h.day.year == 2026 for h in core.reference.holidays(2026))
    assert core.reference.holidays(2025) == []


def test_set_and_remove_a_holiday(core, admin) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 12, 31)
    assert core.reference.set_holiday(admin, day, DayKind.HOLIDAY, " 跨年 ") == Changes(holidays=True)
    assert Holiday(day, "holiday", "跨年") in core.reference.holidays(2026)
    assert add_working_days(date(2026, 12, 30), 1, core.reference.calendar()) == date(2027, 1, 1)

    [row] = audit_rows(core, "holiday.set")
    assert row.target == "2026-12-31"
    assert details(row) == {"day": "2026-12-31", "kind": "holiday", "name": "跨年"}
    [op] = outbox_rows(core, "holiday.set")
    assert payload(op) == {"v": 1, "day": "2026-12-31", "kind": "holiday", "name": "跨年"}
    assert (op.entity, op.entity_id) == ("holiday", "2026-12-31")

    assert core.reference.remove_holiday(admin, day) == Changes(holidays=True)
    assert day not in core.reference.calendar()
    [row] = audit_rows(core, "holiday.remove")
    assert details(row) == {"day": "2026-12-31"}
    [op] = outbox_rows(core, "holiday.remove")
    assert payload(op) == {"v": 1, "day": "2026-12-31"}


def test_changing_an_existing_day(core, admin) -> None:  # type: ignore[no-untyped-def]
    listed = len(core.reference.holidays(2026))
    core.reference.set_holiday(admin, date(2026, 10, 7), DayKind.WORKDAY, "改为上班")
    assert core.reference.calendar()[date(2026, 10, 7)] is DayKind.WORKDAY
    assert len(core.reference.holidays(2026)) == listed  # updated in place, not added


def test_removing_a_day_that_is_not_listed(core, admin) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    with pytest.raises(NotFound) as info:
        core.reference.remove_holiday(admin, date(2026, 11, 20))
    assert info.value.params == {"day": "2026-11-20"}
    assert write_counts(core) == before


@pytest.mark.parametrize(
    ("day", "name", "field", "reason"),
    [
        (date(2026, 12, 31), "", "name", "empty"),
        (date(2026, 12, 31), "节" * 21, "name", "too_long"),
        (date(2026, 12, 31), "节\x07", "name", "control_chars"),
        (date(1999, 12, 31), "世纪末", "day", "date_out_of_range"),
        (date(2101, 1, 1), "未来", "day", "date_out_of_range"),
    ],
)
def test_bad_holidays_are_refused(core, admin, day: date, name: str, field: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    before = write_counts(core)
    with pytest.raises(InvalidForm) as info:
        core.reference.set_holiday(admin, day, DayKind.HOLIDAY, name)
    assert info.value.errors[field].reason == reason
    assert write_counts(core) == before
    assert day not in core.reference.calendar()


def test_operators_list_for_admin(core, admin) -> None:  # type: ignore[no-untyped-def]
    staff = [o.staff_no for o in core.reference.operators(admin)]
    assert sorted(staff) == ["A001", "C001", "C002", "C003", "G001", "S001"]


def test_hall_name(core) -> None:  # type: ignore[no-untyped-def]
    assert core.reference.hall_name() == "城东供电营业厅"
