"""One clear sentence for every error a user can cause: what happened and what to do next."""

import logging

from PySide6.QtCore import QCoreApplication, QDateTime

from hallapp.domain.errors import (
    AccountLockedOut,
    AccountNotFound,
    ActionRefused,
    ApprovalRequired,
    DatabaseUnavailable,
    HallError,
    HubUnavailable,
    InvalidForm,
    InvalidInput,
    LoginFailed,
    NotFound,
    OperatorInactive,
    PermissionDenied,
    SettingUnknown,
    SyncStopped,
    SyncUnavailable,
)
from ui.printing.failure import PrintFailed

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


# Pages with rules of their own keep their sentences beside them, as ``_input_sentences`` and
# ``_refusal_sentences`` (either may be absent); they are merged into the tables below.
TOPIC_MESSAGES = (
    "ui.admin.central_messages",
    "ui.supervisor.daily_log_messages",
    "ui.supervisor.audit_messages",
    "ui.supervisor.approval_messages",
    "ui.supervisor.scorecard_messages",
)


def _topic_sentences(table: str) -> dict[str, str]:
    import importlib

    merged: dict[str, str] = {}
    for name in TOPIC_MESSAGES:
        sentences = getattr(importlib.import_module(name), table, None)
        if sentences is not None:
            merged.update(sentences())
    return merged


