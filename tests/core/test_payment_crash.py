"""The process dies (SIGKILL, a real child process) at every step of taking a payment.

After the restart either the payment exists complete and can be reprinted, or nothing of it
exists; pressing again with the same request then gives exactly one payment, with no gap in the
receipt numbers. Two presses at once (a double click) also give one payment.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hallapp.db.models import (
    Account,
    ArrearsNotice,
    AuditEvent,
    Bill,
    NumberSeries,
    Outbox,
    Payment,
    PaymentAllocation,
    ReceiptPrint,
    ReconnectionRequest,
    Shift,
)
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.canonical import GENESIS_HASH
from hallapp.domain.enums import NoticeDelivery, PaymentMethod
from hallapp.domain.ids import new_id
from hallapp.domain.payments import PaymentRequest
from hallapp.domain.printouts import NoticeKind
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.outbox import link_hash
from tests.conftest import START
from tests.core.accounts_for_tests import make_account, pay

REPO = Path(__file__).resolve().parents[2]
# 202609: ¥100 due 10-12, 202610: ¥200 due 11-12 → ¥305.50 with penalty on START's day (see
# test_payment_service). Paying ¥310.00 settles both, leaves ¥4.50 prepaid and, because a cut
# notice is open, settles it and raises a reconnection request: every part of the transaction.
BILLS = [("202609", 10000, date(2026, 10, 12)), ("202610", 20000, date(2026, 11, 12))]
DUE_FEN = 30550
AMOUNT_FEN = 31000
SIGN_INS = {"login", "approval.sign"}  # audited in their own transactions, before the failpoint
KILLED = -signal.SIGKILL if os.name == "posix" else signal.SIGTERM  # Windows: TerminateProcess(15)
BEFORE_COMMIT = [
    "payment.before_begin",
    "payment.after_number",
    "payment.after_payment",
    "payment.after_allocations",
    "payment.before_commit",
]


# --- the child ------------------------------------------------------------------------------------


def run_child(spec: dict, failpoint: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.pop("HALLAPP_FAILPOINTS", None)
    if failpoint:
        env["HALLAPP_FAILPOINTS"] = f"{failpoint}=kill"
    return subprocess.run(
        [sys.executable, "-m", "tests.core.crash_child", json.dumps(spec)],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_killed(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == KILLED, f"child exited {proc.returncode}: {proc.stderr[-2000:]}"
    assert proc.stdout == ""  # it never got to report a result


# --- what the database holds ----------------------------------------------------------------------


def open_core(path: Path, minutes: int = 0) -> HallCore:
    return HallCore.open(path, clock=FakeClock(START + timedelta(minutes=minutes)))


def state(core: HallCore, account_id: str) -> dict:
    """Everything a payment (or reversal) writes, summed up; sign-in audit rows left out."""
    with core.db.read() as s:

        def count(model, *where) -> int:  # type: ignore[no-untyped-def]
            return s.scalar(select(func.count()).select_from(model).where(*where)) or 0

        def pairs(stmt) -> dict:  # type: ignore[no-untyped-def]
            return {key: value for key, value in s.execute(stmt)}

        sign_ins = set(s.scalars(select(AuditEvent.event_id).where(AuditEvent.action.in_(SIGN_INS))))
        ops = s.execute(select(Outbox.op_type, Outbox.entity_id)).all()
        return {
            "payments": count(Payment),
            "allocations": count(PaymentAllocation),
            "outbox": dict(Counter(op for op, entity_id in ops if entity_id not in sign_ins)),
            "audit": dict(Counter(a for a in s.scalars(select(AuditEvent.action)) if a not in SIGN_INS)),
            "bills_paid": pairs(select(Bill.bill_id, Bill.paid_fen).where(Bill.account_id == account_id)),
            "bills_paid_sum": s.scalar(select(func.sum(Bill.paid_fen))),
            "prepaid_sum": s.scalar(select(func.sum(Account.prepaid_fen))),
            "series": pairs(select(NumberSeries.series, NumberSeries.next_value)),
            "shifts": count(Shift),
            "settled_notices": count(ArrearsNotice, ArrearsNotice.settled_by_payment_id.is_not(None)),
            "reconnections": dict(Counter(s.scalars(select(ReconnectionRequest.status)))),
            "prints": count(ReceiptPrint),
        }


def integrity_ok(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def chains_ok(core: HallCore) -> None:
    assert core.verify_audit_chain() is None
    with core.db.read() as s:
        prev = GENESIS_HASH
        for row in s.scalars(select(Outbox).order_by(Outbox.device_seq)):
            assert row.prev_hash == prev, f"outbox chain broken at device_seq {row.device_seq}"
            prev = link_hash(row)


def seq_of(receipt_no: str) -> int:
    return int(receipt_no.partition("-")[2][2:9])  # {device}-{yy}{seq:07d}{check}


def payment_with(core: HallCore, request_id: str) -> list[Payment]:
    with core.db.read() as s:
        return list(s.scalars(select(Payment).where(Payment.request_id == request_id)))


def assert_complete(core: HallCore, clerk, request_id: str, before: dict, account_id: str) -> Payment:  # type: ignore[no-untyped-def]
    """The payment is there with every part of it, took the next receipt number, and prints."""
    [payment] = payment_with(core, request_id)
    after = state(core, account_id)
    with core.db.read() as s:
        parts = list(
            s.scalars(select(PaymentAllocation).where(PaymentAllocation.payment_id == payment.payment_id))
        )
        [record] = s.scalars(
            select(Outbox).where(Outbox.op_type == "payment.record", Outbox.entity_id == payment.payment_id)
        ).all()
        [reconnect] = s.scalars(
            select(ReconnectionRequest).where(ReconnectionRequest.payment_id == payment.payment_id)
        ).all()
        account = s.get(Account, account_id)
        taken = s.scalars(select(AuditEvent.action).where(AuditEvent.target == payment.receipt_no)).all()
    assert payment.amount_fen == AMOUNT_FEN
    assert sum(p.principal_fen + p.penalty_fen for p in parts) + payment.to_prepaid_fen == payment.amount_fen
    assert (payment.penalty_fen, payment.to_prepaid_fen) == (DUE_FEN - 30000, AMOUNT_FEN - DUE_FEN)
    moved = {bill_id: after["bills_paid"][bill_id] - paid for bill_id, paid in before["bills_paid"].items()}
    assert moved == {p.bill_id: p.principal_fen for p in parts}
    assert after["bills_paid_sum"] - before["bills_paid_sum"] == sum(p.principal_fen for p in parts) == 30000
    assert after["prepaid_sum"] - before["prepaid_sum"] == payment.to_prepaid_fen == account.prepaid_fen
    assert record.local_tx_id == request_id and json.loads(record.payload)["amount_fen"] == AMOUNT_FEN
    assert reconnect.status == "open" and after["settled_notices"] == before["settled_notices"] + 1
    assert taken == ["payment.take"]
    # Gap-free: the payment took the number that was next, and the series moved on by exactly one.
    assert seq_of(payment.receipt_no) == before["series"]["receipt"] == after["series"]["receipt"] - 1
    expected = {
        "payments": before["payments"] + 1,
        "allocations": before["allocations"] + 2,
        "outbox": dict(
            Counter(before["outbox"])
            + Counter({"shift.open": 1, "payment.record": 1, "reconnection.request": 1, "audit.event": 1})
        ),
        "audit": dict(Counter(before["audit"]) + Counter({"payment.take": 1})),
        "shifts": before["shifts"] + 1,
    }
    assert {key: after[key] for key in expected} == expected
    doc = core.payments.receipt_doc(clerk, payment.payment_id)  # reprintable from the database
    assert (doc.receipt_no, doc.amount_fen, doc.penalty_fen, doc.to_prepaid_fen) == (
        payment.receipt_no,
        AMOUNT_FEN,
        payment.penalty_fen,
        payment.to_prepaid_fen,
    )
    assert (
        sum(line.principal_fen + line.penalty_fen for line in doc.lines) + doc.to_prepaid_fen
        == doc.amount_fen
    )
    assert doc.reprint is None  # the kill came before any print
    return payment


def request(request_id: str, account_id: str) -> PaymentRequest:
    return PaymentRequest(
        request_id=request_id,
        account_id=account_id,
        amount_fen=AMOUNT_FEN,
        method=PaymentMethod.CASH,
        expected_due_fen=DUE_FEN,
        tendered_fen=AMOUNT_FEN,
    )


@pytest.fixture
def prepared(demo_path: Path) -> tuple[str, dict]:
    """An account owing ¥305.50 with a cut notice open, and the state before any payment on it."""
    core = open_core(demo_path)
    try:
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        account_id = make_account(core, BILLS)
        core.notices.issue(clerk, account_id, NoticeKind.CUT_PLAN, NoticeDelivery.IN_PERSON)
        assert core.payments.due(clerk, account_id).total_fen == DUE_FEN
        return account_id, state(core, account_id)
    finally:
        core.close()


def pay_spec(demo_path: Path, account_id: str, request_id: str) -> dict:
    return {
        "db": str(demo_path),
        "now": START.isoformat(),
        "op": "pay",
        "request_id": request_id,
        "account_id": account_id,
        "amount_fen": AMOUNT_FEN,
        "method": "cash",
        "expected_due_fen": DUE_FEN,
    }


# --- the tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("failpoint", BEFORE_COMMIT)
def test_killed_before_commit_leaves_nothing_and_the_retry_takes_one_payment(
    demo_path: Path, prepared, failpoint: str
) -> None:
    account_id, before = prepared
    request_id = new_id()
    assert_killed(run_child(pay_spec(demo_path, account_id, request_id), failpoint))

    core = open_core(demo_path, minutes=2)  # the clerk restarts the app and signs in again
    try:
        integrity_ok(demo_path)
        chains_ok(core)
        assert payment_with(core, request_id) == []
        assert state(core, account_id) == before  # not a number, row, op or audit line was left
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        assert core.payments.due(clerk, account_id).total_fen == DUE_FEN

        result = core.payments.take(clerk, request(request_id, account_id))  # pressed again
        assert not result.replayed
        payment = assert_complete(core, clerk, request_id, before, account_id)
        assert (result.payment_id, result.receipt_no) == (payment.payment_id, payment.receipt_no)
        again = core.payments.take(clerk, request(request_id, account_id))  # and once more
        assert again.replayed and again.receipt_no == result.receipt_no
        assert state(core, account_id)["series"] == {
            **before["series"],
            "receipt": before["series"]["receipt"] + 1,
        }
        assert len(payment_with(core, request_id)) == 1
        chains_ok(core)
    finally:
        core.close()


def test_killed_after_commit_keeps_the_whole_payment_and_the_retry_replays_it(
    demo_path: Path, prepared
) -> None:
    account_id, before = prepared
    request_id = new_id()
    assert_killed(run_child(pay_spec(demo_path, account_id, request_id), "payment.after_commit"))

    core = open_core(demo_path, minutes=2)
    try:
        integrity_ok(demo_path)
        chains_ok(core)
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        payment = assert_complete(core, clerk, request_id, before, account_id)
        committed = state(core, account_id)
        assert core.payments.due(clerk, account_id).total_fen == 0

        # The screen never showed the result: the clerk presses again, with the amounts shown before.
        result = core.payments.take(clerk, request(request_id, account_id))
        assert result.replayed
        assert (result.payment_id, result.receipt_no, result.change_fen) == (
            payment.payment_id,
            payment.receipt_no,
            0,
        )
        assert result.reconnection_due_by is not None
        assert state(core, account_id) == committed  # the replay wrote nothing
        assert len(payment_with(core, request_id)) == 1
        core.payments.record_print(clerk, payment.payment_id)  # the receipt prints now, once
        assert core.payments.receipt_doc(clerk, payment.payment_id).reprint.count == 1
    finally:
        core.close()


def test_killed_before_a_reversal_commits_leaves_nothing_and_the_retry_reverses_once(
    demo_path: Path, prepared
) -> None:
    account_id, _ = prepared
    core = open_core(demo_path)
    try:
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        original = core.payments.take(clerk, request(new_id(), account_id))
        before = state(core, account_id)
    finally:
        core.close()
    request_id = new_id()
    spec = {
        "db": str(demo_path),
        "now": (START + timedelta(minutes=1)).isoformat(),
        "op": "reverse",
        "request_id": request_id,
        "payment_id": original.payment_id,
    }
    assert_killed(run_child(spec, "reversal.before_commit"))

    core = open_core(demo_path, minutes=2)
    try:
        integrity_ok(demo_path)
        chains_ok(core)
        assert state(core, account_id) == before
        assert payment_with(core, request_id) == []
        clerk = core.auth.login("C001", DEMO_PASSWORD)

        def reverse():  # type: ignore[no-untyped-def]
            return core.reversals.reverse(
                clerk,
                original.payment_id,
                request_id=request_id,
                reason="金额输错",
                supervisor_staff_no="S001",
                supervisor_password=DEMO_PASSWORD,
            )

        first = reverse()
        again = reverse()
        assert again.receipt_no == first.receipt_no and again.payment_id == first.payment_id
        [reversal] = payment_with(core, request_id)
        assert reversal.reverses_payment_id == original.payment_id and reversal.amount_fen == -AMOUNT_FEN
        assert seq_of(reversal.receipt_no) == seq_of(original.receipt_no) + 1  # the next number, no gap
        after = state(core, account_id)
        assert after["series"]["receipt"] == before["series"]["receipt"] + 1
        assert after["outbox"]["payment.reverse"] == 1
        assert after["audit"]["payment.reverse"] == 1
        assert sum(after["bills_paid"].values()) == sum(before["bills_paid"].values()) - 30000 == 0
        assert after["prepaid_sum"] == before["prepaid_sum"] - (AMOUNT_FEN - DUE_FEN)
        assert after["reconnections"] == {"cancelled": 1} and after["settled_notices"] == 0
        assert core.payments.due(clerk, account_id).total_fen == DUE_FEN  # owed again, as before
        doc = core.payments.receipt_doc(clerk, reversal.payment_id)
        assert (doc.amount_fen, doc.reverses_receipt_no) == (-AMOUNT_FEN, original.receipt_no)
        chains_ok(core)
    finally:
        core.close()


def press_at_once(core: HallCore, clerk, req: PaymentRequest, presses: int) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """``presses`` threads confirm the same request at the same moment: (results, errors)."""
    barrier = threading.Barrier(presses)
    results, errors = [], []

    def press() -> None:
        barrier.wait()
        try:
            results.append(core.payments.take(clerk, req))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=press) for _ in range(presses)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results, errors


def test_a_double_click_takes_one_payment(core, clerk) -> None:
    """Several presses of the same form at once, on one PC: one payment, one receipt number."""
    presses = 4
    for _ in range(5):
        account_id = make_account(core, BILLS)
        before = state(core, account_id)
        req = request(new_id(), account_id)
        results, errors = press_at_once(core, clerk, req, presses)
        assert errors == [] and len(results) == presses
        assert len({r.receipt_no for r in results}) == 1 and len({r.payment_id for r in results}) == 1
        assert sorted(r.replayed for r in results) == [False] + [True] * (presses - 1)
        assert len(payment_with(core, req.request_id)) == 1
        after = state(core, account_id)
        assert after["payments"] == before["payments"] + 1
        assert after["series"]["receipt"] == before["series"]["receipt"] + 1
        assert after["outbox"]["payment.record"] == before["outbox"].get("payment.record", 0) + 1
        assert sum(after["bills_paid"].values()) == 30000
    chains_ok(core)


def test_a_retried_click_after_the_dues_changed_is_still_one_payment(core, clerk) -> None:
    """The retry carries the amounts the clerk saw; after the commit they no longer match, and that's fine."""
    account_id, request_id = make_account(core, BILLS), new_id()
    first = pay(core, clerk, account_id, AMOUNT_FEN, request_id=request_id)
    assert core.payments.due(clerk, account_id).total_fen == 0
    retried = core.payments.take(clerk, request(request_id, account_id))  # expected_due_fen is stale now
    assert retried.replayed and retried.receipt_no == first.receipt_no
    assert len(payment_with(core, request_id)) == 1


def test_a_retried_reversal_says_it_was_replayed(core, clerk) -> None:
    """PaymentResult.replayed: "the same request had already been taken: nothing new was written".
    A retried payment says so; a retried reversal answers with the first reversal but replayed=False."""
    paid = pay(core, clerk, make_account(core, BILLS), DUE_FEN)
    request_id = new_id()

    def reverse():  # type: ignore[no-untyped-def]
        return core.reversals.reverse(
            clerk,
            paid.payment_id,
            request_id=request_id,
            reason="金额输错",
            supervisor_staff_no="S001",
            supervisor_password=DEMO_PASSWORD,
        )

    first, again = reverse(), reverse()
    assert again.payment_id == first.payment_id and not first.replayed
    assert again.replayed
