"""What the audit trail records: each action kind with the category a supervisor filters by and an
English label the UI translates (context "AuditActions"). An action not listed here (a newer
version's) still shows, under "other", with its code as label."""

from dataclasses import dataclass
from enum import StrEnum

from hallapp.domain.i18n import QT_TRANSLATE_NOOP as N

C = "AuditActions"


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
    Category.SIGN_IN: N(C, "Sign-in"),
    Category.LOCK: N(C, "Lock and unlock"),
    Category.PAYMENT: N(C, "Payments and shifts"),
    Category.REPRINT: N(C, "Reprints"),
    Category.REVERSAL: N(C, "Reversals"),
    Category.APPROVAL: N(C, "Approvals"),
    Category.SETTINGS: N(C, "Settings and reference data"),
    Category.QUEUE: N(C, "Queue"),
    Category.APPLICATION: N(C, "Applications"),
    Category.SERVICE: N(C, "Consultations, complaints and notices"),
    Category.SYNC: N(C, "Sync"),
    Category.AUDIT: N(C, "Audit trail"),
    Category.RETENTION: N(C, "Record deletion"),
    Category.OTHER: N(C, "Other"),
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
        ("login", N(C, "Signed in")),
        ("login.failed", N(C, "Sign-in refused")),
        ("logout", N(C, "Signed out")),
    ),
    *_kinds(
        Category.LOCK,
        ("session.lock", N(C, "Screen locked")),
        ("session.unlock", N(C, "Screen unlocked")),
        ("session.unlock.failed", N(C, "Unlock refused")),
    ),
    *_kinds(
        Category.PAYMENT,
        ("payment.take", N(C, "Payment taken")),
        ("shift.close", N(C, "Shift closed")),
        ("reconnection.request", N(C, "Reconnection requested")),
    ),
    *_kinds(Category.REPRINT, ("receipt.reprint", N(C, "Receipt reprinted"))),
    *_kinds(Category.REVERSAL, ("payment.reverse", N(C, "Payment reversed"))),
    *_kinds(
        Category.APPROVAL,
        ("approval.request", N(C, "Approval requested")),
        ("approval.approve", N(C, "Approval given")),
        ("approval.refuse", N(C, "Approval refused")),
        ("approval.withdraw", N(C, "Approval request withdrawn")),
        ("approval.sign", N(C, "Supervisor signed at the counter")),
        ("approval.sign.failed", N(C, "Supervisor signature refused")),
    ),
    *_kinds(
        Category.SETTINGS,
        ("settings.change", N(C, "Setting changed")),
        ("business_type.save", N(C, "Business type saved")),
        ("window.save", N(C, "Window saved")),
        ("holiday.set", N(C, "Holiday set")),
        ("holiday.remove", N(C, "Holiday removed")),
        ("knowledge.add", N(C, "Knowledge item added")),
        ("knowledge.edit", N(C, "Knowledge item edited")),
        ("knowledge.deactivate", N(C, "Knowledge item withdrawn")),
    ),
    *_kinds(
        Category.QUEUE,
        ("queue.queue_open", N(C, "Queue opened")),
        ("queue.queue_close", N(C, "Queue closed")),
        ("queue.window_pause", N(C, "Window paused")),
        ("queue.window_resume", N(C, "Window resumed")),
    ),
    *_kinds(
        Category.APPLICATION,
        ("application.submit", N(C, "Application accepted")),
        ("application.stage", N(C, "Application moved on")),
        ("application.expedite", N(C, "Application expedited")),
        ("application.rate", N(C, "Application rated")),
        ("application.attach", N(C, "Scan attached")),
        ("application.approval", N(C, "Credit code decided by a supervisor")),
        ("application.correct", N(C, "Credit code corrected")),
    ),
    *_kinds(
        Category.SERVICE,
        ("consultation.record", N(C, "Consultation recorded")),
        ("consultation.callback", N(C, "Consultation called back")),
        ("complaint.receive", N(C, "Complaint received")),
        ("complaint.contact", N(C, "Complaint: customer contacted")),
        ("complaint.reply", N(C, "Complaint replied")),
        ("complaint.followup", N(C, "Complaint followed up")),
        ("complaint.close", N(C, "Complaint closed")),
        ("notice.issue", N(C, "Arrears notice issued")),
        ("notice.outcome", N(C, "Arrears notice delivered")),
        ("customer.patch", N(C, "Contact details changed")),
    ),
    *_kinds(Category.SYNC, ("sync_notice.read", N(C, "Sync notice read"))),
    *_kinds(Category.AUDIT, ("audit.verify", N(C, "Audit trail verified"))),
    *_kinds(Category.RETENTION, ("retention.purge", N(C, "Old records deleted"))),
)

BY_ACTION: dict[str, ActionKind] = {k.action: k for k in ACTION_KINDS}


def kind_of(action: str) -> ActionKind:
    return BY_ACTION.get(action) or ActionKind(action, Category.OTHER, action)


def actions_in(categories: frozenset[Category]) -> tuple[str, ...]:
    return tuple(k.action for k in ACTION_KINDS if k.category in categories)