def _input_messages() -> dict[str, str]:
    return {
        **_topic_sentences("_input_sentences"),
        "empty": translate("Errors", "This field is empty; please fill it in."),
        "not_a_number": translate("Errors", "Please enter a number, for example 128.50."),
        "too_many_decimals": translate("Errors", "Amounts have at most two decimal places (fen)."),
        "not_positive": translate("Errors", "Please enter an amount greater than zero."),
        "too_large": translate("Errors", "The amount is larger than the limit of {limit}; please check it."),
        "control_chars": translate(
            "Errors", "The input contains invisible control characters; please retype it."
        ),
        "too_long": translate("Errors", "Please enter at most {limit} characters."),
        "bad_chars": translate(
            "Errors",
            "The search contains symbols that cannot be searched; use Chinese characters, letters or digits.",
        ),
        "bad_phone": translate("Errors", "Please enter the phone number as digits only, 4 to 11 of them."),
        "address_too_short": translate("Errors", "Enter at least {limit} characters of the address."),
        "digits_length": translate(
            "Errors",
            "You entered {length} digits: an account number has {expected} digits and a mobile number 11; "
            "please check the number.",
        ),
        "bad_account_no": translate(
            "Errors", "An account number has {expected} digits; you entered {length}."
        ),
        "not_an_integer": translate("Errors", "Please enter a whole number."),
        "below_minimum": translate("Errors", "The value must be at least {limit}."),
        "above_maximum": translate("Errors", "The value must be at most {limit}."),
        "not_a_bool": translate("Errors", "Please choose yes or no."),
        "not_a_time": translate("Errors", "Please enter a time as hours:minutes, for example 08:30."),
        "order": translate("Errors", "This value must not be smaller than the related value it follows."),
        "bad_staff_no": translate("Errors", "A staff number has letters and digits only, for example C001."),
        "letter_taken": translate(
            "Errors", "This letter is already used by “{other}”; choose another letter."
        ),
        "bad_code": translate(
            "Errors", "The code uses lower-case letters, digits and _ and starts with a letter."
        ),
        "bad_letter": translate("Errors", "Choose one capital letter from A to Z."),
        "date_out_of_range": translate("Errors", "Please choose a date between 2000 and 2100."),
        "less_than_amount": translate(
            "Errors", "The cash received is less than the amount of {amount}; please check the cash."
        ),
        "bad_card_reference": translate(
            "Errors", "The POS reference has 6 to 32 letters or digits; copy it from the card slip."
        ),
        "bad_wechat_reference": translate(
            "Errors",
            "This is not a WeChat Pay payment code (18 digits starting with 10 to 15); scan the customer's code again.",
        ),
        "bad_alipay_reference": translate(
            "Errors",
            "This is not an Alipay payment code (16 to 24 digits starting with 25 to 30); scan the customer's code again.",
        ),
        "unknown_denomination": translate("Errors", "Count only RMB notes and coins of the listed values."),
        "not_a_count": translate(
            "Errors", "Enter the number of notes or coins as a whole number, 0 or more."
        ),
        "unknown_priority": translate("Errors", "Choose one of the listed priority reasons."),
        "bad_kind": translate("Errors", "Choose what to search by from the list."),
        "not_a_counter_action": translate("Errors", "This action is not available at the counter."),
        "window_number_range": translate("Errors", "Window numbers go from 1 to {limit}."),
        "unknown_business_type": translate(
            "Errors", "A business type of this window no longer exists; reload the page and tick again."
        ),
        "window_serves_nothing": translate(
            "Errors", "Tick at least one business type, or take the window out of service."
        ),
        "transfer_target_missing": translate("Errors", "Choose the business type or window to transfer to."),
        "rating_out_of_range": translate("Errors", "Choose one of the five ratings."),
        "malformed": translate("Errors", "The request was not understood; please update HallApp on this PC."),
        "malformed_ticket": translate(
            "Errors", "A manual ticket could not be read; please tell the administrator."
        ),
        "batch_too_large": translate(
            "Errors", "Too many manual tickets at once (at most {limit}); they are handed over in parts."
        ),
        "bad_enrolment_code": translate(
            "Errors",
            "An enrolment code has {length} letters and digits; copy it again from the administrator.",
        ),
        "enrolment_code_invalid": translate(
            "Errors", "This enrolment code is unknown, used or expired; ask the administrator for a new one."
        ),
        "bad_url": translate(
            "Errors",
            "Enter the address as http://host:port (for example http://192.168.1.10:8765), or leave it empty.",
        ),
        # applications (issue 5)
        "too_short": translate("Errors", "Please enter at least {limit} characters."),
        "id_format": translate(
            "Errors", "An ID card number has 18 characters (the last may be X); you entered {length}."
        ),
        "id_checksum": translate(
            "Errors",
            "This ID number's last character does not match; please check every digit against the card.",
        ),
        "id_birth_date": translate(
            "Errors", "The birth date inside this ID number is not a real date; please check the number."
        ),
        "bad_document_no": translate(
            "Errors", "A document number has {minimum} to {maximum} letters or digits; please check it."
        ),
        "bad_mobile": translate(
            "Errors", "Please enter an 11-digit mobile number starting with 1, for example 13912345678."
        ),
        "capacity_range": translate(
            "Errors",
            "The capacity must be more than 0 and at most {maximum} kW for a low-voltage application.",
        ),
        "capacity_step": translate(
            "Errors", "Enter the capacity in kW with at most one decimal, for example 8.5."
        ),
        "not_low_voltage": translate(
            "Errors",
            "Only 220 V and 380 V applications are taken at the counter; refer others to the key-account team.",
        ),
        "tariff_mismatch": translate(
            "Errors",
            "A residential application takes the residential tariff, others a non-residential one; choose again.",
        ),
        "bad_email": translate("Errors", "Please enter an e-mail address such as name@example.cn."),
        "server_owned": translate(
            "Errors",
            "The central server sets this value for the hall; ask the central administrator to change it.",
        ),
        "not_text": translate("Errors", "This field takes text only; please retype it."),
        "protected_field": translate(
            "Errors",
            "The holder's name, ID number and other protected details change only through a name change "
            "or transfer application.",
        ),
        "materials_missing": translate(
            "Errors",
            "{count} required documents are missing: print the one-time notice for the customer, "
            "or tick what they brought.",
        ),
        "account_unknown": translate(
            "Errors",
            "There is no account {account_no} in this hall; check the number on the customer's bill.",
        ),
        "account_closed_input": translate(
            "Errors",
            "This account is closed; a closed account cannot be changed, apply for a new connection.",
        ),
        "account_not_low_voltage": translate(
            "Errors",
            "This account is not supplied at 220/380 V; high-voltage changes are handled by the key-account team.",
        ),
        "credit_code_length": translate(
            "Errors", "A unified social credit code has 18 characters; please check it."
        ),
        "credit_code_chars": translate(
            "Errors",
            "A credit code uses digits and capital letters except I, O, Z, S and V; please check it.",
        ),
        "credit_code_region": translate(
            "Errors", "Characters 3 to 8 of a credit code are a region code of digits; please check them."
        ),
        "attachment_empty": translate("Errors", "This file is empty; scan the document again."),
        "attachment_truncated": translate(
            "Errors",
            "This file is incomplete (perhaps still being written by the scanner); wait and try again.",
        ),
        "attachment_type": translate("Errors", "Only PDF, JPEG, PNG or TIFF scans can be attached."),
        "attachment_name": translate(
            "Errors", "This file name cannot be used; rename the file and try again."
        ),
        "attachment_too_large": translate(
            "Errors", "This file is larger than {limit} MB; scan at a lower resolution or in black and white."
        ),
        "attachment_unreadable": translate(
            "Errors",
            "This file cannot be read; check that it still exists and is not open in another program.",
        ),
        # consultations and complaints
        "bad_name_chars": translate(
            "Errors",
            "A name has Chinese characters, letters, digits and common punctuation only; please retype it.",
        ),
        "bad_contact_phone": translate(
            "Errors", "Enter an 11-digit mobile number, or a landline of 7 to 12 digits with its area code."
        ),
        "phone_for_callback": translate(
            "Errors", "A phone number is needed to call the customer back; please ask the customer for one."
        ),
        "unknown_choice": translate("Errors", "Choose one of the listed options."),
        "callback_in_past": translate(
            "Errors", "The callback time has already passed; choose a time later than now."
        ),
        "callback_too_far": translate(
            "Errors", "Call the customer back within {limit} days; choose an earlier time."
        ),
    }


