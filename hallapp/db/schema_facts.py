"""Append-only facts made in the hall: shifts, payments, receipts, applications, tickets."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.db.base import Base, Id, UtcDateTime


class Shift(Base):
    """One clerk's till on one PC. A closed shift takes no more payments (its cash-up is final)."""

    __tablename__ = "shift"
    __table_args__ = (
        Index(
            "ix_shift_one_open",
            "operator_id",
            "device_id",
            unique=True,
            sqlite_where=text("closed_at IS NULL"),
            postgresql_where=text("closed_at IS NULL"),
        ),
    )

    shift_id: Mapped[str] = mapped_column(Id, primary_key=True)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    device_id: Mapped[str] = mapped_column(Id)
    business_date: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    expected_cash_fen: Mapped[int | None] = mapped_column(BigInteger)
    counted_cash_fen: Mapped[int | None] = mapped_column(BigInteger)
    difference_reason: Mapped[str | None] = mapped_column(Text)
    close_summary: Mapped[dict | None] = mapped_column(JSON)  # the shift.close op's payload (§4.13)


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint("amount_fen <> 0", name="amount_not_zero"),
        CheckConstraint("method IN ('cash','card','wechat','alipay','prepaid')", name="method"),
        Index("ix_payment_account_paid_at", "account_id", "paid_at"),
        Index("ix_payment_business_date", "business_date"),
        # Partial: payments imported from billing have no shift; without the condition the planner
        # would judge the index useless on a big history and scan the table for every till query.
        Index(
            "ix_payment_shift_id",
            "shift_id",
            sqlite_where=text("shift_id IS NOT NULL"),
            postgresql_where=text("shift_id IS NOT NULL"),
        ),
    )

    payment_id: Mapped[str] = mapped_column(Id, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(24), unique=True)
    device_id: Mapped[str] = mapped_column(Id)
    account_id: Mapped[str] = mapped_column(ForeignKey("account.account_id"))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    penalty_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    method: Mapped[str] = mapped_column(String(12))
    reference: Mapped[str | None] = mapped_column(String(64))
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    shift_id: Mapped[str | None] = mapped_column(ForeignKey("shift.shift_id"))
    business_date: Mapped[date] = mapped_column(Date)
    paid_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reverses_payment_id: Mapped[str | None] = mapped_column(ForeignKey("payment.payment_id"), unique=True)
    request_id: Mapped[str | None] = mapped_column(Id, unique=True)  # the clerk's click: retries replay it
    to_prepaid_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    tendered_fen: Mapped[int | None] = mapped_column(BigInteger)
    # Principal owed before, principal + penalty owed after: the receipt prints the facts as they were.
    owed_before_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    owed_after_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    prepaid_after_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    approval_id: Mapped[str | None] = mapped_column(ForeignKey("approval.approval_id"))
    note: Mapped[str | None] = mapped_column(Text)  # a reversal's reason


