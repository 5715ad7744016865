"""The push algorithm (docs/sync_protocol.md, SYNC_DESIGN §4.6): a batch of one device's outbox ops,
applied in ``device_seq`` order in one PostgreSQL transaction with the device row locked.

Replays are answered from ``applied_op``; a gap, a broken chain or a bad payload hash refuses the
whole batch; a replay that carries another op quarantines the device (committed on its own after
the batch is rolled back). Each handler runs in a SAVEPOINT so a business rejection is a result.

A run of consecutive ops whose handler has a set-based twin (``BULK``: payments) is applied by the
twin in a few statements for the whole run; it gives the same results and rows as the handler one
op at a time (``push(…, bulk=False)``, kept for the test that compares the two). The device row is
written once per batch, and the ledger rows all at once at the end.
"""

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import String, any_, bindparam, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from hallapp import failpoints
from hallapp.central.bodies import OpBody, PushBody
from hallapp.central.db import Sessions
from hallapp.central.errors import HistoryDiverged, Refusal, device_revoked, malformed
from hallapp.central.handlers import HANDLERS, Handler
from hallapp.central.payments import (
    CONSTRAINT_REASONS,
    OneByOne,
    Rejected,
    Result,
    record_payment,
    record_payments,
)
from hallapp.central.reconcile import BATCH_HEADS
from hallapp.central.schema import AppliedOp, Device
from hallapp.domain.canonical import chain_hash, sha256_hex

log = logging.getLogger(__name__)
LOCK_TIMEOUT = "30s"  # a push waiting longer than this for its device's lock answers 503: retry

BulkHandler = Callable[[Session, Device, Sequence[OpBody], OneByOne], list[Result]]
# The handlers with a set-based twin for a run of their ops. Keyed by the handler itself: an op type
# whose registered handler changes leaves the bulk path until its twin does too.
BULK: dict[Handler, BulkHandler] = {record_payment: record_payments}


@dataclass(frozen=True)
class _NewOp:
    """An op past the device's acknowledged head, checked, with the chain head it leads to."""

    op: OpBody
    handler: Handler | None
    head: str


def push(sessions: Sessions, batch: PushBody, *, bulk: bool = True) -> dict[str, Any]:
    """Apply ``batch`` for its device (already authenticated as ``batch.device_id``).

    ``bulk=False`` applies every op through its handler one at a time (the reference behaviour)."""
    try:
        with sessions.begin() as s:
            s.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
            device = s.get(Device, batch.device_id, with_for_update=True)
            if device is None or device.status != "active":
                raise device_revoked(device.status if device else "unknown")
            results = _apply(s, device, batch, bulk=bulk)
            _store_head(s, device)
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


def _apply(s: Session, device: Device, batch: PushBody, *, bulk: bool) -> list[Result]:
    ops = sorted(batch.ops, key=lambda o: o.device_seq)
    start = device.last_acked_seq
    stored = _stored(s, device.device_id, [op.device_seq for op in ops if op.device_seq <= start])
    results = [_replay(stored.get(op.device_seq), op) for op in ops if op.device_seq <= start]
    new = _checked(s, device, [op for op in ops if op.device_seq > start])
    s.info[BATCH_HEADS] = {item.op.device_seq: item.head for item in new}
    ledger = []
    for run, outcomes in _applied(s, device, new, bulk=bulk):
        for item, result in zip(run, outcomes, strict=True):
            failpoints.hit("server.mid_batch")  # inside the batch's transaction: nothing may stick
            ledger.append(_ledger_row(device, item.op, result, batch.batch_id))
            _advance(device, item)
            results.append({"device_seq": item.op.device_seq, "op_id": item.op.op_id, **result})
    if ledger:
        s.execute(insert(AppliedOp.__table__), ledger)  # psycopg pipelines the rows: one round trip
    return results