def _refusal_messages() -> dict[str, str]:
    return {
        **_topic_sentences("_refusal_sentences"),
        "offline_login_expired": translate(
            "Errors",
            "This PC's copy of your sign-in has expired: connect the PC to the network so it can update "
            "from the central server, or ask the administrator.",
        ),
        "account_closed": translate(
            "Errors", "Account {account_no} is closed and takes no payments; please check the account number."
        ),
        "dues_changed": translate(
            "Errors",
            "What account {account_no} owes has changed (perhaps paid at another window); "
            "the amounts are refreshed, please check them and confirm again.",
        ),
        "prepaid_insufficient": translate(
            "Errors", "The prepaid balance is only {balance}; take the rest by another method."
        ),
        "prepaid_more_than_due": translate(
            "Errors", "The prepaid balance can pay at most what is owed ({due}); lower the amount."
        ),
        "request_reused": translate(
            "Errors",
            "This payment form was already used for another payment; please start the payment again.",
        ),
        "earlier_shift_open": translate(
            "Errors", "Your shift of {day} is still open; close it (cash-up) before taking today's payments."
        ),
        "no_open_shift": translate(
            "Errors", "There is no open shift to close: it is already closed, or no payment was taken yet."
        ),
        "shift_open": translate("Errors", "This shift is still open; close it first to print its report."),
        "reversal_of_reversal": translate(
            "Errors",
            "Receipt {receipt_no} is itself a reversal and cannot be reversed; take a new payment instead.",
        ),
        "already_reversed": translate("Errors", "Receipt {receipt_no} has already been reversed."),
        "not_same_day": translate(
            "Errors",
            "Receipt {receipt_no} is from an earlier business day; only same-day payments can be reversed at "
            "the counter, please ask the billing department.",
        ),
        "prepaid_used": translate(
            "Errors",
            "The prepayment made by receipt {receipt_no} has already been used, so it cannot be reversed here; "
            "please ask the billing department.",
        ),
        "own_request": translate(
            "Errors", "A supervisor cannot approve their own request; ask another supervisor."
        ),
        "already_decided": translate("Errors", "This request has already been decided; refresh the list."),
        "reminder_not_due": translate(
            "Errors", "Account {account_no} has nothing overdue yet, so no reminder notice can be issued."
        ),
        "cut_plan_not_due": translate(
            "Errors",
            "Account {account_no} is not overdue long enough for a disconnection notice; issue a reminder notice.",
        ),
        "outcome_recorded": translate("Errors", "The delivery of notice {notice_no} is already recorded."),
        "ticket_state": translate(
            "Errors", "This ticket cannot do that in its current state; refresh the queue and try again."
        ),
        "business_type_closed": translate(
            "Errors", "This business type is not open for tickets; choose another or ask the administrator."
        ),
        "window_closed": translate(
            "Errors",
            "Window {window_no} is not set up or is closed; check the window number in the settings.",
        ),
        "ticket_of_another_day": translate(
            "Errors", "Ticket {display_no} is from an earlier day; issue a new ticket for the customer."
        ),
        "stage_transition": translate(
            "Errors",
            "This step is not possible at the application's current stage; refresh it and follow the flow.",
        ),
        "queue_closed": translate(
            "Errors", "Ticket issuing has not started (or has stopped) today; press Start issuing first."
        ),
        "queue_already_open": translate("Errors", "Ticket issuing has already started today."),
        "queue_already_closed": translate("Errors", "Ticket issuing is already stopped."),
        "window_has_called": translate(
            "Errors",
            "Ticket {display_no} was called but not served yet: mark it a no-show (F3) or finish it (F7) first.",
        ),
        "ticket_at_other_window": translate(
            "Errors", "Ticket {display_no} is not at this window; refresh the queue and call your own ticket."
        ),
        "pick_not_allowed": translate(
            "Errors", "Tickets are called in order here; press F1 to call the next one."
        ),
        "window_does_not_serve": translate(
            "Errors", "Window {window_no} does not handle this business type; choose another window or type."
        ),
        "window_paused": translate(
            "Errors", "Window {window_no} is paused; resume it first or choose another window."
        ),
        "window_already_paused": translate("Errors", "Window {window_no} is already paused."),
        "window_not_paused": translate("Errors", "Window {window_no} is not paused."),
        "window_busy": translate(
            "Errors", "A customer is still at window {window_no}; finish or transfer them before pausing."
        ),
        "enrol_after_numbers": translate(
            "Errors",
            "This PC has already issued numbers under its own code; enrol a freshly set-up PC instead.",
        ),
        "already_rated": translate(
            "Errors", "Ticket {display_no} has already been rated; one rating per service."
        ),
        "application_changed": translate(
            "Errors",
            "Application {application_no} was just changed at another window; it has been reloaded, try again.",
        ),
        "application_closed": translate(
            "Errors",
            "Application {application_no} is archived or cancelled; nothing more can be added to it.",
        ),
        "rating_before_archive": translate(
            "Errors",
            "Application {application_no} is not finished yet; the customer rates it once it is archived.",
        ),
        "application_already_rated": translate(
            "Errors", "Application {application_no} has already been rated; one rating per application."
        ),
        "transfer_arrears": translate(
            "Errors",
            "Account {account_no} still owes {amount} yuan: collect it first, or record that the new holder takes it on.",
        ),
        "attachment_duplicate": translate(
            "Errors", "This document is already attached as “{name}”; nothing was added."
        ),
        "attachment_missing": translate(
            "Errors", "The stored copy of this document is missing on this PC; attach the scan again."
        ),
        "attachment_damaged": translate(
            "Errors", "The stored copy of this document is damaged; attach the scan again."
        ),
        # consultations and complaints
        "complaint_changed": translate(
            "Errors",
            "This complaint was just changed at another window; it has been reloaded, please try again.",
        ),
        "complaint_closed": translate(
            "Errors", "This complaint is closed; nothing more can be recorded on it."
        ),
        "complaint_step_done": translate(
            "Errors", "This step is already recorded for this complaint; see its history."
        ),
        "complaint_no_followup": translate(
            "Errors",
            "A complaint is closed only after the follow-up call: record the call with the customer first.",
        ),
        "complaint_not_replied": translate(
            "Errors", "Record the reply to the customer before the follow-up call."
        ),
        "complaint_not_contacted": translate(
            "Errors", "Record the first contact with the customer before the reply."
        ),
        "no_callback_due": translate(
            "Errors", "This consultation was answered on the spot; there is no callback to record."
        ),
        "callback_done": translate("Errors", "The callback for this consultation is already recorded."),
        "knowledge_inactive": translate(
            "Errors", "This knowledge-base entry has been taken out of use; refresh the list."
        ),
        "knowledge_duplicate": translate(
            "Errors", "This question is already in the knowledge base; edit the existing entry instead."
        ),
    }


