"""Today's morning at the demo hall, made through the services as the staff would make it: the guide
opens the queue at opening time and issues tickets; three clerks call, serve and finish them at their
windows (a few no-shows), customers rate them, some pay their bills, one application, consultations
and a complaint are taken at the counter. Everything happens between opening time and ``now``.

The history before today comes from ``accounts`` in bulk; this part is small (a few dozen tickets),
so it goes through the real queue, payment and service-desk rules, with the audit trail and outbox
they write.
"""

import heapq
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from hallapp.db.models import Account, Bill
from hallapp.demo import people
from hallapp.demo.applications import person_new
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.ids import new_id
from hallapp.domain.payments import PaymentRequest
from hallapp.domain.queue import TicketAction
from hallapp.domain.service_desk_form import ComplaintDraft, ConsultationDraft
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore

OPENING = time(8, 30)  # the guide opens the queue
LAST_ISSUE = time(17, 0)
WINDOW_CLERKS = {1: "C001", 3: "C002", 4: "C003"}  # window 2 is not staffed this morning
TYPES = (("payment", 0.62), ("business", 0.22), ("consult", 0.12), ("green", 0.04))
METHODS = ((PaymentMethod.CASH, 0.4), (PaymentMethod.WECHAT, 0.3), (PaymentMethod.ALIPAY, 0.2))
SCORES = (5, 5, 5, 5, 5, 5, 4, 4, 4, 3, 2)
BAD_REASONS = ("等候时间太长", "业务不熟练")
PRIORITY = ("elderly", "disabled")
QUESTIONS = (
    ("峰谷电价怎么申请？", "带身份证和户号到柜台办理，次月起按峰谷电价计费。"),
    ("电费可以在手机上交吗？", "可以，用“网上国网”或微信、支付宝生活缴费。"),
    ("阶梯电价第二档从多少度开始？", "年用电量 2760 度以上的部分按第二档计价。"),
)
SLACK = timedelta(minutes=1)  # nothing is recorded later than this before ``now``


@dataclass(order=True)
class _Event:
    at: datetime
    seq: int
    kind: str = field(compare=False)
    window: int = field(compare=False, default=0)
    ticket_id: str = field(compare=False, default="")
    business_type: str = field(compare=False, default="")


def fill_morning(path: Path, now: datetime, *, seed: int) -> None:
    """Today's activity in the demo database at ``path``, from opening time up to ``now`` (UTC).
    Nothing before opening time; after closing time the whole day is there."""
    today = now.astimezone(HALL_TZ).date()
    opening = datetime.combine(today, OPENING, HALL_TZ).astimezone(UTC)
    last_issue = datetime.combine(today, LAST_ISSUE, HALL_TZ).astimezone(UTC)
    end = min(now.astimezone(UTC) - SLACK, last_issue + timedelta(hours=1))
    if end <= opening + timedelta(minutes=10):
        return
    clock = FakeClock(opening)
    core = HallCore.open(path, clock=clock)
    try:
        _Morning(core, clock, random.Random(seed), end).run(min(last_issue, end - timedelta(minutes=20)))
    finally:
        core.close()


