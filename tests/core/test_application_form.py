"""The application form's checks: every field, every kind, warnings vs errors (pure functions)."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.demo.applications import CREDIT_CODE, PERSON_ID, organisation_new, person_new
from hallapp.domain.application_flow import ApplicationKind
from hallapp.domain.application_form import (
    ApplicationDraft,
    BillChannel,
    IdDocType,
    ProofType,
    change_kind,
    clean_application,
    draft_from_json,
    draft_to_json,
    materials_of,
)
from hallapp.domain.application_materials import ApplicantType, Material
from hallapp.domain.enums import TariffCategory, Voltage
from hallapp.domain.errors import InvalidForm, InvalidInput
from hallapp.domain.idcard import clean_id_number
from hallapp.domain.settings_catalog import CATALOG, default_value
from tests.core.helpers import PROPERTY

TODAY = date(2026, 11, 20)
VALUES = {d.key: default_value(d.key) for d in CATALOG}
TEXT_FIELDS = ("name", "id_no", "phone", "address", "capacity_kw", "account_no", "note", "email")


def errors_of(draft: ApplicationDraft) -> dict[str, str]:
    with pytest.raises(InvalidForm) as caught:
        clean_application(draft, TODAY, VALUES)
    return {name: exc.reason for name, exc in caught.value.errors.items()}


def test_a_complete_resident_form_is_accepted_and_normalised() -> None:
    draft = replace(
        person_new(), name=" 王  小明 ", phone="139 1234 5678", id_no=PERSON_ID.lower(), capacity_kw="８"
    )
    clean = clean_application(draft, TODAY, VALUES)
    assert clean.draft.name == "王 小明"
    assert clean.draft.phone == "13912345678"
    assert clean.draft.id_no == PERSON_ID.upper()
    assert str(clean.capacity_kw) == "8.0"
    assert clean.materials.acceptable and clean.materials.deferred == ()
    assert not clean.credit_code_warning and not clean.id_region_warning


def test_an_organisation_needs_its_credit_code_legal_rep_and_agent() -> None:
    draft = replace(organisation_new(), credit_code="", legal_rep="", agent_name="", agent_id_no="")
    assert errors_of(draft) == {
        "credit_code": "empty",
        "legal_rep": "empty",
        "agent_name": "empty",
        "agent_id_no": "empty",
    }


def test_a_credit_code_failing_only_its_check_character_is_a_warning() -> None:
    last = CREDIT_CODE[-1]
    wrong = CREDIT_CODE[:-1] + ("0" if last != "0" else "1")
    clean = clean_application(replace(organisation_new(), credit_code=wrong), TODAY, VALUES)
    assert clean.credit_code_warning
    assert errors_of(replace(organisation_new(), credit_code=CREDIT_CODE[:-1] + "I")) == {
        "credit_code": "credit_code_chars"
    }
    assert errors_of(replace(organisation_new(), credit_code=CREDIT_CODE[:10])) == {
        "credit_code": "credit_code_length"
    }


def test_id_numbers_follow_gb_11643() -> None:
    assert clean_id_number("11010519491231002x", TODAY).text == "11010519491231002X"
    for bad, reason in (
        ("11010519491231002", "id_format"),
        ("110105194912310021", "id_checksum"),
        ("110105194902300023", "id_birth_date"),  # 30 February
        ("110105202712310021", "id_birth_date"),  # born after today
    ):
        with pytest.raises(InvalidInput) as caught:
            clean_id_number(bad, TODAY)
        assert caught.value.reason == reason, bad


def test_an_unknown_region_is_only_a_warning() -> None:
    from hallapp.domain.idcard import make_id_number

    number = make_id_number("990102", date(1980, 1, 1), 5)
    clean = clean_application(replace(person_new(), id_no=number), TODAY, VALUES)
    assert clean.id_region_warning


def test_other_documents_take_letters_and_digits() -> None:
    clean = clean_application(
        replace(person_new(), id_type=IdDocType.PASSPORT, id_no="e1234 5678"), TODAY, VALUES
    )
    assert clean.draft.id_no == "E12345678"
    assert errors_of(replace(person_new(), id_type=IdDocType.PASSPORT, id_no="护照号")) == {
        "id_no": "bad_document_no"
    }


@pytest.mark.parametrize(
    ("capacity", "reason"),
    [
        ("0", "capacity_range"),
        ("-3", "capacity_range"),
        ("161", "capacity_range"),
        ("8.25", "capacity_step"),
        ("八", "not_a_number"),
        ("nan", "not_a_number"),
        ("1e400", "not_a_number"),
        ("", "empty"),
    ],
)
def test_capacity_is_a_positive_low_voltage_figure(capacity: str, reason: str) -> None:
    assert errors_of(replace(person_new(), capacity_kw=capacity)) == {"capacity_kw": reason}


def test_capacity_limit_is_the_setting() -> None:
    values = {**VALUES, "applications.max_capacity_kw": 200}
    assert clean_application(replace(person_new(), capacity_kw="161"), TODAY, values).capacity_kw == 161


def test_only_220_and_380_volts_are_taken_at_the_counter() -> None:
    assert errors_of(replace(person_new(), voltage=Voltage.KV10)) == {"voltage": "not_low_voltage"}


def test_the_tariff_matches_resident_or_not() -> None:
    assert errors_of(replace(person_new(), tariff=TariffCategory.COMMERCIAL)) == {"tariff": "tariff_mismatch"}
    assert errors_of(replace(organisation_new(), tariff=TariffCategory.RESIDENT)) == {
        "tariff": "tariff_mismatch"
    }


def test_mobile_and_email() -> None:
    assert errors_of(replace(person_new(), phone="1234567")) == {"phone": "bad_mobile"}
    assert errors_of(replace(person_new(), phone="12912345678")) == {"phone": "bad_mobile"}
    email = replace(person_new(), bill_channel=BillChannel.EMAIL, email="not-an-address")
    assert errors_of(email) == {"email": "bad_email"}


def test_increase_and_changes_need_the_account_number() -> None:
    for kind in (ApplicationKind.RESIDENT_INCREASE, ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER):
        assert errors_of(replace(person_new(), kind=kind)) == {"account_no": "empty"}
    assert errors_of(replace(person_new(), kind=ApplicationKind.TRANSFER, account_no="12345")) == {
        "account_no": "bad_account_no"
    }


def test_the_owner_question_decides_transfer_or_name_change() -> None:
    assert change_kind(True) is ApplicationKind.TRANSFER
    assert change_kind(False) is ApplicationKind.NAME_CHANGE


def test_a_missing_property_proof_is_deferred_against_the_promise() -> None:
    draft = replace(person_new(), proof=ProofType.MISSING)
    clean = clean_application(draft, TODAY, VALUES)
    assert clean.promise_signed
    assert clean.materials.deferred == (Material.PROPERTY_PROOF,)
    assert clean.materials.to_bring == (Material.PROPERTY_PROOF,)


def test_a_missing_identity_document_blocks_acceptance_and_is_listed() -> None:
    draft = replace(person_new(), materials=frozenset({Material.APPLICATION_FORM}))
    assert errors_of(draft) == {"materials": "materials_missing"}
    assert materials_of(draft).missing == (Material.OWNER_ID,)


def test_every_wrong_field_is_reported_at_once() -> None:
    draft = ApplicationDraft(kind=ApplicationKind.RESIDENT_NEW)
    assert set(errors_of(draft)) == {"name", "id_no", "phone", "address", "capacity_kw", "materials"}


def test_the_form_round_trips_through_json() -> None:
    for draft in (person_new(), organisation_new()):
        assert draft_from_json(draft_to_json(draft)) == draft


junk = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=5000),
    st.sampled_from(
        ["", " ", "\x00", "\u202e", "１３９１２３４５６７８", "Ⅷ", "𠀋𠀋", "NaN", "-0", "99999999999"]
    ),
)


@PROPERTY
@given(
    field=st.sampled_from(TEXT_FIELDS),
    value=junk,
    kind=st.sampled_from(list(ApplicationKind)),
    org=st.booleans(),
)
def test_any_value_in_any_field_is_either_clean_or_a_field_error(
    field: str, value: str, kind, org: bool
) -> None:
    base = organisation_new() if org else person_new()
    draft = replace(replace(base, kind=kind, account_no="3200000001"), **{field: value})
    if org and kind in (ApplicationKind.RESIDENT_NEW, ApplicationKind.RESIDENT_INCREASE):
        draft = replace(draft, tariff=TariffCategory.RESIDENT)
    if not org and kind in (ApplicationKind.NON_RESIDENT_NEW, ApplicationKind.NON_RESIDENT_INCREASE):
        draft = replace(draft, tariff=TariffCategory.COMMERCIAL)
    try:
        clean = clean_application(draft, TODAY, VALUES)
    except InvalidForm as exc:
        assert exc.errors and all(
            isinstance(e, InvalidInput) and e.field == name for name, e in exc.errors.items()
        )
        return
    for name in TEXT_FIELDS:
        text = getattr(clean.draft, name)
        assert "\x00" not in text and len(text) <= 500


@PROPERTY
@given(position=st.integers(0, 16), delta=st.integers(1, 9))
def test_a_single_changed_digit_of_an_id_number_is_caught(position: int, delta: int) -> None:
    digits = list(PERSON_ID)
    digits[position] = str((int(digits[position]) + delta) % 10)
    changed = "".join(digits)
    with pytest.raises(InvalidInput) as caught:
        clean_id_number(changed, TODAY)
    assert caught.value.reason in {"id_checksum", "id_birth_date"}


def test_an_organisation_applies_with_person_fields_empty() -> None:
    clean = clean_application(organisation_new(), TODAY, VALUES)
    assert clean.draft.id_no == "" and clean.draft.applicant_type is ApplicantType.ORGANISATION
