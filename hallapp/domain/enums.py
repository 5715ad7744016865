"""Stable codes stored in the database, with English labels marked for translation.

The codes never change once released (they travel in sync payloads); labels are shown through
``QCoreApplication.translate("Enum", label)`` in the UI.
"""

from enum import StrEnum

from hallapp.domain.i18n import QT_TRANSLATE_NOOP as N


class Role(StrEnum):
    GUIDE = "guide"
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class TariffCategory(StrEnum):
    """000:L45, eight tariff classes."""

    RESIDENT = "resident"
    NON_RESIDENT = "non_resident"
    COMMERCIAL = "commercial"
    NON_INDUSTRIAL = "non_industrial"
    GENERAL_INDUSTRIAL = "general_industrial"
    LARGE_INDUSTRIAL = "large_industrial"
    AGRICULTURAL = "agricultural"
    WHOLESALE = "wholesale"

    @property
    def is_resident(self) -> bool:
        return self is TariffCategory.RESIDENT


class SupplyRelation(StrEnum):
    """000:L45: direct, wholesale, transfer supply."""

    DIRECT = "direct"
    WHOLESALE = "wholesale"
    TRANSFER = "transfer"


class Voltage(StrEnum):
    V220 = "220V"
    V380 = "380V"
    KV10 = "10kV"
    KV35 = "35kV"
    KV110 = "110kV"

    @property
    def is_low_voltage(self) -> bool:
        return self in (Voltage.V220, Voltage.V380)


class LoadClass(StrEnum):
    """000:L49: importance class 1/2/3."""

    CLASS_1 = "1"
    CLASS_2 = "2"
    CLASS_3 = "3"


class CreditRating(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"  # supply cut for arrears
    CLOSED = "closed"


class CustomerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class BillState(StrEnum):
    UNPAID = "unpaid"
    PARTIAL = "partial"
    PAID = "paid"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    PREPAID = "prepaid"


class ApplicationKind(StrEnum):
    NEW_RESIDENT = "new_resident"
    NEW_NON_RESIDENT = "new_non_resident"
    CAPACITY_INCREASE = "capacity_increase"
    RENAME = "rename"
    TRANSFER = "transfer"


class ApplicationStatus(StrEnum):
    ACCEPTED = "accepted"
    SURVEY = "survey"
    PLAN_REPLIED = "plan_replied"
    FEE = "fee"
    INSPECTION = "inspection"
    CONTRACT = "contract"
    CONNECTED = "connected"
    ARCHIVED = "archived"
    RETURNED = "returned"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self not in (ApplicationStatus.ARCHIVED, ApplicationStatus.CANCELLED)


LABELS: dict[StrEnum, str] = {
    Role.GUIDE: N("Enum", "Lobby guide"),
    Role.CLERK: N("Enum", "Counter clerk"),
    Role.SUPERVISOR: N("Enum", "Supervisor"),
    Role.ADMIN: N("Enum", "Administrator"),
    TariffCategory.RESIDENT: N("Enum", "Residential"),
    TariffCategory.NON_RESIDENT: N("Enum", "Non-residential"),
    TariffCategory.COMMERCIAL: N("Enum", "Commercial"),
    TariffCategory.NON_INDUSTRIAL: N("Enum", "Non-industrial"),
    TariffCategory.GENERAL_INDUSTRIAL: N("Enum", "General industrial"),
    TariffCategory.LARGE_INDUSTRIAL: N("Enum", "Large industrial"),
    TariffCategory.AGRICULTURAL: N("Enum", "Agricultural production"),
    TariffCategory.WHOLESALE: N("Enum", "Wholesale"),
    SupplyRelation.DIRECT: N("Enum", "Direct supply"),
    SupplyRelation.WHOLESALE: N("Enum", "Wholesale supply"),
    SupplyRelation.TRANSFER: N("Enum", "Transfer supply"),
    LoadClass.CLASS_1: N("Enum", "Class 1 load"),
    LoadClass.CLASS_2: N("Enum", "Class 2 load"),
    LoadClass.CLASS_3: N("Enum", "Class 3 load"),
    AccountStatus.ACTIVE: N("Enum", "In service"),
    AccountStatus.SUSPENDED: N("Enum", "Supply suspended"),
    AccountStatus.CLOSED: N("Enum", "Closed"),
    CustomerKind.PERSON: N("Enum", "Person"),
    CustomerKind.ORGANISATION: N("Enum", "Organisation"),
    BillState.UNPAID: N("Enum", "Unpaid"),
    BillState.PARTIAL: N("Enum", "Partly paid"),
    BillState.PAID: N("Enum", "Paid"),
    PaymentMethod.CASH: N("Enum", "Cash"),
    PaymentMethod.CARD: N("Enum", "Bank card"),
    PaymentMethod.WECHAT: N("Enum", "WeChat Pay"),
    PaymentMethod.ALIPAY: N("Enum", "Alipay"),
    PaymentMethod.PREPAID: N("Enum", "Prepaid balance"),
    ApplicationKind.NEW_RESIDENT: N("Enum", "Low-voltage residential new connection"),
    ApplicationKind.NEW_NON_RESIDENT: N("Enum", "Low-voltage non-residential new connection"),
    ApplicationKind.CAPACITY_INCREASE: N("Enum", "Capacity increase"),
    ApplicationKind.RENAME: N("Enum", "Name change"),
    ApplicationKind.TRANSFER: N("Enum", "Ownership transfer"),
    ApplicationStatus.ACCEPTED: N("Enum", "Accepted"),
    ApplicationStatus.SURVEY: N("Enum", "Site survey"),
    ApplicationStatus.PLAN_REPLIED: N("Enum", "Supply plan replied"),
    ApplicationStatus.FEE: N("Enum", "Fee collection"),
    ApplicationStatus.INSPECTION: N("Enum", "Completion inspection"),
    ApplicationStatus.CONTRACT: N("Enum", "Contract signed"),
    ApplicationStatus.CONNECTED: N("Enum", "Metered and connected"),
    ApplicationStatus.ARCHIVED: N("Enum", "Archived"),
    ApplicationStatus.RETURNED: N("Enum", "Returned: materials incomplete"),
    ApplicationStatus.CANCELLED: N("Enum", "Cancelled"),
}
# Voltage and credit codes are shown as they are (220V, A …).