def _approval_messages() -> dict[str, str]:
    return {
        "approval_required": translate(
            "Errors",
            "A reversal needs a supervisor: have them enter their staff number and password here, "
            "or send the request to the approval queue.",
        ),
        "approval_pending": translate(
            "Errors", "The supervisor has not decided yet; wait for the approval or ask them to approve here."
        ),
        "approval_refused": translate(
            "Errors", "The supervisor refused this reversal; see their note in the request list."
        ),
        "approval_invalid": translate(
            "Errors", "This approval is for another payment or was already used; request a new one."
        ),
        "credit_code_override": translate(
            "Errors",
            "The credit code {code} fails its check character: re-check it with the licence, "
            "or a supervisor confirms it here with their staff number and password, or send it to "
            "the supervisor's queue with a reason.",
        ),
    }


def _database_messages() -> dict[str, str]:
    return {
        "damaged": translate(
            "Errors",
            "The local database file is damaged. It has been left untouched; "
            "please call the administrator to restore it from the backup.",
        ),
        "locked": translate(
            "Errors",
            "The local database is in use by another program; close other HallApp windows and try again.",
        ),
        "unreadable": translate(
            "Errors",
            "The local database file cannot be opened; please ask the administrator to check its permissions.",
        ),
        "not_a_file": translate(
            "Errors", "The database path is a folder, not a file; please check the settings."
        ),
        "newer_version": translate(
            "Errors", "The database was made by a newer HallApp; please install the newer version on this PC."
        ),
        "not_set_up": translate(
            "Errors",
            "This PC is not enrolled yet; please ask the administrator to enrol it, or start the demo.",
        ),
        "missing": translate("Errors", "The database file does not exist; please check the path."),
    }


