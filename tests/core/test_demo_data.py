"""The demo database: counts, identifiers, gap-free receipts, FTS agreement, determinism, safe replace,
and today's morning of activity, with nothing dated after the demo's clock."""

import re
import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.application_flow import FLOWS, ApplicationKind, Stage
from hallapp.domain.idcard import check_char
from hallapp.domain.numbering import is_valid_receipt_no, luhn_valid
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from tests.conftest import START

N = 300


def _build(path: Path, accounts: int = N, **kw) -> Path:  # type: ignore[no-untyped-def]
    build_demo_database(path, accounts, clock=FakeClock(START), **kw)
    return path


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("demo") / "small.sqlite")


@pytest.fixture
def db(small: Path):  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(f"file:{small}?mode=ro", uri=True)
    yield conn
    conn.close()


def _one(db: sqlite3.Connection, sql: str):  # type: ignore[no-untyped-def]
    return db.execute(sql).fetchone()[0]


def test_exactly_the_requested_number_of_accounts(db) -> None:  # type: ignore[no-untyped-def]
    assert _one(db, "SELECT count(*) FROM account") == N
    assert _one(db, "SELECT count(*) FROM customer") == N
    assert _one(db, "SELECT count(DISTINCT customer_id) FROM account") == N


def test_every_account_has_five_distinct_monthly_bills(db) -> None:  # type: ignore[no-untyped-def]
    counts = db.execute(
        "SELECT a.account_id, count(b.bill_id), count(DISTINCT b.period) "
        "FROM account a LEFT JOIN bill b ON b.account_id = a.account_id GROUP BY a.account_id"
    ).fetchall()
    assert len(counts) == N
    assert all(n == 5 and distinct == 5 for _, n, distinct in counts)
    periods = [r[0] for r in db.execute("SELECT DISTINCT period FROM bill ORDER BY period")]
    assert periods == ["202606", "202607", "202608", "202609", "202610"]  # the five months before START


def test_bills_are_consistent(db) -> None:  # type: ignore[no-untyped-def]
    assert (
        _one(db, "SELECT count(*) FROM bill WHERE paid_fen < 0 OR paid_fen > amount_fen OR amount_fen <= 0")
        == 0
    )
    states = {
        r[0]
        for r in db.execute(
            "SELECT CASE WHEN paid_fen = amount_fen THEN 'paid' WHEN paid_fen = 0 THEN 'unpaid' ELSE 'partial' END "
            "FROM bill"
        )
    }
    assert states == {"paid", "unpaid", "partial"}
    assert _one(db, "SELECT count(*) FROM bill WHERE due_date <= issued_on") == 0


def test_counter_payments_match_their_bills(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute(
        "SELECT p.amount_fen, p.account_id, b.account_id, b.paid_fen, al.principal_fen "
        "FROM payment p JOIN payment_allocation al ON al.payment_id = p.payment_id "
        "JOIN bill b ON b.bill_id = al.bill_id"
    ).fetchall()
    assert len(rows) == _one(db, "SELECT count(*) FROM payment") > 0
    for amount, pay_account, bill_account, bill_paid, principal in rows:
        assert pay_account == bill_account
        assert amount == principal == bill_paid
    assert _one(db, "SELECT count(*) FROM payment p JOIN operator o ON o.operator_id = p.operator_id") == len(
        rows
    )


def test_receipt_numbers_are_unique_and_valid(db) -> None:  # type: ignore[no-untyped-def]
    numbers = [r[0] for r in db.execute("SELECT receipt_no FROM payment")]
    assert numbers
    assert len(set(numbers)) == len(numbers)
    assert all(is_valid_receipt_no(n) for n in numbers)
    assert not any(n.startswith("TMP-") for n in numbers)


def test_receipt_sequences_are_gap_free_per_device_and_year_in_time_order(db) -> None:  # type: ignore[no-untyped-def]
    series: dict[tuple[str, int], list[int]] = defaultdict(list)
    for receipt, device, paid_at in db.execute(
        "SELECT receipt_no, device_id, paid_at FROM payment ORDER BY paid_at, payment_id"
    ):
        prefix, body = receipt.split("-")
        assert prefix == device
        year = datetime.fromisoformat(paid_at).year
        assert int(body[:2]) == year % 100
        series[(device, year)].append(int(body[2:9]))
    assert len(series) >= 2
    for seqs in series.values():
        assert seqs == list(range(1, len(seqs) + 1))


def test_every_id_number_has_a_valid_check_character(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute("SELECT id_number FROM customer WHERE kind = 'person'").fetchall()
    assert len(rows) > N // 2
    for (number,) in rows:
        assert re.fullmatch(r"\d{17}[\dX]", number)
        assert check_char(number[:17]) == number[17]
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        assert born < START.date()
    assert (
        _one(db, "SELECT count(*) FROM customer WHERE kind = 'organisation' AND id_number IS NOT NULL") == 0
    )


def test_account_numbers_are_ten_unique_digits(db) -> None:  # type: ignore[no-untyped-def]
    numbers = [r[0] for r in db.execute("SELECT account_no FROM account")]
    assert all(re.fullmatch(r"\d{10}", n) for n in numbers)
    assert len(set(numbers)) == N


def test_phones_are_mainland_mobiles(db) -> None:  # type: ignore[no-untyped-def]
    phones = [r[0] for r in db.execute("SELECT phone FROM customer")]
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) for p in phones)


