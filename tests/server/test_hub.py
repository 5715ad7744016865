"""The hall hub as a real process on loopback: the queue over HTTP, pushed events, bad requests,
many windows calling at once, a hub killed mid-stream, and manual numbering while it is away."""

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import select

from bench.hub_process import HALL_KEY, HubProcess
from hallapp.db.engine import Database, make_engine
from hallapp.db.models import Ticket, TicketEvent
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import ActionRefused, HubUnavailable, InvalidInput, PermissionDenied
from hallapp.domain.queue import TicketAction
from hallapp.domain.queue_views import HubMode
from hallapp.services.clock import Clock
from hallapp.sync.hub_client import HubClient
from tests.core.helpers import second_pc

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")


@pytest.fixture
def hub(demo_template, tmp_path):  # type: ignore[no-untyped-def]
    process = HubProcess(demo_template, tmp_path).start()
    yield process
    process.stop()


@pytest.fixture
def pc(demo_template, tmp_path):  # type: ignore[no-untyped-def]
    """A second PC of the hall (its own database), on the real clock like the hub."""
    core = second_pc(demo_template, tmp_path, Clock())
    yield core
    core.close()


def client_of(pc, hub, *, key: str | None = HALL_KEY) -> HubClient:  # type: ignore[no-untyped-def]
    return HubClient(hub.url, pc.queue_local, pc.clock, hall_key=key)


def login(pc, staff_no: str):  # type: ignore[no-untyped-def]
    return pc.auth.login(staff_no, DEMO_PASSWORD)


def hub_tickets(hub) -> tuple[list[Ticket], list[TicketEvent]]:  # type: ignore[no-untyped-def]
    db = Database(make_engine(hub.path), hub.path)
    try:
        with db.read() as s:
            return list(s.scalars(select(Ticket))), list(s.scalars(select(TicketEvent)))
    finally:
        db.close()


def test_the_queue_over_http(hub, pc) -> None:
    client = client_of(pc, hub)
    guide, clerk = login(pc, "G001"), login(pc, "C001")
    with pytest.raises(ActionRefused) as exc:
        client.issue(guide, "payment")
    assert exc.value.reason == "queue_closed"  # the hub's refusal, typed again on this side
    assert client.set_queue_open(guide, True).open
    ticket = client.issue(guide, "payment", account_no="3201000001")
    assert ticket.display_no == "A001" and ticket.ahead == 0
    called = client.call_next(clerk, 2)
    assert (called.ticket_id, called.window_no, called.account_no) == (ticket.ticket_id, 2, "3201000001")
    client.act(clerk, called.ticket_id, TicketAction.START, 2)
    assert client.window(2).current.ticket_id == ticket.ticket_id
    assert client.waiting(2) == []  # picking is off in the demo hall
    finished = client.act(clerk, called.ticket_id, TicketAction.FINISH, 2)
    assert client.rate(clerk, finished.ticket_id, 5).rating == 5
    with pytest.raises(ActionRefused):
        client.rate(clerk, finished.ticket_id, 4)
    assert client.call_next(clerk, 2) is None
    with pytest.raises(PermissionDenied):
        client.issue(clerk, "payment")  # the hub checks the role, not the PC
    with pytest.raises(InvalidInput) as bad:
        client.issue(guide, "payment", phone="12")
    assert bad.value.reason == "bad_phone"
    client.close()


def test_bad_requests_change_nothing(hub, pc) -> None:
    headers = {"Authorization": f"Bearer {HALL_KEY}", "X-Staff-No": "G001"}
    before = httpx.get(f"{hub.url}/queue/board", headers=headers).json()
    cases = [
        ({"X-Staff-No": "G001"}, {"open": True}, 403),  # no hall key
        ({**headers, "Authorization": "Bearer wrong"}, {"open": True}, 403),
        ({**headers, "X-Staff-No": "NOBODY"}, {"open": True}, 403),
        ({k: v for k, v in headers.items() if k != "X-Staff-No"}, {"open": True}, 422),
        (headers, {"open": "perhaps"}, 422),
        (headers, {}, 422),
    ]
    for case_headers, body, status in cases:
        response = httpx.post(f"{hub.url}/queue/open", json=body, headers=case_headers)
        assert response.status_code == status, (case_headers, body, response.text)
        assert response.json()["error"] in ("permission_denied", "operator_inactive", "invalid_input")
    raw = httpx.post(f"{hub.url}/queue/open", content=b"{not json", headers=headers)
    assert raw.status_code == 422
    huge = {"tickets": [{"ticket_id": str(i)} for i in range(501)]}
    assert httpx.post(f"{hub.url}/queue/manual", json=huge, headers=headers).status_code == 422
    bad_ticket = {"tickets": [{"ticket_id": "x", "number": "NaN"}]}
    assert httpx.post(f"{hub.url}/queue/manual", json=bad_ticket, headers=headers).status_code == 422
    act = httpx.post(
        f"{hub.url}/queue/tickets/x/act", json={"action": "explode", "window_no": 1}, headers=headers
    )
    assert act.status_code == 422
    after = httpx.get(f"{hub.url}/queue/board", headers=headers).json()
    assert (after["open"], after["lines"]) == (before["open"], before["lines"])
    assert httpx.get(f"{hub.url}/queue/board").status_code == 403  # reads need the key too


