"""Plain values services return to callers (UI, CLI, server). Frozen: nobody edits them."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.enums import (
    AccountStatus,
    BillState,
    CreditRating,
    CustomerKind,
    LoadClass,
    PaymentMethod,
    Role,
    SupplyRelation,
    TariffCategory,
    Voltage,
)
from hallapp.domain.search import SearchKind


@dataclass(frozen=True)
class Actor:
    """Who is acting, on which PC. Every service call that changes or reads data takes one."""

    operator_id: str
    staff_no: str
    name: str
    role: Role
    hall_id: str
    device_id: str


@dataclass(frozen=True)
class AccountHit:
    account_id: str
    account_no: str
    holder: str
    phone: str
    address: str
    status: AccountStatus
    matched: SearchKind


@dataclass(frozen=True)
class BillRow:
    bill_id: str
    period: str  # YYYYMM
    kwh: int
    amount_fen: int
    paid_fen: int
    due_date: date
    state: BillState

    @property
    def outstanding_fen(self) -> int:
        return self.amount_fen - self.paid_fen


@dataclass(frozen=True)
class PaymentRow:
    payment_id: str
    receipt_no: str
    paid_at: datetime
    amount_fen: int
    method: PaymentMethod
    operator_name: str
    reversed: bool  # a later reversal cancelled this payment
    is_reversal: bool = False  # this row is itself a reversal (negative amount)


@dataclass(frozen=True)
class ApplicationRow:
    application_id: str
    application_no: str
    kind: ApplicationKind
    status: Stage
    accepted_on: date
    due_on: date | None


@dataclass(frozen=True)
class AccountDetail:
    account_id: str
    account_no: str
    holder: str
    holder_kind: CustomerKind
    phone: str
    address: str
    tariff: TariffCategory
    voltage: Voltage
    supply_relation: SupplyRelation
    load_class: LoadClass
    status: AccountStatus
    key_customer: bool
    vulnerable: bool
    credit_rating: CreditRating
    prepaid_fen: int
    bills: tuple[BillRow, ...]
    payments: tuple[PaymentRow, ...]
    applications: tuple[ApplicationRow, ...]

    @property
    def outstanding_fen(self) -> int:
        return sum(b.outstanding_fen for b in self.bills)


@dataclass(frozen=True)
class SettingValue:
    key: str
    value: Any
    default: Any
    is_default: bool
    updated_at: datetime | None = None
    updated_by: str | None = None
    server_owned: bool = False  # set by the central server for this hall: shown, not editable here


@dataclass(frozen=True)
class BusinessType:
    code: str
    letter: str
    name: str
    sort_order: int
    active: bool


@dataclass(frozen=True)
class Holiday:
    day: date
    kind: str
    name: str


@dataclass(frozen=True)
class WindowDef:
    """A counter window: its number (called out as 「到3号窗口」), name, and the business types it
    serves, most preferred first."""

    number: int
    name: str
    business_types: tuple[str, ...]
    active: bool = True


@dataclass(frozen=True)
class Changes:
    """What a mutation touched; the UI refreshes from one broadcast of this."""

    settings: bool = False
    business_types: bool = False
    holidays: bool = False
    accounts: frozenset[str] = field(default_factory=frozenset)
    session: bool = False
    payments: bool = False  # a payment, reversal, approval or shift close: tills and queues refresh
    applications: bool = False  # an application accepted, moved, expedited, rated or given a file
    service_desk: bool = False  # a consultation, complaint, callback or knowledge-base entry
