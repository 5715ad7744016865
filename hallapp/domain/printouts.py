"""What goes on paper: plain values the services fill and ``hallapp.printing`` lays out.

Times are the hall's local time (naive, already converted). Money is integer fen. Printouts are
official documents and always in Chinese, whatever language the screen uses.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hallapp.domain.enums import PaymentMethod


class PaperSize(StrEnum):
    THERMAL_58 = "thermal58"  # 58 mm roll, 48 mm printable
    THERMAL_80 = "thermal80"  # 80 mm roll, 72 mm printable
    A5 = "a5"
    A4 = "a4"


@dataclass(frozen=True)
class HallHeader:
    unit_name: str  # 供电单位名称, e.g. 国网示例市供电公司
    hall_name: str  # 营业厅
    hall_address: str
    service_hotline: str  # 95598
    regulator_hotline: str  # 12398


@dataclass(frozen=True)
class ReceiptLine:
    """One bill period this payment settled (part of)."""

    period: str  # YYYYMM
    kwh: int
    billed_fen: int  # the period's outstanding principal before this payment (应收)
    principal_fen: int  # principal paid now
    penalty_fen: int  # penalty paid now (违约金)


@dataclass(frozen=True)
class ReprintMark:
    count: int  # 1 for the first reprint
    at: datetime


@dataclass(frozen=True)
class ReceiptDoc:
    """电费缴费凭证 (DOMAIN_RULES R4.1). A reversal has a negative amount and names the original."""

    header: HallHeader
    receipt_no: str
    account_no: str
    holder: str
    address: str
    lines: tuple[ReceiptLine, ...]
    due_fen: int  # 应收电费: principal outstanding before the payment
    penalty_fen: int  # 违约金 charged by this payment
    amount_fen: int  # 本次实收 (negative for a reversal)
    to_prepaid_fen: int  # part of the amount booked as prepayment (预收)
    prepaid_after_fen: int  # prepaid balance after the payment (余额)
    arrears_after_fen: int  # principal + penalty still owed after the payment (尚欠)
    method: PaymentMethod
    reference: str  # POS or wallet transaction reference, "" for cash
    tendered_fen: int | None  # cash handed over, None if not cash
    change_fen: int | None
    clerk_staff_no: str
    clerk_name: str
    paid_at: datetime
    reverses_receipt_no: str | None = None
    reprint: ReprintMark | None = None


@dataclass(frozen=True)
class TicketDoc:
    """排队号票: the number a customer takes at the ticket machine or the guide desk."""

    header: HallHeader  # hall_name printed at the top, service_hotline at the bottom
    display_no: str  # A001; a manual fallback ticket looks like 07-A001
    business_type_name: str  # 缴费
    ahead: int  # people waiting before this ticket
    wait_minutes: int  # estimated wait; 0 means about to be called
    issued_at: datetime
    barcode: str  # scan payload, printable ASCII, e.g. T20261123A001 (the caller decides)
    priority_label: str | None = None  # 军人依法优先, 绿色通道: printed prominently when set
    manual: bool = False  # numbered by hand while the queue server is unreachable: staff call it
    reprint: ReprintMark | None = None


class NoticeKind(StrEnum):
    REMINDER = "reminder"  # 催缴电费通知单
    CUT_PLAN = "cut_plan"  # 欠电费停电计划通知书


@dataclass(frozen=True)
class NoticeLine:
    period: str
    due_date: date
    days_overdue: int
    outstanding_fen: int
    penalty_fen: int  # as of ``NoticeDoc.as_of``


@dataclass(frozen=True)
class NoticeDoc:
    """An arrears notice; printed twice on separate pages: 客户联 and 存根联 (archive copy)."""

    header: HallHeader
    kind: NoticeKind
    notice_no: str
    account_no: str
    holder: str
    address: str
    lines: tuple[NoticeLine, ...]
    outstanding_fen: int
    penalty_fen: int
    as_of: date
    pay_by: date  # pay before this date to avoid the next step
    cut_from: date | None  # cut plan only: earliest and latest day of the planned cut
    cut_to: date | None
    issued_at: datetime
    clerk_staff_no: str
    clerk_name: str


@dataclass(frozen=True)
class MethodTotal:
    method: PaymentMethod
    count: int
    total_fen: int  # net of reversals


@dataclass(frozen=True)
class CashCount:
    denomination_fen: int  # 10000 for a ¥100 note
    pieces: int

    @property
    def total_fen(self) -> int:
        return self.denomination_fen * self.pieces


@dataclass(frozen=True)
class ShiftPaymentLine:
    receipt_no: str
    at: datetime
    account_no: str
    method: PaymentMethod
    amount_fen: int
    reverses_receipt_no: str | None


@dataclass(frozen=True)
class ShiftReport:
    """日结/轧账单: what one clerk took in one shift, against the cash counted."""

    header: HallHeader
    shift_no: str  # short human form of the shift id
    business_date: date
    clerk_staff_no: str
    clerk_name: str
    device_code: str
    opened_at: datetime
    closed_at: datetime
    by_method: tuple[MethodTotal, ...]
    payment_count: int  # payments that are not reversals
    reversal_count: int
    net_total_fen: int
    expected_cash_fen: int
    counted: tuple[CashCount, ...]
    counted_cash_fen: int
    difference_fen: int  # counted - expected
    difference_reason: str
    first_receipt_no: str
    last_receipt_no: str
    reversed_receipt_nos: tuple[str, ...]  # originals cancelled by a reversal in this shift (作废)
    payments: tuple[ShiftPaymentLine, ...]
    chain_head: str  # outbox hash-chain head at close (SYNC_DESIGN §4.13)


class MaterialState(StrEnum):
    BROUGHT = "brought"  # 已收
    DEFERRED = "deferred"  # 容缺后补 (承诺书 signed)
    MISSING = "missing"  # 未提供
    OPTIONAL = "optional"  # 如适用


@dataclass(frozen=True)
class MaterialLine:
    label: str  # official Chinese name (application_materials.LABELS)
    state: MaterialState


@dataclass(frozen=True)
class FormField:
    """One labelled box of a form: 客户名称 | 张三."""

    label: str
    value: str


@dataclass(frozen=True)
class ApplicationFormDoc:
    """用电申请登记表: what the customer signs (A4). The application number is also a barcode."""

    header: HallHeader
    application_no: str
    kind_label: str  # 低压居民新装
    accepted_on: date
    committed_due_on: date | None  # 承诺办结日期 (None: no published limit, e.g. 更名)
    applicant: tuple[FormField, ...]  # who applies (person or organisation, agent)
    supply: tuple[FormField, ...]  # address, capacity, voltage, tariff, bill channel
    materials: tuple[MaterialLine, ...]
    promise_signed: bool  # 一证受理: the 承诺书 text is printed for a signature
    note: str
    clerk_staff_no: str
    clerk_name: str
    printed_at: datetime


@dataclass(frozen=True)
class OneTimeNoticeDoc:
    """一次性告知书: everything the customer still has to bring, listed once (A4 or A5)."""

    header: HallHeader
    application_no: str  # "" when the application could not be accepted yet
    kind_label: str
    applicant_name: str
    to_bring: tuple[str, ...]  # material labels
    bring_by: date | None  # for deferred materials: before this stage's deadline
    clerk_staff_no: str
    clerk_name: str
    printed_at: datetime


@dataclass(frozen=True)
class StageDeadline:
    stage_label: str  # 答复供电方案
    due_on: date


@dataclass(frozen=True)
class AcceptanceReceiptDoc:
    """业务受理回执: the application number, the committed dates and how to ask about progress."""

    header: HallHeader
    application_no: str
    kind_label: str
    applicant_name: str
    address: str
    accepted_on: date
    committed_due_on: date | None
    deadlines: tuple[StageDeadline, ...]
    deferred: tuple[str, ...]  # materials promised later (容缺)
    clerk_staff_no: str
    clerk_name: str
    printed_at: datetime
