"""The settings catalog: every default parses, each kind validates, nothing but InvalidInput escapes."""

import json
from datetime import time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hallapp.domain.errors import InvalidInput
from hallapp.domain.settings_catalog import BY_KEY, CATALOG, Kind, SettingDef, default_value
from hallapp.services.settings_service import ORDERED_PAIRS
from tests.core.helpers import PROPERTY


def _defs(kind: Kind) -> list[SettingDef]:
    return [d for d in CATALOG if d.kind is kind]


def _reason(definition: SettingDef, raw: Any) -> str:
    with pytest.raises(InvalidInput) as info:
        definition.parse(raw)
    assert info.value.field == definition.key
    return info.value.reason


def test_catalog_covers_every_kind_and_keys_are_unique() -> None:
    assert len(BY_KEY) == len(CATALOG)
    assert {d.kind for d in CATALOG} == set(Kind)


@pytest.mark.parametrize("definition", CATALOG, ids=lambda d: d.key)
def test_every_default_parses_and_is_within_its_range(definition: SettingDef) -> None:
    value = definition.parse(definition.default)
    assert value == default_value(definition.key)
    if definition.minimum is not None and definition.kind is not Kind.TEXT:
        assert value >= definition.minimum
    if definition.maximum is not None:
        assert value <= definition.maximum


@pytest.mark.parametrize("definition", CATALOG, ids=lambda d: d.key)
def test_every_setting_says_where_its_default_comes_from(definition: SettingDef) -> None:
    assert definition.source.strip()
    assert definition.label.strip()
    assert definition.key == definition.key.strip().lower()


@pytest.mark.parametrize("definition", CATALOG, ids=lambda d: d.key)
def test_json_round_trip_of_the_default(definition: SettingDef) -> None:
    value = definition.parse(definition.default)
    stored = json.loads(json.dumps(definition.to_json(value), ensure_ascii=False))
    assert definition.from_json(stored) == value


def test_defaults_respect_the_ordered_pairs() -> None:
    for low, high in ORDERED_PAIRS:
        assert default_value(low) <= default_value(high)


# --- INT ---------------------------------------------------------------------------------------

INTS = _defs(Kind.INT)


@pytest.mark.parametrize("definition", INTS, ids=lambda d: d.key)
def test_int_bounds_are_inclusive(definition: SettingDef) -> None:
    assert definition.parse(str(definition.minimum)) == definition.minimum
    assert definition.parse(definition.maximum) == definition.maximum
    assert _reason(definition, definition.minimum - 1) == "below_minimum"
    assert _reason(definition, definition.maximum + 1) == "above_maximum"


@pytest.mark.parametrize("raw", ["3.5", "abc", "1e2", "0x10", "True", [5], {"v": 5}, b"5", 3.0, "５x"])
def test_int_rejects_other_types(raw: Any) -> None:
    assert _reason(BY_KEY["queue.priority_ratio"], raw) == "not_an_integer"


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_int_rejects_empty(raw: Any) -> None:
    assert _reason(BY_KEY["queue.priority_ratio"], raw) == "empty"


def test_int_accepts_full_width_digits_and_spaces() -> None:
    assert BY_KEY["queue.priority_ratio"].parse(" １２ ") == 12
    assert BY_KEY["penalty.minimum_fen"].parse(0) == 0


def test_int_rejects_absurdly_long_numbers() -> None:
    assert _reason(BY_KEY["payments.max_amount_fen"], "1" * 13) == "not_an_integer"


# --- DECIMAL -----------------------------------------------------------------------------------

RATE = BY_KEY["penalty.resident_permille_per_day"]


def test_decimal_parses_exactly() -> None:
    assert RATE.parse("1.5") == Decimal("1.5")
    assert RATE.parse("１.２５") == Decimal("1.25")
    assert RATE.parse(2) == Decimal(2)
    assert RATE.to_json(Decimal("1.50")) == "1.50"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("3.01", "above_maximum"),
        ("-0.01", "below_minimum"),
        ("1e1", "above_maximum"),
        ("NaN", "not_a_number"),
        ("Infinity", "not_a_number"),
        ("abc", "not_a_number"),
        ("1,5", "not_a_number"),
        ("0." + "0" * 30, "not_a_number"),
        ("", "empty"),
        (None, "empty"),
    ],
)
def test_decimal_rejects(raw: Any, reason: str) -> None:
    assert _reason(RATE, raw) == reason


