"""What the audit trail records: each action kind with the category a supervisor filters by and an
English label the UI translates (context "AuditActions"). An action not listed here (a newer
version's) still shows, under "other", with its code as label."""

from dataclasses import dataclass
from enum import StrEnum

from hallapp.domain.i18n import QT_TRANSLATE_NOOP


class Category(StrEnum):
    SIGN_IN = "sign_in"
    LOCK = "lock"
    PAYMENT = "payment"
    REPRINT = "reprint"
    REVERSAL = "reversal"
    APPROVAL = "approval"
    SETTINGS = "settings"
    QUEUE = "queue"
    APPLICATION = "application"
    SERVICE = "service"
    SYNC = "sync"
    AUDIT = "audit"
    RETENTION = "retention"
    OTHER = "other"


CATEGORY_LABELS = {
    Category.SIGN_IN: QT_TRANSLATE_NOOP("AuditActions", "Sign-in"),
    Category.LOCK: QT_TRANSLATE_NOOP("AuditActions", "Lock and unlock"),
    Category.PAYMENT: QT_TRANSLATE_NOOP("AuditActions", "Payments and shifts"),
    Category.REPRINT: QT_TRANSLATE_NOOP("AuditActions", "Reprints"),
    Category.REVERSAL: QT_TRANSLATE_NOOP("AuditActions", "Reversals"),
    Category.APPROVAL: QT_TRANSLATE_NOOP("AuditActions", "Approvals"),
    Category.SETTINGS: QT_TRANSLATE_NOOP("AuditActions", "Settings and reference data"),
    Category.QUEUE: QT_TRANSLATE_NOOP("AuditActions", "Queue"),
    Category.APPLICATION: QT_TRANSLATE_NOOP("AuditActions", "Applications"),
    Category.SERVICE: QT_TRANSLATE_NOOP("AuditActions", "Consultations, complaints and notices"),
    Category.SYNC: QT_TRANSLATE_NOOP("AuditActions", "Sync"),
    Category.AUDIT: QT_TRANSLATE_NOOP("AuditActions", "Audit trail"),
    Category.RETENTION: QT_TRANSLATE_NOOP("AuditActions", "Record deletion"),
    Category.OTHER: QT_TRANSLATE_NOOP("AuditActions", "Other"),
}


@dataclass(frozen=True)
class ActionKind:
    action: str
    category: Category
    label: str  # English source text, translated by the UI


def _kinds(category: Category, *pairs: tuple[str, str]) -> tuple[ActionKind, ...]:
    return tuple(ActionKind(action, category, label) for action, label in pairs)


