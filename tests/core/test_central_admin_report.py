"""The central report read from this PC (``CentralAdminService.report`` and ``hall_log`` over
``AdminClient``) against the real server: a hall's PC works a day and pushes it, and what the
administrator's page reads back is that day, figure by figure; who may read it and which periods
are refused at once, before any call."""

from collections.abc import Iterator
from contextlib import nullcontext
from datetime import timedelta

import pytest

from hallapp.central import report as central_report
from hallapp.central.admin_auth import issue_admin_token
from hallapp.domain.errors import ActionRefused, InvalidInput, PermissionDenied
from hallapp.domain.kpi_facts import DayFacts
from hallapp.domain.kpi_summary import summarize
from hallapp.services.central_admin_service import central_admin_of
from hallapp.sync import admin_client
from tests.core.daily_log_activity import busy_day
from tests.memory_keyring import MemoryKeyring
from tests.server.test_central_report import (  # noqa: F401 - fixtures
    DAY,
    HALL2,
    PC,
    _reprint_ids_counted,
    make_pc,
)
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    central_url,
    client,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
SERVER = "http://testserver"


@pytest.fixture
def pc(make_pc, sessions, client, monkeypatch) -> Iterator[tuple[PC, list[str]]]:  # type: ignore[no-untyped-def]
    """A hall PC whose busy day is on the server, with an admin token kept for the server; the
    server's today is that day. Yields the PC and the addresses its service called."""
    import keyring

    monkeypatch.setattr(central_report, "_today", lambda: DAY)
    hall = make_pc(HALL)
    busy_day(hall.core, hall.core.clock)
    hall.push()
    previous, memory = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(memory)
    admin_client.store_admin_token(SERVER, issue_admin_token(sessions, "ops"))
    calls: list[str] = []

    def connect(url: str):  # type: ignore[no-untyped-def]
        calls.append(url)
        return nullcontext(client)

    central_admin_of(hall.core).connect = connect
    yield hall, calls
    keyring.set_keyring(previous)


def test_the_report_of_a_pushed_day_is_the_halls_own(pc) -> None:  # type: ignore[no-untyped-def]
    hall, _ = pc
    service = central_admin_of(hall.core)
    mine = hall.log()
    for reader in ("A001", "S001"):  # administrators and supervisors
        answer = service.report(hall.login(reader), SERVER, DAY, DAY)
        assert (answer.first_day, answer.last_day) == (DAY, DAY)
        line, quiet = answer.halls  # the fixture registers H0002 too: nothing pushed there
        assert (line.hall_id, line.name, quiet.hall_id) == (HALL, "城东供电营业厅", HALL2)
        assert quiet.summary.empty and quiet.summary.served == 0
        assert line.summary.served == len(mine.hall.tickets.served) > 0
        assert line.summary == summarize(mine, DayFacts(DAY, DAY)) == answer.total
        assert line.series == line.summary.series() == answer.series and len(answer.series) > 1
    assert service.report(hall.login("A001"), SERVER) == answer  # today by default (the PC's day)


def test_a_halls_log_from_the_server_is_the_pcs_own(pc) -> None:  # type: ignore[no-untyped-def]
    hall, _ = pc
    log = central_admin_of(hall.core).hall_log(hall.login("S001"), SERVER, HALL, DAY, DAY)
    assert _reprint_ids_counted(log) == _reprint_ids_counted(hall.core.daily_log.day(hall.login("S001"), DAY))


def test_a_clerk_may_not_read_the_report(pc) -> None:  # type: ignore[no-untyped-def]
    hall, calls = pc
    service, clerk = central_admin_of(hall.core), hall.login("C001")
    with pytest.raises(PermissionDenied):
        service.report(clerk, SERVER, DAY, DAY)
    with pytest.raises(PermissionDenied):
        service.hall_log(clerk, SERVER, HALL, DAY, DAY)
    with pytest.raises(PermissionDenied):  # nor a supervisor the rest of the administration
        service.halls(hall.login("S001"), SERVER)
    assert calls == []


def test_periods_the_server_would_refuse_are_refused_at_once(pc) -> None:  # type: ignore[no-untyped-def]
    hall, calls = pc
    service, admin = central_admin_of(hall.core), hall.login("A001")
    with pytest.raises(InvalidInput) as reversed_range:
        service.report(admin, SERVER, DAY, DAY - timedelta(days=1))
    assert (reversed_range.value.field, reversed_range.value.reason) == ("last_day", "range_reversed")
    tomorrow = DAY + timedelta(days=1)
    with pytest.raises(InvalidInput) as future:
        service.hall_log(admin, SERVER, HALL, DAY, tomorrow)
    assert future.value.reason == "future_day" and future.value.params["day"] == tomorrow.isoformat()
    assert calls == []  # none of them reached the server

    with pytest.raises(InvalidInput) as too_long:  # the longest period is the server's setting
        service.report(admin, SERVER, DAY - timedelta(days=200), DAY)
    assert (too_long.value.field, too_long.value.reason) == ("last_day", "range_too_long")
    assert too_long.value.params["limit"] == 92
    with pytest.raises(ActionRefused) as unknown:
        service.hall_log(admin, SERVER, "H0999", DAY, DAY)
    assert unknown.value.reason == "unknown_hall" and unknown.value.params["hall_id"] == "H0999"
    assert len(calls) == 2


def test_a_period_reports_by_day(pc) -> None:  # type: ignore[no-untyped-def]
    hall, _ = pc
    first = DAY - timedelta(days=2)
    answer = central_admin_of(hall.core).report(hall.login("A001"), SERVER, first, DAY)
    assert [p.start.date() for p in answer.series] == [first + timedelta(days=n) for n in range(3)]
    assert answer.total.served == answer.halls[0].summary.served > 0 == answer.halls[1].summary.served
