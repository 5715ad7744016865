"""Op handlers for payments (`payment.record`, `payment.reverse`): money is never refused (§4.2).

An unknown or closed account puts the payment in suspense; only a payload that cannot be a payment
at all, a payment id or receipt number already taken, or a second reversal is rejected (and the
op itself is still kept in ``applied_op``).

``record_payments`` is the set-based twin of ``record_payment`` for a run of consecutive ops of one
batch (a backlog is almost only payments): one account lookup, one look at the unique keys already
taken and one INSERT (of arrays, unnested) for the whole run, where one op at a time costs five
statements. It gives the same results and rows; an op that would hit a unique key goes through
``record_payment`` in its turn, so its rejection is exactly the one the per-op path gives.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import String, any_, bindparam, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from hallapp.central.bodies import OpBody
from hallapp.central.schema import Account, Device, Payment
from hallapp.central.schema_staff import Operator

Result = dict[str, Any]
Payload = TypeVar("Payload", bound=BaseModel)
_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")  # JSON's \u0000, not an escaped backslash before u0000
OneByOne = Callable[[OpBody], Result]  # the per-op handler in its SAVEPOINT, as the push runs it


class Rejected(Exception):
    """A business rejection: the op is acknowledged with ``{"status": "rejected", "reason": …}``."""

    def __init__(self, reason: str, **details: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details

    def result(self) -> Result:
        return {"status": "rejected", "reason": self.reason, **self.details}


class PaymentPayload(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    payment_id: str = Field(min_length=1, max_length=36)
    receipt_no: str = Field(min_length=1, max_length=40)
    account_no: str = Field(max_length=40)
    amount_fen: int = Field(ge=-(2**62), le=2**62)
    method: str = Field(min_length=1, max_length=20)
    business_date: date
    reverses_payment_id: str | None = Field(default=None, min_length=1, max_length=36)


def record_payment(s: Session, device: Device, op: OpBody) -> Result:
    p = _payload(op)
    account = s.get(Account, p.account_no)
    suspense = _suspense(account.status if account is not None else None)
    return _insert(s, device, op, p, p.account_no, suspense=suspense)


def operator_flag(operator: "OperatorState | None", device: Device, op: OpBody) -> str | None:
    """Why the payment's operator needs an auditor's look (SYNC_DESIGN §4.9: the money is accepted
    all the same): unknown here, deactivated before the payment's device time, or of another hall."""
    if operator is None:
        return "operator_unknown"
    if operator.deactivated_at is not None and operator.deactivated_at <= op.device_time:
        return "operator_inactive"
    if operator.hall_id != device.hall_id:
        return "operator_other_hall"
    return None


def record_payments(s: Session, device: Device, ops: Sequence[OpBody], one_by_one: OneByOne) -> list[Result]:
    """``record_payment`` for each of ``ops`` (consecutive in the batch), in set-based SQL.

    An op whose payment id, receipt number or reversed payment is already taken, in the table or by
    an earlier op of the run, goes to ``one_by_one`` after the rows before it are inserted: the
    table is then what the per-op path would have seen at that op.
    """
    parsed = [_parsed(op) for op in ops]
    payloads = [p for p in parsed if isinstance(p, PaymentPayload)]
    statuses = _account_statuses(s, {p.account_no for p in payloads})
    operators = _operators(s, {op.operator_id for op in ops if op.operator_id is not None})
    keys = _TakenKeys.read(s, payloads)
    results: list[Result] = []
    waiting = _Rows(s, one_by_one)
    for op, p in zip(ops, parsed, strict=True):
        if isinstance(p, Rejected):
            results.append(p.result())
        elif keys.hit(p):
            waiting.insert(results)
            results.append(one_by_one(op))
            if results[-1]["status"] != "rejected":
                keys.take(p)
        else:
            suspense = _suspense(statuses.get(p.account_no))
            waiting.add(len(results), op, _row(device, op, p, p.account_no, suspense))
            flag = operator_flag(operators.get(op.operator_id or ""), device, op)
            results.append(_result(p, suspense, flag))
            keys.take(p)
    waiting.insert(results)
    return results


