"""Render the supervisor's monthly scorecard offscreen in Chinese, after three weeks of made-up
counter work (tickets, ratings, payments, a reversal, a cash-up difference, complaints).

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_scorecard.py [--lang zh_CN]

Writes docs/screenshots/supervisor-scorecard-zh.png and supervisor-scorecard-week-zh.png.
"""

import argparse
import os
import random
import sys
import tempfile
from collections import deque
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import settle, shoot
from screenshots_till import owing_accounts

from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.ids import new_id
from hallapp.domain.payments import DENOMINATIONS_FEN, PaymentRequest
from hallapp.domain.queue import TicketAction
from hallapp.domain.service_desk_form import ComplaintDraft
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import make_application
from ui.ops import CoreOps
from ui.resources import install_language

PAGE = (1180, 720)
FIRST, LAST = date(2026, 11, 2), date(2026, 11, 20)
# (staff no, window, ticket type, handling minutes range, wait minutes range)
COUNTERS = (
    ("C001", 1, "payment", (2, 7), (3, 22)),
    ("C002", 2, "payment", (2, 5), (2, 12)),
    ("C003", 4, "business", (10, 26), (4, 18)),
)
BAD_REASONS = ("等候时间太长", "态度不耐烦", "解释不清楚")


def hall(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=HALL_TZ).astimezone(UTC)


def pay(core, clerk, due, method: PaymentMethod, amount: int):  # type: ignore[no-untyped-def]
    due = core.payments.due(clerk, due.account_id)
    reference = "" if method is PaymentMethod.CASH else f"13{random.randrange(10**16):016d}"
    request = PaymentRequest(
        request_id=new_id(),
        account_id=due.account_id,
        amount_fen=amount,
        method=method,
        expected_due_fen=due.total_fen,
        reference=reference,
        tendered_fen=amount if method is PaymentMethod.CASH else None,
    )
    return core.payments.take(clerk, request)


def a_day(core, clock, day: date, staff, accounts, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    clock.set(hall(day, 8, 40))
    core.queue.set_queue_open(staff["G001"], True)
    cash: dict[str, int] = {}
    reversed_ = False
    for round_no in range(5):
        for staff_no, window, kind, handle, wait in COUNTERS:
            clerk = staff[staff_no]
            ticket = core.queue.issue(staff["G001"], kind)
            clock.advance(minutes=rng.randint(*wait))
            core.queue.call_next(clerk, window)
            core.queue.act(clerk, ticket.ticket_id, TicketAction.START, window)
            clock.advance(minutes=rng.randint(*handle))
            due = owing(core, clerk, accounts) if kind == "payment" else None
            if due is not None:
                method = PaymentMethod.CASH if round_no == 0 else PaymentMethod.WECHAT
                amount = min(due.total_fen, rng.randint(30, 150) * 100) // 10 * 10
                paid = pay(core, clerk, due, method, amount)
                cash[staff_no] = cash.get(staff_no, 0) + (amount if method is PaymentMethod.CASH else 0)
                if (
                    staff_no == "C001"
                    and day.day % 6 == 0
                    and method is PaymentMethod.WECHAT
                    and not reversed_
                ):
                    reversed_ = True
                    core.reversals.reverse(
                        clerk,
                        paid.payment_id,
                        request_id=new_id(),
                        reason="缴错户号",
                        supervisor_staff_no="S001",
                        supervisor_password=DEMO_PASSWORD,
                    )
            core.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, window)
            score = rng.choices((5, 4, 3, 2, 1), weights=(70, 18, 6, 4, 2))[0]
            core.queue.rate(clerk, ticket.ticket_id, score, rng.choice(BAD_REASONS) if score <= 2 else "")
    for staff_no, amount in cash.items():
        short = 100 if (staff_no == "C002" and day == date(2026, 11, 18)) else 0
        core.shifts.close(staff[staff_no], pieces(amount - short), "找零时多找一元" if short else "")


def owing(core, clerk, accounts):  # type: ignore[no-untyped-def]
    """The next account that still owes at least 10 yuan, or None."""
    for _ in range(len(accounts)):
        due = core.payments.due(clerk, accounts[0].account_id)
        accounts.rotate(-1)
        if due.total_fen >= 1000:
            return due
    return None


def pieces(fen: int) -> dict[int, int]:
    """The notes and coins of ``fen`` in the drawer, largest first."""
    counted = {}
    for denomination in DENOMINATIONS_FEN:
        counted[denomination], fen = divmod(fen, denomination)
    return counted


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    app = make_application()
    install_language(app, args.lang)
    rng = random.Random(20261120)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        clock = FakeClock(hall(FIRST, 8, 0))
        build_demo_database(path, 400, clock=clock)
        core = HallCore.open(path, clock=clock)
        staff = {
            no: core.auth.login(no, DEMO_PASSWORD) for no in ("C001", "C002", "C003", "G001", "S001", "A001")
        }
        accounts = deque(owing_accounts(core, staff["C001"], 120))
        day = FIRST
        while day <= LAST:
            if day.weekday() < 5:
                a_day(core, clock, day, staff, accounts, rng)
            day += timedelta(days=1)
        clock.set(hall(LAST, 16, 0))
        for staff_no, cause in (("C003", "attitude"), ("C001", "power_quality"), ("C001", "efficiency")):
            draft = ComplaintDraft("counter", cause, "孙先生", "13912340001", "3200000001", "柜台服务问题。")
            core.complaints.receive(staff[staff_no], draft, request_id=new_id())
        core.settings.update(staff["A001"], {"scorecard.monthly_fee_target_fen": 1_500_000})
        clock.set(hall(LAST, 17, 0))
        ops = CoreOps(core)
        from ui.supervisor.scorecard_page import ScorecardPage

        page = ScorecardPage(ops, staff["S001"])
        page.show()
        settle(600)
        page._select("C001")
        settle(400)
        shoot(page, "supervisor-scorecard-zh", PAGE)
        page.tabs.setCurrentIndex(1)
        settle(600)
        shoot(page, "supervisor-scorecard-week-zh", PAGE)
        ops._pool.shutdown(wait=True)
        ops._net.shutdown(wait=True)
        core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
