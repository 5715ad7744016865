"""Random sequences of guide and clerk actions on the queue; after every step the queue is consistent:
one customer per window at most, numbers never repeated, every ticket's history gap-free, and the
board counts what the tickets say. Refusals are fine (the rules say no); a broken invariant is not."""

import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select

from hallapp.db.models import Ticket, TicketEvent
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.queue import TicketAction
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore

TYPES = ("payment", "business", "consult", "green")
WINDOWS = (1, 2, 3, 4)
ACTIONS_BY_NAME = {
    a.value: a
    for a in (
        TicketAction.RECALL,
        TicketAction.START,
        TicketAction.NO_SHOW,
        TicketAction.PARK,
        TicketAction.FINISH,
    )
}
# What a clerk does, weighted like a day at the counter: mostly calls and the actions on a customer.
COUNTER_STEPS = (
    "call",
    "call",
    "call",
    *ACTIONS_BY_NAME,
    "start",
    "finish",
    "transfer",
    "elsewhere",
    "pause",
    "resume_parked",
)


def queue_machine(template: Path, workdir: Path) -> type:
    class QueueMachine(RuleBasedStateMachine):
        @initialize()
        def open_hall(self) -> None:
            path = workdir / f"hall-{id(self)}.sqlite"
            shutil.copy(template, path)
            self.clock = FakeClock(datetime(2026, 11, 20, 1, 30, tzinfo=UTC))
            self.core = HallCore.open(path, clock=self.clock)
            self.guide = self.core.auth.login("G001", DEMO_PASSWORD)
            self.clerk = self.core.auth.login("C001", DEMO_PASSWORD)
            self.core.queue.set_queue_open(self.guide, True)

        def teardown(self) -> None:
            if hasattr(self, "core"):
                self.core.close()

        def _try(self, call, *args, **kwargs):  # type: ignore[no-untyped-def]
            try:
                return call(*args, **kwargs)
            except (ActionRefused, InvalidInput):
                return None

        @rule(
            kinds=st.lists(st.sampled_from(TYPES), min_size=1, max_size=3),
            priority=st.sampled_from((None, None, "military", "elderly")),
        )
        def issue(self, kinds: list[str], priority: str | None) -> None:
            for kind in kinds:
                self.core.queue.issue(self.guide, kind, priority_reason=priority)

        @rule(
            window=st.sampled_from(WINDOWS), step=st.sampled_from(COUNTER_STEPS), other=st.sampled_from(TYPES)
        )
        def counter(self, window: int, step: str, other: str) -> None:
            """One thing a clerk does at ``window`` (weighted like a real day: mostly calls and actions)."""
            queue, clerk = self.core.queue, self.clerk
            if step not in ("call", "pause", "resume_parked"):
                window = self._busy_window(window)
            current = queue.window(window).current
            if step == "call":
                self._try(queue.call_next, clerk, window)
            elif step == "pause":
                self._try(queue.set_window_paused, clerk, window, not queue.window(window).paused)
            elif step == "resume_parked":
                parked = queue.parked(window)
                if parked:
                    self._try(queue.act, clerk, parked[0].ticket_id, TicketAction.CALL, window)
            elif current is not None and step == "transfer":
                self._try(queue.transfer, clerk, current.ticket_id, window, to_type=other)
            elif current is not None and step == "elsewhere":
                self._try(queue.act, clerk, current.ticket_id, TicketAction.FINISH, window % len(WINDOWS) + 1)
            elif current is not None and step in ACTIONS_BY_NAME:
                self._try(queue.act, clerk, current.ticket_id, ACTIONS_BY_NAME[step], window)

        def _busy_window(self, preferred: int) -> int:
            """``preferred`` if a customer stands there, else the first window that has one."""
            views = {view.window_no: view for view in self.core.queue.board().windows}
            if views[preferred].current is not None:
                return preferred
            return next((n for n, view in views.items() if view.current is not None), preferred)

        @rule(score=st.integers(1, 5))
        def rate_latest_finished(self, score: int) -> None:
            with self.core.db.read() as s:
                done = s.scalars(select(Ticket).where(Ticket.state == "finished")).first()
            if done is not None:
                self._try(self.core.queue.rate, self.clerk, done.ticket_id, score, "等候时间长")

        @rule(minutes=st.integers(-5, 30))
        def time_passes(self, minutes: int) -> None:
            self.clock.advance(minutes=minutes)  # a clock set back too

        @invariant()
        def consistent(self) -> None:
            if not hasattr(self, "core"):
                return
            with self.core.db.read() as s:
                tickets = list(s.scalars(select(Ticket)))
                events = list(s.scalars(select(TicketEvent)))
            at_windows = Counter(t.window_no for t in tickets if t.state in ("called", "serving"))
            assert all(n == 1 for n in at_windows.values()), at_windows
            assert all(t.window_no is None for t in tickets if t.state in ("waiting", "finished", "no_show"))
            numbers = Counter((t.business_date, t.display_no) for t in tickets)
            assert all(n == 1 for n in numbers.values())
            seqs: dict[str, list[int]] = {}
            for e in events:
                seqs.setdefault(e.ticket_id, []).append(e.seq)
            assert all(sorted(v) == list(range(1, len(v) + 1)) for v in seqs.values())
            board = self.core.queue.board()
            waiting = Counter(t.queue_type for t in tickets if t.state == "waiting")
            assert {line.code: line.waiting for line in board.lines} == {
                code: waiting[code] for code in TYPES
            }
            for view in board.windows:
                expected = [
                    t.ticket_id
                    for t in tickets
                    if t.window_no == view.window_no and t.state in ("called", "serving")
                ]
                assert ([view.current.ticket_id] if view.current else []) == expected

    return QueueMachine


def test_random_queue_days_stay_consistent(demo_template: Path, tmp_path: Path) -> None:
    machine = queue_machine(demo_template, tmp_path)
    # No shrinking: each example copies a database, and shrinking a long run takes minutes. A failure
    # prints its whole step list, which is enough to replay it.
    machine.TestCase.settings = settings(
        max_examples=40,
        stateful_step_count=50,
        deadline=None,
        database=None,
        phases=(Phase.explicit, Phase.reuse, Phase.generate),
        report_multiple_bugs=False,
    )
    machine.TestCase().runTest()
