"""The stages an application goes through (DOMAIN_RULES R1.1, R1.4) and the working-day limit of
each stage (R2.1, R2.2: settings ``limits.*``). Issue 5 groundwork: pure rules, no storage.

新装/增容 (low voltage): 受理 → 勘查 → 答复供电方案 → 收费 → [竣工检验, non-residents] → 签合同 →
装表接电 → 归档. 更名/过户: 受理 → 欠费核查 → 签合同 → 变更档案 → 归档. Any open application can be
returned (资料不全: it goes back to 受理 when the customer brings the rest) or cancelled (撤销).
"""

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from hallapp.domain.calendar import DayKind, add_working_days
from hallapp.domain.errors import ActionRefused


class ApplicationKind(StrEnum):
    RESIDENT_NEW = "resident_new"  # 低压居民新装
    NON_RESIDENT_NEW = "non_resident_new"  # 低压非居民新装
    RESIDENT_INCREASE = "resident_increase"  # 低压居民增容
    NON_RESIDENT_INCREASE = "non_resident_increase"  # 低压非居民增容
    NAME_CHANGE = "name_change"  # 更名
    TRANSFER = "transfer"  # 过户


class Stage(StrEnum):
    ACCEPTED = "accepted"  # 受理
    SURVEY = "survey"  # 勘查
    PLAN = "plan"  # 答复供电方案
    FEES = "fees"  # 收费
    INSPECTION = "inspection"  # 竣工检验 (non-residents)
    ARREARS_CHECK = "arrears_check"  # 欠费核查 (更名/过户)
    CONTRACT = "contract"  # 签合同
    RECORDS = "records"  # 变更档案 (更名/过户)
    CONNECTED = "connected"  # 装表接电
    ARCHIVED = "archived"  # 归档
    RETURNED = "returned"  # 退回/资料不全
    CANCELLED = "cancelled"  # 撤销


_S = Stage
_CONNECTION = (_S.ACCEPTED, _S.SURVEY, _S.PLAN, _S.FEES, _S.CONTRACT, _S.CONNECTED, _S.ARCHIVED)
_NON_RESIDENT = (
    _S.ACCEPTED,
    _S.SURVEY,
    _S.PLAN,
    _S.FEES,
    _S.INSPECTION,
    _S.CONTRACT,
    _S.CONNECTED,
    _S.ARCHIVED,
)
_CHANGE = (_S.ACCEPTED, _S.ARREARS_CHECK, _S.CONTRACT, _S.RECORDS, _S.ARCHIVED)
FLOWS: dict[ApplicationKind, tuple[Stage, ...]] = {
    ApplicationKind.RESIDENT_NEW: _CONNECTION,
    ApplicationKind.RESIDENT_INCREASE: _CONNECTION,
    ApplicationKind.NON_RESIDENT_NEW: _NON_RESIDENT,
    ApplicationKind.NON_RESIDENT_INCREASE: _NON_RESIDENT,
    ApplicationKind.NAME_CHANGE: _CHANGE,
    ApplicationKind.TRANSFER: _CHANGE,
}
CLOSED = frozenset({Stage.ARCHIVED, Stage.CANCELLED})


class Hold(StrEnum):
    """Why an application waits in 受理 for a supervisor (``application.hold``)."""

    CREDIT_CODE_PENDING = "credit_code_pending"  # the override is in the supervisor's queue
    CREDIT_CODE_REFUSED = "credit_code_refused"  # refused: the clerk corrects the credit code


HOLD_REASONS = {
    Hold.CREDIT_CODE_PENDING: "credit_code_unconfirmed",
    Hold.CREDIT_CODE_REFUSED: "credit_code_refused",
}
WHILE_HELD = frozenset({Stage.ACCEPTED, Stage.RETURNED, Stage.CANCELLED})  # never past 受理
RESIDENT = frozenset({ApplicationKind.RESIDENT_NEW, ApplicationKind.RESIDENT_INCREASE})


