"""The push algorithm (docs/sync_protocol.md, SYNC_DESIGN §4.6): a batch of one device's outbox ops,
applied in ``device_seq`` order in one PostgreSQL transaction with the device row locked.

Replays are answered from ``applied_op``; a gap, a broken chain or a bad payload hash refuses the
whole batch; a replay that carries another op quarantines the device (committed on its own after
the batch is rolled back). Each handler runs in a SAVEPOINT so a business rejection is a result.
"""

import json
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hallapp import failpoints
from hallapp.central.bodies import OpBody, PushBody
from hallapp.central.db import Sessions
from hallapp.central.errors import HistoryDiverged, Refusal, device_revoked, malformed
from hallapp.central.handlers import HANDLERS
from hallapp.central.payments import CONSTRAINT_REASONS, Rejected, Result
from hallapp.central.schema import AppliedOp, Device
from hallapp.domain.canonical import chain_hash, sha256_hex

log = logging.getLogger(__name__)
LOCK_TIMEOUT = "30s"  # a push waiting longer than this for its device's lock answers 503: retry


def push(sessions: Sessions, batch: PushBody) -> dict[str, Any]:
    """Apply ``batch`` for its device (already authenticated as ``batch.device_id``)."""
    try:
        with sessions.begin() as s:
            s.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
            device = s.get(Device, batch.device_id, with_for_update=True)
            if device is None or device.status != "active":
                raise device_revoked(device.status if device else "unknown")
            results = _apply(s, device, batch)
            device.last_seen_at = func.now()
            return {"ack_up_to": device.last_acked_seq, "results": results}
    except HistoryDiverged as exc:
        quarantine(sessions, batch.device_id, f"history diverged at seq {exc.at_seq}")
        raise


def quarantine(sessions: Sessions, device_id: str, note: str) -> None:
    with sessions.begin() as s:
        device = s.get(Device, device_id, with_for_update=True)
        if device is not None and device.status == "active":
            device.status, device.status_note = "quarantined", note
    log.error("device %s quarantined: %s", device_id, note)


def _apply(s: Session, device: Device, batch: PushBody) -> list[Result]:
    ops = sorted(batch.ops, key=lambda o: o.device_seq)
    start = device.last_acked_seq
    stored = _stored(s, device.device_id, [op.device_seq for op in ops if op.device_seq <= start])
    taken = _taken_op_ids(s, [op.op_id for op in ops if op.device_seq > start])
    results, ledger = [], []
    for op in ops:
        if op.device_seq <= start:
            results.append(_replay(stored.get(op.device_seq), op))
            continue
        if op.device_seq != device.last_acked_seq + 1:
            raise Refusal(409, "seq_gap", expected_seq=device.last_acked_seq + 1)
        payload = _checked_payload(op)
        if op.op_id in taken:  # the same op already arrived at another seq, or from another device
            raise HistoryDiverged(op.device_seq)
        if op.prev_hash != device.last_chain_hash:
            raise Refusal(409, "chain_broken", at_seq=op.device_seq)
        result = _handle(s, device, op, payload.get("v"))
        failpoints.hit("server.mid_batch")  # inside the batch's transaction: nothing may stick
        ledger.append(_ledger_row(device, op, result, batch.batch_id))
        device.last_acked_seq = op.device_seq
        device.last_chain_hash = chain_hash(op.prev_hash, op.op_id, op.payload_hash)
        results.append({"device_seq": op.device_seq, "op_id": op.op_id, **result})
    s.add_all(ledger)  # one multi-row INSERT at commit
    return results


def _stored(s: Session, device_id: str, seqs: list[int]) -> dict[int, AppliedOp]:
    if not seqs:
        return {}
    rows = s.scalars(
        select(AppliedOp).where(AppliedOp.device_id == device_id, AppliedOp.device_seq.in_(seqs))
    )
    return {row.device_seq: row for row in rows}


def _taken_op_ids(s: Session, op_ids: Iterable[str]) -> set[str]:
    wanted = list(op_ids)
    if not wanted:
        return set()
    return set(s.scalars(select(AppliedOp.op_id).where(AppliedOp.op_id.in_(wanted))))


def _replay(previous: AppliedOp | None, op: OpBody) -> Result:
    if previous is None or previous.op_id != op.op_id or previous.payload_hash != op.payload_hash:
        raise HistoryDiverged(op.device_seq)
    return {
        "device_seq": op.device_seq,
        "op_id": op.op_id,
        "status": "duplicate",
        "original": previous.result,
    }


def _checked_payload(op: OpBody) -> dict[str, Any]:
    if sha256_hex(op.payload) != op.payload_hash:
        raise malformed(at_seq=op.device_seq, reason="payload_hash")
    try:
        body = json.loads(op.payload)
    except ValueError as exc:
        raise malformed(at_seq=op.device_seq, reason="payload_json") from exc
    if not isinstance(body, dict):
        raise malformed(at_seq=op.device_seq, reason="payload_json")
    return body


def _handle(s: Session, device: Device, op: OpBody, version: Any) -> Result:
    handler = HANDLERS.get((op.op_type, version)) if isinstance(version, int) else None
    if handler is None:  # later slices bring these handlers; never block a client (P8)
        return {"status": "applied", "stored_only": True}
    try:
        with s.begin_nested():
            return handler(s, device, op)
    except Rejected as exc:
        return {"status": "rejected", "reason": exc.reason, **exc.details}
    except IntegrityError as exc:
        constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
        if constraint not in CONSTRAINT_REASONS:
            raise
        return {"status": "rejected", "reason": CONSTRAINT_REASONS[constraint]}


def _ledger_row(device: Device, op: OpBody, result: Result, batch_id: str) -> AppliedOp:
    return AppliedOp(
        device_id=device.device_id,
        device_seq=op.device_seq,
        op_id=op.op_id,
        local_tx_id=op.local_tx_id,
        op_type=op.op_type,
        entity=op.entity,
        entity_id=op.entity_id,
        base_version=op.base_version,
        payload=op.payload,
        payload_hash=op.payload_hash,
        prev_hash=op.prev_hash,
        operator_id=op.operator_id,
        shift_id=op.shift_id,
        device_time=op.device_time,
        result=result,
        batch_id=batch_id,
    )