class PaymentAllocation(Base):
    __tablename__ = "payment_allocation"
    __table_args__ = (Index("ix_payment_allocation_bill_id", "bill_id"),)

    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.payment_id"), primary_key=True)
    bill_id: Mapped[str] = mapped_column(ForeignKey("bill.bill_id"), primary_key=True)
    principal_fen: Mapped[int] = mapped_column(BigInteger)
    penalty_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    outstanding_before_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class ReceiptPrint(Base):
    __tablename__ = "receipt_print"

    print_id: Mapped[str] = mapped_column(Id, primary_key=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.payment_id"))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    is_reprint: Mapped[bool] = mapped_column(Boolean, default=False)


class Approval(Base):
    """Something a clerk may not do alone, and a supervisor's answer (at the counter or from the queue).
    ``kind`` names its entry in services/approval_kinds.py; ``withdrawn``: it no longer applied when
    decided (the payment was reversed otherwise, the application was cancelled or corrected)."""

    __tablename__ = "approval"
    __table_args__ = (
        CheckConstraint("status IN ('pending','approved','refused','used','withdrawn')", name="status"),
        Index("ix_approval_status", "status", "requested_at"),
        Index("ix_approval_target", "target_id"),
    )

    approval_id: Mapped[str] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    target_id: Mapped[str] = mapped_column(Id)
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    device_id: Mapped[str] = mapped_column(Id)
    status: Mapped[str] = mapped_column(String(12))
    decided_by: Mapped[str | None] = mapped_column(ForeignKey("operator.operator_id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)
    at_counter: Mapped[bool] = mapped_column(Boolean, default=False)


class ArrearsNotice(Base):
    """A printed arrears notice and how it reached the customer (DOMAIN_RULES R3.2)."""

    __tablename__ = "arrears_notice"
    __table_args__ = (
        CheckConstraint("kind IN ('reminder','cut_plan')", name="kind"),
        CheckConstraint("outcome IN ('pending','signed','refused')", name="outcome"),
        Index("ix_arrears_notice_account", "account_id", "issued_at"),
    )

    notice_id: Mapped[str] = mapped_column(Id, primary_key=True)
    notice_no: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    account_id: Mapped[str] = mapped_column(ForeignKey("account.account_id"))
    business_date: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    outstanding_fen: Mapped[int] = mapped_column(BigInteger)
    penalty_fen: Mapped[int] = mapped_column(BigInteger)
    pay_by: Mapped[date] = mapped_column(Date)
    cut_from: Mapped[date | None] = mapped_column(Date)
    cut_to: Mapped[date | None] = mapped_column(Date)
    delivery: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(12), default="pending")
    outcome_note: Mapped[str | None] = mapped_column(Text)
    outcome_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    settled_by_payment_id: Mapped[str | None] = mapped_column(ForeignKey("payment.payment_id"))


class ReconnectionRequest(Base):
    """Raised when an account that had a cut notice pays everything it owes."""

    __tablename__ = "reconnection_request"

    request_id: Mapped[str] = mapped_column(Id, primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("account.account_id"))
    notice_id: Mapped[str] = mapped_column(ForeignKey("arrears_notice.notice_id"))
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.payment_id"), unique=True)
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_by: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(12), default="open")


class Application(Base):
    """A business application (新装, 增容, 更名, 过户). ``status`` is its stage (domain.application_flow);
    ``stage_due_on`` the earliest deadline it runs against now (None: closed, returned or no limit).
    ``version`` rises with every change, so a second PC acting on a stale copy is refused.
    ``hold``: waiting for a supervisor (``credit_code_pending``) or refused by one
    (``credit_code_refused``); it cannot leave 受理 while held."""

    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_account_id", "account_id"),
        Index("ix_application_account_no", "account_no"),
        Index("ix_application_applicant_id_no", "applicant_id_no"),
        Index("ix_application_phone", "phone"),
        Index(
            "ix_application_open_due",
            "stage_due_on",
            sqlite_where=text("closed_on IS NULL"),
            postgresql_where=text("closed_on IS NULL"),
        ),
        Index(
            "ix_application_held",
            "hold",
            sqlite_where=text("hold IS NOT NULL"),
            postgresql_where=text("hold IS NOT NULL"),
        ),
    )

    application_id: Mapped[str] = mapped_column(Id, primary_key=True)
    application_no: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.account_id"))
    applicant_name: Mapped[str] = mapped_column(String(80))
    accepted_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    request_id: Mapped[str | None] = mapped_column(Id, unique=True)  # the form's submit: idempotent
    device_id: Mapped[str | None] = mapped_column(Id)
    account_no: Mapped[str | None] = mapped_column(String(20))
    applicant_id_no: Mapped[str | None] = mapped_column(String(30))  # ID number or credit code
    phone: Mapped[str | None] = mapped_column(String(20))
    stage_since: Mapped[date | None] = mapped_column(Date)
    stage_due_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    promise_signed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    expedite_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    hold: Mapped[str | None] = mapped_column(String(24))


class ApplicationEvent(Base):
    """One step of an application: a stage change, a 催办, a rating, an attachment (``kind``)."""

    __tablename__ = "application_event"
    __table_args__ = (Index("ix_application_event_application", "application_id", "at"),)

    event_id: Mapped[str] = mapped_column(Id, primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.application_id"))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    note: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="stage", server_default="stage")


class ApplicationAttachment(Base):
    """A scanned document kept on this PC (``attachments/<sha256>``), carried by sync later."""

    __tablename__ = "application_attachment"
    __table_args__ = (UniqueConstraint("application_id", "sha256"),)

    attachment_id: Mapped[str] = mapped_column(Id, primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.application_id"))
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(40))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))


