"""Counter windows as an administrator's setting: which types each serves, in which order."""

import pytest

from hallapp.domain.errors import InvalidForm, PermissionDenied
from hallapp.domain.records import WindowDef
from tests.core.helpers import audit_rows, outbox_rows, write_counts


def test_demo_windows_and_changing_one(core, admin, guide, clerk) -> None:
    assert [w.number for w in core.windows.windows()] == [1, 2, 3, 4]
    core.windows.save(admin, WindowDef(1, "1号窗口（快速缴费）", ("payment", "green")))
    changed = core.windows.windows()[0]
    assert changed.name == "1号窗口(快速缴费)" and changed.business_types == ("payment", "green")
    assert audit_rows(core, "window.save") and outbox_rows(core, "window.save")
    core.queue.set_queue_open(guide, True)
    core.queue.issue(guide, "green")
    assert core.queue.call_next(clerk, 1).business_type == "green"  # routing follows at once


def test_a_new_window_and_closing_one(core, admin, guide, clerk) -> None:
    core.windows.save(admin, WindowDef(12, "12号窗口", ("consult",)))
    core.windows.save(admin, WindowDef(4, "4号窗口", ("business",), active=False))
    assert [(w.number, w.active) for w in core.windows.windows()][-2:] == [(4, False), (12, True)]
    core.queue.set_queue_open(guide, True)
    core.queue.issue(guide, "consult")
    assert core.queue.call_next(clerk, 12).display_no == "C001"


@pytest.mark.parametrize(
    ("item", "field", "reason"),
    [
        (WindowDef(0, "x", ("payment",)), "number", "window_number_range"),
        (WindowDef(100, "x", ("payment",)), "number", "window_number_range"),
        (WindowDef(5, "", ("payment",)), "name", "empty"),
        (WindowDef(5, "窗" * 41, ("payment",)), "name", "too_long"),
        (WindowDef(5, "5号\x07", ("payment",)), "name", "control_chars"),
        (WindowDef(5, "5号", ("no_such_type",)), "business_types", "unknown_business_type"),
        (WindowDef(5, "5号", ()), "business_types", "window_serves_nothing"),
    ],
)
def test_bad_windows_change_nothing(core, admin, item, field, reason) -> None:
    before = write_counts(core), core.windows.windows()
    with pytest.raises(InvalidForm) as exc:
        core.windows.save(admin, item)
    assert exc.value.errors[field].reason == reason
    assert (write_counts(core), core.windows.windows()) == before


def test_only_administrators_change_windows(core, clerk) -> None:
    with pytest.raises(PermissionDenied):
        core.windows.save(clerk, WindowDef(5, "5号", ("payment",)))