def test_open_applications_are_well_formed(db) -> None:  # type: ignore[no-untyped-def]
    for number, kind, status, account_id in db.execute(
        "SELECT application_no, kind, status, account_id FROM application"
    ):
        assert luhn_valid(number.split("-")[1])
        assert Stage(status) in FLOWS[ApplicationKind(kind)]
        assert Stage(status) is not Stage.ARCHIVED
        assert _one(db, f"SELECT count(*) FROM account WHERE account_id = '{account_id}'") == 1


FTS_CHECK = "INSERT INTO account_fts(account_fts) VALUES ('integrity-check')"
# For an external-content table the plain check only checks the index against itself; rank = 1 also
# compares it with the content table (account), which is what "agrees with the account table" needs.
FTS_CHECK_CONTENT = "INSERT INTO account_fts(account_fts, rank) VALUES ('integrity-check', 1)"


def test_fts_index_agrees_with_the_account_table(small: Path) -> None:
    conn = sqlite3.connect(small)  # the check is an INSERT command: it needs a writable connection
    try:
        conn.execute(FTS_CHECK)
        conn.execute(FTS_CHECK_CONTENT)
        assert conn.execute("SELECT count(*) FROM account_fts_docsize").fetchone()[0] == N
        fragment = conn.execute("SELECT substr(address, 4, 6) FROM account ORDER BY account_no").fetchone()[0]
        hits = conn.execute("SELECT count(*) FROM account_fts WHERE account_fts MATCH ?", (f'"{fragment}"',))
        likes = conn.execute("SELECT count(*) FROM account WHERE instr(address, ?) > 0", (fragment,))
        assert hits.fetchone()[0] == likes.fetchone()[0] > 0
    finally:
        conn.close()


def test_only_the_content_check_detects_a_stale_index(small: Path, tmp_path: Path) -> None:
    """Guard for the test above: an index out of step with account is really caught (by rank = 1)."""
    copy = tmp_path / "stale.sqlite"
    copy.write_bytes(small.read_bytes())
    conn = sqlite3.connect(copy)
    try:
        conn.execute("DROP TRIGGER account_fts_au")
        conn.execute("UPDATE account SET address = '示例市完全不同的地址' WHERE account_no = '3200000001'")
        conn.commit()
        conn.execute(FTS_CHECK)  # does not notice: it only checks the index's own structure
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute(FTS_CHECK_CONTENT)
    finally:
        conn.close()


def test_the_built_file_is_a_usable_hall_database(small: Path, tmp_path: Path) -> None:
    copy = tmp_path / "usable.sqlite"
    copy.write_bytes(small.read_bytes())
    hall = HallCore.open(copy, clock=FakeClock(START))
    try:
        clerk = hall.auth.login("C001", DEMO_PASSWORD)
        assert len(hall.accounts.search(clerk, "3200000300")) == 1
        assert hall.accounts.search(clerk, "3200000301") == []
        assert hall.device.device_code == "H000101"
        assert hall.verify_audit_chain() is None
        with hall.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        hall.close()


