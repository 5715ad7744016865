"""The hub's JSON: every value survives the round trip; malformed payloads are refused whole."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.errors import ActionRefused, HubUnavailable, InvalidInput, NotFound, PermissionDenied
from hallapp.domain.queue import TicketState
from hallapp.domain.queue_views import CallView, QueueBoard, QueueEvent, TicketRow, TypeLine, WindowView
from hallapp.sync.codec import from_json, to_json
from hallapp.sync.hub_client import error_from
from tests.core.helpers import PROPERTY

ROW = TicketRow(
    "t1",
    "A001",
    "payment",
    TicketState.CALLED,
    "elderly",
    "3201000001",
    datetime(2026, 11, 23, 9, 30),
    ahead=2,
    wait_minutes=7,
    window_no=3,
    called_at=datetime(2026, 11, 23, 9, 41),
    phone=None,
    business_type_name="缴费",
    manual=False,
    rating=None,
    business_date=date(2026, 11, 23),
)


def test_a_board_round_trips() -> None:
    board = QueueBoard(
        date(2026, 11, 23),
        True,
        (TypeLine("payment", "A", "缴费", 3, 12, 9, 2),),
        (
            WindowView(3, "3号窗口", ("payment", "business"), False, ROW),
            WindowView(4, "4号窗口", (), True, None),
        ),
        (CallView("A001", 3, datetime(2026, 11, 23, 9, 41)),),
        datetime(2026, 11, 23, 9, 45),
    )
    assert from_json(QueueBoard, to_json(board)) == board


@pytest.mark.parametrize(
    "payload",
    [
        None,
        [],
        "A001",
        {},
        {**to_json(ROW), "state": "exploded"},
        {**to_json(ROW), "issued_at": "yesterday"},
        {**to_json(ROW), "ahead": "2"},
        {**to_json(ROW), "ahead": True},
        {**to_json(ROW), "window_no": 3.5},
        {k: v for k, v in to_json(ROW).items() if k != "display_no"},
    ],
)
def test_malformed_payloads_are_refused(payload) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as exc:
        from_json(TicketRow, payload)
    assert exc.value.reason == "malformed"


@PROPERTY
@given(
    st.dictionaries(st.text(max_size=8), st.one_of(st.none(), st.integers(), st.text(max_size=8)), max_size=6)
)
def test_random_events_decode_or_refuse(data) -> None:  # type: ignore[no-untyped-def]
    try:
        event = from_json(QueueEvent, data)
    except InvalidInput:
        return
    assert isinstance(event.kind, str)


def test_hub_errors_come_back_typed() -> None:
    refused = error_from({"error": "action_refused", "field": None, "params": {"reason": "queue_closed"}})
    assert isinstance(refused, ActionRefused) and refused.reason == "queue_closed"
    bad = error_from({"error": "invalid_input", "field": "phone", "params": {"reason": "bad_phone"}})
    assert isinstance(bad, InvalidInput) and (bad.field, bad.reason) == ("phone", "bad_phone")
    assert isinstance(error_from({"error": "not_found", "field": None, "params": {}}), NotFound)
    assert isinstance(
        error_from({"error": "permission_denied", "field": None, "params": {}}), PermissionDenied
    )
    assert isinstance(error_from(["nonsense"]), HubUnavailable)
    assert isinstance(error_from({"error": "x", "params": "not a dict"}), HubUnavailable)
