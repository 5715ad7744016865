"""One sentence for each refusal of the audit trail and retention pages, and the verifier's result;
anything else is worded by ``ui.errors.message_for``. ``_input_sentences`` / ``_refusal_sentences``
are meant to be merged into ui/errors.py's tables like those of ui/admin/central_messages.py."""

from PySide6.QtCore import QCoreApplication

from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.hall_time import to_hall_time
from hallapp.services.audit_trail_service import VerifyReport
from ui.errors import message_for

translate = QCoreApplication.translate


def _input_sentences() -> dict[str, str]:
    return {
        "audit_start_future": translate(
            "AuditMessages", "The start day is in the future; choose today or an earlier day."
        ),
        "audit_range_reversed": translate(
            "AuditMessages", "The start day is after the end day; swap the two days."
        ),
        "audit_range_too_long": translate(
            "AuditMessages", "At most {limit} days can be searched at once; shorten the period."
        ),
        "unknown_record_class": translate(
            "AuditMessages", "This kind of record is unknown to this version; reload the page."
        ),
    }


def _refusal_sentences() -> dict[str, str]:
    return {
        "nothing_to_purge": translate(
            "AuditMessages",
            "No record of this kind dated before {day} can be deleted yet; nothing was changed.",
        ),
        "audit_chain_broken": translate(
            "AuditMessages",
            "The audit trail has been tampered with, so nothing was deleted; verify it and report to "
            "the administrator at once.",
        ),
    }


def audit_message(exc: BaseException) -> str:
    """The sentence for ``exc`` raised by the audit trail or retention services."""
    table = (
        _input_sentences()
        if isinstance(exc, InvalidInput)
        else _refusal_sentences()
        if isinstance(exc, ActionRefused)
        else {}
    )
    template = table.get(getattr(exc, "reason", ""))
    if template:
        return template.format(**getattr(exc, "params", {}))
    return message_for(exc)


def verify_sentence(report: VerifyReport) -> str:
    if report.whole:
        return translate(
            "AuditMessages", "The audit trail is whole: {count} events checked, none changed or missing."
        ).format(count=f"{report.checked:,}")
    moment = report.broken_at or report.previous_at
    when = to_hall_time(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else "—"
    templates = {
        "content_changed": translate(
            "AuditMessages",
            "Event {seq} ({time}) of the audit trail was changed; report to the administrator at once.",
        ),
        "link_broken": translate(
            "AuditMessages",
            "Event {seq} ({time}) or the one before it was changed; report to the administrator at once.",
        ),
        "row_missing": translate(
            "AuditMessages",
            "Event {seq} of the audit trail was deleted (the event before it is from {time}); "
            "report to the administrator at once.",
        ),
        "checkpoint_unbacked": translate(
            "AuditMessages",
            "The start of the audit trail left by the last deletion of old events was changed; "
            "report to the administrator at once.",
        ),
    }
    return templates.get(report.reason or "", templates["content_changed"]).format(
        seq=report.broken_seq, time=when
    )
