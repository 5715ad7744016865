"""Shift reconciliation (SYNC_DESIGN §4.13): does the server hold exactly what the PC took?

The PC's `shift.close` op declares the shift's payments (count, sum per method, reversals, first
and last receipt) and its outbox position and chain head. Ops arrive in device order, so when the
close is applied every payment of that shift is already here; the comparison is stored as the
op's result and read back per device and day (`GET /v1/sync/reconcile`).
"""

from collections import Counter
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.central.bodies import OpBody, Text36
from hallapp.central.payments import Result, parse_payload
from hallapp.central.schema import AppliedOp, Device, Payment
from hallapp.domain.canonical import chain_hash

BATCH_HEADS = "batch_heads"  # Session.info key: the chain head after each op of the batch being applied
Fen = Annotated[int, Field(ge=-(2**62), le=2**62)]
Count = Annotated[int, Field(ge=0, le=2**31)]
Method = Annotated[str, Field(min_length=1, max_length=20)]


class MethodTotal(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    count: Count = 0
    sum_fen: Fen = 0


class ShiftClose(BaseModel):
    """What the server reads of a ``shift.close`` payload; the rest (cash counted, reasons) is kept
    in the stored op only."""

    model_config = ConfigDict(extra="ignore", strict=True)

    shift_id: Text36
    business_date: date
    payment_count: Count
    reversal_count: Count
    net_total_fen: Fen
    by_method: dict[Method, MethodTotal] = Field(max_length=50)
    last_device_seq: int = Field(ge=0, le=2**63 - 1)
    chain_head: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


def close_shift(s: Session, device: Device, op: OpBody) -> Result:
    declared = parse_payload(ShiftClose, op)
    held = _held(s, device.device_id, declared.shift_id)
    problems = _compare(declared, held)
    chain = _chain_at(s, device, declared.last_device_seq, op)
    if chain != declared.chain_head:
        problems.append({"check": "chain_head", "declared": declared.chain_head, "server": chain})
    return {
        "status": "applied",
        "reconciliation": {
            "status": "mismatch" if problems else "ok",
            "shift_id": declared.shift_id,
            "business_date": declared.business_date.isoformat(),
            "server": held,
            "problems": problems,
        },
    }


def _held(s: Session, device_id: str, shift_id: str) -> dict[str, Any]:
    payments = s.scalars(
        select(Payment).where(Payment.device_id == device_id, Payment.shift_id == shift_id)
    ).all()
    takings = [p for p in payments if p.reverses_payment_id is None]
    by_method: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for p in payments:
        by_method[p.method] += p.amount_fen
        counts[p.method] += p.reverses_payment_id is None
    receipts = sorted(p.receipt_no for p in takings)
    return {
        "payment_count": len(takings),
        "reversal_count": len(payments) - len(takings),
        "net_total_fen": sum(p.amount_fen for p in payments),
        "by_method": {m: {"count": counts[m], "sum_fen": by_method[m]} for m in sorted(by_method)},
        "first_receipt_no": receipts[0] if receipts else None,
        "last_receipt_no": receipts[-1] if receipts else None,
    }


def _compare(declared: ShiftClose, held: dict[str, Any]) -> list[dict[str, Any]]:
    problems = []
    for key in ("payment_count", "reversal_count", "net_total_fen"):
        value = getattr(declared, key)
        if value != held[key]:
            kind = "lost" if value > held[key] else "doubled"
            problems.append({"check": key, "declared": value, "server": held[key], "kind": kind})
    declared_methods = {m: v.sum_fen for m, v in declared.by_method.items() if v.sum_fen}
    held_methods = {m: v["sum_fen"] for m, v in held["by_method"].items() if v["sum_fen"]}
    if declared_methods != held_methods:
        problems.append({"check": "by_method", "declared": declared_methods, "server": held_methods})
    return problems


def _chain_at(s: Session, device: Device, seq: int, op: OpBody) -> str | None:
    """The device's chain head just after op ``seq`` (what the PC had when it closed the shift).
    The close is written right after that op, so it is normally the head this op extends. An op of
    the same batch has no ``applied_op`` row yet (they are written at the batch's end)."""
    if seq == op.device_seq - 1:
        return device.last_chain_hash
    if seq < op.device_seq and seq in s.info.get(BATCH_HEADS, {}):
        return s.info[BATCH_HEADS][seq]
    stored = s.scalars(
        select(AppliedOp).where(AppliedOp.device_id == device.device_id, AppliedOp.device_seq == seq)
    ).first()
    return chain_hash(stored.prev_hash, stored.op_id, stored.payload_hash) if stored else None


def day_report(s: Session, device: Device, day: date) -> dict[str, Any]:
    """What the server holds of this device on ``day``: its payments, and each closed shift's check."""
    payments = s.scalars(
        select(Payment).where(Payment.device_id == device.device_id, Payment.business_date == day)
    ).all()
    closes = s.scalars(
        select(AppliedOp)
        .where(AppliedOp.device_id == device.device_id, AppliedOp.op_type == "shift.close")
        .order_by(AppliedOp.device_seq)
    ).all()
    shifts = [
        op.result["reconciliation"]
        for op in closes
        if op.result.get("reconciliation", {}).get("business_date") == day.isoformat()
    ]
    return {
        "business_date": day.isoformat(),
        "payment_count": sum(p.reverses_payment_id is None for p in payments),
        "net_total_fen": sum(p.amount_fen for p in payments),
        "last_acked_seq": device.last_acked_seq,
        "chain_head": device.last_chain_hash,
        "shifts": shifts,
        "status": "mismatch" if any(x["status"] != "ok" for x in shifts) else "ok",
    }
