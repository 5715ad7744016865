"""Application stages (issue 5 groundwork): the flows of R1.1/R1.4 and their working-day limits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallapp.domain.application_flow import (
    CLOSED,
    FLOWS,
    ApplicationKind,
    Stage,
    advance,
    allowed_next,
    stage_limit_days,
    total_limit_days,
)
from hallapp.domain.errors import ActionRefused
from hallapp.domain.settings_catalog import CATALOG
from tests.core.helpers import PROPERTY

DEFAULTS = {d.key: d.default for d in CATALOG}


def walk(kind: ApplicationKind) -> list[Stage]:
    stage, seen = Stage.ACCEPTED, [Stage.ACCEPTED]
    while stage is not Stage.ARCHIVED:
        stage = advance(kind, stage, allowed_next(kind, stage)[0])
        seen.append(stage)
    return seen


def test_each_kind_walks_its_published_flow() -> None:
    assert walk(ApplicationKind.RESIDENT_NEW) == list(FLOWS[ApplicationKind.RESIDENT_NEW])
    assert Stage.INSPECTION in walk(ApplicationKind.NON_RESIDENT_NEW)  # 竣工检验 for non-residents only
    assert Stage.INSPECTION not in walk(ApplicationKind.RESIDENT_INCREASE)
    assert walk(ApplicationKind.TRANSFER) == [
        Stage.ACCEPTED,
        Stage.ARREARS_CHECK,
        Stage.CONTRACT,
        Stage.RECORDS,
        Stage.ARCHIVED,
    ]


def test_illegal_moves_are_refused() -> None:
    for stage, to in (
        (Stage.ACCEPTED, Stage.CONNECTED),
        (Stage.ARCHIVED, Stage.RETURNED),
        (Stage.CANCELLED, Stage.ACCEPTED),
    ):
        with pytest.raises(ActionRefused) as exc:
            advance(ApplicationKind.RESIDENT_NEW, stage, to)
        assert exc.value.reason == "stage_transition"


def test_returned_comes_back_to_acceptance_or_is_cancelled() -> None:
    returned = advance(ApplicationKind.NON_RESIDENT_NEW, Stage.SURVEY, Stage.RETURNED)
    assert allowed_next(ApplicationKind.NON_RESIDENT_NEW, returned) == (Stage.ACCEPTED, Stage.CANCELLED)


def test_limits_come_from_the_settings() -> None:
    assert stage_limit_days(ApplicationKind.RESIDENT_NEW, Stage.PLAN, DEFAULTS) == 3
    assert stage_limit_days(ApplicationKind.NON_RESIDENT_NEW, Stage.PLAN, DEFAULTS) == 8
    assert stage_limit_days(ApplicationKind.NON_RESIDENT_NEW, Stage.INSPECTION, DEFAULTS) == 5
    assert stage_limit_days(ApplicationKind.RESIDENT_NEW, Stage.CONNECTED, DEFAULTS) == 3
    assert stage_limit_days(ApplicationKind.TRANSFER, Stage.PLAN, DEFAULTS) is None
    assert total_limit_days(ApplicationKind.RESIDENT_NEW, DEFAULTS) == 5
    assert total_limit_days(ApplicationKind.NAME_CHANGE, DEFAULTS) is None
    assert (
        stage_limit_days(
            ApplicationKind.RESIDENT_NEW, Stage.PLAN, DEFAULTS | {"limits.resident_plan_reply_days": 2}
        )
        == 2
    )


@PROPERTY
@given(st.sampled_from(list(ApplicationKind)), st.lists(st.integers(0, 2), max_size=30))
def test_random_walks_never_leave_the_flow_or_a_closed_state(kind, picks) -> None:  # type: ignore[no-untyped-def]
    stage = Stage.ACCEPTED
    for pick in picks:
        options = allowed_next(kind, stage)
        if not options:
            assert stage in CLOSED
            break
        stage = advance(kind, stage, options[pick % len(options)])
        assert stage in (*FLOWS[kind], Stage.RETURNED, Stage.CANCELLED)
