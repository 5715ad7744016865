"""The central report is the PC's daily log (issue 7: "the same code for the hall and the central
report"): a real PC works a day through its services, pushes to the real server, and the log the
server computes from PostgreSQL equals, figure by figure and id by id, the one the PC computes from
its own SQLite; the report's figures are that log summarized. Then two halls and the company total,
an empty day, kept days and what makes them be computed again, and the refused periods.
"""

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hallapp.central.enrolment import create_hall
from hallapp.central.report import hall_log, report, summarize_pending
from hallapp.central.schema_staff import Operator as CentralOperator
from hallapp.db.models import Operator, ServiceWindow
from hallapp.demo.applications import person_new
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.application_flow import FLOWS, ApplicationKind
from hallapp.domain.daily_log_json import from_json, read, to_json
from hallapp.domain.errors import InvalidInput
from hallapp.domain.ids import new_id
from hallapp.domain.kpi_facts import DayFacts
from hallapp.domain.kpi_summary import Summary, summarize
from hallapp.domain.kpi_values import DailyLog, Figures
from hallapp.domain.records import WindowDef
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.push import Pusher
from tests.core.daily_log_activity import busy_day
from tests.core.test_complaint_service import DRAFT
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    central_url,
    client,
    enrolled_demo_pc,
    new_code,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
HALL2 = "H0002"
START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in the hall
DAY = date(2026, 11, 23)


class PC:
    def __init__(self, core: HallCore, token: str, client: Any) -> None:
        self.core, self.token, self.client = core, token, client

    def login(self, staff_no: str):  # type: ignore[no-untyped-def]
        return self.core.auth.login(staff_no, DEMO_PASSWORD)

    def push(self) -> None:
        Pusher(
            self.core.db, self.client, self.core.device.device_id, self.token, now=self.core.clock.now
        ).push_all()

    def log(self, day: date = DAY) -> DailyLog:
        return self.core.daily_log.day(self.login("S001"), day)


@pytest.fixture
def make_pc(tmp_path: Path, client, sessions) -> Iterator[Callable[..., PC]]:  # type: ignore[no-untyped-def]
    create_hall(sessions, HALL2, "城西供电营业厅")
    opened: list[HallCore] = []

    def make(hall_id: str, *, central_staff: bool = True) -> PC:
        path = tmp_path / f"pc-{len(opened)}.sqlite"
        core, token = enrolled_demo_pc(path, FakeClock(START), client, sessions, hall_id)
        opened.append(core)
        if central_staff:
            _same_operators_on_the_server(core, sessions, hall_id)
        pc = PC(core, token, client)
        _windows_saved(pc)
        return pc

    yield make
    for core in opened:
        core.close()


def _same_operators_on_the_server(core: HallCore, sessions, hall_id: str) -> None:  # type: ignore[no-untyped-def]
    """The central operators a PC would have pulled: the same ids and staff numbers."""
    with core.db.read() as s:
        rows = s.scalars(select(Operator)).all()
        with sessions.begin() as c:
            for op in rows:
                c.add(
                    CentralOperator(
                        operator_id=op.operator_id,
                        hall_id=hall_id,
                        staff_no=op.staff_no,
                        name=op.name,
                        role=op.role,
                        password_hash="x",
                        active=op.active,
                        verifier_expires_at=START,
                        password_changed_at=START,
                    )
                )


def _windows_saved(pc: PC) -> None:
    """The demo seeds its windows without ops; a hall sets them up on its settings page (window.save)."""
    admin = pc.login("A001")
    with pc.core.db.read() as s:
        windows = [
            (w.number, w.name, tuple(w.business_types), w.active) for w in s.scalars(select(ServiceWindow))
        ]
    for number, name, types, active in windows:
        pc.core.windows.save(admin, WindowDef(number, name, types, active))


def _reprint_ids_counted(log: DailyLog) -> DailyLog:
    """Reprints are known to the server by their audit events, not the PC's receipt_print rows:
    the same number, other ids."""

    def figures(f: Figures) -> Figures:
        if f.money is None:
            return f
        return replace(f, money=replace(f.money, reprints=tuple("reprint" for _ in f.money.reprints)))

    return replace(
        log,
        hall=figures(log.hall),
        clerks=tuple(replace(c, figures=figures(c.figures)) for c in log.clerks),
    )


def _shift_clerks_unnamed(f: Figures) -> Figures:
    assert f.cash_up is not None
    lines = tuple(replace(line, staff_no="") for line in f.cash_up.shifts)
    return replace(f, cash_up=replace(f.cash_up, shifts=lines))