class Consultation(Base):
    """业务咨询单: the question, the answer, and a callback task when it was not answered on the spot."""

    __tablename__ = "consultation"
    __table_args__ = (
        Index(
            "ix_consultation_open_callback",
            "callback_due_at",
            sqlite_where=text("callback_due_at IS NOT NULL AND callback_done_at IS NULL"),
            postgresql_where=text("callback_due_at IS NOT NULL AND callback_done_at IS NULL"),
        ),
        Index("ix_consultation_business_date", "business_date"),
    )

    consultation_id: Mapped[str] = mapped_column(Id, primary_key=True)
    consultation_no: Mapped[str] = mapped_column(String(24), unique=True)
    request_id: Mapped[str] = mapped_column(Id, unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    customer_name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(20))
    account_no: Mapped[str | None] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    answered: Mapped[bool] = mapped_column(Boolean)
    callback_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    callback_done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    callback_note: Mapped[str | None] = mapped_column(Text)
    callback_by: Mapped[str | None] = mapped_column(ForeignKey("operator.operator_id"))
    business_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    device_id: Mapped[str] = mapped_column(Id)


class Complaint(Base):
    """A complaint (six cause codes, source document 000 line 75) with its two deadlines: contact the
    customer (hours) and reply (working days). It closes only after a recorded follow-up call."""

    __tablename__ = "complaint"
    __table_args__ = (
        Index(
            "ix_complaint_open",
            "reply_due_on",
            sqlite_where=text("closed_at IS NULL"),
            postgresql_where=text("closed_at IS NULL"),
        ),
        Index("ix_complaint_business_date", "business_date"),
    )

    complaint_id: Mapped[str] = mapped_column(Id, primary_key=True)
    complaint_no: Mapped[str] = mapped_column(String(24), unique=True)
    request_id: Mapped[str] = mapped_column(Id, unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    cause: Mapped[str] = mapped_column(String(24))
    customer_name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(20))
    account_no: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    contact_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reply_due_on: Mapped[date] = mapped_column(Date)
    contacted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    contact_note: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reply_note: Mapped[str | None] = mapped_column(Text)
    followup_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    followup_note: Mapped[str | None] = mapped_column(Text)
    followup_satisfied: Mapped[bool | None] = mapped_column(Boolean)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    business_date: Mapped[date] = mapped_column(Date)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    device_id: Mapped[str] = mapped_column(Id)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))


class KnowledgeItem(Base):
    """A typical question and its answer (电力知识库, source document 002 line 31)."""

    __tablename__ = "knowledge_item"

    item_id: Mapped[str] = mapped_column(Id, primary_key=True)
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    keywords: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.operator_id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class Ticket(Base):
    __tablename__ = "ticket"
    __table_args__ = (
        # The hub's series and a PC's manual series (07-A001) never share a number's identity.
        UniqueConstraint(
            "hall_id", "business_date", "business_type", "number", "issuing_device_id", "manual"
        ),
        Index("ix_ticket_day_state", "hall_id", "business_date", "state", "queue_type", "issued_at"),
    )

    ticket_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    business_date: Mapped[date] = mapped_column(Date)
    business_type: Mapped[str] = mapped_column(ForeignKey("business_type.code"))  # as issued
    queue_type: Mapped[str] = mapped_column(String(24))  # the line it waits in now (after a transfer)
    number: Mapped[int] = mapped_column(Integer)
    display_no: Mapped[str] = mapped_column(String(12))
    issuing_device_id: Mapped[str] = mapped_column(Id)
    state: Mapped[str] = mapped_column(String(16))
    priority_reason: Mapped[str | None] = mapped_column(String(16))
    account_no: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(20))
    first_contact_staff_no: Mapped[str | None] = mapped_column(String(20))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_reason: Mapped[str | None] = mapped_column(Text)
    window_no: Mapped[int | None] = mapped_column(Integer)  # where it is called or served now
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # its latest call
    target_window: Mapped[int | None] = mapped_column(Integer)  # transferred to one window
    manual: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    merged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # a manual ticket handed to the hub


class QueueLog(Base):
    """The queue opened or closed, a window paused or resumed: who, when (for the daily log)."""

    __tablename__ = "queue_log"

    event_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    business_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    window_no: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff_no: Mapped[str] = mapped_column(String(20))


class TicketEvent(Base):
    __tablename__ = "ticket_event"
    __table_args__ = (
        UniqueConstraint("ticket_id", "seq"),
        Index("ix_ticket_event_window", "window_no", "kind", "at"),  # a window's latest calls
    )

    event_id: Mapped[str] = mapped_column(Id, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.ticket_id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    window_no: Mapped[int | None] = mapped_column(Integer)
    staff_no: Mapped[str | None] = mapped_column(String(20))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
