"""Rules that tie several settings together, checked on the whole set of values after a change.
Pure, so the hall PC and the central server refuse the same combinations."""

from collections.abc import Mapping
from typing import Any

from hallapp.domain.errors import InvalidInput
from hallapp.domain.settings_catalog import ORDERED_PAIRS

# The monthly scorecard's items (domain.scorecard.Item), in display order
SCORECARD_ITEMS = ("waits", "handling", "satisfaction", "complaints", "errors", "fees")
WEIGHT_KEYS = tuple(f"scorecard.weight_{item}" for item in SCORECARD_ITEMS)
WEIGHTS_TOTAL = 100  # 百分考核 (000:L189): the card is out of 100 points


def cross_setting_errors(values: Mapping[str, Any]) -> dict[str, InvalidInput]:
    """Every broken cross-setting rule in ``values`` (all the settings), by the key to mark."""
    errors: dict[str, InvalidInput] = {}
    for low, high in ORDERED_PAIRS:
        if values[low] > values[high]:
            errors[high] = InvalidInput(high, "order", other=low)
    total = sum(values[key] for key in WEIGHT_KEYS)
    if total != WEIGHTS_TOTAL:
        for key in WEIGHT_KEYS:
            errors[key] = InvalidInput(key, "weights_sum", total=total, required=WEIGHTS_TOTAL)
    return errors