def test_events_reach_another_pc_quickly(hub, pc) -> None:
    board_pc = client_of(pc, hub)
    arrived: list = []
    seen = threading.Event()

    def on_event(event) -> None:  # type: ignore[no-untyped-def]
        arrived.append((time.perf_counter(), event))
        if event.is_call():
            seen.set()

    board_pc.subscribe(on_event)
    deadline = time.monotonic() + 10
    while board_pc.status().mode is not HubMode.ONLINE and time.monotonic() < deadline:
        time.sleep(0.05)
    assert board_pc.status().mode is HubMode.ONLINE
    clerk_pc = client_of(pc, hub)
    guide = login(pc, "G001")
    clerk_pc.set_queue_open(guide, True)
    clerk_pc.issue(guide, "payment")
    pressed = time.perf_counter()
    called = clerk_pc.call_next(login(pc, "C001"), 3)
    assert seen.wait(5)
    at, event = next((at, e) for at, e in arrived if e.is_call())
    assert (event.display_no, event.window_no) == (called.display_no, 3)
    assert at - pressed < 5  # the figure itself is measured in bench/queue_hub.py
    board_pc.close()
    clerk_pc.close()


def test_fifty_windows_calling_at_once_never_share_a_ticket(demo_template, tmp_path, pc) -> None:
    hub = HubProcess(demo_template, tmp_path, windows=50).start()
    try:
        setup = client_of(pc, hub)
        guide = login(pc, "G001")
        setup.set_queue_open(guide, True)
        for _ in range(150):
            setup.issue(guide, "payment")
        clerk = login(pc, "C001")

        def window(number: int) -> list[str]:
            client, got = client_of(pc, hub), []
            while (ticket := client.call_next(clerk, number)) is not None:
                client.act(clerk, ticket.ticket_id, TicketAction.START, number)
                got.append(ticket.ticket_id)
            client.close()
            return got

        with ThreadPoolExecutor(50) as pool:
            results = list(pool.map(window, range(1, 51)))
        handed = [t for got in results for t in got]
        assert len(handed) == 150 == len(set(handed))
        _, events = hub_tickets(hub)
        calls = Counter(e.ticket_id for e in events if e.kind == "called")
        assert max(calls.values()) == 1 and len(calls) == 150
    finally:
        hub.stop()


def test_a_hub_killed_mid_stream_loses_nothing_and_never_repeats_a_number(hub, pc) -> None:
    client = client_of(pc, hub)
    guide, clerk = login(pc, "G001"), login(pc, "C001")
    client.set_queue_open(guide, True)
    issued = [client.issue(guide, "payment").display_no for _ in range(60)]
    stop = threading.Event()
    handed: set[str] = set()  # tickets a window got; a lost answer is recovered from the window
    failures: list[Exception] = []

    def window(number: int) -> None:
        own = client_of(pc, hub)
        while not stop.is_set():
            try:
                ticket = own.call_next(clerk, number)
                if ticket is None:
                    return
                handed.add(ticket.ticket_id)
                own.act(clerk, ticket.ticket_id, TicketAction.START, number)
            except HubUnavailable as exc:
                failures.append(exc)
                time.sleep(0.05)
            except ActionRefused as exc:  # its call went through but the answer was lost in the kill
                assert exc.reason == "window_has_called"
                current = own.window(number).current
                handed.add(current.ticket_id)
                own.act(clerk, current.ticket_id, TicketAction.START, number)
        own.close()

    threads = [threading.Thread(target=window, args=(n,)) for n in (1, 2, 3)]
    for thread in threads:
        thread.start()
    time.sleep(0.15)
    hub.kill()
    time.sleep(0.3)
    hub.start()  # same database, same port
    for thread in threads:
        thread.join(60)
    stop.set()
    issued += [client.issue(guide, "payment").display_no for _ in range(5)]
    assert len(issued) == len(set(issued)) == 65  # numbering continued after the restart
    tickets, events = hub_tickets(hub)
    calls = Counter(e.ticket_id for e in events if e.kind == "called")
    assert max(calls.values()) == 1
    assert len({t.display_no for t in tickets}) == len(tickets) == 65
    assert len(handed) == 60  # every ticket issued before the kill reached a window (once: see calls)
    assert any(isinstance(f, HubUnavailable) for f in failures)  # the kill really hit the windows
    client.close()


def test_manual_numbering_while_the_hub_is_away(hub, pc) -> None:
    client = client_of(pc, hub)
    guide = login(pc, "G001")
    client.set_queue_open(guide, True)
    client.issue(guide, "payment")
    hub.kill()
    with pytest.raises(HubUnavailable):
        client.issue(guide, "payment")
    assert client.status().mode is HubMode.OFFLINE
    manual = [client.issue_manual(guide, "payment").display_no for _ in range(2)]
    assert manual == ["02-A001", "02-A002"]
    assert client.status().manual_waiting == 2
    hub.start()
    assert client.merge_pending(guide) == 2
    assert client.merge_pending(guide) == 0
    line = next(line for line in client.board().lines if line.code == "payment")
    assert line.waiting == 3
    clerk = login(pc, "C001")
    assert client.call_next(clerk, 1).display_no == "A001"  # issue order: the hub's A001 first
    client.close()
