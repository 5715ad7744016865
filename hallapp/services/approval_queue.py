"""The approval queue's shared parts: what a kind must say about itself, the row the screens show,
and the writes every kind leaves (the approval row, its outbox op, its audit entry)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from hallapp.db.models import Approval
from hallapp.domain.ids import new_id
from hallapp.domain.permissions import Permission
from hallapp.domain.records import Actor
from hallapp.services import audit
from hallapp.sync import outbox


@dataclass(frozen=True)
class Subject:
    """What a request is about, as the queue shows it."""

    reference: str  # receipt no. or application no.
    party: str  # account no. or applicant
    amount_fen: int | None = None  # a reversal's amount
    credit_code: str = ""  # a credit-code override's code


@dataclass(frozen=True)
class ApprovalKind:
    """One kind of request: who may ask, how long it stays in the queue, what it is about, when it no
    longer applies (a reason code, or None) and what an approval or a refusal does to its target."""

    kind: str
    ask: Permission
    same_day_only: bool
    describe: Callable[[Session, Approval], Subject]
    stale: Callable[[Session, Approval, date], str | None]
    on_decide: Callable[[Session, Approval, Actor, datetime], None]


@dataclass(frozen=True)
class ApprovalRow:
    approval_id: str
    kind: str
    target_id: str
    subject: Subject
    reason: str
    requested_by: str  # name (工号)
    requested_at: datetime  # hall time
    status: str  # pending, approved, refused, used, withdrawn
    decided_by: str
    decision_note: str  # the supervisor's reason; for a withdrawn request the code of why

    @property
    def receipt_no(self) -> str:
        return self.subject.reference if self.subject.amount_fen is not None else ""

    @property
    def account_no(self) -> str:
        return self.subject.party if self.subject.amount_fen is not None else ""

    @property
    def amount_fen(self) -> int:
        return self.subject.amount_fen or 0


@dataclass(frozen=True)
class Decision:
    approval_id: str
    kind: str
    status: str  # approved, refused, or withdrawn when it no longer applied
    reference: str  # receipt no. or application no.
    stale_reason: str = ""


def open_request(
    s: Session,
    actor: Actor,
    *,
    kind: str,
    target_id: str,
    target: str,
    reason: str,
    at: datetime,
    **details: object,
) -> Approval:
    """A pending request in the queue, with its outbox op and audit entry (``target``: the number
    people know it by)."""
    approval = Approval(
        approval_id=new_id(),
        kind=kind,
        target_id=target_id,
        reason=reason,
        requested_by=actor.operator_id,
        requested_at=at,
        device_id=actor.device_id,
        status="pending",
    )
    s.add(approval)
    s.flush()
    queue_op(s, approval, actor, at, "approval.request")
    audit.record(
        s,
        at=at,
        device_id=actor.device_id,
        action="approval.request",
        actor=actor,
        target=target,
        details={"kind": kind, "reason": reason, **details},
    )
    return approval


def close(
    s: Session, approval: Approval, actor: Actor, at: datetime, status: str, note: str, target: str
) -> None:
    """Decide ``approval`` (approved, refused) or withdraw it (``note`` then says why, as a code)."""
    approval.status = status
    approval.decided_by = actor.operator_id
    approval.decided_at = at
    approval.decision_note = note
    queue_op(s, approval, actor, at, "approval.decide")
    action = {"approved": "approval.approve", "refused": "approval.refuse"}.get(status, "approval.withdraw")
    audit.record(
        s,
        at=at,
        device_id=actor.device_id,
        action=action,
        actor=actor,
        target=approval.approval_id,
        details={"kind": approval.kind, "target_id": approval.target_id, "target": target, "note": note},
    )


def queue_op(s: Session, approval: Approval, actor: Actor, now: datetime, op_type: str) -> None:
    outbox.append(
        s,
        at=now,
        op_type=op_type,
        entity="approval",
        entity_id=approval.approval_id,
        actor=actor,
        payload={
            "approval_id": approval.approval_id,
            "kind": approval.kind,
            "target_id": approval.target_id,
            "status": approval.status,
            "reason": approval.reason,
            "decision_note": approval.decision_note,
        },
    )