def _a_day_with_everything(pc: PC) -> None:
    busy_day(pc.core, pc.core.clock)  # tickets, no-shows, a transfer, ratings, a pause, payments,
    clerk = pc.login("C001")  # a reversal, a cash-up with a difference, applications, a consultation
    paid = pc.core.payments  # a reprint
    with pc.core.db.read() as s:
        from hallapp.db.models import Payment

        payment_id = s.scalars(select(Payment.payment_id).where(Payment.amount_fen > 0)).first()
    assert payment_id is not None
    paid.record_print(clerk, payment_id)
    paid.record_print(clerk, payment_id)
    pc.core.complaints.receive(clerk, DRAFT, request_id=new_id())
    archived = pc.core.applications.submit(clerk, person_new(), request_id=new_id()).application_id
    for stage in FLOWS[ApplicationKind.RESIDENT_NEW][1:]:
        version = pc.core.application_reads.detail(clerk, archived).row.version
        pc.core.applications.advance(clerk, archived, stage, version=version)


def test_the_central_log_of_a_hall_day_is_the_pcs_own(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    pc = make_pc(HALL)
    _a_day_with_everything(pc)
    pc.push()
    mine = pc.log()
    central = report(sessions, DAY, DAY, [HALL], today=DAY)

    [hall] = central.halls
    assert (hall.hall_id, hall.name) == (HALL, "城东供电营业厅")
    theirs = hall_log(sessions, HALL, DAY, DAY, today=DAY)
    # The day really holds every kind of record, so the equality below is about something.
    figures = mine.hall
    assert figures.tickets.served and figures.tickets.no_shows and figures.tickets.transfers
    assert figures.satisfaction.bad and figures.pauses.event_ids
    assert figures.money and figures.money.reversals and len(figures.money.reprints) == 1
    assert figures.cash_up and [line.difference_fen for line in figures.cash_up.shifts if line.closed] == [
        100
    ]
    assert figures.applications and figures.applications.completed and figures.applications.accepted
    assert figures.complaints and figures.consultations
    assert {w.window_no: w.name for w in mine.windows} == {
        1: "1号窗口",
        2: "2号窗口",
        3: "3号窗口",
        4: "4号窗口",
    }

    assert theirs.hall.money and len(theirs.hall.money.reprints) == 1
    assert _reprint_ids_counted(theirs) == _reprint_ids_counted(mine)
    assert hall.summary == summarize(mine, DayFacts(DAY, DAY)) == central.total
    assert hall.summary.served == len(mine.hall.tickets.served) and hall.summary.reprints == 1
    assert from_json(to_json(theirs)) == theirs


def test_two_halls_and_the_company_total(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    east = make_pc(HALL)
    west = make_pc(HALL2, central_staff=False)  # the demo's staff numbers again: not on the server
    busy_day(east.core, east.core.clock, customers=12, seed=1)
    busy_day(west.core, west.core.clock, customers=10, seed=2)
    east.push()
    west.push()
    central = report(sessions, DAY, DAY, today=DAY)
    by_hall = {h.hall_id: h.summary for h in central.halls}
    assert list(by_hall) == [HALL, HALL2]
    assert by_hall[HALL] == summarize(east.log(), DayFacts(DAY, DAY))
    assert by_hall[HALL2] == summarize(west.log(), DayFacts(DAY, DAY))
    # The west PC's clerks are unknown to the server, so it names their shifts by operator id.
    west_log = hall_log(sessions, HALL2, DAY, DAY, today=DAY)
    assert _shift_clerks_unnamed(west_log.hall) == _shift_clerks_unnamed(west.log().hall)
    assert west_log.windows == west.log().windows

    total, east_hall, west_hall = central.total, by_hall[HALL], by_hall[HALL2]
    assert total.served == east_hall.served + west_hall.served > 0
    waits = sorted(east.log().hall.tickets.waits.seconds + west.log().hall.tickets.waits.seconds)
    assert total.waits.count == len(waits) and total.waits.max_s == waits[-1]
    assert total.wait_percentile_s == waits[max(0, -(-90 * len(waits) // 100) - 1)]
    assert total.net_fen == east_hall.net_fen + west_hall.net_fen > 0
    assert total.rated == east_hall.rated + west_hall.rated
    assert not total.empty


def test_a_day_without_records_is_empty_everywhere(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    pc = make_pc(HALL)
    busy_day(pc.core, pc.core.clock, customers=4)
    pc.push()
    quiet = date(2026, 11, 22)
    central = report(sessions, quiet, quiet, today=DAY)
    assert central.total.empty and all(h.summary.empty for h in central.halls)
    assert central.halls[0].summary == summarize(pc.log(quiet), DayFacts(quiet, quiet))
    assert central.total.waits.mean_s is None and central.total.gross_fen == 0
    assert summarize_pending(sessions, today=DAY, days=1) == 2  # both halls' 22nd kept
    assert report(sessions, quiet, quiet, today=DAY) == central  # read back from the kept day


def _kept(sessions) -> dict[tuple[str, date], int]:  # type: ignore[no-untyped-def]
    from hallapp.central.schema_hall_facts import HallDaySummaryRow

    with sessions() as s:
        rows = s.execute(
            select(HallDaySummaryRow.hall_id, HallDaySummaryRow.business_date, HallDaySummaryRow.summary)
        )
        return {(h, d): summary["served"] for h, d, summary in rows}


def _marks(sessions) -> set[tuple[str, date]]:  # type: ignore[no-untyped-def]
    from hallapp.central.schema_hall_facts import HallDayDirtyRow

    with sessions() as s:
        return set(s.execute(select(HallDayDirtyRow.hall_id, HallDayDirtyRow.business_date)).all())


def _two_more_served(pc: PC) -> None:
    from hallapp.domain.queue import TicketAction

    guide, clerk = pc.login("G001"), pc.login("C001")
    for _ in range(2):
        pc.core.queue.issue(guide, "payment")
        pc.core.clock.advance(minutes=3)
        ticket = pc.core.queue.call_next(clerk, 1)
        assert ticket is not None
        pc.core.queue.act(clerk, ticket.ticket_id, TicketAction.START, 1)
        pc.core.clock.advance(minutes=2)
        pc.core.queue.act(clerk, ticket.ticket_id, TicketAction.FINISH, 1)


def test_a_closed_day_is_kept_and_computed_again_when_its_records_change(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    pc = make_pc(HALL)
    busy_day(pc.core, pc.core.clock, customers=6, seed=3)
    pc.push()
    tomorrow = date(2026, 11, 24)
    first = report(sessions, DAY, DAY, [HALL], today=tomorrow)
    served = first.halls[0].summary.served
    assert not _kept(sessions) and served > 0  # a report only reads
    assert summarize_pending(sessions, today=tomorrow, days=1) == 2
    assert _kept(sessions)[(HALL, DAY)] == served
    assert (HALL, DAY) not in _marks(sessions)  # the marks it saw are gone with the keeping
    assert report(sessions, DAY, DAY, [HALL], today=tomorrow) == first  # read back as it was kept

    _two_more_served(pc)  # a late sync of the same day
    pc.push()
    assert (HALL, DAY) in _marks(sessions)
    again = report(sessions, DAY, DAY, [HALL], today=tomorrow)  # marked: computed from the facts
    assert again.halls[0].summary == summarize(pc.log(), DayFacts(DAY, DAY))
    assert again.halls[0].summary.served == served + 2
    assert summarize_pending(sessions, today=tomorrow, days=1) == 1
    assert _kept(sessions)[(HALL, DAY)] == served + 2 and (HALL, DAY) not in _marks(sessions)
    assert report(sessions, DAY, DAY, [HALL], today=tomorrow) == again

    today = report(sessions, DAY, DAY, [HALL], today=DAY)  # today's figures are computed, not kept
    assert today == again


def test_an_application_closed_late_marks_the_days_it_was_overdue_on(sessions) -> None:  # type: ignore[no-untyped-def]
    """The trigger's days for an application: accepted, due, closed, and each day its overdue state changed."""
    from sqlalchemy import text

    d = date
    with sessions.begin() as s:
        s.execute(
            text(
                "INSERT INTO hall_application (application_id, hall_id, application_no, kind, status, "
                "accepted_on, due_on, version) VALUES ('a1', :h, 'N1', 'resident_new', 'survey', :a, :due, 1)"
            ),
            {"h": HALL, "a": d(2026, 11, 2), "due": d(2026, 11, 5)},
        )
    at_insert = {day for _, day in _marks(sessions)}
    assert {d(2026, 11, 2), d(2026, 11, 5)} | {d(2026, 11, n) for n in range(6, 10)} <= at_insert
    week = report(sessions, d(2026, 11, 6), d(2026, 11, 9), [HALL], today=d(2026, 11, 10))
    assert week.halls[0].summary.overdue == 1 and week.halls[0].summary.completed == 0
    summarize_pending(sessions, today=d(2026, 11, 10), days=4)
    assert not {day for _, day in _marks(sessions)} & {d(2026, 11, n) for n in range(6, 10)}  # kept
    with sessions.begin() as s:
        s.execute(text("DELETE FROM hall_day_dirty"))
        s.execute(
            text("UPDATE hall_application SET status = 'archived', closed_on = :c, version = 2"),
            {"c": d(2026, 11, 8)},
        )
    marked = {day for hall, day in _marks(sessions)}
    assert {d(2026, 11, 8), d(2026, 11, 9)} <= marked  # closed on the 8th: no longer overdue from it
    assert not marked & {d(2026, 11, 6), d(2026, 11, 7)}  # still overdue there: unchanged
    assert summarize_pending(sessions, today=d(2026, 11, 10), days=4) == 2
    again = report(sessions, d(2026, 11, 6), d(2026, 11, 9), [HALL], today=d(2026, 11, 10))
    assert again.halls[0].summary.overdue == 0 and again.halls[0].summary.completed == 1
    with sessions.begin() as s:  # a status the figures do not read marks nothing
        s.execute(text("DELETE FROM hall_day_dirty"))
        s.execute(text("UPDATE hall_application SET kind = 'resident_new', version = 3"))
    assert not _marks(sessions)


def test_summarize_keeps_what_is_pending(make_pc, sessions, central_url, capsys) -> None:  # type: ignore[no-untyped-def]
    from hallapp.central.staff import set_setting
    from hallapp.cli import main

    pc = make_pc(HALL)
    busy_day(pc.core, pc.core.clock, customers=4)
    pc.push()
    after = date(2026, 11, 25)
    assert summarize_pending(sessions, today=after, days=3) == 2 * 3  # two halls, three closed days
    assert set(_kept(sessions)) == {
        (h, d) for h in (HALL, HALL2) for d in (date(2026, 11, n) for n in (22, 23, 24))
    }
    assert summarize_pending(sessions, today=after, days=3) == 0
    set_setting(sessions, "queue.wait_target_minutes", 10, hall_id=HALL)  # kept with other settings
    assert summarize_pending(sessions, today=after, days=3) == 3
    assert main(["central", "summarize", "--db-url", central_url, "--days", "2"]) == 0
    assert "个营业厅日" in capsys.readouterr().out
    assert main(["central", "summarize", "--db-url", central_url, "--days", "0"]) == 2


def test_a_supervisors_pc_sees_every_pc_of_its_hall(make_pc, client, sessions) -> None:  # type: ignore[no-untyped-def]
    """Two PCs of one hall each take their own customers and payments; the supervisor's PC asks the
    server (its device token) and gets the hall's whole log, not only its own."""
    from contextlib import nullcontext

    import httpx

    from hallapp.domain.errors import ActionRefused, PermissionDenied

    mine, other = make_pc(HALL), make_pc(HALL, central_staff=False)
    busy_day(mine.core, mine.core.clock, customers=8, seed=5)
    busy_day(other.core, other.core.clock, customers=6, seed=6)
    mine.push()
    other.push()
    log = mine.core.daily_log
    log.central = lambda: (lambda: nullcontext(client), mine.token)
    supervisor = mine.login("S001")
    whole = log.whole_hall(supervisor, DAY, DAY)
    own, theirs = mine.log(), other.log()
    assert len(whole.hall.tickets.served) == len(own.hall.tickets.served) + len(theirs.hall.tickets.served)
    assert whole.hall.money and own.hall.money and theirs.hall.money
    assert (
        whole.hall.money.net_fen
        == own.hall.money.net_fen + theirs.hall.money.net_fen
        > own.hall.money.net_fen
    )
    with pytest.raises(PermissionDenied):
        log.whole_hall(mine.login("C001"), DAY, DAY)
    with pytest.raises(InvalidInput) as caught:
        log.whole_hall(supervisor, date(2026, 11, 24), date(2026, 11, 24))
    assert caught.value.reason == "future_day"  # refused here, before asking
    log.central = lambda: (lambda: httpx.Client(base_url="http://127.0.0.1:9", timeout=2), mine.token)
    with pytest.raises(ActionRefused) as refused:
        log.whole_hall(supervisor, DAY, DAY)
    assert refused.value.reason == "central_unreachable"
    log.central = lambda: None
    with pytest.raises(ActionRefused) as refused:
        log.whole_hall(supervisor, DAY, DAY)
    assert refused.value.reason == "not_enrolled"
    log.central = lambda: (lambda: nullcontext(client), "not-a-token")
    with pytest.raises(ActionRefused) as refused:
        log.whole_hall(supervisor, DAY, DAY)
    assert refused.value.reason == "device_refused"


def test_periods_the_report_refuses(sessions) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (DAY, date(2026, 11, 22), None, "range_reversed"),
        (DAY, date(2026, 11, 24), None, "future_day"),
        (date(2025, 11, 1), DAY, None, "range_too_long"),
        (DAY, DAY, ["H9999"], "unknown_hall"),
    ]
    for first, last, halls, reason in cases:
        with pytest.raises(InvalidInput) as caught:
            report(sessions, first, last, halls, today=DAY)
        assert caught.value.reason == reason
    assert report(sessions, date(2026, 8, 24), DAY, today=DAY).total.empty  # 92 days: the longest
    with pytest.raises(InvalidInput) as caught:
        hall_log(sessions, "H9999", DAY, DAY, today=DAY)
    assert caught.value.reason == "unknown_hall"


def test_the_admin_api_serves_the_report_as_json(make_pc, client, sessions) -> None:  # type: ignore[no-untyped-def]
    from hallapp.central.admin_auth import issue_admin_token

    pc = make_pc(HALL)
    busy_day(pc.core, pc.core.clock, customers=6)
    pc.push()
    headers = {"Authorization": f"Bearer {issue_admin_token(sessions, 'boss')}"}
    day = {"from": DAY.isoformat(), "to": DAY.isoformat()}
    answer = client.get("/v1/admin/report", params=day | {"hall": HALL}, headers=headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [h["hall_id"] for h in body["halls"]] == [HALL]
    assert read(Summary, body["halls"][0]["summary"]) == summarize(pc.log(), DayFacts(DAY, DAY))
    assert body["total"]["waits"]["count"] == len(pc.log().hall.tickets.waits.seconds) > 0
    assert body["total"]["series"] == to_json(pc.log().series)
    one = client.get(f"/v1/admin/report/hall/{HALL}", params=day, headers=headers)
    assert one.status_code == 200, one.text
    assert from_json(one.json()["log"]) == pc.log()
    assert client.get("/v1/admin/report/hall/H9999", params=day, headers=headers).status_code == 404
    assert client.get(f"/v1/admin/report/hall/{HALL}", params=day).status_code == 401
    refused = {
        (("from", "2026-11-23"), ("to", "2026-11-22")): (400, "range_reversed"),
        (("from", "2026-11-23"), ("to", "2999-01-01")): (400, "future_day"),
        (("from", "2025-01-01"), ("to", "2026-11-23")): (400, "range_too_long"),
        (("from", "2026-11-23"), ("to", "2026-11-23"), ("hall", "H9999")): (404, "unknown_hall"),
        (("from", "yesterday"), ("to", "2026-11-23")): (400, "malformed"),
        (("from", "2026-11-23"), ("to", "2026-11-23"), ("hall", "no hall")): (400, "malformed"),
    }
    for params, (status, error) in refused.items():
        got = client.get("/v1/admin/report", params=list(params), headers=headers)
        assert (got.status_code, got.json()["error"]) == (status, error), params
    assert client.get("/v1/admin/report", params=day).status_code == 401


def test_the_cli_prints_a_table_and_writes_excel(make_pc, central_url, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from hallapp.cli import main

    pc = make_pc(HALL)
    busy_day(pc.core, pc.core.clock, customers=6)
    pc.push()
    served = len(pc.log().hall.tickets.served)
    book = tmp_path / "汇总.xlsx"
    args = ["central", "report", "--db-url", central_url, "--from", "2026-11-23", "--to", "2026-11-23"]
    assert main([*args, "--xlsx", str(book)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "营业厅服务日志汇总　2026-11-23 至 2026-11-23"
    header, east, west, total = (line.split("\t") for line in lines[1:])
    assert header[:3] == ["营业厅", "名称", "服务人数"] and east[:3] == [HALL, "城东供电营业厅", str(served)]
    assert west[:3] == ["H0002", "城西供电营业厅", "0"] and total[:3] == ["合计", "2 个营业厅", str(served)]
    sheet = load_workbook(book).active
    assert sheet is not None and [c.value for c in sheet[3]][:3] == [HALL, "城东供电营业厅", served]
    assert main([*args[:4], "--from", "2026-11-23", "--to", "2026-11-22"]) == 2
    assert "结束日期早于开始日期" in capsys.readouterr().err
