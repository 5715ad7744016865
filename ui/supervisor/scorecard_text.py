"""How the scorecard reads on screen: item names, each item's figures and rule in one line, the
points, and the week's problems (every string translated, context "Scorecard")."""

from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.enums import LABELS as ENUM_LABELS
from hallapp.domain.scorecard_problems import Problem, ProblemKind
from hallapp.domain.scorecard_values import ClerkCard, Deduction, Item, ItemScore
from hallapp.domain.service_desk import LABELS as DESK_LABELS
from hallapp.domain.service_desk import ComplaintCause
from ui.widgets.formatting import money

translate = QCoreApplication.translate


def item_name(item: Item) -> str:
    return {
        Item.WAITS: translate("Scorecard", "Waiting time"),
        Item.HANDLING: translate("Scorecard", "Handling time"),
        Item.SATISFACTION: translate("Scorecard", "Satisfaction"),
        Item.COMPLAINTS: translate("Scorecard", "Complaints"),
        Item.ERRORS: translate("Scorecard", "Errors"),
        Item.FEES: translate("Scorecard", "Fees collected"),
    }[item]


def number(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    value = Decimal(value)
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value.normalize():f}"


def minutes(seconds: Decimal | int | None) -> str:
    return "—" if seconds is None else number((Decimal(seconds) / 60).quantize(Decimal("0.1")))


def item_points(score: ItemScore) -> str:
    return number(score.points) if score.scored else "—"


def total_text(card: ClerkCard) -> str:
    return number(card.total) if card.total is not None else translate("Scorecard", "Not scored")


def clerk_name(card: ClerkCard) -> str:
    name = card.name or card.staff_no
    return name if card.active else translate("Scorecard", "{name} (left)").format(name=name)


def figure_text(score: ItemScore) -> str:
    m = score.measure
    if score.item is Item.WAITS:
        return translate(
            "Scorecard", "Average wait {mean} min over {count} customer(s); {over} over {target} min"
        ).format(
            mean=minutes(m("mean_s")),
            count=m("counted"),
            over=m("over_target"),
            target=minutes(m("target_s")),
        )
    if score.item is Item.HANDLING:
        template = translate(
            "Scorecard",
            "Payments {pay} min ({pay_n}, limit {pay_limit}); business {biz} min ({biz_n}, limit {biz_limit})",
        )
        return template.format(
            pay=minutes(m("payment_mean_s")),
            pay_n=m("payment_count"),
            pay_limit=minutes(m("payment_limit_s")),
            biz=minutes(m("business_mean_s")),
            biz_n=m("business_count"),
            biz_limit=minutes(m("business_limit_s")),
        )
    if score.item is Item.SATISFACTION:
        return translate(
            "Scorecard", "{percent}% satisfied of {rated} rating(s) (target {target}%); {bad} bad"
        ).format(
            percent=number(m("satisfied_percent")), rated=m("rated"), target=m("target_percent"), bad=m("bad")
        )
    if score.item is Item.COMPLAINTS:
        return translate("Scorecard", "{count} complaint(s) about the clerk's service").format(
            count=m("complaints")
        )
    if score.item is Item.ERRORS:
        return translate(
            "Scorecard", "{reversals} reversal(s), {reprints} reprint(s), {cash} cash-up difference(s)"
        ).format(reversals=m("reversals"), reprints=m("reprints"), cash=m("cash_differences"))
    if not m("target_fen"):
        return translate("Scorecard", "No monthly fee target is set")
    return translate("Scorecard", "Collected {collected} of {target} ({percent}%)").format(
        collected=money(int(m("collected_fen") or 0)),
        target=money(int(m("target_fen") or 0)),
        percent=number(m("collected_percent")),
    )


