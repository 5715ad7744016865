"""The central server's notices to this hall (pulled, hallapp.sync.pull_notices), for the
supervisor: whose contact edit was overwritten, which application waits for review. Reading one
and marking it read are the supervisor's; marking is audited."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from hallapp.db.models import SyncNotice
from hallapp.domain.errors import NotFound
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.services import audit
from hallapp.services.context import ServiceBase

LIST_LIMIT = 500


@dataclass(frozen=True)
class NoticeRow:
    notice_id: str
    kind: str
    created_at: datetime
    account_no: str
    customer_id: str
    field: str
    reason: str
    lost_value: str
    won_value: str
    won_hall_id: str
    application_no: str
    blocking_application_no: str
    read: bool


class SyncNoticeService(ServiceBase):
    def unread_count(self, actor: Actor) -> int:
        require(actor.role, Permission.APPROVE)
        with self.db.read() as s:
            return (
                s.scalar(select(func.count()).select_from(SyncNotice).where(SyncNotice.read_at.is_(None)))
                or 0
            )

    def notices(self, actor: Actor, *, include_read: bool = False) -> list[NoticeRow]:
        """Unread first (newest first), then read ones when asked; at most LIST_LIMIT."""
        require(actor.role, Permission.APPROVE)
        query = select(SyncNotice).order_by(SyncNotice.read_at.is_not(None), SyncNotice.created_at.desc())
        if not include_read:
            query = query.where(SyncNotice.read_at.is_(None))
        with self.db.read() as s:
            return [_row(n) for n in s.scalars(query.limit(LIST_LIMIT))]

    def mark_read(self, actor: Actor, notice_id: str) -> None:
        require(actor.role, Permission.APPROVE)
        now = self.clock.now()
        with self.db.write() as s:
            notice = s.get(SyncNotice, notice_id)
            if notice is None:
                raise NotFound(None)
            if notice.read_at is not None:
                return
            notice.read_at, notice.read_by = now, actor.operator_id
            audit.record(
                s,
                at=now,
                device_id=actor.device_id,
                action="sync_notice.read",
                actor=actor,
                target=notice.account_no or notice.application_no or notice.notice_id,
                details={"kind": notice.kind, "notice_id": notice.notice_id},
            )


def _row(n: SyncNotice) -> NoticeRow:
    return NoticeRow(
        notice_id=n.notice_id,
        kind=n.kind,
        created_at=n.created_at,
        account_no=n.account_no or "",
        customer_id=n.customer_id or "",
        field=n.field or "",
        reason=n.reason or "",
        lost_value=n.lost_value or "",
        won_value=n.won_value or "",
        won_hall_id=n.won_hall_id or "",
        application_no=n.application_no or "",
        blocking_application_no=n.blocking_application_no or "",
        read=n.read_at is not None,
    )
