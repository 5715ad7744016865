"""电力知识库 in the service: add, search (question matches first), edit, take out of use."""

import pytest

from hallapp.db.models import KnowledgeItem
from hallapp.domain.errors import ActionRefused, InvalidForm, InvalidInput, PermissionDenied
from hallapp.domain.service_desk_form import KnowledgeDraft
from hallapp.services.knowledge_service import SEARCH_LIMIT
from tests.core.helpers import audit_rows, count_rows, outbox_rows, payload, write_counts

PEAK = KnowledgeDraft("峰谷分时电价怎么申请？", "持身份证和户号到营业厅或网上国网App申请。", "峰谷 分时")
TIERS = KnowledgeDraft("阶梯电价怎么计算？", "按年度累计用电量分三档，峰谷用户同样适用。", "阶梯")
APP = KnowledgeDraft("电费怎么在手机上交？", "下载网上国网APP绑定户号缴费。", "缴费 手机")


def questions(rows) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.question for r in rows]


def test_added_entries_are_found_question_matches_first(core, clerk, clock) -> None:
    for draft in (TIERS, PEAK):
        core.knowledge.add(clerk, draft)
        clock.advance(minutes=1)
    assert questions(core.knowledge.search(clerk, "峰谷")) == [PEAK.question, TIERS.question]
    assert questions(core.knowledge.search(clerk, "电价 阶梯")) == [TIERS.question]
    assert questions(core.knowledge.search(clerk, "分时")) == [PEAK.question]
    assert core.knowledge.search(clerk, "过户") == []
    assert questions(core.knowledge.search(clerk, "")) == [PEAK.question, TIERS.question]  # latest first


def test_a_search_ignores_width_and_case(core, clerk) -> None:
    core.knowledge.add(clerk, APP)
    assert questions(core.knowledge.search(clerk, "ａｐｐ")) == [APP.question]
    assert questions(core.knowledge.search(clerk, " 手机  缴费 ")) == [APP.question]


def test_at_most_fifty_results(core, clerk) -> None:
    for n in range(SEARCH_LIMIT + 5):
        core.knowledge.add(clerk, KnowledgeDraft(f"电价问题{n}", "答案", ""))
    assert len(core.knowledge.search(clerk, "电价")) == SEARCH_LIMIT


def test_adding_traces_it(core, clerk) -> None:
    row = core.knowledge.add(clerk, PEAK)
    assert row.active and row.keywords == "峰谷 分时"
    [op] = outbox_rows(core, "knowledge.add")
    assert op.entity == "knowledge_item" and op.entity_id == row.item_id
    assert payload(op)["question"] == PEAK.question
    assert audit_rows(core, "knowledge.add")[0].target == row.item_id


def test_editing_changes_what_is_found(core, clerk) -> None:
    row = core.knowledge.add(clerk, PEAK)
    edited = core.knowledge.edit(clerk, row.item_id, KnowledgeDraft("分时电价怎么办理？", "同上", "峰谷"))
    assert edited.item_id == row.item_id and edited.question == "分时电价怎么办理？"
    assert questions(core.knowledge.search(clerk, "办理")) == ["分时电价怎么办理？"]
    assert len(outbox_rows(core, "knowledge.edit")) == 1


def test_an_entry_taken_out_of_use_is_no_longer_found_or_edited(core, clerk) -> None:
    row = core.knowledge.add(clerk, PEAK)
    core.knowledge.deactivate(clerk, row.item_id)
    assert core.knowledge.search(clerk, "峰谷") == []
    assert len(audit_rows(core, "knowledge.deactivate")) == 1
    for action in (
        lambda: core.knowledge.deactivate(clerk, row.item_id),
        lambda: core.knowledge.edit(clerk, row.item_id, TIERS),
    ):
        with pytest.raises(ActionRefused) as caught:
            action()
        assert caught.value.reason == "knowledge_inactive"
    core.knowledge.add(clerk, PEAK)  # the question may be asked again once the old entry is gone


def test_the_same_question_twice_is_refused(core, clerk) -> None:
    core.knowledge.add(clerk, PEAK)
    other = core.knowledge.add(clerk, TIERS)
    before = write_counts(core)
    with pytest.raises(ActionRefused) as caught:
        core.knowledge.add(clerk, KnowledgeDraft(" 峰谷分时电价怎么申请？ ", "别的答案", ""))
    assert caught.value.reason == "knowledge_duplicate"
    with pytest.raises(ActionRefused):
        core.knowledge.edit(clerk, other.item_id, PEAK)
    assert write_counts(core) == before


def test_bad_input_writes_nothing(core, clerk) -> None:
    before = write_counts(core)
    with pytest.raises(InvalidForm) as caught:
        core.knowledge.add(clerk, KnowledgeDraft("", "答案\x00", ""))
    assert {k: e.reason for k, e in caught.value.errors.items()} == {
        "question": "empty",
        "answer": "control_chars",
    }
    with pytest.raises(InvalidInput):
        core.knowledge.search(clerk, "\x07")
    assert write_counts(core) == before and count_rows(core, KnowledgeItem) == 0


def test_only_counter_staff_use_the_knowledge_base(core, clerk, guide, supervisor) -> None:
    row = core.knowledge.add(clerk, PEAK)
    for actor in (guide, supervisor):
        with pytest.raises(PermissionDenied):
            core.knowledge.search(actor, "峰谷")
        with pytest.raises(PermissionDenied):
            core.knowledge.add(actor, TIERS)
        with pytest.raises(PermissionDenied):
            core.knowledge.deactivate(actor, row.item_id)
    assert count_rows(core, KnowledgeItem) == 1
