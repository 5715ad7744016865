"""The settings the monthly scorecard reads (docs/scorecard.md), as one plain value."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hallapp.domain.service_desk import ComplaintCause
from hallapp.domain.settings_rules import SCORECARD_ITEMS

# Complaints about the clerk's own conduct count on their card; power quality and inconvenience
# (facilities, rules) are the hall's and the company's, not the clerk's (causes of 000:L75).
PERSONAL_CAUSES = frozenset(
    {
        ComplaintCause.ATTITUDE,
        ComplaintCause.EFFICIENCY,
        ComplaintCause.WORK_QUALITY,
        ComplaintCause.VERBAL_SKILL,
    }
)


@dataclass(frozen=True)
class ScorecardRules:
    weights: tuple[tuple[str, int], ...]  # (item, points) in SCORECARD_ITEMS order
    wait_target_minutes: int
    wait_deduct_per_minute: int
    payment_handling_minutes: int
    business_handling_minutes: int
    handling_deduct_per_minute: int
    payment_ticket_types: frozenset[str]
    bad_rating_max: int
    satisfaction_target_percent: int
    satisfaction_deduct_per_percent: int
    deduct_per_bad_rating: int
    deduct_per_complaint: int
    deduct_per_reversal: int
    deduct_per_reprint: int
    deduct_per_cash_difference: int
    monthly_fee_target_fen: int  # 0: fees are not scored

    def weight(self, item: str) -> int:
        return dict(self.weights)[item]


def scorecard_rules(values: Mapping[str, Any], bad_rating_max: int) -> ScorecardRules:
    """The rules from the effective settings (``SettingsService.values()`` or the central copy)."""
    kinds = frozenset(
        code.strip() for code in values["scorecard.payment_ticket_types"].split(",") if code.strip()
    )
    return ScorecardRules(
        weights=tuple((item, values[f"scorecard.weight_{item}"]) for item in SCORECARD_ITEMS),
        wait_target_minutes=values["queue.wait_target_minutes"],
        wait_deduct_per_minute=values["scorecard.wait_deduct_per_minute"],
        payment_handling_minutes=values["limits.payment_handling_minutes"],
        business_handling_minutes=values["limits.business_handling_minutes"],
        handling_deduct_per_minute=values["scorecard.handling_deduct_per_minute"],
        payment_ticket_types=kinds,
        bad_rating_max=bad_rating_max,
        satisfaction_target_percent=values["scorecard.satisfaction_target_percent"],
        satisfaction_deduct_per_percent=values["scorecard.satisfaction_deduct_per_percent"],
        deduct_per_bad_rating=values["scorecard.deduct_per_bad_rating"],
        deduct_per_complaint=values["scorecard.deduct_per_complaint"],
        deduct_per_reversal=values["scorecard.deduct_per_reversal"],
        deduct_per_reprint=values["scorecard.deduct_per_reprint"],
        deduct_per_cash_difference=values["scorecard.deduct_per_cash_difference"],
        monthly_fee_target_fen=values["scorecard.monthly_fee_target_fen"],
    )
