"""The monthly 100-point scorecard per clerk (百分考核, 000:L189; docs/scorecard.md), from the daily
log of the month and the facts it was computed from. Pure: the hall PC and the central server
score the same way.

    card = month_scorecard(log, facts, rules, roster, year=2026, month=11, complete=True)

Each item starts at its weight and loses points by a linear rule, never below 0. An item with
nothing to measure (no waits, no ratings, no fee target) is not scored and its weight goes to the
clerk's other items; a clerk with no activity in the month is not scored at all.
"""

from collections.abc import Sequence
from decimal import Decimal

from hallapp.domain.kpi_facts import ClerkFact, DayFacts
from hallapp.domain.kpi_values import ClerkLog, DailyLog, DurationStats, Figures
from hallapp.domain.scorecard_rules import PERSONAL_CAUSES, ScorecardRules
from hallapp.domain.scorecard_values import (
    ClerkCard,
    Deduction,
    Item,
    ItemScore,
    Measure,
    MonthScorecard,
    Records,
    points,
)

__all__ = ["month_scorecard"]


def month_scorecard(
    log: DailyLog,
    facts: DayFacts,
    rules: ScorecardRules,
    roster: Sequence[ClerkFact],
    *,
    year: int,
    month: int,
    complete: bool,
) -> MonthScorecard:
    """Cards for every clerk in the log and every clerk of ``roster`` (those who should have worked)."""
    logs: dict[str, ClerkLog | None] = {c.staff_no: c for c in log.clerks}
    for clerk in roster:
        logs.setdefault(clerk.staff_no, None)
    names = {c.staff_no: c for c in (*facts.clerks, *roster)}
    cards = []
    for staff_no in sorted(logs):
        clerk_log = logs[staff_no]
        fact = names.get(staff_no, ClerkFact(staff_no, "", True))
        cards.append(_card(staff_no, fact, clerk_log, facts, rules))
    return MonthScorecard(year, month, log.first_day, log.last_day, complete, rules, tuple(cards))


def _card(
    staff_no: str, fact: ClerkFact, clerk_log: ClerkLog | None, facts: DayFacts, rules: ScorecardRules
) -> ClerkCard:
    name = clerk_log.name if clerk_log and clerk_log.name else fact.name
    active = clerk_log.active if clerk_log else fact.active
    if clerk_log is None or not _worked(clerk_log.figures):
        items = tuple(ItemScore(item, rules.weight(item), False, (), (), ()) for item in Item)
        return ClerkCard(staff_no, name, active, False, items, (), ())
    fig = clerk_log.figures
    complaints = tuple(c for c in facts.complaints if c.staff_no == staff_no and c.cause in PERSONAL_CAUSES)
    cash = fig.cash_up
    shifts = tuple(line for line in cash.shifts if line.difference_fen) if cash else ()
    items = (
        _waits(fig, rules),
        _handling(fig, facts, rules),
        _satisfaction(fig, rules),
        _complaints(complaints, rules),
        _errors(staff_no, shifts, facts, rules),
        _fees(fig, rules),
    )
    return ClerkCard(staff_no, name, active, True, items, complaints, shifts)


def _worked(fig: Figures) -> bool:
    t, money, apps = fig.tickets, fig.money, fig.applications
    return bool(
        t.served
        or t.waits.count
        or t.handling.count
        or t.no_shows
        or (money and (money.payments or money.reversals))
        or (apps and (apps.accepted or apps.completed))
        or fig.complaints
        or fig.consultations
    )


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _over_minutes(total_s: int, count: int, limit_minutes: int) -> int:
    """Whole minutes, rounded up, by which the mean of ``count`` durations exceeds the limit."""
    over = total_s - limit_minutes * 60 * count
    return _ceil_div(over, 60 * count) if over > 0 else 0


def _deduct(reason: str, units: int | Decimal, rate: int | Decimal) -> tuple[Deduction, ...]:
    if not units or not rate:
        return ()
    return (Deduction(reason, Decimal(units), Decimal(rate), points(Decimal(units) * Decimal(rate))),)


def _mean(total: int, count: int) -> Decimal | None:
    return points(Decimal(total) / count) if count else None


def _waits(fig: Figures, rules: ScorecardRules) -> ItemScore:
    waits, target = fig.tickets.waits, rules.wait_target_minutes
    minutes = _over_minutes(waits.total_s, waits.count, target) if waits.count else 0
    over = _over(waits, "over_target", lambda _id: target)
    return ItemScore(
        Item.WAITS,
        rules.weight(Item.WAITS),
        waits.count > 0,
        (
            Measure("mean_s", _mean(waits.total_s, waits.count), "s"),
            Measure("target_s", target * 60, "s"),
            Measure("counted", waits.count, "count"),
            Measure("over_target", len(over.ids), "count"),
        ),
        _deduct("wait_over", minutes, rules.wait_deduct_per_minute),
        (over, Records("ticket", "counted", _unique(waits.ticket_ids))),
    )


