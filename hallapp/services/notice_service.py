"""Arrears notices (DOMAIN_RULES R3.2): 催缴电费通知单 after the due date, 欠电费停电计划通知书 once
the arrears are older than the set number of days, each recorded with how it was delivered and
whether the customer signed."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import ArrearsNotice
from hallapp.domain.enums import NoticeDelivery, NoticeOutcome
from hallapp.domain.errors import ActionRefused, InvalidInput, NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.ids import new_id
from hallapp.domain.numbering import luhn_digit
from hallapp.domain.payments import AccountDue, clean_note
from hallapp.domain.permissions import Permission, require
from hallapp.domain.printouts import NoticeDoc, NoticeKind, NoticeLine
from hallapp.domain.records import Actor
from hallapp.services import audit, numbers
from hallapp.services.context import ServiceBase
from hallapp.services.dues import load_due
from hallapp.services.printout_header import hall_header
from hallapp.services.settings_service import values_in
from hallapp.sync import outbox

NOTICE_SERIES = "notice"


@dataclass(frozen=True)
class NoticeOptions:
    due: AccountDue
    reminder_allowed: bool
    cut_plan_allowed: bool
    cut_from: date
    cut_to: date


@dataclass(frozen=True)
class NoticeRow:
    notice_id: str
    notice_no: str
    kind: NoticeKind
    issued_at: datetime  # hall time
    outstanding_fen: int
    delivery: NoticeDelivery
    outcome: NoticeOutcome
    outcome_note: str
    settled: bool


class NoticeService(ServiceBase):
    def options(self, actor: Actor, account_id: str) -> NoticeOptions:
        require(actor.role, Permission.TAKE_PAYMENT)
        with self.db.read() as s:
            values = values_in(s)
            due = load_due(s, account_id, self.clock.business_date(), values)
            return _options(due, values)

    def issue(
        self,
        actor: Actor,
        account_id: str,
        kind: NoticeKind,
        delivery: NoticeDelivery,
    ) -> NoticeDoc:
        """Record the notice (numbered) and return it for printing in duplicate."""
        require(actor.role, Permission.TAKE_PAYMENT)
        now, today = self.clock.now(), self.clock.business_date()
        with self.db.write() as s:
            values = values_in(s)
            due = load_due(s, account_id, today, values)
            opts = _options(due, values)
            allowed = opts.cut_plan_allowed if kind is NoticeKind.CUT_PLAN else opts.reminder_allowed
            if not allowed:
                raise ActionRefused(f"{kind.value}_not_due", account_no=due.account_no)
            window: tuple[date | None, date | None] = (None, None)
            if kind is NoticeKind.CUT_PLAN:  # the cut falls in the window the settings give (3–7 days)
                window = (opts.cut_from, opts.cut_to)
                pay_by = opts.cut_from - timedelta(days=1)
            else:
                oldest = min(line.due_date for line in due.lines)
                pay_by = max(
                    today + timedelta(days=1), oldest + timedelta(days=values["arrears.cut_plan_after_days"])
                )
            seq = numbers.take(s, NOTICE_SERIES, self.device.device_code)
            body = f"{today.year % 100:02d}{seq:06d}"
            notice = ArrearsNotice(
                notice_id=new_id(),
                notice_no=f"N{self.device.device_code}-{body}{luhn_digit(body)}",
                kind=kind.value,
                account_id=account_id,
                business_date=today,
                issued_at=now,
                operator_id=actor.operator_id,
                outstanding_fen=due.principal_fen,
                penalty_fen=due.penalty_fen,
                pay_by=pay_by,
                cut_from=window[0],
                cut_to=window[1],
                delivery=delivery.value,
                outcome=NoticeOutcome.PENDING.value,
            )
            s.add(notice)
            s.flush()
            _op(s, notice, actor, now, "notice.issue")
            audit.record(
                s,
                at=now,
                device_id=self.device.device_id,
                action="notice.issue",
                actor=actor,
                target=notice.notice_no,
                details={"kind": kind.value, "account_no": due.account_no, "delivery": delivery.value},
            )
            return _doc(notice, due, values, actor)

    def record_outcome(self, actor: Actor, notice_id: str, outcome: NoticeOutcome, note: str) -> None:
        """Signed (note: who signed) or refused to sign (note: the witness). Recorded once."""
        require(actor.role, Permission.TAKE_PAYMENT)
        if outcome is NoticeOutcome.PENDING:
            raise InvalidInput("outcome", "empty")
        note = clean_note(note, field="outcome_note", required=True)
        now = self.clock.now()
        with self.db.write() as s:
            notice = s.get(ArrearsNotice, notice_id)
            if notice is None:
                raise NotFound(notice_id=notice_id)
            if notice.outcome != NoticeOutcome.PENDING.value:
                raise ActionRefused("outcome_recorded", notice_no=notice.notice_no)
            notice.outcome = outcome.value
            notice.outcome_note = note
            notice.outcome_at = now
            _op(s, notice, actor, now, "notice.outcome")
            audit.record(
                s,
                at=now,
                device_id=self.device.device_id,
                action="notice.outcome",
                actor=actor,
                target=notice.notice_no,
                details={"outcome": outcome.value, "note": note},
            )

    def for_account(self, actor: Actor, account_id: str) -> list[NoticeRow]:
        require(actor.role, Permission.SEARCH_ACCOUNTS)
        with self.db.read() as s:
            rows = s.scalars(
                select(ArrearsNotice)
                .where(ArrearsNotice.account_id == account_id)
                .order_by(ArrearsNotice.issued_at.desc())
            )
            return [
                NoticeRow(
                    n.notice_id,
                    n.notice_no,
                    NoticeKind(n.kind),
                    to_hall_time(n.issued_at),
                    n.outstanding_fen,
                    NoticeDelivery(n.delivery),
                    NoticeOutcome(n.outcome),
                    n.outcome_note or "",
                    n.settled_by_payment_id is not None,
                )
                for n in rows
            ]


def _options(due: AccountDue, values: dict[str, Any]) -> NoticeOptions:
    days = due.max_days_overdue
    today = due.as_of
    return NoticeOptions(
        due=due,
        reminder_allowed=bool(due.lines) and days >= max(1, values["arrears.reminder_after_days"]),
        cut_plan_allowed=bool(due.lines) and days > values["arrears.cut_plan_after_days"],
        cut_from=today + timedelta(days=values["arrears.cut_lead_min_days"]),
        cut_to=today
        + timedelta(days=max(values["arrears.cut_lead_min_days"], values["arrears.cut_lead_max_days"])),
    )


def _doc(notice: ArrearsNotice, due: AccountDue, values: dict[str, Any], actor: Actor) -> NoticeDoc:
    return NoticeDoc(
        header=hall_header(values),
        kind=NoticeKind(notice.kind),
        notice_no=notice.notice_no,
        account_no=due.account_no,
        holder=due.holder,
        address=due.address,
        lines=tuple(
            NoticeLine(x.period, x.due_date, x.days_overdue, x.outstanding_fen, x.penalty_fen)
            for x in due.lines
            if x.days_overdue > 0
        ),
        outstanding_fen=due.principal_fen,
        penalty_fen=due.penalty_fen,
        as_of=due.as_of,
        pay_by=notice.pay_by,
        cut_from=notice.cut_from,
        cut_to=notice.cut_to,
        issued_at=to_hall_time(notice.issued_at),
        clerk_staff_no=actor.staff_no,
        clerk_name=actor.name,
    )


def _op(s: Session, notice: ArrearsNotice, actor: Actor, now: datetime, op_type: str) -> None:
    outbox.append(
        s,
        at=now,
        op_type=op_type,
        entity="arrears_notice",
        entity_id=notice.notice_id,
        actor=actor,
        payload={
            "notice_id": notice.notice_id,
            "notice_no": notice.notice_no,
            "kind": notice.kind,
            "account_id": notice.account_id,
            "outstanding_fen": notice.outstanding_fen,
            "penalty_fen": notice.penalty_fen,
            "pay_by": notice.pay_by.isoformat(),
            "cut_from": notice.cut_from.isoformat() if notice.cut_from else None,
            "cut_to": notice.cut_to.isoformat() if notice.cut_to else None,
            "delivery": notice.delivery,
            "outcome": notice.outcome,
            "outcome_note": notice.outcome_note,
        },
    )
