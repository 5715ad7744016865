"""One sentence for each refusal of the approval queue and of an application held for a supervisor,
the names of the kinds of request, and why a request was withdrawn; anything else is worded by
``ui.errors.message_for``. ``_refusal_sentences`` is meant to be merged into ui/errors.py's table
like that of ui/admin/central_messages.py."""

from PySide6.QtCore import QCoreApplication

from hallapp.domain.errors import ActionRefused
from ui.errors import message_for

translate = QCoreApplication.translate


def _refusal_sentences() -> dict[str, str]:
    return {
        "credit_code_unconfirmed": translate(
            "ApprovalMessages",
            "Application {application_no} waits for a supervisor to confirm its credit code; "
            "it can go on once the request is approved.",
        ),
        "credit_code_refused": translate(
            "ApprovalMessages",
            "A supervisor refused the credit code of application {application_no}; "
            "correct the code as their note says, then go on.",
        ),
        "application_held": translate(
            "ApprovalMessages",
            "Application {application_no} waits for a supervisor's approval; it can go on once approved.",
        ),
        "approval_withdrawn": translate(
            "ApprovalMessages",
            "This request was withdrawn meanwhile (corrected or cancelled at the counter); refresh the list.",
        ),
        "approval_kind_unknown": translate(
            "ApprovalMessages",
            "This request comes from a newer HallApp; decide it on the PC that made it, or update this PC.",
        ),
        "no_credit_code": translate(
            "ApprovalMessages",
            "Application {application_no} has no credit code to correct; it is a private person's application.",
        ),
    }


def approval_message(exc: BaseException) -> str:
    """The sentence for ``exc`` raised by the approval queue or an application's hold."""
    if isinstance(exc, ActionRefused):
        template = _refusal_sentences().get(exc.reason)
        if template:
            return template.format(**exc.params)
    return message_for(exc)


def kind_label(kind: str) -> str:
    return {
        "payment_reversal": translate("ApprovalMessages", "Payment reversal"),
        "credit_code_override": translate("ApprovalMessages", "Credit code check"),
    }.get(kind, kind)


def withdrawn_sentence(reason: str) -> str:
    """Why a request no longer applied when it was decided (``Decision.stale_reason``)."""
    return {
        "application_closed": translate(
            "ApprovalMessages", "The application was cancelled or closed meanwhile; nothing was decided."
        ),
        "application_corrected": translate(
            "ApprovalMessages", "The clerk corrected the credit code meanwhile; nothing was decided."
        ),
        "already_reversed": translate(
            "ApprovalMessages", "The payment was already reversed meanwhile; nothing was decided."
        ),
        "not_same_day": translate(
            "ApprovalMessages",
            "The payment is from an earlier business day and can no longer be reversed; nothing was decided.",
        ),
        "reversal_of_reversal": translate(
            "ApprovalMessages", "The receipt is itself a reversal; nothing was decided."
        ),
    }.get(
        reason,
        translate("ApprovalMessages", "What the request was about no longer exists; nothing was decided."),
    )


def correction_needs_supervisor() -> str:
    return translate(
        "ApprovalMessages",
        "The corrected credit code still fails its check character; check it against the licence once more, "
        "or send it to the supervisor's queue with a reason.",
    )
