"""A business day at the demo hall made through the services, for the daily log's page, exports and
screenshots: tickets at four windows over the day, no-shows, a transfer, ratings (two bad ones),
payments in several methods, a reversal, a cash-up with a difference, applications, a consultation."""

import random
from dataclasses import dataclass, field

from hallapp.demo.applications import person_new
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.ids import new_id
from hallapp.domain.queue import TicketAction
from tests.core.accounts_for_tests import make_account, pay
from tests.core.test_consultation_service import ASKED
from tests.core.test_payment_service import TWO_BILLS
from tests.core.test_reversal_service import at_counter

WINDOW_CLERKS = {1: "C001", 2: "C002", 3: "C003", 4: "C002"}
TYPES = ("payment", "payment", "payment", "business", "consult")
BAD_REASONS = ("等候时间太长", "业务不熟练")
METHODS = ("cash", "cash", "wechat", "alipay", "card")
REFERENCES = {"wechat": "134567890123456789", "alipay": "2800112022001401234567", "card": "6222021234567890"}


@dataclass
class Day:
    """What was made: ticket ids by what happened to them, payments, applications."""

    served: list[str] = field(default_factory=list)
    no_shows: list[str] = field(default_factory=list)
    transferred: list[str] = field(default_factory=list)
    payments: list[str] = field(default_factory=list)
    reversals: list[str] = field(default_factory=list)
    applications: list[str] = field(default_factory=list)
    by_window: dict[int, list[str]] = field(default_factory=dict)


def busy_day(core, clock, *, customers: int = 24, seed: int = 7) -> Day:  # type: ignore[no-untyped-def]
    """``customers`` tickets from the clock's time on, a few minutes apart, served at four windows."""
    rnd = random.Random(seed)
    guide = core.auth.login("G001", DEMO_PASSWORD)
    clerks = {no: core.auth.login(no, DEMO_PASSWORD) for no in set(WINDOW_CLERKS.values())}
    core.queue.set_queue_open(guide, True)
    day = Day()
    for _ in range(2):
        core.queue.issue(guide, rnd.choice(TYPES))
    for n in range(customers - 2):
        clock.advance(minutes=rnd.randint(2, 7))
        core.queue.issue(guide, rnd.choice(TYPES))
        window = n % 4 + 1
        _serve_one(core, clock, rnd, window, clerks[WINDOW_CLERKS[window]], day)
        if n == 6:
            core.queue.set_window_paused(clerks["C001"], 1, True)
            clock.advance(minutes=12)
            core.queue.set_window_paused(clerks["C001"], 1, False)
    for window in (1, 2, 3, 4):
        while _serve_one(core, clock, rnd, window, clerks[WINDOW_CLERKS[window]], day):
            pass
    _money_and_paperwork(core, clerks, day)
    return day


def _serve_one(core, clock, rnd, window: int, clerk, day: Day) -> bool:  # type: ignore[no-untyped-def]
    ticket = core.queue.call_next(clerk, window)
    if ticket is None:
        return False
    if rnd.random() < 0.08:
        clock.advance(minutes=2)
        core.queue.act(clerk, ticket.ticket_id, TicketAction.NO_SHOW, window)
        day.no_shows.append(ticket.ticket_id)
        return True
    if window == 3 and not day.transferred and ticket.business_type == "business":
        clock.advance(minutes=2)
        core.queue.transfer(clerk, ticket.ticket_id, 3, to_window=4)
        day.transferred.append(ticket.ticket_id)
        return True
    core.queue.act(clerk, ticket.ticket_id, TicketAction.START, window)
    clock.advance(minutes=rnd.randint(1, 4), seconds=rnd.randint(0, 59))
    core.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, window)
    day.served.append(ticket.ticket_id)
    day.by_window.setdefault(window, []).append(ticket.ticket_id)
    score = rnd.choice((5, 5, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1)) if rnd.random() < 0.8 else None
    if score is not None:
        reason = rnd.choice(BAD_REASONS) if score <= 2 else ""
        core.queue.rate(clerk, ticket.ticket_id, score, reason)
    return True


def _money_and_paperwork(core, clerks, day: Day) -> None:  # type: ignore[no-untyped-def]
    for n, method in enumerate(METHODS * 2):
        clerk = clerks["C001" if n % 2 == 0 else "C002"]
        account_id = make_account(core, TWO_BILLS)
        amount = 10000 + 2500 * n
        paid = pay(core, clerk, account_id, amount, method, reference=REFERENCES.get(method, ""))
        day.payments.append(paid.payment_id)
    reversal = at_counter(core, clerks["C002"], day.payments[1])
    day.reversals.append(reversal.payment_id)
    cash = sum(10000 + 2500 * n for n, m in enumerate(METHODS * 2) if m == "cash" and n % 2 == 0)
    core.shifts.close(clerks["C001"], {10000: cash // 10000, 100: (cash % 10000) // 100 + 1}, "多收一元")
    for _ in range(2):
        submitted = core.applications.submit(clerks["C003"], person_new(), request_id=new_id())
        day.applications.append(submitted.application_id)
    core.consultations.record(clerks["C003"], ASKED, request_id=new_id())
