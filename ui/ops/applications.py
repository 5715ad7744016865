"""Applications as work for the DB thread: plain values in, plain values (and PDF bytes) out."""

from dataclasses import dataclass
from pathlib import Path

from hallapp.domain.application_flow import Stage
from hallapp.domain.application_form import ApplicationDraft
from hallapp.domain.application_views import ApplicationDetail, AttachmentRow, Submitted
from hallapp.domain.printouts import PaperSize
from hallapp.domain.records import Actor, Changes
from hallapp.services.hall_core import HallCore
from ui.ops.payments import Printout

CHANGED = Changes(applications=True)


@dataclass(frozen=True)
class Accepted:
    submitted: Submitted
    form: Printout  # 用电申请登记表 for the customer's signature
    receipt: Printout  # 业务受理回执
    notice: Printout | None  # 一次性告知书 when materials were deferred
    changes: Changes = CHANGED


@dataclass(frozen=True)
class Moved:
    detail: ApplicationDetail
    changes: Changes = CHANGED


def submit(
    core: HallCore,
    actor: Actor,
    draft: ApplicationDraft,
    request_id: str,
    approver: tuple[str, str] = ("", ""),
    queue_reason: str | None = None,
) -> Accepted:
    done = core.applications.submit(
        actor,
        draft,
        request_id=request_id,
        approver_staff_no=approver[0],
        approver_password=approver[1],
        queue_reason=queue_reason,
    )
    detail = core.application_reads.detail(actor, done.application_id)
    notice = notice_printout(core, actor, done.application_id) if detail.to_bring else None
    return Accepted(
        done,
        form_printout(core, actor, done.application_id),
        receipt_printout(core, actor, done.application_id),
        notice,
    )


def form_printout(core: HallCore, actor: Actor, application_id: str) -> Printout:
    from hallapp.printing import render_application_form

    doc = core.application_docs.form(actor, application_id)
    return Printout(f"用电申请登记表 {doc.application_no}", render_application_form(doc), PaperSize.A4)


def receipt_printout(core: HallCore, actor: Actor, application_id: str) -> Printout:
    from hallapp.printing import render_acceptance_receipt

    doc = core.application_docs.receipt(actor, application_id)
    return Printout(f"业务受理回执 {doc.application_no}", render_acceptance_receipt(doc), PaperSize.A4)


def notice_printout(core: HallCore, actor: Actor, application_id: str) -> Printout:
    from hallapp.printing import render_one_time_notice

    doc = core.application_docs.notice(actor, application_id)
    return Printout(f"一次性告知书 {doc.application_no}", render_one_time_notice(doc), PaperSize.A4)


def draft_notice_printout(core: HallCore, actor: Actor, draft: ApplicationDraft) -> Printout:
    from hallapp.printing import render_one_time_notice

    doc = core.application_docs.notice_for_draft(actor, draft)
    return Printout(f"一次性告知书 {doc.applicant_name}", render_one_time_notice(doc), PaperSize.A4)


def advance(
    core: HallCore, actor: Actor, application_id: str, to: Stage, version: int, note: str, assume: bool
) -> Moved:
    core.applications.advance(actor, application_id, to, version=version, note=note, arrears_assumed=assume)
    return Moved(core.application_reads.detail(actor, application_id))


def correct_credit_code(
    core: HallCore, actor: Actor, application_id: str, code: str, version: int, queue_reason: str | None
) -> Moved:
    core.applications.correct_credit_code(
        actor, application_id, code, version=version, queue_reason=queue_reason
    )
    return Moved(core.application_reads.detail(actor, application_id))


def expedite(core: HallCore, actor: Actor, application_id: str, note: str) -> Moved:
    core.applications.expedite(actor, application_id, note)
    return Moved(core.application_reads.detail(actor, application_id))


def rate(core: HallCore, actor: Actor, application_id: str, rating: int, reason: str) -> Moved:
    core.applications.rate(actor, application_id, rating, reason)
    return Moved(core.application_reads.detail(actor, application_id))


def attach(core: HallCore, actor: Actor, application_id: str, path: Path) -> Moved:
    core.attachments.attach(actor, application_id, path)
    return Moved(core.application_reads.detail(actor, application_id))


def attachment_content(core: HallCore, actor: Actor, row: AttachmentRow) -> tuple[AttachmentRow, bytes]:
    return row, core.attachments.content(actor, row.attachment_id)
