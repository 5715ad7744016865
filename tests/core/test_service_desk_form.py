"""Consultation, complaint and knowledge-base forms, deadlines and the complaint's steps (pure)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.calendar import DayKind
from hallapp.domain.errors import ActionRefused, InvalidForm, InvalidInput
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.numbering import document_no, luhn_valid
from hallapp.domain.service_desk import (
    CALLBACK_MAX_DAYS,
    CAUSE_NAMES,
    LABELS,
    Channel,
    ComplaintCause,
    ComplaintStep,
    DeadlineState,
    callback_due,
    check_step,
    complaint_deadlines,
    day_state,
    knowledge_rank,
    moment_state,
    search_terms,
)
from hallapp.domain.service_desk_form import (
    ComplaintDraft,
    ConsultationDraft,
    KnowledgeDraft,
    clean_complaint,
    clean_consultation,
    clean_knowledge,
    clean_note,
)
from hallapp.domain.settings_catalog import CATALOG, default_value
from tests.core.helpers import PROPERTY

NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # Friday 10:00 in the hall
VALUES = {d.key: default_value(d.key) for d in CATALOG}
ASKED = ConsultationDraft(
    "counter", "王女士", "", "", "峰谷电价怎么申请？", "带身份证和户号到柜台办理。", True
)
COMPLAINT = ComplaintDraft("phone", "attitude", "李先生", "13912345678", "", "柜员态度生硬。")


def errors_of(clean, *args) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidForm) as caught:
        clean(*args)
    return {name: exc.reason for name, exc in caught.value.errors.items()}


# --- consultations ------------------------------------------------------------------------------
def test_a_consultation_answered_on_the_spot_needs_no_phone_and_no_callback() -> None:
    clean = clean_consultation(ASKED, NOW, VALUES)
    assert clean.channel is Channel.COUNTER and clean.phone is None and clean.account_no is None
    assert clean.answered and clean.callback_due_at is None


def test_an_unanswered_consultation_needs_a_phone_and_gets_the_default_callback_time() -> None:
    draft = replace(ASKED, answered=False, answer="")
    assert errors_of(clean_consultation, draft, NOW, VALUES) == {"phone": "phone_for_callback"}
    clean = clean_consultation(replace(draft, phone="139 1234 5678"), NOW, VALUES)
    assert clean.phone == "13912345678" and clean.answer == ""
    assert clean.callback_due_at == NOW + timedelta(hours=24)  # applications.callback_hours


def test_the_callback_time_follows_the_setting() -> None:
    values = {**VALUES, "applications.callback_hours": 4}
    assert callback_due(None, NOW, values) == NOW + timedelta(hours=4)


def test_a_chosen_callback_time_is_hall_time_in_the_future_within_the_limit() -> None:
    monday_nine = datetime(2026, 11, 23, 9, 0)  # as the clerk picks it, hall time
    assert callback_due(monday_nine, NOW, VALUES) == datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    draft = replace(ASKED, answered=False, phone="13912345678", callback_due=datetime(2026, 11, 20, 9, 59))
    assert errors_of(clean_consultation, draft, NOW, VALUES) == {"callback_due": "callback_in_past"}
    too_far = replace(draft, callback_due=datetime(2026, 12, 20, 10, 1))
    with pytest.raises(InvalidForm) as caught:
        clean_consultation(too_far, NOW, VALUES)
    error = caught.value.errors["callback_due"]
    assert error.reason == "callback_too_far" and error.params["limit"] == CALLBACK_MAX_DAYS


def test_an_answered_consultation_needs_its_answer_and_every_wrong_field_is_reported() -> None:
    draft = ConsultationDraft("mail", " ", "12", "123", "", "", True)
    assert errors_of(clean_consultation, draft, NOW, VALUES) == {
        "channel": "unknown_choice",
        "customer_name": "empty",
        "phone": "bad_contact_phone",
        "account_no": "bad_account_no",
        "question": "empty",
        "answer": "empty",
    }


def test_text_is_folded_to_one_paragraph_and_keeps_full_width_punctuation() -> None:
    draft = replace(ASKED, question="  峰谷电价\n怎么申请？ ", account_no="３２００ ０００ ００１")
    clean = clean_consultation(draft, NOW, VALUES)
    assert clean.question == "峰谷电价 怎么申请？"
    assert clean.account_no == "3200000001"


def test_digits_of_other_scripts_are_refused_in_numbers() -> None:
    arabic = "".join(chr(0x0660 + int(d)) for d in "3200000001")
    draft = replace(ASKED, account_no=arabic, phone="٠٢٥٨٤٦٣٢١٠")
    assert errors_of(clean_consultation, draft, NOW, VALUES) == {
        "account_no": "bad_account_no",
        "phone": "bad_contact_phone",
    }


def test_names_and_limits() -> None:
    assert errors_of(clean_consultation, replace(ASKED, customer_name="王😀"), NOW, VALUES) == {
        "customer_name": "bad_name_chars"
    }
    assert errors_of(clean_consultation, replace(ASKED, question="问" * 201), NOW, VALUES) == {
        "question": "too_long"
    }
    assert errors_of(clean_consultation, replace(ASKED, answer="a\x00b"), NOW, VALUES) == {
        "answer": "control_chars"
    }


# --- complaints ---------------------------------------------------------------------------------
def test_a_complaint_needs_a_cause_a_phone_and_what_happened() -> None:
    clean = clean_complaint(COMPLAINT, VALUES)
    assert clean.cause is ComplaintCause.ATTITUDE and clean.phone == "13912345678"
    assert errors_of(clean_complaint, ComplaintDraft(), VALUES) == {
        "cause": "unknown_choice",
        "customer_name": "empty",
        "phone": "phone_for_callback",
        "description": "empty",
    }


def test_the_six_causes_have_english_labels_and_the_source_names() -> None:
    assert len(ComplaintCause) == 6
    assert all(cause in LABELS and CAUSE_NAMES[cause] for cause in ComplaintCause)
    assert CAUSE_NAMES[ComplaintCause.POWER_QUALITY] == "电能品质不佳"
    assert all(value in LABELS for value in (*Channel, *ComplaintStep, *DeadlineState))


def test_received_friday_morning_contact_by_saturday_reply_by_next_friday() -> None:
    contact, reply = complaint_deadlines(NOW, date(2026, 11, 20), VALUES, {})
    assert contact == datetime(2026, 11, 21, 10, 0, tzinfo=HALL_TZ)
    assert reply == date(2026, 11, 27)  # Mon 23 … Fri 27: five working days


def test_holidays_and_settings_move_the_reply_deadline() -> None:
    holidays = {date(2026, 11, 24): DayKind.HOLIDAY, date(2026, 11, 25): DayKind.HOLIDAY}
    assert complaint_deadlines(NOW, date(2026, 11, 20), VALUES, holidays)[1] == date(2026, 12, 1)
    values = {**VALUES, "limits.complaint_reply_days": 10, "limits.complaint_contact_hours": 12}
    contact, reply = complaint_deadlines(NOW, date(2026, 11, 20), values, {})
    assert contact == NOW + timedelta(hours=12) and reply == date(2026, 12, 4)


def test_deadline_states() -> None:
    due = NOW + timedelta(hours=24)
    assert moment_state(due, None, NOW) is DeadlineState.RUNNING
    assert moment_state(due, None, due + timedelta(seconds=1)) is DeadlineState.OVERDUE
    assert moment_state(due, due, due + timedelta(days=3)) is DeadlineState.MET
    assert moment_state(due, due + timedelta(minutes=1), NOW) is DeadlineState.LATE
    friday = date(2026, 11, 27)
    assert day_state(friday, None, friday) is DeadlineState.RUNNING
    assert day_state(friday, None, date(2026, 11, 28)) is DeadlineState.OVERDUE
    assert day_state(friday, date(2026, 11, 26), date(2026, 12, 5)) is DeadlineState.MET
    assert day_state(friday, date(2026, 11, 30), date(2026, 12, 5)) is DeadlineState.LATE


@pytest.mark.parametrize(
    ("current", "wanted", "reason"),
    [
        (ComplaintStep.RECEIVED, ComplaintStep.CLOSED, "complaint_no_followup"),
        (ComplaintStep.REPLIED, ComplaintStep.CLOSED, "complaint_no_followup"),
        (ComplaintStep.RECEIVED, ComplaintStep.REPLIED, "complaint_not_contacted"),
        (ComplaintStep.CONTACTED, ComplaintStep.FOLLOWED_UP, "complaint_not_replied"),
        (ComplaintStep.CONTACTED, ComplaintStep.CONTACTED, "complaint_step_done"),
        (ComplaintStep.FOLLOWED_UP, ComplaintStep.REPLIED, "complaint_step_done"),
        (ComplaintStep.CLOSED, ComplaintStep.CLOSED, "complaint_closed"),
    ],
)
def test_steps_out_of_order_are_refused(current, wanted, reason) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ActionRefused) as caught:
        check_step(current, wanted)
    assert caught.value.reason == reason


def test_steps_in_order_pass() -> None:
    for current, wanted in pairwise(ComplaintStep):
        check_step(current, wanted)


# --- knowledge base -----------------------------------------------------------------------------
def test_a_knowledge_entry_needs_question_and_answer() -> None:
    assert clean_knowledge(KnowledgeDraft(" 峰谷\n电价 ", "见营业厅公告", "")) == KnowledgeDraft(
        "峰谷 电价", "见营业厅公告", ""
    )
    assert errors_of(clean_knowledge, KnowledgeDraft()) == {"question": "empty", "answer": "empty"}


def test_knowledge_ranking_question_then_keywords_then_answer() -> None:
    entry = ("峰谷分时电价怎么申请？", "峰谷 分时", "带身份证到营业厅办理")
    assert knowledge_rank(search_terms("峰谷"), *entry) == 0
    assert knowledge_rank(search_terms("分时 峰谷"), *entry) == 0
    assert knowledge_rank(search_terms("峰谷 身份证"), *entry) == 2
    assert knowledge_rank(search_terms("过户"), *entry) is None
    assert knowledge_rank(search_terms("ａｐｐ"), "网上国网APP怎么缴费", "", "") == 0  # full width, case
    assert knowledge_rank((), *entry) == 0
    assert knowledge_rank(search_terms("分时"), "电价", "峰谷 分时", "") == 1


def test_a_search_is_checked_like_any_input() -> None:
    with pytest.raises(InvalidInput) as caught:
        search_terms("a\x00")
    assert caught.value.reason == "control_chars"
    with pytest.raises(InvalidInput):
        search_terms("问" * 41)


def test_notes_are_required() -> None:
    assert clean_note(" 已联系\n客户 ") == "已联系 客户"
    with pytest.raises(InvalidInput) as caught:
        clean_note("  ", "callback_note")
    assert (caught.value.field, caught.value.reason) == ("callback_note", "empty")


def test_document_numbers_carry_a_letter_and_a_check_digit() -> None:
    number = document_no("T", "H000101", 42)
    assert number.startswith("TH000101-") and luhn_valid(number.split("-")[1])
    with pytest.raises(ValueError):
        document_no("tt", "H000101", 1)


# --- any junk -----------------------------------------------------------------------------------
junk = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=3000),
    st.sampled_from(
        ["", " ", "\x00", "\u202e", "１３９１２３４５６７８", "Ⅷ", "𠀋𠀋", "٣٢٠٠٠٠٠٠٠١", "counter"]
    ),
)


def _clean_or_field_errors(clean, *args) -> object:  # type: ignore[no-untyped-def]
    try:
        return clean(*args)
    except InvalidForm as exc:
        assert exc.errors and all(
            isinstance(e, InvalidInput) and e.field == name for name, e in exc.errors.items()
        )
        return None


@PROPERTY
@given(
    field=st.sampled_from(("channel", "customer_name", "phone", "account_no", "question", "answer")),
    value=junk,
    answered=st.booleans(),
    due=st.one_of(st.none(), st.datetimes()),
)
def test_any_value_in_any_consultation_field_is_clean_or_a_field_error(field, value, answered, due) -> None:  # type: ignore[no-untyped-def]
    draft = replace(
        replace(ASKED, phone="13912345678", answered=answered, callback_due=due), **{field: value}
    )
    clean = _clean_or_field_errors(clean_consultation, draft, NOW, VALUES)
    if clean is not None:
        assert clean.question and len(clean.question) <= 200 and "\x00" not in clean.answer
        assert (clean.callback_due_at is None) == answered
        assert clean.account_no is None or (clean.account_no.isascii() and len(clean.account_no) == 10)


@PROPERTY
@given(
    field=st.sampled_from(("channel", "cause", "customer_name", "phone", "account_no", "description")),
    value=junk,
)
def test_any_value_in_any_complaint_field_is_clean_or_a_field_error(field: str, value: str) -> None:
    clean = _clean_or_field_errors(clean_complaint, replace(COMPLAINT, **{field: value}), VALUES)
    if clean is not None:
        assert clean.phone.isascii() and clean.phone.isdigit()


@PROPERTY
@given(field=st.sampled_from(("question", "answer", "keywords")), value=junk)
def test_any_value_in_any_knowledge_field_is_clean_or_a_field_error(field: str, value: str) -> None:
    draft = replace(KnowledgeDraft("问题", "答案", ""), **{field: value})
    _clean_or_field_errors(clean_knowledge, draft)


@PROPERTY
@given(text=junk)
def test_any_search_is_words_or_an_input_error(text: str) -> None:
    try:
        terms = search_terms(text)
    except InvalidInput as exc:
        assert exc.field == "query"
        return
    assert knowledge_rank(terms, text, "", "") in (0, None)