def reverse_payment(s: Session, device: Device, op: OpBody) -> Result:
    p = _payload(op)
    if p.reverses_payment_id is None:
        raise Rejected("invalid_payload", field="reverses_payment_id")
    original = s.get(Payment, p.reverses_payment_id, with_for_update=True)
    if original is None:  # its payment has not reached the server (yet): keep it, look later
        return _insert(s, device, op, p, p.account_no, suspense="original_unknown")
    if original.reverses_payment_id is not None:
        raise Rejected("reversal_of_reversal", payment_id=original.payment_id)
    if s.scalar(select(Payment.payment_id).where(Payment.reverses_payment_id == original.payment_id)):
        raise Rejected("already_reversed", payment_id=original.payment_id)
    suspense = "original_in_suspense" if original.posting_status == "suspense" else None
    # The PC sends an empty account_no with a reversal: the original payment's account is the one.
    return _insert(s, device, op, p, original.account_no, suspense=suspense)


def parse_payload(model: type[Payload], op: OpBody) -> Payload:
    """``op``'s payload as ``model``, or ``Rejected("invalid_payload")`` naming the first bad field:
    what every handler answers for a payload it cannot use (the op is still acknowledged). A NUL
    anywhere in it is refused too: PostgreSQL's text and jsonb cannot hold one."""
    if _NUL_ESCAPE.search(op.payload):
        raise Rejected("invalid_payload", field="nul")
    try:
        return model.model_validate_json(op.payload)
    except ValidationError as exc:
        field = ".".join(str(part) for part in exc.errors()[0]["loc"]) if exc.errors() else ""
        raise Rejected("invalid_payload", field=field) from exc


def _payload(op: OpBody) -> PaymentPayload:
    if op.operator_id is None or op.shift_id is None:
        raise Rejected("invalid_payload", field="operator_id" if op.operator_id is None else "shift_id")
    p = parse_payload(PaymentPayload, op)
    if p.amount_fen == 0:
        raise Rejected("invalid_payload", field="amount_fen")
    return p


def _parsed(op: OpBody) -> PaymentPayload | Rejected:
    try:
        return _payload(op)
    except Rejected as exc:
        return exc


def _suspense(account_status: str | None) -> str | None:
    if account_status is None:
        return "account_unknown"
    if account_status == "closed":  # a suspended account (supply cut for arrears) takes its arrears
        return "account_closed"
    return None


def _insert(
    s: Session, device: Device, op: OpBody, p: PaymentPayload, account_no: str, *, suspense: str | None
) -> Result:
    s.add(Payment(**_row(device, op, p, account_no, suspense)))
    s.flush()  # inside the op's SAVEPOINT: a unique key hit rolls back this op only
    operators = _operators(s, {op.operator_id} if op.operator_id else set())
    return _result(p, suspense, operator_flag(operators.get(op.operator_id or ""), device, op))


def _row(
    device: Device, op: OpBody, p: PaymentPayload, account_no: str, suspense: str | None
) -> dict[str, Any]:
    return {
        "payment_id": p.payment_id,
        "receipt_no": p.receipt_no,
        "device_id": device.device_id,
        "device_seq": op.device_seq,
        "account_no": account_no,
        "amount_fen": p.amount_fen,
        "method": p.method,
        "operator_id": op.operator_id,
        "shift_id": op.shift_id,
        "business_date": p.business_date,
        "device_time": op.device_time,
        "posting_status": "suspense" if suspense else "posted",
        "reverses_payment_id": p.reverses_payment_id,
    }


def _result(p: PaymentPayload, suspense: str | None, flag: str | None) -> Result:
    result: Result = {"status": "suspense" if suspense else "applied", "payment_id": p.payment_id}
    result["receipt_no"] = p.receipt_no
    if suspense:
        result["reason"] = suspense
    if flag:
        result["flag"] = flag
    return result


def _text_array(name: str, values: Iterable[str]) -> Any:
    return any_(bindparam(name, sorted(values), type_=ARRAY(String)))


@dataclass(frozen=True)
class OperatorState:
    hall_id: str
    deactivated_at: datetime | None


def _operators(s: Session, operator_ids: set[str]) -> dict[str, OperatorState]:
    if not operator_ids:
        return {}
    query = select(Operator.operator_id, Operator.hall_id, Operator.deactivated_at, Operator.active).where(
        Operator.operator_id == _text_array("operator_ids", operator_ids)
    )
    return {
        row.operator_id: OperatorState(row.hall_id, None if row.active else row.deactivated_at)
        for row in s.execute(query)
    }


