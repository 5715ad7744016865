"""A PC's first download goes into tables without their non-unique indexes and the address
full-text triggers, and builds them once at the end; whatever stops it (an error, a crash in the
middle of a page, the process dying, a failure while they are built), the PC never stays without
them and never holds half an address index."""

from pathlib import Path

import httpx
import pytest

from hallapp import failpoints
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import DatabaseUnavailable
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync import first_download, pull, state
from hallapp.sync.pull import DEFERRED, MID_PAGE, Puller
from tests.conftest import START
from tests.core.test_sync_pull import Feed, account, bill, customer, rows

SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('customer', 'account', 'bill')"
FTS_CHECK = "INSERT INTO account_fts(account_fts, rank) VALUES ('integrity-check', 1)"


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    build_demo_database(path, 0, clock=FakeClock(START))
    return path


@pytest.fixture
def empty(empty_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.sqlite"
    path.write_bytes(empty_template.read_bytes())
    hall = HallCore.open(path, clock=FakeClock(START))
    yield hall
    hall.close()


def feed_of(n: int, page: int = 4) -> Feed:
    changes = [change for i in range(1, n + 1) for change in (customer(i), account(i), bill(i))]
    return Feed(changes, page=page)


def puller(core, feed: Feed) -> Puller:  # type: ignore[no-untyped-def]
    return Puller(
        core.db, httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(feed)), "t"
    )


def schema(core) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with core.db.read() as s:
        return {tuple(row) for row in s.connection().exec_driver_sql(SCHEMA)}


def whole(core) -> None:  # type: ignore[no-untyped-def]
    """Nothing deferred any more and the address index holds exactly the accounts."""
    with core.db.write() as s:
        assert state.get(s, DEFERRED) == ""
        s.connection().exec_driver_sql(FTS_CHECK)


def found_by_address(core, clerk, fragment: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.account_no for hit in core.accounts.search(clerk, fragment)]


def test_the_first_download_builds_the_indexes_once_at_the_end(empty, monkeypatch) -> None:
    before = schema(empty)
    seen: list[set] = []
    monkeypatch.setitem(pull.APPLY, "probe", lambda _s, _change: seen.append(schema(empty)) or 0)
    probe = {"entity": "probe", "entity_id": "p", "entity_version": 1, "op": "upsert", "data": {}}
    feed = feed_of(5)
    feed.changes.insert(7, probe)
    assert puller(empty, feed).pull_all().applied == 15
    kept = {row for row in before if row[0] == "table" or row[2] is None or "UNIQUE" in row[2].upper()}
    assert kept < before and seen == [kept]  # while it ran: only the tables and unique indexes
    assert schema(empty) == before
    whole(empty)
    clerk = empty.auth.login("C001", DEMO_PASSWORD)
    assert found_by_address(empty, clerk, "拉取路3号") == ["7700000003"]


def test_a_pc_that_holds_accounts_pulls_with_its_indexes(core, monkeypatch) -> None:
    before = schema(core)
    seen: list[set] = []
    monkeypatch.setitem(pull.APPLY, "probe", lambda _s, _change: seen.append(schema(core)) or 0)
    probe = {"entity": "probe", "entity_id": "p", "entity_version": 1, "op": "upsert", "data": {}}
    puller(core, Feed([customer(1), probe])).pull_all()
    assert seen == [before]


def test_an_error_in_the_middle_leaves_the_indexes_built_and_the_pull_resumes(empty) -> None:
    feed = feed_of(6)
    failpoints.activate(f"{MID_PAGE}=raise@6")  # a run of the second page
    try:
        with pytest.raises(failpoints.FailpointHit):
            puller(empty, feed).pull_all()
    finally:
        failpoints.activate("")
    whole(empty)
    assert len(rows(empty, pull.Customer, "customer_id")) == 2  # the first page only
    puller(empty, feed).pull_all()
    whole(empty)
    assert len(rows(empty, pull.Account, "account_id")) == 6


def test_a_process_that_dies_mid_download_has_them_built_at_the_next_start(empty, monkeypatch) -> None:
    before = schema(empty)
    feed = feed_of(6)
    monkeypatch.setattr(pull, "restore_deferred", lambda _db: None)  # the process dies: no cleanup
    failpoints.activate(f"{MID_PAGE}=raise@6")
    try:
        with pytest.raises(failpoints.FailpointHit):
            puller(empty, feed).pull_all()
    finally:
        failpoints.activate("")
    assert schema(empty) < before
    monkeypatch.undo()
    asked = len(feed.calls)
    puller(empty, feed)  # the next start: built before anything is fetched
    assert schema(empty) == before and len(feed.calls) == asked
    whole(empty)
    puller(empty, feed).pull_all()
    whole(empty)
    assert len(rows(empty, pull.Bill, "bill_id")) == 6


def test_a_failure_while_they_are_built_leaves_nothing_half_built(empty, monkeypatch) -> None:
    before = schema(empty)
    monkeypatch.setattr(
        first_download, "FTS_REBUILD", "INSERT INTO account_fts(account_fts) VALUES ('no such')"
    )
    with pytest.raises(DatabaseUnavailable):
        puller(empty, feed_of(3)).pull_all()
    during = schema(empty)
    assert during < before and not any(row[0] == "trigger" for row in during)  # all or nothing
    monkeypatch.undo()
    pull.restore_deferred(empty.db)
    assert schema(empty) == before
    whole(empty)


def test_opening_the_database_builds_them_whatever_syncs(empty, monkeypatch) -> None:
    """A PC whose download died is opened by the app before any sync worker exists (or none will)."""
    before = schema(empty)
    monkeypatch.setattr(pull, "restore_deferred", lambda _db: None)
    failpoints.activate(f"{MID_PAGE}=raise@6")
    try:
        with pytest.raises(failpoints.FailpointHit):
            puller(empty, feed_of(6)).pull_all()
    finally:
        failpoints.activate("")
    assert schema(empty) < before
    again = HallCore.open(empty.db.path, clock=FakeClock(START))
    try:
        assert schema(again) == before
        whole(again)
    finally:
        again.close()
