"""The supervisor's approval queue (审批): every kind of request in one list, decided the same way.

Deciding checks first that the request still applies (its kind says how); one that no longer does is
withdrawn, traced, and reported as such instead of being approved or refused.
"""

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hallapp.db.models import Approval, Operator
from hallapp.domain.errors import ActionRefused, NotFound, PermissionDenied
from hallapp.domain.hall_time import day_start, to_hall_time
from hallapp.domain.payments import clean_note
from hallapp.domain.permissions import Permission, has_permission, require
from hallapp.domain.records import Actor
from hallapp.services.approval_kinds import KINDS, kind_of
from hallapp.services.approval_queue import ApprovalRow, Decision, Subject, close
from hallapp.services.context import ServiceBase

QUEUE_LIMIT = 200
MINE_LIMIT = 50


class ApprovalService(ServiceBase):
    def queue(self, actor: Actor, *, include_decided: bool = False) -> list[ApprovalRow]:
        """Waiting requests (a same-day kind only from today), newest first; or everything recent."""
        require(actor.role, Permission.APPROVE)
        with self.db.read() as s:
            stmt = select(Approval).order_by(Approval.requested_at.desc())
            if not include_decided:
                lasting = [k.kind for k in KINDS.values() if not k.same_day_only]
                stmt = stmt.where(
                    Approval.status == "pending",
                    or_(
                        Approval.requested_at >= day_start(self.clock.business_date()),
                        Approval.kind.in_(lasting),
                    ),
                )
            return [row_of(s, a) for a in s.scalars(stmt.limit(QUEUE_LIMIT))]

    def mine(self, actor: Actor, kind: str | None = None) -> list[ApprovalRow]:
        """The clerk's own requests of today and those still waiting, to see what was decided."""
        asks = [k.kind for k in KINDS.values() if has_permission(actor.role, k.ask)]
        if kind is not None:
            require(actor.role, kind_of(kind).ask)
            asks = [kind]
        if not asks:
            raise PermissionDenied(permission=Permission.TAKE_PAYMENT.value, role=actor.role.value)
        with self.db.read() as s:
            rows = s.scalars(
                select(Approval)
                .where(
                    Approval.requested_by == actor.operator_id,
                    Approval.kind.in_(asks),
                    or_(
                        Approval.requested_at >= day_start(self.clock.business_date()),
                        Approval.status == "pending",
                    ),
                )
                .order_by(Approval.requested_at.desc())
                .limit(MINE_LIMIT)
            )
            return [row_of(s, a) for a in rows]

    def decide(self, actor: Actor, approval_id: str, *, approve: bool, note: str) -> Decision:
        """Approve or refuse (a refusal says why; an approval's note is kept when given)."""
        require(actor.role, Permission.APPROVE)
        note = clean_note(note, field="note", required=not approve)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.write() as s:
            approval = s.get(Approval, approval_id)
            if approval is None:
                raise NotFound(approval_id=approval_id)
            if approval.status == "withdrawn":
                raise ActionRefused("approval_withdrawn")
            if approval.status != "pending":
                raise ActionRefused("already_decided")
            if approval.requested_by == actor.operator_id:
                raise ActionRefused("own_request")
            kind = kind_of(approval.kind)
            subject = kind.describe(s, approval)
            gone = kind.stale(s, approval, today)
            if gone:
                close(s, approval, actor, now, "withdrawn", gone, subject.reference)
                return Decision(approval_id, approval.kind, "withdrawn", subject.reference, gone)
            close(s, approval, actor, now, "approved" if approve else "refused", note, subject.reference)
            kind.on_decide(s, approval, actor, now)
            return Decision(approval_id, approval.kind, approval.status, subject.reference)


def row_of(s: Session, a: Approval) -> ApprovalRow:
    kind = KINDS.get(a.kind)
    requester = s.get(Operator, a.requested_by)
    decider = s.get(Operator, a.decided_by) if a.decided_by else None
    return ApprovalRow(
        approval_id=a.approval_id,
        kind=a.kind,
        target_id=a.target_id,
        subject=kind.describe(s, a) if kind else Subject("", ""),
        reason=a.reason,
        requested_by=f"{requester.name}（{requester.staff_no}）" if requester else "",
        requested_at=to_hall_time(a.requested_at),
        status=a.status,
        decided_by=f"{decider.name}（{decider.staff_no}）" if decider else "",
        decision_note=a.decision_note or "",
    )