def _deduction_text(d: Deduction) -> str:
    template = {
        "wait_over": translate("Scorecard", "average {units} min over the target"),
        "payment_handling_over": translate("Scorecard", "payments {units} min over the limit"),
        "business_handling_over": translate("Scorecard", "business {units} min over the limit"),
        "below_target": translate("Scorecard", "{units} percentage point(s) below the target"),
        "bad_rating": translate("Scorecard", "{units} bad rating(s)"),
        "complaint": translate("Scorecard", "{units} complaint(s)"),
        "reversal": translate("Scorecard", "{units} reversal(s)"),
        "reprint": translate("Scorecard", "{units} reprint(s)"),
        "cash_difference": translate("Scorecard", "{units} cash-up difference(s)"),
        "fee_short": translate("Scorecard", "{units}% short of the target"),
    }.get(d.reason, d.reason)
    return translate("Scorecard", "{what} × {rate} = −{points}").format(
        what=template.format(units=number(d.units)), rate=number(d.rate), points=number(d.points)
    )


def rule_text(score: ItemScore) -> str:
    if not score.scored:
        return translate("Scorecard", "Not scored this month: its weight goes to the other items")
    if not score.deductions:
        return translate("Scorecard", "Within target: full points")
    text = "; ".join(_deduction_text(d) for d in score.deductions)
    if sum(d.points for d in score.deductions) > score.weight:
        text += translate("Scorecard", " (no lower than 0)")
    return text


def problem_kind(kind: ProblemKind) -> str:
    return {
        ProblemKind.BAD_RATING: translate("Scorecard", "Bad rating"),
        ProblemKind.LONG_WAIT: translate("Scorecard", "Waited too long"),
        ProblemKind.OVERDUE_APPLICATION: translate("Scorecard", "Application overdue"),
        ProblemKind.CASH_DIFFERENCE: translate("Scorecard", "Cash-up difference"),
        ProblemKind.COMPLAINT: translate("Scorecard", "Complaint"),
    }[kind]


def _enum(kind: type[StrEnum], text: str, labels: dict) -> str:  # type: ignore[type-arg]
    """The translated label of ``text`` as a member of ``kind``; the text itself when it is none."""
    try:
        source = labels.get(kind(text))
    except ValueError:
        return text
    return translate("Enum", source) if source else text


def problem_text(p: Problem, type_names: dict[str, str] | None = None) -> str:
    if p.kind is ProblemKind.BAD_RATING:
        return translate("Scorecard", "Rated {score}: {reason}").format(score=p.value, reason=p.text or "—")
    if p.kind is ProblemKind.LONG_WAIT:
        return translate("Scorecard", "{type}: waited {minutes} min").format(
            type=(type_names or {}).get(p.text, p.text), minutes=minutes(p.value)
        )
    if p.kind is ProblemKind.OVERDUE_APPLICATION:
        kind = _enum(ApplicationKind, p.text, ENUM_LABELS)
        return translate("Scorecard", "{kind}: {days} day(s) past the committed date").format(
            kind=kind, days=p.value
        )
    if p.kind is ProblemKind.CASH_DIFFERENCE:
        return translate("Scorecard", "{amount} ({reason})").format(
            amount=money(p.value or 0), reason=p.text or "—"
        )
    return cause_label(p.text)


def who(staff_no: str, name: str) -> str:
    return f"{staff_no} {name}".strip() or "—"


def cause_label(cause: str) -> str:
    return _enum(ComplaintCause, cause, DESK_LABELS)


def application_kind(kind: str) -> str:
    return _enum(ApplicationKind, kind, ENUM_LABELS)


def application_stage(stage: str) -> str:
    return _enum(Stage, stage, ENUM_LABELS)


def ticket_text(type_name: str, seconds: int | None, rating: int | None, reason: str | None) -> str:
    """A ticket behind a figure: its type, the wait or handling that counted, its rating."""
    parts = [type_name]
    if seconds is not None:
        parts.append(translate("Scorecard", "{minutes} min").format(minutes=minutes(seconds)))
    if rating is not None:
        parts.append(
            translate("Scorecard", "rated {score} {reason}").format(score=rating, reason=reason or "").strip()
        )
    return " · ".join(parts)
