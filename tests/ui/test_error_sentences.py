"""Every refusal and input rule the core can raise has its own sentence (no generic fallback)."""

import re
from pathlib import Path

import pytest

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import ActionRefused, ApprovalRequired, InvalidInput
from hallapp.domain.printouts import NoticeKind
from ui.errors import message_for

pytestmark = pytest.mark.ui
CORE = Path(__file__).resolve().parents[2] / "hallapp"
GENERIC = "操作未完成"


def raised(pattern: str) -> set[str]:
    found = set()
    for path in CORE.rglob("*.py"):
        found |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_every_refusal_has_a_sentence(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    reasons = raised(r'ActionRefused\(\s*"(\w+)"')
    reasons |= {f"{kind.value}_not_due" for kind in NoticeKind}  # built with an f-string
    assert "dues_changed" in reasons and len(reasons) > 15
    for reason in sorted(reasons):
        text = message_for(
            ActionRefused(
                reason,
                account_no="1",
                receipt_no="2",
                notice_no="3",
                day="4",
                balance="5",
                due="6",
                window_no=7,
                display_no="8",
                business_type="9",
                state="10",
                action="11",
                application_no="12",
                amount="13",
                name="14",
            )
        )
        assert GENERIC not in text, reason


def test_every_approval_reason_has_a_sentence(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    reasons = raised(r'ApprovalRequired\(\s*"(\w+)"')
    assert len(reasons) >= 4
    for reason in sorted(reasons):
        assert GENERIC not in message_for(ApprovalRequired(reason, code="91350100M000100Y43")), reason


def test_every_input_rule_of_the_payment_path_has_a_sentence(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    reasons = raised(r'InvalidInput\(\s*(?:"[\w.]+"|f"[^"]*"|\w+),\s*"(\w+)"')
    reasons |= {
        f"bad_{m.value}_reference" for m in (PaymentMethod.CARD, PaymentMethod.WECHAT, PaymentMethod.ALIPAY)
    }
    assert "less_than_amount" in reasons
    for reason in sorted(reasons):
        params = {
            "limit": 1,
            "amount": "¥1.00",
            "expected": 10,
            "length": 9,
            "other": "A",
            "minimum": 5,
            "maximum": 30,
            "count": 2,
            "account_no": "3200000001",
        }
        text = message_for(InvalidInput("x", reason, **params))
        assert GENERIC not in text, reason