class _Morning:
    def __init__(self, core: HallCore, clock: FakeClock, rng: random.Random, end: datetime) -> None:
        self.core, self.clock, self.rng, self.end = core, clock, rng, end
        self.guide = core.auth.login("G001", DEMO_PASSWORD)
        self.clerks = {w: core.auth.login(no, DEMO_PASSWORD) for w, no in WINDOW_CLERKS.items()}
        self.events: list[_Event] = []
        self.seq = 0
        self.idle = set(WINDOW_CLERKS)
        self.accounts = _owing_accounts(core, rng)
        self.desk = 0  # consult tickets served: each a consultation, the second a complaint
        self.application_done = False

    def run(self, last_issue: datetime) -> None:
        start = self.clock.now()
        self.core.queue.set_queue_open(self.guide, True)
        at = start + timedelta(minutes=self.rng.randint(2, 6))
        while at <= last_issue:
            self._push(at, "arrive", business_type=_pick(self.rng, TYPES))
            at += timedelta(minutes=self.rng.randint(1, 6), seconds=self.rng.randint(0, 59))
        while self.events:
            event = heapq.heappop(self.events)
            if event.at > self.end:  # ``now`` comes first: whoever is still waiting waits on
                break
            self.clock.set(event.at)
            getattr(self, "_" + event.kind)(event)

    def _push(self, at: datetime, kind: str, **values: object) -> None:
        self.seq += 1
        heapq.heappush(self.events, _Event(at, self.seq, kind, **values))  # type: ignore[arg-type]

    def _later(self, minutes: tuple[float, float]) -> datetime:
        return self.clock.now() + timedelta(seconds=round(self.rng.uniform(*minutes) * 60))

    # -- the queue ----------------------------------------------------------------------------
    def _arrive(self, e: _Event) -> None:
        reason = self.rng.choice(PRIORITY) if self.rng.random() < 0.05 else None
        self.core.queue.issue(self.guide, e.business_type, priority_reason=reason)
        for window in sorted(self.idle):
            self.idle.discard(window)
            self._push(self._later((0.1, 0.5)), "call", window=window)

    def _call(self, e: _Event) -> None:
        ticket = self.core.queue.call_next(self.clerks[e.window], e.window)
        if ticket is None:
            self.idle.add(e.window)
        elif self.rng.random() < 0.06:
            self._push(self._later((1.5, 2.5)), "no_show", window=e.window, ticket_id=ticket.ticket_id)
        else:
            self._push(
                self._later((0.3, 1.0)),
                "start",
                window=e.window,
                ticket_id=ticket.ticket_id,
                business_type=ticket.business_type,
            )

    def _no_show(self, e: _Event) -> None:
        self.core.queue.act(self.clerks[e.window], e.ticket_id, TicketAction.NO_SHOW, e.window)
        self._push(self._later((0.2, 1.0)), "call", window=e.window)

    def _start(self, e: _Event) -> None:
        self.core.queue.act(self.clerks[e.window], e.ticket_id, TicketAction.START, e.window)
        handling = {"payment": (2, 5), "business": (6, 14), "consult": (3, 9), "green": (4, 10)}
        work = {"payment": "pay", "business": "apply", "consult": "desk"}.get(e.business_type)
        if work:
            self._push(self._later((1, 2)), work, window=e.window)
        self._push(
            self._later(handling.get(e.business_type, (3, 8))),
            "finish",
            window=e.window,
            ticket_id=e.ticket_id,
        )

    def _finish(self, e: _Event) -> None:
        clerk = self.clerks[e.window]
        self.core.queue.act(clerk, e.ticket_id, TicketAction.FINISH, e.window)
        if self.rng.random() < 0.8:
            score = self.rng.choice(SCORES)
            reason = self.rng.choice(BAD_REASONS) if score <= 2 else ""
            self.clock.advance(seconds=self.rng.randint(3, 20))
            self.core.queue.rate(clerk, e.ticket_id, score, reason)
        self._push(self._later((0.3, 1.5)), "call", window=e.window)

    # -- the business done at the counter -----------------------------------------------------
    def _pay(self, e: _Event) -> None:
        if not self.accounts or self.rng.random() < 0.15:  # asked about the bill, paid elsewhere
            return
        clerk = self.clerks[e.window]
        account_id = self.accounts.pop()
        due = self.core.payments.due(clerk, account_id)
        if due.total_fen <= 0:
            return
        method = _pick(self.rng, METHODS)
        request = PaymentRequest(
            request_id=new_id(),
            account_id=account_id,
            amount_fen=due.total_fen,
            method=method,
            expected_due_fen=due.total_fen,
            reference=_reference(self.rng, method),
            tendered_fen=_tendered(due.total_fen) if method is PaymentMethod.CASH else None,
        )
        self.core.payments.take(clerk, request)

    def _apply(self, e: _Event) -> None:
        if self.application_done:
            return
        self.application_done = True
        self.core.applications.submit(self.clerks[e.window], person_new(), request_id=new_id())

    def _desk(self, e: _Event) -> None:
        clerk, rng = self.clerks[e.window], self.rng
        self.desk += 1
        if self.desk == 2:
            draft = ComplaintDraft(
                "counter",
                "efficiency",
                people.person_name(rng),
                people.mobile(rng),
                "",
                "上次来办理过户等了一个多小时，窗口只开了两个。",
            )
            self.core.complaints.receive(clerk, draft, request_id=new_id())
            return
        question, answer = QUESTIONS[self.desk % len(QUESTIONS)]
        draft = ConsultationDraft("counter", people.person_name(rng), "", "", question, answer, True)
        self.core.consultations.record(clerk, draft, request_id=new_id())


def _owing_accounts(core: HallCore, rng: random.Random) -> list[str]:
    """Active accounts with something to pay, in a shuffled order."""
    with core.db.read() as s:
        ids = list(
            s.scalars(
                select(Account.account_id)
                .join(Bill, Bill.account_id == Account.account_id)
                .where(Account.status == "active", Bill.paid_fen < Bill.amount_fen)
                .group_by(Account.account_id)
                .order_by(Account.account_no)
                .limit(200)
            )
        )
    rng.shuffle(ids)
    return ids


def _pick(rng: random.Random, weighted):  # type: ignore[no-untyped-def]
    r = rng.random()
    for value, weight in weighted:
        r -= weight
        if r < 0:
            return value
    return weighted[-1][0]


def _reference(rng: random.Random, method: PaymentMethod) -> str:
    if method is PaymentMethod.WECHAT:
        return f"13{rng.randrange(10**16):016d}"
    if method is PaymentMethod.ALIPAY:
        return f"28{rng.randrange(10**16):016d}"
    return ""


def _tendered(amount_fen: int) -> int:
    """What the customer hands over: the amount rounded up to whole ten yuan."""
    return -(-amount_fen // 1000) * 1000
