"""Payments, receipts, reversals, notices and the cash-up, as work for the DB thread.

Each function here runs on the worker: it takes plain values and returns plain values (PDF bytes
included), so rendering a printout never blocks the screen.
"""

from dataclasses import dataclass

from hallapp.domain.enums import NoticeDelivery
from hallapp.domain.payments import AccountDue, PaymentRequest, PaymentResult
from hallapp.domain.printouts import NoticeKind, PaperSize
from hallapp.domain.records import Actor, Changes
from hallapp.services.hall_core import HallCore
from hallapp.services.notice_service import NoticeOptions


@dataclass(frozen=True)
class Printout:
    """A document ready for the printer: what it is, its PDF and its paper."""

    title: str
    pdf: bytes
    paper: PaperSize
    payment_id: str = ""  # receipts: recorded as printed once the printer took it
    changes: Changes | None = None  # what making it changed (a cash-up closes a shift)


@dataclass(frozen=True)
class Taken:
    result: PaymentResult
    receipt: Printout
    due_after: AccountDue
    changes: Changes


def account_due(core: HallCore, actor: Actor, account_id: str) -> AccountDue:
    return core.payments.due(actor, account_id)


def due_by_number(core: HallCore, actor: Actor, text: str) -> list | AccountDue:
    """A scanned or typed 户号 opens at once; anything else is a search whose hits the clerk picks from."""
    hits = core.accounts.search(actor, text)
    if len(hits) == 1:
        return core.payments.due(actor, hits[0].account_id)
    return hits


def receipt_printout(core: HallCore, actor: Actor, payment_id: str, paper: PaperSize) -> Printout:
    from hallapp.printing import render_receipt

    doc = core.payments.receipt_doc(actor, payment_id)
    title = f"电费缴费凭证 {doc.receipt_no}" + (" 补打" if doc.reprint else "")
    return Printout(title, render_receipt(doc, paper), paper, payment_id)


def take_payment(core: HallCore, actor: Actor, request: PaymentRequest, paper: PaperSize) -> Taken:
    result = core.payments.take(actor, request)
    receipt = receipt_printout(core, actor, result.payment_id, paper)
    due = core.payments.due(actor, request.account_id)
    return Taken(result, receipt, due, Changes(accounts=frozenset({request.account_id}), payments=True))


def record_print(core: HallCore, actor: Actor, payment_id: str) -> None:
    core.payments.record_print(actor, payment_id)


def reverse_at_counter(
    core: HallCore,
    actor: Actor,
    payment_id: str,
    *,
    request_id: str,
    reason: str,
    staff_no: str,
    password: str,
    paper: PaperSize,
) -> Taken:
    result = core.reversals.reverse(
        actor,
        payment_id,
        request_id=request_id,
        reason=reason,
        supervisor_staff_no=staff_no,
        supervisor_password=password,
    )
    return _reversed(core, actor, result, paper)


def reverse_approved(
    core: HallCore, actor: Actor, payment_id: str, *, request_id: str, approval_id: str, paper: PaperSize
) -> Taken:
    result = core.reversals.reverse(actor, payment_id, request_id=request_id, approval_id=approval_id)
    return _reversed(core, actor, result, paper)


def _reversed(core: HallCore, actor: Actor, result: PaymentResult, paper: PaperSize) -> Taken:
    receipt = receipt_printout(core, actor, result.payment_id, paper)
    due = core.payments.due(actor, result.account_id)
    return Taken(result, receipt, due, Changes(accounts=frozenset({result.account_id}), payments=True))


def close_shift(core: HallCore, actor: Actor, counted: dict[int, int], reason: str) -> Printout:
    from hallapp.printing import render_shift_report

    report = core.shifts.close(actor, counted, reason)
    title = f"日结轧账单 {report.business_date.isoformat()} {report.clerk_name}"
    return Printout(title, render_shift_report(report), PaperSize.A4, changes=Changes(payments=True))


def shift_report(core: HallCore, actor: Actor, shift_id: str) -> Printout:
    from hallapp.printing import render_shift_report

    report = core.shifts.report(actor, shift_id)
    title = f"日结轧账单 {report.business_date.isoformat()} {report.clerk_name}"
    return Printout(title, render_shift_report(report), PaperSize.A4)


def notice_options(core: HallCore, actor: Actor, account_id: str) -> tuple[NoticeOptions, list]:
    return core.notices.options(actor, account_id), core.notices.for_account(actor, account_id)


def issue_notice(
    core: HallCore, actor: Actor, account_id: str, kind: NoticeKind, delivery: NoticeDelivery
) -> Printout:
    from hallapp.printing import render_notice

    doc = core.notices.issue(actor, account_id, kind, delivery)
    name = "欠电费停电计划通知书" if kind is NoticeKind.CUT_PLAN else "催缴电费通知单"
    return Printout(f"{name} {doc.notice_no}", render_notice(doc), PaperSize.A4)
