"""Stable codes stored in the database, with English labels marked for translation.

The codes never change once released (they travel in sync payloads); labels are shown through
``QCoreApplication.translate("Enum", label)`` in the UI.
"""

from enum import StrEnum

from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.i18n import QT_TRANSLATE_NOOP


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


class NoticeDelivery(StrEnum):
    """How an arrears notice reached the customer (R3.2: 送达)."""

    IN_PERSON = "in_person"
    POST = "post"
    POSTED_AT_PREMISES = "posted"
    SMS = "sms"


class NoticeOutcome(StrEnum):
    PENDING = "pending"
    SIGNED = "signed"
    REFUSED = "refused"


LABELS: dict[StrEnum, str] = {
    Role.GUIDE: QT_TRANSLATE_NOOP("Enum", "Lobby guide"),
    Role.CLERK: QT_TRANSLATE_NOOP("Enum", "Counter clerk"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Enum", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Enum", "Administrator"),
    TariffCategory.RESIDENT: QT_TRANSLATE_NOOP("Enum", "Residential"),
    TariffCategory.NON_RESIDENT: QT_TRANSLATE_NOOP("Enum", "Non-residential"),
    TariffCategory.COMMERCIAL: QT_TRANSLATE_NOOP("Enum", "Commercial"),
    TariffCategory.NON_INDUSTRIAL: QT_TRANSLATE_NOOP("Enum", "Non-industrial"),
    TariffCategory.GENERAL_INDUSTRIAL: QT_TRANSLATE_NOOP("Enum", "General industrial"),
    TariffCategory.LARGE_INDUSTRIAL: QT_TRANSLATE_NOOP("Enum", "Large industrial"),
    TariffCategory.AGRICULTURAL: QT_TRANSLATE_NOOP("Enum", "Agricultural production"),
    TariffCategory.WHOLESALE: QT_TRANSLATE_NOOP("Enum", "Wholesale"),
    SupplyRelation.DIRECT: QT_TRANSLATE_NOOP("Enum", "Direct supply"),
    SupplyRelation.WHOLESALE: QT_TRANSLATE_NOOP("Enum", "Wholesale supply"),
    SupplyRelation.TRANSFER: QT_TRANSLATE_NOOP("Enum", "Transfer supply"),
    LoadClass.CLASS_1: QT_TRANSLATE_NOOP("Enum", "Class 1 load"),
    LoadClass.CLASS_2: QT_TRANSLATE_NOOP("Enum", "Class 2 load"),
    LoadClass.CLASS_3: QT_TRANSLATE_NOOP("Enum", "Class 3 load"),
    AccountStatus.ACTIVE: QT_TRANSLATE_NOOP("Enum", "In service"),
    AccountStatus.SUSPENDED: QT_TRANSLATE_NOOP("Enum", "Supply suspended"),
    AccountStatus.CLOSED: QT_TRANSLATE_NOOP("Enum", "Closed"),
    CustomerKind.PERSON: QT_TRANSLATE_NOOP("Enum", "Person"),
    CustomerKind.ORGANISATION: QT_TRANSLATE_NOOP("Enum", "Organisation"),
    BillState.UNPAID: QT_TRANSLATE_NOOP("Enum", "Unpaid"),
    BillState.PARTIAL: QT_TRANSLATE_NOOP("Enum", "Partly paid"),
    BillState.PAID: QT_TRANSLATE_NOOP("Enum", "Paid"),
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Enum", "Cash"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("Enum", "Bank card"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("Enum", "WeChat Pay"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("Enum", "Alipay"),
    PaymentMethod.PREPAID: QT_TRANSLATE_NOOP("Enum", "Prepaid balance"),
    NoticeDelivery.IN_PERSON: QT_TRANSLATE_NOOP("Enum", "Handed over at the counter"),
    NoticeDelivery.POST: QT_TRANSLATE_NOOP("Enum", "By post"),
    NoticeDelivery.POSTED_AT_PREMISES: QT_TRANSLATE_NOOP("Enum", "Posted at the premises"),
    NoticeDelivery.SMS: QT_TRANSLATE_NOOP("Enum", "Text message"),
    NoticeOutcome.PENDING: QT_TRANSLATE_NOOP("Enum", "Not yet signed"),
    NoticeOutcome.SIGNED: QT_TRANSLATE_NOOP("Enum", "Signed"),
    NoticeOutcome.REFUSED: QT_TRANSLATE_NOOP("Enum", "Refused to sign"),
    ApplicationKind.RESIDENT_NEW: QT_TRANSLATE_NOOP("Enum", "Low-voltage residential new connection"),
    ApplicationKind.NON_RESIDENT_NEW: QT_TRANSLATE_NOOP("Enum", "Low-voltage non-residential new connection"),
    ApplicationKind.RESIDENT_INCREASE: QT_TRANSLATE_NOOP("Enum", "Residential capacity increase"),
    ApplicationKind.NON_RESIDENT_INCREASE: QT_TRANSLATE_NOOP("Enum", "Non-residential capacity increase"),
    ApplicationKind.NAME_CHANGE: QT_TRANSLATE_NOOP("Enum", "Name change"),
    ApplicationKind.TRANSFER: QT_TRANSLATE_NOOP("Enum", "Ownership transfer"),
    Stage.ACCEPTED: QT_TRANSLATE_NOOP("Enum", "Accepted"),
    Stage.SURVEY: QT_TRANSLATE_NOOP("Enum", "Site survey"),
    Stage.PLAN: QT_TRANSLATE_NOOP("Enum", "Supply plan replied"),
    Stage.FEES: QT_TRANSLATE_NOOP("Enum", "Fees settled"),
    Stage.INSPECTION: QT_TRANSLATE_NOOP("Enum", "Completion inspection"),
    Stage.ARREARS_CHECK: QT_TRANSLATE_NOOP("Enum", "Arrears checked"),
    Stage.CONTRACT: QT_TRANSLATE_NOOP("Enum", "Contract signed"),
    Stage.RECORDS: QT_TRANSLATE_NOOP("Enum", "Records changed"),
    Stage.CONNECTED: QT_TRANSLATE_NOOP("Enum", "Metered and connected"),
    Stage.ARCHIVED: QT_TRANSLATE_NOOP("Enum", "Archived"),
    Stage.RETURNED: QT_TRANSLATE_NOOP("Enum", "Returned: materials incomplete"),
    Stage.CANCELLED: QT_TRANSLATE_NOOP("Enum", "Cancelled"),
}
# Voltage and credit codes are shown as they are (220V, A …).