def test_decimal_bounds_are_inclusive() -> None:
    assert RATE.parse("0") == 0
    assert RATE.parse("3") == 3


# --- TIME --------------------------------------------------------------------------------------

OPENING = BY_KEY["hall.opening_time"]


@pytest.mark.parametrize(
    ("raw", "value"),
    [("08:30", time(8, 30)), ("8:05", time(8, 5)), ("８：３０", time(8, 30)), (" 23:59 ", time(23, 59))],
)
def test_time_parses(raw: str, value: time) -> None:
    assert OPENING.parse(raw) == value
    assert OPENING.to_json(value) == value.strftime("%H:%M")


@pytest.mark.parametrize("raw", ["24:00", "8:60", "8", "8:30:00", "abc", "-1:30", "8.30", 830, "٨:٣٠x"])
def test_time_rejects(raw: Any) -> None:
    assert _reason(OPENING, raw) == "not_a_time"


def test_time_rejects_empty() -> None:
    assert _reason(OPENING, "") == "empty"


# --- BOOL --------------------------------------------------------------------------------------

FLAG = BY_KEY["penalty.before_principal"]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (True, True),
        (False, False),
        ("是", True),
        ("否", False),
        ("YES", True),
        ("off", False),
        (1, True),
        (0, False),
    ],
)
def test_bool_parses(raw: Any, value: bool) -> None:
    assert FLAG.parse(raw) is value


@pytest.mark.parametrize("raw", ["maybe", "", None, 2, "真", [True]])
def test_bool_rejects(raw: Any) -> None:
    assert _reason(FLAG, raw) == "not_a_bool"


# --- TEXT --------------------------------------------------------------------------------------

HALL_NAME = BY_KEY["hall.name"]
ADDRESS = BY_KEY["hall.address"]


def test_text_is_normalised() -> None:
    assert HALL_NAME.parse("  城东　供电营业厅 ") == "城东 供电营业厅"
    assert HALL_NAME.parse("ＡＢ营业厅") == "AB营业厅"
    assert ADDRESS.parse("第一行\n第二行") == "第一行 第二行"  # a newline is allowed and folded


def test_text_required_and_optional() -> None:
    assert _reason(HALL_NAME, "") == "empty"
    assert _reason(HALL_NAME, "   ") == "empty"
    assert ADDRESS.parse("") == ""


def test_text_length_limit() -> None:
    assert ADDRESS.parse("路" * ADDRESS.max_length) == "路" * ADDRESS.max_length
    with pytest.raises(InvalidInput) as info:
        ADDRESS.parse("路" * (ADDRESS.max_length + 1))
    assert info.value.reason == "too_long"
    assert info.value.params["limit"] == ADDRESS.max_length


@pytest.mark.parametrize("raw", ["城东\x00", "\x1b[2J", "城东\u202e", "a\tb", "\ufeff城东"])
def test_text_rejects_control_characters(raw: str) -> None:
    assert _reason(HALL_NAME, raw) == "control_chars"


# --- arbitrary input ---------------------------------------------------------------------------

NON_INT = [d for d in CATALOG if d.kind is not Kind.INT]


@PROPERTY
@given(st.sampled_from(NON_INT), st.text(max_size=40))
def test_arbitrary_text_only_raises_invalid_input(definition: SettingDef, raw: str) -> None:
    try:
        definition.parse(raw)
    except InvalidInput as exc:
        assert exc.field == definition.key


@PROPERTY
@given(st.sampled_from(INTS), st.text(max_size=40))
@example(BY_KEY["queue.priority_ratio"], "--5")
@example(BY_KEY["queue.priority_ratio"], "፩")
def test_arbitrary_text_only_raises_invalid_input_for_int_settings(definition: SettingDef, raw: str) -> None:
    try:
        definition.parse(raw)
    except InvalidInput as exc:
        assert exc.field == definition.key


@PROPERTY
@given(
    st.sampled_from(CATALOG),
    st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.lists(st.integers())),
)
def test_arbitrary_non_text_values_only_raise_invalid_input(definition: SettingDef, raw: Any) -> None:
    try:
        definition.parse(raw)
    except InvalidInput as exc:
        assert exc.field == definition.key
