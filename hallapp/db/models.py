"""All tables, imported in one place so metadata is complete for Alembic and create_all."""

from hallapp.db.base import Base
from hallapp.db.schema_accounts import Account, Bill, Customer
from hallapp.db.schema_facts import (
    Application,
    ApplicationEvent,
    Approval,
    ArrearsNotice,
    Payment,
    PaymentAllocation,
    QueueLog,
    ReceiptPrint,
    ReconnectionRequest,
    Shift,
    Ticket,
    TicketEvent,
)
from hallapp.db.schema_reference import (
    BusinessTypeRow,
    DeviceIdentity,
    Hall,
    HolidayRow,
    Operator,
    ServiceWindow,
    Setting,
)
from hallapp.db.schema_sync import AuditEvent, NumberSeries, Outbox, SyncState

__all__ = [
    "Account",
    "Application",
    "ApplicationEvent",
    "Approval",
    "ArrearsNotice",
    "AuditEvent",
    "Base",
    "Bill",
    "BusinessTypeRow",
    "Customer",
    "DeviceIdentity",
    "Hall",
    "HolidayRow",
    "NumberSeries",
    "Operator",
    "Outbox",
    "Payment",
    "PaymentAllocation",
    "QueueLog",
    "ReceiptPrint",
    "ReconnectionRequest",
    "ServiceWindow",
    "Setting",
    "Shift",
    "SyncState",
    "Ticket",
    "TicketEvent",
]
