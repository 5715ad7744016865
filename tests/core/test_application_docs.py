"""The intake printouts' values from stored applications and unfinished forms."""

from dataclasses import replace
from datetime import date

from hallapp.demo.applications import organisation_new, person_new
from hallapp.domain.application_form import ProofType
from hallapp.domain.application_materials import LABELS, Material
from hallapp.domain.ids import new_id
from hallapp.domain.printouts import MaterialState


def test_the_form_carries_what_was_accepted(core, clerk) -> None:
    done = core.applications.submit(
        clerk, replace(person_new(), proof=ProofType.MISSING), request_id=new_id()
    )
    doc = core.application_docs.form(clerk, done.application_id)
    assert doc.application_no == done.application_no and doc.kind_label == "低压居民新装"
    assert doc.accepted_on == date(2026, 11, 20) and doc.committed_due_on == date(2026, 11, 27)
    assert ("客户名称", "王小明") in [(f.label, f.value) for f in doc.applicant]
    assert ("申请容量", "8.0 千瓦") in [(f.label, f.value) for f in doc.supply]
    states = {m.label: m.state for m in doc.materials}
    assert states[LABELS[Material.PROPERTY_PROOF]] is MaterialState.DEFERRED
    assert states[LABELS[Material.PROMISE]] is MaterialState.BROUGHT
    assert doc.promise_signed and doc.clerk_staff_no == "C001"


def test_the_receipt_names_the_plan_reply_date_and_deferred_documents(core, clerk) -> None:
    done = core.applications.submit(
        clerk, replace(person_new(), proof=ProofType.MISSING), request_id=new_id()
    )
    doc = core.application_docs.receipt(clerk, done.application_id)
    assert [(d.stage_label, d.due_on) for d in doc.deadlines] == [("答复供电方案", date(2026, 11, 25))]
    assert doc.deferred == (LABELS[Material.PROPERTY_PROOF],)
    notice = core.application_docs.notice(clerk, done.application_id)
    assert notice.to_bring == (LABELS[Material.PROPERTY_PROOF],) and notice.bring_by == date(2026, 11, 27)


def test_an_organisation_form_shows_its_code_and_agent(core, clerk) -> None:
    done = core.applications.submit(clerk, organisation_new(), request_id=new_id())
    fields = dict(
        (f.label, f.value) for f in core.application_docs.form(clerk, done.application_id).applicant
    )
    assert fields["统一社会信用代码"] == organisation_new().credit_code and fields["经办人"] == "赵经办"


def test_a_one_time_notice_for_a_form_not_yet_accepted_lists_everything_missing(core, clerk) -> None:
    draft = replace(person_new(), materials=frozenset({Material.APPLICATION_FORM}), proof=ProofType.MISSING)
    doc = core.application_docs.notice_for_draft(clerk, draft)
    assert doc.application_no == "" and doc.applicant_name == "王小明"
    assert doc.to_bring == (LABELS[Material.OWNER_ID], LABELS[Material.PROPERTY_PROOF])