ACTION_KINDS: tuple[ActionKind, ...] = (
    *_kinds(
        Category.SIGN_IN,
        ("login", QT_TRANSLATE_NOOP("AuditActions", "Signed in")),
        ("login.failed", QT_TRANSLATE_NOOP("AuditActions", "Sign-in refused")),
        ("logout", QT_TRANSLATE_NOOP("AuditActions", "Signed out")),
    ),
    *_kinds(
        Category.LOCK,
        ("session.lock", QT_TRANSLATE_NOOP("AuditActions", "Screen locked")),
        ("session.unlock", QT_TRANSLATE_NOOP("AuditActions", "Screen unlocked")),
        ("session.unlock.failed", QT_TRANSLATE_NOOP("AuditActions", "Unlock refused")),
    ),
    *_kinds(
        Category.PAYMENT,
        ("payment.take", QT_TRANSLATE_NOOP("AuditActions", "Payment taken")),
        ("shift.close", QT_TRANSLATE_NOOP("AuditActions", "Shift closed")),
        ("reconnection.request", QT_TRANSLATE_NOOP("AuditActions", "Reconnection requested")),
    ),
    *_kinds(Category.REPRINT, ("receipt.reprint", QT_TRANSLATE_NOOP("AuditActions", "Receipt reprinted"))),
    *_kinds(Category.REVERSAL, ("payment.reverse", QT_TRANSLATE_NOOP("AuditActions", "Payment reversed"))),
    *_kinds(
        Category.APPROVAL,
        ("approval.request", QT_TRANSLATE_NOOP("AuditActions", "Approval requested")),
        ("approval.approve", QT_TRANSLATE_NOOP("AuditActions", "Approval given")),
        ("approval.refuse", QT_TRANSLATE_NOOP("AuditActions", "Approval refused")),
        ("approval.withdraw", QT_TRANSLATE_NOOP("AuditActions", "Approval request withdrawn")),
        ("approval.sign", QT_TRANSLATE_NOOP("AuditActions", "Supervisor signed at the counter")),
        ("approval.sign.failed", QT_TRANSLATE_NOOP("AuditActions", "Supervisor signature refused")),
    ),
    *_kinds(
        Category.SETTINGS,
        ("settings.change", QT_TRANSLATE_NOOP("AuditActions", "Setting changed")),
        ("business_type.save", QT_TRANSLATE_NOOP("AuditActions", "Business type saved")),
        ("window.save", QT_TRANSLATE_NOOP("AuditActions", "Window saved")),
        ("holiday.set", QT_TRANSLATE_NOOP("AuditActions", "Holiday set")),
        ("holiday.remove", QT_TRANSLATE_NOOP("AuditActions", "Holiday removed")),
        ("knowledge.add", QT_TRANSLATE_NOOP("AuditActions", "Knowledge item added")),
        ("knowledge.edit", QT_TRANSLATE_NOOP("AuditActions", "Knowledge item edited")),
        ("knowledge.deactivate", QT_TRANSLATE_NOOP("AuditActions", "Knowledge item withdrawn")),
    ),
    *_kinds(
        Category.QUEUE,
        ("queue.queue_open", QT_TRANSLATE_NOOP("AuditActions", "Queue opened")),
        ("queue.queue_close", QT_TRANSLATE_NOOP("AuditActions", "Queue closed")),
        ("queue.window_pause", QT_TRANSLATE_NOOP("AuditActions", "Window paused")),
        ("queue.window_resume", QT_TRANSLATE_NOOP("AuditActions", "Window resumed")),
    ),
    *_kinds(
        Category.APPLICATION,
        ("application.submit", QT_TRANSLATE_NOOP("AuditActions", "Application accepted")),
        ("application.stage", QT_TRANSLATE_NOOP("AuditActions", "Application moved on")),
        ("application.expedite", QT_TRANSLATE_NOOP("AuditActions", "Application expedited")),
        ("application.rate", QT_TRANSLATE_NOOP("AuditActions", "Application rated")),
        ("application.attach", QT_TRANSLATE_NOOP("AuditActions", "Scan attached")),
        ("application.approval", QT_TRANSLATE_NOOP("AuditActions", "Credit code decided by a supervisor")),
        ("application.correct", QT_TRANSLATE_NOOP("AuditActions", "Credit code corrected")),
    ),
    *_kinds(
        Category.SERVICE,
        ("consultation.record", QT_TRANSLATE_NOOP("AuditActions", "Consultation recorded")),
        ("consultation.callback", QT_TRANSLATE_NOOP("AuditActions", "Consultation called back")),
        ("complaint.receive", QT_TRANSLATE_NOOP("AuditActions", "Complaint received")),
        ("complaint.contact", QT_TRANSLATE_NOOP("AuditActions", "Complaint: customer contacted")),
        ("complaint.reply", QT_TRANSLATE_NOOP("AuditActions", "Complaint replied")),
        ("complaint.followup", QT_TRANSLATE_NOOP("AuditActions", "Complaint followed up")),
        ("complaint.close", QT_TRANSLATE_NOOP("AuditActions", "Complaint closed")),
        ("notice.issue", QT_TRANSLATE_NOOP("AuditActions", "Arrears notice issued")),
        ("notice.outcome", QT_TRANSLATE_NOOP("AuditActions", "Arrears notice delivered")),
        ("customer.patch", QT_TRANSLATE_NOOP("AuditActions", "Contact details changed")),
    ),
    *_kinds(Category.SYNC, ("sync_notice.read", QT_TRANSLATE_NOOP("AuditActions", "Sync notice read"))),
    *_kinds(Category.AUDIT, ("audit.verify", QT_TRANSLATE_NOOP("AuditActions", "Audit trail verified"))),
    *_kinds(
        Category.RETENTION, ("retention.purge", QT_TRANSLATE_NOOP("AuditActions", "Old records deleted"))
    ),
)

BY_ACTION: dict[str, ActionKind] = {k.action: k for k in ACTION_KINDS}


def kind_of(action: str) -> ActionKind:
    return BY_ACTION.get(action) or ActionKind(action, Category.OTHER, action)


def actions_in(categories: frozenset[Category]) -> tuple[str, ...]:
    return tuple(k.action for k in ACTION_KINDS if k.category in categories)