def _handling(fig: Figures, facts: DayFacts, rules: ScorecardRules) -> ItemScore:
    handling = fig.tickets.handling
    types = {t.ticket_id: t.business_type for t in facts.tickets}

    def is_payment(ticket_id: str) -> bool:
        return types.get(ticket_id) in rules.payment_ticket_types

    def limit(ticket_id: str) -> int:
        return rules.payment_handling_minutes if is_payment(ticket_id) else rules.business_handling_minutes

    pairs = list(zip(handling.ticket_ids, handling.seconds, strict=True))
    groups = {
        "payment": ([s for i, s in pairs if is_payment(i)], rules.payment_handling_minutes),
        "business": ([s for i, s in pairs if not is_payment(i)], rules.business_handling_minutes),
    }
    measures: list[Measure] = []
    deductions: list[Deduction] = []
    for group, (seconds, minutes) in groups.items():
        measures += [
            Measure(f"{group}_mean_s", _mean(sum(seconds), len(seconds)), "s"),
            Measure(f"{group}_limit_s", minutes * 60, "s"),
            Measure(f"{group}_count", len(seconds), "count"),
        ]
        over = _over_minutes(sum(seconds), len(seconds), minutes) if seconds else 0
        deductions += _deduct(f"{group}_handling_over", over, rules.handling_deduct_per_minute)
    return ItemScore(
        Item.HANDLING,
        rules.weight(Item.HANDLING),
        handling.count > 0,
        tuple(measures),
        tuple(deductions),
        (
            _over(handling, "over_limit", limit),
            Records("ticket", "handled", _unique(handling.ticket_ids)),
        ),
    )


def _over(stats: DurationStats, role: str, limit_minutes) -> Records:  # type: ignore[no-untyped-def]
    """The tickets with a duration over their limit, each with its longest such duration."""
    longest: dict[str, int] = {}
    for ticket_id, seconds in zip(stats.ticket_ids, stats.seconds, strict=True):
        if seconds > limit_minutes(ticket_id) * 60:
            longest[ticket_id] = max(seconds, longest.get(ticket_id, 0))
    return Records("ticket", role, tuple(longest), tuple(longest.values()))


def _unique(ids) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return tuple(dict.fromkeys(ids))


def _satisfaction(fig: Figures, rules: ScorecardRules) -> ItemScore:
    rated = fig.satisfaction.rated
    bad = [i for r in fig.satisfaction.distribution if r.score <= rules.bad_rating_max for i in r.ticket_ids]
    satisfied = rated - len(bad)
    short = rules.satisfaction_target_percent * rated - 100 * satisfied
    below = _ceil_div(short, rated) if rated and short > 0 else 0
    all_rated = [i for r in fig.satisfaction.distribution for i in r.ticket_ids]
    return ItemScore(
        Item.SATISFACTION,
        rules.weight(Item.SATISFACTION),
        rated > 0,
        (
            Measure(
                "satisfied_percent", points(Decimal(100 * satisfied) / rated) if rated else None, "percent"
            ),
            Measure("target_percent", rules.satisfaction_target_percent, "percent"),
            Measure("rated", rated, "count"),
            Measure("bad", len(bad), "count"),
        ),
        (
            *_deduct("below_target", below, rules.satisfaction_deduct_per_percent),
            *_deduct("bad_rating", len(bad), rules.deduct_per_bad_rating),
        ),
        (Records("ticket", "bad_ratings", _unique(bad)), Records("ticket", "rated", _unique(all_rated))),
    )


def _complaints(complaints, rules: ScorecardRules) -> ItemScore:  # type: ignore[no-untyped-def]
    return ItemScore(
        Item.COMPLAINTS,
        rules.weight(Item.COMPLAINTS),
        True,
        (Measure("complaints", len(complaints), "count"),),
        _deduct("complaint", len(complaints), rules.deduct_per_complaint),
        (Records("complaint", "attributed", tuple(c.complaint_id for c in complaints)),),
    )


def _errors(staff_no: str, shifts, facts: DayFacts, rules: ScorecardRules) -> ItemScore:  # type: ignore[no-untyped-def]
    takers = {
        p.payment_id: p.staff_no for p in facts.payments
    }  # a reversal is the error of who took the payment
    reversals = tuple(
        p.payment_id
        for p in facts.payments
        if p.is_reversal and takers.get(p.reverses_payment_id or "", p.staff_no) == staff_no
    )
    reprinted = _unique(r.payment_id for r in facts.reprints if r.staff_no == staff_no)
    reprints = sum(1 for r in facts.reprints if r.staff_no == staff_no)
    return ItemScore(
        Item.ERRORS,
        rules.weight(Item.ERRORS),
        True,
        (
            Measure("reversals", len(reversals), "count"),
            Measure("reprints", reprints, "count"),
            Measure("cash_differences", len(shifts), "count"),
        ),
        (
            *_deduct("reversal", len(reversals), rules.deduct_per_reversal),
            *_deduct("reprint", reprints, rules.deduct_per_reprint),
            *_deduct("cash_difference", len(shifts), rules.deduct_per_cash_difference),
        ),
        (
            Records("payment", "reversals", reversals),
            Records("payment", "reprinted", reprinted),
            Records("shift", "cash_differences", tuple(s.shift_id for s in shifts)),
        ),
    )


def _fees(fig: Figures, rules: ScorecardRules) -> ItemScore:
    money, target, weight = fig.money, rules.monthly_fee_target_fen, rules.weight(Item.FEES)
    took = bool(money and (money.payments or money.reversals))
    collected = money.net_fen if money else 0
    scored = target > 0 and took
    short = max(0, target - collected) if scored else 0
    percent_short = Decimal(100 * short) / target if scored else Decimal(0)
    return ItemScore(
        Item.FEES,
        weight,
        scored,
        (
            Measure("collected_fen", collected, "fen"),
            Measure("target_fen", target, "fen"),
            Measure(
                "collected_percent", points(Decimal(100 * collected) / target) if target else None, "percent"
            ),
        ),
        _deduct("fee_short", points(percent_short), Decimal(weight) / 100),
        (Records("payment", "collected", (*money.payments, *money.reversals) if money else ()),),
    )
