"""The demo database: counts, identifiers, gap-free receipts, FTS agreement, determinism, safe replace."""

import re
import sqlite3
from collections import defaultdict
from datetime import date, datetime
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
