"""The op handlers that keep the halls' facts for the central report (hallapp/central/hall_facts.py):
which hall a fact belongs to, idempotence when the same record comes twice, the latest version
winning whatever the arrival order, and reprints read from the audit ops."""

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hallapp.central.enrolment import create_hall
from hallapp.central.report_facts import hall_facts
from hallapp.central.schema_hall_facts import ApplicationFactRow, ComplaintRow, ShiftRow, TicketEventRow
from hallapp.domain.ids import new_id
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    PAID_AT,
    Chain,
    batch,
    central_url,
    client,
    enrol,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
GOLDEN = Path(__file__).resolve().parent.parent / "data" / "ops"
DAY = date(2026, 11, 20)


def golden(op_type: str, **changes: Any) -> dict[str, Any]:
    return (
        json.loads(json.loads((GOLDEN / f"{op_type}.v1.json").read_text(encoding="utf-8"))["op"]["payload"])
        | changes
    )


def push(client, device, chain: Chain) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    response = client.post("/v1/sync/push", json=batch(device, chain.ops), headers=device.headers)
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_a_ticket_event_counts_for_the_devices_hall_once(client, sessions) -> None:  # type: ignore[no-untyped-def]
    create_hall(sessions, "H0002", "城西供电营业厅")
    east, again, west = enrol(client, sessions), enrol(client, sessions), enrol(client, sessions, "H0002")
    issued = golden("ticket.event")  # its payload names the PC's own hall uuid: never used
    for device in (east, again):  # the same event again, as another op (a PC rebuilt from a backup)
        chain = Chain()
        chain.op("ticket.event", "ticket", issued["ticket_id"], issued)
        assert push(client, device, chain)[0]["status"] == "applied"
    other = Chain()
    other.op("ticket.event", "ticket", "t2", golden("ticket.event", ticket_id="t2"))
    push(client, west, other)
    with sessions() as s:
        rows = s.execute(select(TicketEventRow.ticket_id, TicketEventRow.hall_id).order_by("ticket_id")).all()
        assert [tuple(r) for r in rows] == [(issued["ticket_id"], HALL), ("t2", "H0002")]
        facts = hall_facts(s, HALL, DAY, DAY)
    [ticket] = facts.tickets
    assert (ticket.display_no, ticket.business_type, ticket.issued_at.isoformat()) == (
        "A001",
        "payment",
        "2026-11-20T01:30:00+00:00",
    )
    assert [e.kind for e in ticket.events] == ["issued"]


def test_a_rating_is_kept_on_the_ticket(client, sessions) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    chain = Chain()
    chain.op("ticket.event", "ticket", "t1", golden("ticket.event", ticket_id="t1"))
    rated = golden(
        "ticket.event", ticket_id="t1", seq=2, kind="rated", details={"score": 2, "reason": "太慢"}
    )
    chain.op("ticket.event", "ticket", "t1", rated)
    push(client, device, chain)
    with sessions() as s:
        [ticket] = hall_facts(s, HALL, DAY, DAY).tickets
    assert (ticket.rating, ticket.rating_reason, [e.kind for e in ticket.events]) == (
        2,
        "太慢",
        ["issued", "rated"],
    )


def test_a_later_version_wins_whatever_arrives_last(client, sessions) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    chain = Chain()
    submit = golden("application.submit")
    chain.op("application.submit", "application", submit["application_id"], submit)
    archived = golden("application.stage", stage="archived", closed_on="2026-11-20", version=9)
    chain.op("application.stage", "application", submit["application_id"], archived)
    chain.op("application.stage", "application", submit["application_id"], golden("application.stage"))
    complaint = golden("complaint.close")
    chain.op("complaint.close", "complaint", complaint["complaint_id"], complaint)
    chain.op(
        "complaint.receive",
        "complaint",
        complaint["complaint_id"],
        golden("complaint.receive", cause="other"),
    )
    results = push(client, device, chain)
    assert [r["status"] for r in results] == ["applied"] * 5
    with sessions() as s:
        app = s.scalars(select(ApplicationFactRow)).one()
        assert (app.status, app.closed_on, app.version) == ("archived", DAY, 9)
        assert app.accepted_by == app.completed_by == chain.operator_id and app.accepted_on == date(
            2026, 11, 23
        )
        assert s.scalars(select(ComplaintRow.cause)).one() == "efficiency"


def test_a_close_before_its_open_makes_one_shift(client, sessions) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    close, opened = golden("shift.close"), golden("shift.open")
    chain = Chain(shift_id=close["shift_id"])
    chain.op("shift.close", "shift", close["shift_id"], close)
    chain.op("shift.open", "shift", opened["shift_id"], opened)
    push(client, device, chain)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(ShiftRow)) == 1
        [shift] = hall_facts(s, HALL, DAY, DAY).shifts
    assert (shift.difference_fen, shift.difference_reason, shift.closed_at is not None) == (
        30000,
        "备用金未扣除",
        True,
    )


def test_a_reprint_is_read_from_its_audit_event(client, sessions) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    chain = Chain()
    payment = golden("payment.record")
    chain.op("payment.record", "payment", payment["payment_id"], payment)
    event_id = new_id()
    at = (PAID_AT + timedelta(seconds=1)).isoformat()  # the op's device_time: the PC writes both at once
    audit = golden(
        "audit.event", action="receipt.reprint", event_id=event_id, target=payment["receipt_no"], at=at
    )
    chain.op("audit.event", "audit_event", event_id, audit)
    chain.op("audit.event", "audit_event", new_id(), golden("audit.event", event_id=new_id()))  # a login
    push(client, device, chain)
    with sessions() as s:
        facts = hall_facts(s, HALL, DAY, PAID_AT.date())
    [reprint] = facts.reprints
    assert (reprint.print_id, reprint.payment_id, reprint.staff_no) == (
        event_id,
        payment["payment_id"],
        "A001",
    )
    assert [p.payment_id for p in facts.payments] == [payment["payment_id"]]