def _account_statuses(s: Session, account_nos: set[str]) -> dict[str, str]:
    if not account_nos:
        return {}
    query = select(Account.account_no, Account.status).where(
        Account.account_no == _text_array("account_nos", account_nos)
    )
    return {no: status for no, status in s.execute(query)}


@dataclass
class _TakenKeys:
    """The unique keys of ``payment`` a new row could hit: in the table when the run starts, or taken
    by an earlier op of the run. Only ever too many (an op then takes the per-op path, which is
    exact); a key another transaction takes meanwhile is caught by ON CONFLICT (``_Rows``)."""

    payment_ids: set[str] = field(default_factory=set)
    receipt_nos: set[str] = field(default_factory=set)
    reversed_ids: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, s: Session, payloads: list[PaymentPayload]) -> "_TakenKeys":
        keys = cls()
        if not payloads:
            return keys
        reversed_ids = {p.reverses_payment_id for p in payloads if p.reverses_payment_id is not None}
        query = select(Payment.payment_id, Payment.receipt_no, Payment.reverses_payment_id).where(
            or_(
                Payment.payment_id == _text_array("payment_ids", {p.payment_id for p in payloads}),
                Payment.receipt_no == _text_array("receipt_nos", {p.receipt_no for p in payloads}),
                Payment.reverses_payment_id == _text_array("reversed_ids", reversed_ids),
            )
        )
        for payment_id, receipt_no, reverses_payment_id in s.execute(query):
            keys.payment_ids.add(payment_id)
            keys.receipt_nos.add(receipt_no)
            if reverses_payment_id is not None:
                keys.reversed_ids.add(reverses_payment_id)
        return keys

    def hit(self, p: PaymentPayload) -> bool:
        return (
            p.payment_id in self.payment_ids
            or p.receipt_no in self.receipt_nos
            or (p.reverses_payment_id is not None and p.reverses_payment_id in self.reversed_ids)
        )

    def take(self, p: PaymentPayload) -> None:
        self.payment_ids.add(p.payment_id)
        self.receipt_nos.add(p.receipt_no)
        if p.reverses_payment_id is not None:
            self.reversed_ids.add(p.reverses_payment_id)


@dataclass
class _Rows:
    """Payment rows waiting for one INSERT, with the ops (and their places among the results) they
    come from."""

    s: Session
    one_by_one: OneByOne
    rows: list[dict[str, Any]] = field(default_factory=list)
    ops: list[tuple[int, OpBody]] = field(default_factory=list)

    def add(self, index: int, op: OpBody, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.ops.append((index, op))

    def insert(self, results: list[Result]) -> None:
        """Insert the waiting rows. A row another transaction's payment got in first (committed
        after ``_TakenKeys.read``) is not inserted: its op takes the per-op path after all."""
        if not self.rows:
            return
        columns = {name: [row[name] for row in self.rows] for name in _INSERTED}
        inserted = set(self.s.scalars(_INSERT_ROWS, columns))
        for index, op in self.ops:
            if op.device_seq not in inserted:
                results[index] = self.one_by_one(op)
        self.rows.clear()
        self.ops.clear()


def _insert_rows() -> Any:
    """``INSERT INTO payment … SELECT * FROM unnest(<one array per column>) ON CONFLICT DO NOTHING
    RETURNING device_seq``: a short statement whatever the number of rows (a multi-row VALUES list
    of 200 rows costs the driver more to render than the database to run)."""
    table = Payment.__table__
    arrays = []
    for name in _INSERTED:
        kind = table.c[name].type
        # VARCHAR(n)[] would cut a longer text short: unbounded here, the column checks the length
        arrays.append(bindparam(name, type_=ARRAY(String() if isinstance(kind, String) else kind)))
    rows = func.unnest(*arrays).table_valued(*_INSERTED).render_derived()
    return (
        pg_insert(table)
        .from_select(_INSERTED, select(*rows.c))
        .on_conflict_do_nothing()
        .returning(table.c.device_seq)
    )


_INSERTED = tuple(column.name for column in Payment.__table__.c if column.server_default is None)
_INSERT_ROWS = _insert_rows()


# The unique keys a payment can hit, and the rejection each one means.
CONSTRAINT_REASONS = {
    "uq_payment_reverses_payment_id": "already_reversed",
    "pk_payment": "payment_exists",
    "uq_payment_receipt_no": "receipt_no_taken",
}