def allowed_next(kind: ApplicationKind, stage: Stage, hold: str | None = None) -> tuple[Stage, ...]:
    """Where an application of ``kind`` may go from ``stage``: the next step of its flow, back to the
    customer (退回), or cancelled; a returned one comes back to 受理 or is cancelled. A held one
    does not go past 受理."""
    if hold:
        return tuple(s for s in allowed_next(kind, stage) if s in WHILE_HELD)
    if stage in CLOSED:
        return ()
    if stage is Stage.RETURNED:
        return (Stage.ACCEPTED, Stage.CANCELLED)
    flow = FLOWS[kind]
    following = flow[flow.index(stage) + 1]
    return (following,) if following is Stage.ARCHIVED else (following, Stage.RETURNED, Stage.CANCELLED)


def advance(
    kind: ApplicationKind, stage: Stage, to: Stage, *, hold: str | None = None, number: str = ""
) -> Stage:
    """``to`` if the flow allows it, else ActionRefused naming both stages (checked in the service);
    a held application is refused with the hold's own reason."""
    if hold and to not in WHILE_HELD and to in allowed_next(kind, stage):
        raise ActionRefused(HOLD_REASONS.get(hold, "application_held"), application_no=number)
    if to not in allowed_next(kind, stage, hold):
        raise ActionRefused("stage_transition", stage=stage.value, to=to.value)
    return to


def stage_limit_days(kind: ApplicationKind, stage: Stage, values: Mapping[str, Any]) -> int | None:
    """Working days the utility has for reaching ``stage`` (None: no published limit for it)."""
    resident = kind in RESIDENT
    if stage is Stage.PLAN and kind not in (ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER):
        return values["limits.resident_plan_reply_days" if resident else "limits.low_voltage_plan_reply_days"]
    if stage is Stage.INSPECTION:
        return values["limits.inspection_days"]
    if stage is Stage.CONNECTED:
        return values["limits.resident_connect_days" if resident else "limits.low_voltage_connect_days"]
    return None


def total_limit_days(kind: ApplicationKind, values: Mapping[str, Any]) -> int | None:
    """The whole process (十项承诺 第六条): residents ≤5, other low voltage ≤6 working days."""
    if kind in (ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER):
        return None
    return values["limits.resident_total_days" if kind in RESIDENT else "limits.low_voltage_total_days"]


OPEN_CLOCK_STOPPED = frozenset({Stage.RETURNED})  # the customer's turn: no deadline runs


def next_stage(kind: ApplicationKind, stage: Stage) -> Stage | None:
    """The step after ``stage`` in the flow of ``kind`` (None when closed or returned)."""
    if stage in CLOSED or stage in OPEN_CLOCK_STOPPED:
        return None
    flow = FLOWS[kind]
    return flow[flow.index(stage) + 1]


def due_dates(
    kind: ApplicationKind,
    stage: Stage,
    *,
    accepted_on: date,
    stage_since: date,
    values: Mapping[str, Any],
    calendar: Mapping[date, DayKind],
) -> tuple[date | None, date | None]:
    """(whole-process due date, the date the running stage must be done by), in working days.

    The running stage's date is the earlier of the whole-process limit and the next published limit:
    the plan reply counted from acceptance; any other limit (竣工检验, 装表接电) counted from when the
    stage before it started. None where nothing applies.
    """
    total = total_limit_days(kind, values)
    total_due = add_working_days(accepted_on, total, calendar) if total is not None else None
    following = next_stage(kind, stage)
    if following is None:
        return total_due, None
    flow = FLOWS[kind]
    plan_days = stage_limit_days(kind, Stage.PLAN, values)
    if plan_days is not None and flow.index(stage) < flow.index(Stage.PLAN):
        # 答复供电方案 counts from acceptance (《供电监管办法》第十七条), whatever the survey takes.
        stage_due = add_working_days(accepted_on, plan_days, calendar)
    else:
        limit = stage_limit_days(kind, following, values)
        stage_due = add_working_days(stage_since, limit, calendar) if limit is not None else None
    candidates = [d for d in (stage_due, total_due) if d is not None]
    return total_due, min(candidates) if candidates else None