ACCOUNT_COLUMNS = (
    "account_id, account_no, customer_id, address, tariff, voltage, supply_relation, load_class, "
    "key_customer, vulnerable, credit_rating, status, prepaid_fen, opened_on"
)


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_same_seed_gives_the_same_accounts(small: Path, tmp_path: Path) -> None:
    again = _build(tmp_path / "again.sqlite")
    for sql in (
        f"SELECT {ACCOUNT_COLUMNS} FROM account ORDER BY account_no",
        "SELECT * FROM customer ORDER BY customer_id",
        "SELECT * FROM bill ORDER BY bill_id",
        "SELECT payment_id, receipt_no, amount_fen, method, paid_at FROM payment ORDER BY payment_id",
    ):
        assert _rows(again, sql) == _rows(small, sql)
    other = _build(tmp_path / "other.sqlite", seed=7)
    sql = f"SELECT {ACCOUNT_COLUMNS} FROM account ORDER BY account_no"
    assert _rows(other, sql) != _rows(small, sql)


def test_building_over_an_existing_file_replaces_it_only_at_the_end(tmp_path: Path) -> None:
    target = tmp_path / "hall.sqlite"
    old = b"the previous demo database"
    target.write_bytes(old)
    building = target.with_name(target.name + ".building")
    seen: list[int] = []

    def progress(done: int) -> None:
        seen.append(done)
        assert target.read_bytes() == old  # still the old file while building
        assert building.exists()

    _build(target, 50, progress=progress)
    assert seen == [50]
    assert not building.exists()
    assert not list(tmp_path.glob("*.building*"))
    assert _rows(target, "SELECT count(*) FROM account") == [(50,)]


def test_a_left_over_building_file_is_discarded(tmp_path: Path) -> None:
    target = tmp_path / "hall.sqlite"
    target.with_name("hall.sqlite.building").write_bytes(b"half-built junk from a crash")
    _build(target, 10)
    assert _rows(target, "SELECT count(*) FROM account") == [(10,)]
    assert not target.with_name("hall.sqlite.building").exists()


def test_a_negative_count_is_refused_and_the_existing_file_kept(tmp_path: Path) -> None:
    target = tmp_path / "hall.sqlite"
    target.write_bytes(b"keep me")
    with pytest.raises(ValueError):
        build_demo_database(target, -1, clock=FakeClock(START))
    assert target.read_bytes() == b"keep me"


def test_an_empty_demo_still_opens(tmp_path: Path) -> None:
    target = _build(tmp_path / "empty.sqlite", 0)
    assert _rows(target, "SELECT count(*) FROM account") == [(0,)]
    assert _rows(target, "SELECT count(*) FROM operator") == [(6,)]


# --- today's morning --------------------------------------------------------------------------
# START is 09:30 in the hall; the morning demo is built at 11:10, when the hall has been open a while.
MORNING_NOW = datetime(2026, 11, 20, 3, 10, tzinfo=UTC)
TODAY = date(2026, 11, 20)
STAMPS = (  # every moment a record of the day carries (all stored as UTC text)
    ("ticket", "issued_at"),
    ("ticket", "called_at"),
    ("ticket_event", "at"),
    ("queue_log", "at"),
    ("payment", "paid_at"),
    ("complaint", "received_at"),
    ("consultation", "created_at"),
    ("audit_event", "at"),
)
DAYS = (
    ("ticket", "business_date"),
    ("payment", "business_date"),
    ("bill", "issued_on"),
    ("application", "accepted_on"),
    ("application", "stage_since"),
)