def _checked(s: Session, device: Device, ops: list[OpBody]) -> list[_NewOp]:
    """Every refusal a new op can cause, in op order, before anything is applied: they depend on
    the ops and the device's head only, never on what a handler does."""
    taken = _taken_op_ids(s, [op.op_id for op in ops])
    seq, head = device.last_acked_seq, device.last_chain_hash
    checked = []
    for op in ops:
        if op.device_seq != seq + 1:
            raise Refusal(409, "seq_gap", expected_seq=seq + 1)
        payload = _checked_payload(op)
        if op.op_id in taken:  # the same op already arrived at another seq, or from another device
            raise HistoryDiverged(op.device_seq)
        if op.prev_hash != head:
            raise Refusal(409, "chain_broken", at_seq=op.device_seq)
        seq, head = op.device_seq, chain_hash(op.prev_hash, op.op_id, op.payload_hash)
        checked.append(_NewOp(op, _handler(op.op_type, payload.get("v")), head))
    return checked


def _handler(op_type: str, version: Any) -> Handler | None:
    return HANDLERS.get((op_type, version)) if isinstance(version, int) else None


def _applied(
    s: Session, device: Device, new: list[_NewOp], *, bulk: bool
) -> Iterator[tuple[list[_NewOp], list[Result]]]:
    """The new ops in runs, each with its results: a run of consecutive ops sharing a handler that
    has a set-based twin, or a single op. Each run is applied just before it is yielded, after the
    device's head has moved past the run before (a handler may read it)."""
    at = 0
    while at < len(new):
        handler = new[at].handler
        twin = BULK.get(handler) if bulk and handler is not None else None
        if twin is None or handler is None:
            yield new[at : at + 1], [_handle(s, device, new[at].op, handler)]
            at += 1
            continue
        end = at + 1
        while end < len(new) and new[end].handler is handler:
            end += 1
        run = new[at:end]
        yield run, twin(s, device, [item.op for item in run], partial(_in_savepoint, s, handler, device))
        at = end


def _handle(s: Session, device: Device, op: OpBody, handler: Handler | None) -> Result:
    if handler is None:  # later slices bring these handlers; never block a client (P8)
        return {"status": "applied", "stored_only": True}
    return _in_savepoint(s, handler, device, op)


def _in_savepoint(s: Session, handler: Handler, device: Device, op: OpBody) -> Result:
    try:
        with s.begin_nested():
            return handler(s, device, op)
    except Rejected as exc:
        return exc.result()
    except IntegrityError as exc:
        constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
        if constraint not in CONSTRAINT_REASONS:
            raise
        return {"status": "rejected", "reason": CONSTRAINT_REASONS[constraint]}


def _advance(device: Device, item: _NewOp) -> None:
    """Move the device's head past ``item`` in memory only: as a change it would be flushed (an
    UPDATE) before every query of the next op's handler; ``_store_head`` writes it once."""
    set_committed_value(device, "last_acked_seq", item.op.device_seq)
    set_committed_value(device, "last_chain_hash", item.head)


def _store_head(s: Session, device: Device) -> None:
    table = Device.__table__
    s.execute(
        update(table)
        .where(table.c.device_id == device.device_id)
        .values(
            last_acked_seq=device.last_acked_seq,
            last_chain_hash=device.last_chain_hash,
            last_seen_at=func.now(),
        )
    )


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
    wanted_ids = bindparam("op_ids", wanted, type_=ARRAY(String))  # one parameter, not one per op
    return set(s.scalars(select(AppliedOp.op_id).where(AppliedOp.op_id == any_(wanted_ids))))


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


def _ledger_row(device: Device, op: OpBody, result: Result, batch_id: str) -> dict[str, Any]:
    return {
        "device_id": device.device_id,
        "device_seq": op.device_seq,
        "op_id": op.op_id,
        "local_tx_id": op.local_tx_id,
        "op_type": op.op_type,
        "entity": op.entity,
        "entity_id": op.entity_id,
        "base_version": op.base_version,
        "payload": op.payload,
        "payload_hash": op.payload_hash,
        "prev_hash": op.prev_hash,
        "operator_id": op.operator_id,
        "shift_id": op.shift_id,
        "device_time": op.device_time,
        "result": result,
        "batch_id": batch_id,
    }