def _sync_stopped_messages() -> dict[str, str]:
    return {
        "restored_backup": translate(
            "Errors",
            "This PC's database is older than what the central server received (restored from a backup?): "
            "uploads are stopped; call the administrator before taking more payments.",
        ),
        "device_revoked": translate(
            "Errors", "The central server no longer accepts this PC; ask the administrator to enrol it again."
        ),
        "unauthenticated": translate(
            "Errors",
            "The central server does not recognise this PC's key; ask the administrator to enrol it again.",
        ),
        "other": translate(
            "Errors", "Uploads to the central server are stopped for a reason the administrator must check."
        ),
    }


def message_for(exc: BaseException) -> str:
    """The sentence to show for ``exc``; unexpected errors get a generic sentence and a log entry."""
    if isinstance(exc, InvalidForm):
        first = next(iter(exc.errors.values()))
        return message_for(first)
    if isinstance(exc, InvalidInput):
        template = _input_messages().get(exc.reason)
        if template:
            return template.format_map(_Params(exc.params))
    if isinstance(exc, PrintFailed):
        return exc.message()
    if isinstance(exc, ActionRefused):
        table = _approval_messages() if isinstance(exc, ApprovalRequired) else _refusal_messages()
        template = table.get(exc.reason)
        if template:
            return template.format_map(_Params(exc.params))
    if isinstance(exc, HallError):
        text = _hall_message(exc)
        if text:
            return text
    log.error("unexpected error shown to the user", exc_info=exc)
    return translate(
        "Errors",
        "The operation did not finish. Please try again; if it happens again, call the administrator.",
    )


class _Params(dict):  # type: ignore[type-arg]
    """An error's details for its sentence: a detail the error lacks shows as … (never a crash)."""

    def __missing__(self, key: str) -> str:
        return "…"


def _login_failed(exc: HallError) -> str:
    remaining = exc.params.get("remaining")
    if remaining is None:
        return translate("Errors", "Wrong staff number or password; please check and try again.")
    return translate(
        "Errors", "Wrong staff number or password; {remaining} more tries before the staff number is locked."
    ).format(remaining=remaining)


def _locked_out(exc: HallError) -> str:
    until = QDateTime(exc.params["until"]).toLocalTime().toString("HH:mm")
    return translate(
        "Errors",
        "Too many wrong passwords: this staff number is locked until {time}, or ask the administrator.",
    ).format(time=until)


def _fixed(text: str):  # type: ignore[no-untyped-def]
    return lambda _exc: text


def _hall_message(exc: HallError) -> str | None:
    """Most specific class first: AccountNotFound is also a NotFound."""
    handlers = (
        (LoginFailed, _login_failed),
        (AccountLockedOut, _locked_out),
        (
            OperatorInactive,
            _fixed(translate("Errors", "This staff number is disabled; please contact the administrator.")),
        ),
        (
            PermissionDenied,
            _fixed(translate("Errors", "Your role may not do this; please ask a supervisor.")),
        ),
        (
            AccountNotFound,
            _fixed(
                translate(
                    "Errors", "No account with this number; check the number or search by name or phone."
                )
            ),
        ),
        (
            SettingUnknown,
            _fixed(
                translate("Errors", "This setting does not exist in this version; please reload the page.")
            ),
        ),
        (NotFound, _fixed(translate("Errors", "The record no longer exists; please refresh the list."))),
        (DatabaseUnavailable, lambda e: _database_messages().get(e.params.get("reason", ""))),
        (
            SyncUnavailable,
            _fixed(
                translate(
                    "Errors",
                    "The central server does not answer; work goes on here and is sent when it is back.",
                )
            ),
        ),
        (
            SyncStopped,
            lambda e: _sync_stopped_messages().get(
                e.params.get("reason", ""), _sync_stopped_messages()["other"]
            ),
        ),
        (
            HubUnavailable,
            _fixed(
                translate(
                    "Errors",
                    "The hall's queue server does not answer; it is retried automatically. "
                    "The guide can switch to manual tickets meanwhile.",
                )
            ),
        ),
    )
    for kind, handler in handlers:
        if isinstance(exc, kind):
            return handler(exc)
    return None


def field_of(exc: BaseException) -> str | None:
    return exc.field if isinstance(exc, HallError) else None