@pytest.fixture(scope="module")
def morning(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "morning.sqlite"
    build_demo_database(path, N, clock=FakeClock(MORNING_NOW), morning=True)
    return path


def _latest(path: Path, table: str, column: str) -> datetime | None:
    [(value,)] = _rows(path, f"SELECT max({column}) FROM {table}")
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _nothing_after(path: Path, now: datetime) -> None:
    for table, column in STAMPS:
        latest = _latest(path, table, column)
        assert latest is None or latest <= now, (table, column, latest)
    today = now.astimezone(timezone(timedelta(hours=8))).date().isoformat()
    for table, column in DAYS:
        [(later,)] = _rows(path, f"SELECT count(*) FROM {table} WHERE {column} > '{today}'")
        assert later == 0, (table, column)


def test_the_demo_holds_a_morning_of_activity_today(morning: Path) -> None:
    day = TODAY.isoformat()
    states = dict(
        _rows(morning, f"SELECT state, count(*) FROM ticket WHERE business_date = '{day}' GROUP BY state")
    )
    assert states.get("finished", 0) >= 20 and set(states) <= {"finished", "no_show", "called", "serving"}
    [(rated,)] = _rows(
        morning, f"SELECT count(*) FROM ticket WHERE business_date = '{day}' AND rating IS NOT NULL"
    )
    assert rated > 10
    [(paid,)] = _rows(morning, f"SELECT count(*) FROM payment WHERE business_date = '{day}'")
    assert paid >= 5
    assert _rows(morning, f"SELECT count(*) FROM complaint WHERE business_date = '{day}'") == [(1,)]
    [(asked,)] = _rows(morning, f"SELECT count(*) FROM consultation WHERE business_date = '{day}'")
    assert asked >= 1
    first = _latest(morning, "queue_log", "at")
    assert first is not None and first.astimezone(timezone(timedelta(hours=8))).time() == time(8, 30)


def test_nothing_is_dated_after_the_demo_clock(morning: Path) -> None:
    _nothing_after(morning, MORNING_NOW)


def test_the_morning_follows_the_queue_and_payment_rules(morning: Path) -> None:
    """Every served ticket went waiting → called → serving → finished in time order; every payment of
    today has its receipt in this PC's gap-free series; the audit chain holds."""
    events: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ticket_id, kind, at in _rows(
        morning, "SELECT ticket_id, kind, at FROM ticket_event ORDER BY ticket_id, seq"
    ):
        events[ticket_id].append((kind, at))
    for ticket_id, state in _rows(morning, "SELECT ticket_id, state FROM ticket"):
        kinds = [k for k, _ in events[ticket_id]]
        times = [at for _, at in events[ticket_id]]
        assert times == sorted(times)
        assert kinds[:1] == ["issued"]
        if state == "finished":
            assert "called" in kinds and "started" in kinds and "finished" in kinds
    receipts = [
        r
        for (r,) in _rows(
            morning, f"SELECT receipt_no FROM payment WHERE business_date = '{TODAY}' ORDER BY paid_at"
        )
    ]
    assert all(is_valid_receipt_no(r) for r in receipts)
    assert [int(r.split("-")[1][2:9]) for r in receipts] == list(range(1, len(receipts) + 1))
    hall = HallCore.open(morning, clock=FakeClock(MORNING_NOW))
    try:
        assert hall.verify_audit_chain() is None
        log = hall.daily_log.day(hall.auth.login("S001", DEMO_PASSWORD))
        assert not log.empty and log.hall.tickets.served and log.hall.complaints
    finally:
        hall.close()


def test_before_opening_time_today_is_still_empty(tmp_path: Path) -> None:
    early = datetime(2026, 11, 19, 23, 0, tzinfo=UTC)  # 07:00 in the hall
    path = tmp_path / "early.sqlite"
    build_demo_database(path, 20, clock=FakeClock(early), morning=True)
    assert _rows(path, "SELECT count(*) FROM ticket") == [(0,)]
    _nothing_after(path, early)


def test_early_in_the_month_no_bill_or_payment_lies_ahead(tmp_path: Path) -> None:
    """On the 3rd last month's bills (issued on the 5th) are not out yet; on the 6th the bills issued
    the day before are paid at a counter only on days already past."""
    for now in (datetime(2026, 12, 3, 2, 0, tzinfo=UTC), datetime(2026, 12, 6, 2, 0, tzinfo=UTC)):
        path = tmp_path / f"{now.day}.sqlite"
        build_demo_database(path, N, clock=FakeClock(now))  # the history alone
        _nothing_after(path, now)


def test_the_morning_is_made_only_when_asked(small: Path) -> None:
    """Tests, tools and benchmarks make their own day (the shared test database is one)."""
    assert _rows(small, "SELECT count(*) FROM ticket") == [(0,)]
    assert _rows(small, f"SELECT count(*) FROM payment WHERE business_date >= '{START.date()}'") == [(0,)]


def test_the_real_demo_is_built_up_to_the_real_time(tmp_path: Path) -> None:
    path = tmp_path / "real.sqlite"
    build_demo_database(path, 20, morning=True)  # the app's own clock, whatever the time of day
    _nothing_after(path, datetime.now(UTC))
