"""A payment is accepted whoever took it; an operator the server cannot vouch for at the payment's
device time is flagged for audit (SYNC_DESIGN §4.9), the same on the per-op and the set-based path."""

from datetime import timedelta

import pytest

from hallapp.central.enrolment import create_hall
from hallapp.central.staff import add_operator, deactivate_operator
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    PAID_AT,
    Chain,
    add_accounts,
    batch,
    central_url,
    client,
    enrol,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
ACCOUNT = "3201000001"
PASSWORD = "counter-2026"


@pytest.mark.parametrize("run", [1, 3], ids=["one op", "a run of three"])
def test_payments_by_doubtful_operators_are_taken_and_flagged(client, sessions, run: int) -> None:  # type: ignore[no-untyped-def]
    create_hall(sessions, "H0002", "城西供电营业厅")
    add_accounts(sessions, ACCOUNT)
    here = add_operator(sessions, HALL, "C101", "李娜", "clerk", PASSWORD)
    there = add_operator(sessions, "H0002", "C201", "王强", "clerk", PASSWORD)
    left = add_operator(sessions, HALL, "C102", "赵磊", "clerk", PASSWORD)
    deactivate_operator(sessions, "C102", now=PAID_AT + timedelta(minutes=1))  # after the first op's time
    device = enrol(client, sessions)
    expected = {
        here.operator_id: None,
        there.operator_id: "operator_other_hall",
        "01a00000-0000-7000-8000-000000000000": "operator_unknown",
    }
    chain = Chain()
    flags = []
    for operator_id, flag in expected.items():
        chain.operator_id = operator_id
        for _ in range(run):
            chain.payment(ACCOUNT, 100)
            flags.append(flag)
    chain.operator_id = left.operator_id
    chain.payment(ACCOUNT, 100)  # its device time is before the deactivation
    flags.append(None)
    for _ in range(120):  # device times a second apart: past the deactivation now
        chain.op("audit.event", "audit_event", "e", {"event_id": "e"})
    chain.payment(ACCOUNT, 100)
    flags.append("operator_inactive")
    answer = client.post("/v1/sync/push", json=batch(device, chain.ops), headers=device.headers).json()
    payments = [r for r in answer["results"] if "payment_id" in r]
    assert [r["status"] for r in payments] == ["applied"] * len(flags)  # the money is always taken
    assert [r.get("flag") for r in payments] == flags
