"""SYNC_DESIGN §4.14 B for the download half: random steps of the billing import on the real
PostgreSQL central server and of one PC pulling from it — new and changed accounts, customers and
bills, accounts moving to the other hall or to another customer, pulls with random page sizes that
crash mid-page (``client.mid_pull_page_apply``), the server given a new epoch, or restored from a
backup taken earlier — then a final pull and the invariants:

5. convergence: the PC's customers, accounts and bills equal the server's of its hall (each column
   the PC keeps, its ``server_version`` = the server's ``version``);
6. resumable pull: that state equals one full pull into a fresh database (every column).

Both leave out ``account.prepaid_fen``: the pull sets it on an account's first copy only (prepayments
taken at the counter must not be undone), so it depends on when the PC first saw the account.
"""

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import text

from hallapp import failpoints
from hallapp.central.app import create_app
from hallapp.central.db import make_engine, make_sessions
from hallapp.central.enrolment import create_enrolment_code, create_hall
from hallapp.central.master_import import import_accounts, import_bills
from hallapp.db.engine import Database
from hallapp.db.engine import make_engine as make_local_engine
from hallapp.demo.build import build_demo_database
from hallapp.failpoints import FailpointHit
from hallapp.services.clock import FakeClock
from hallapp.sync.enrol import enrol
from hallapp.sync.pull import MID_PAGE, Puller
from tests.server.test_central_import import (
    HALL2,
    TODAY,
    accounts_file,
    bill,
    bills_file,
    organisation,
    person,
)
from tests.server.test_central_support import HALL, PAID_AT, TestClient, central_url, pg_url  # noqa: F401

pytestmark = [pytest.mark.pg, pytest.mark.slow]
ACCOUNTS = 8  # account i and customer i for i in 1…ACCOUNTS: small, so steps meet the same rows again
PHONES = ("13912345678", "13800001111", "18905550000")
PERIODS = ("202609", "202610")
MASTER = ("customer", "account", "bill", "change_log")
HORIZON_WAIT_S = 60
EXERCISED: dict[str, int] = {"crash": 0, "moved": 0, "restore": 0, "epoch": 0}  # the run must reach these

account_rows = st.lists(
    st.tuples(
        st.integers(1, ACCOUNTS),  # the account
        st.integers(1, ACCOUNTS),  # its customer
        st.sampled_from((HALL, HALL2)),
        st.integers(0, len(PHONES) - 1),
        st.sampled_from(("active", "suspended")),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda row: row[0],
)


def account_no(i: int) -> str:
    return f"320{i:07d}"


def account_row(i: int, holder: int, hall: str, phone: int, status: str) -> dict[str, str]:
    """Account ``i`` held by customer ``holder`` (the customer's fields are the holder's own)."""
    make = organisation if holder % 4 == 0 else person
    return make(holder, phone=PHONES[phone]) | {
        "account_no": account_no(i),
        "hall_id": hall,
        "status": status,
    }


class PullMachine(RuleBasedStateMachine):
    def __init__(self, url: str, folder: Path, template: Path, token: str) -> None:
        super().__init__()
        self.engine = make_engine(url)
        self.sessions = make_sessions(self.engine)
        with self.sessions.begin() as s:
            s.execute(text(f"TRUNCATE {', '.join(MASTER)}"))
            s.execute(text("UPDATE server_meta SET epoch = gen_random_uuid()"))
        self.client = TestClient(create_app(url), raise_server_exceptions=False)
        self.folder, self.token = folder, token
        self.files = 0
        self.db = _copy(template, folder / f"pc-{id(self)}.sqlite")
        self.on_server: set[int] = set()  # accounts the server holds (bills need one)
        self.billing: dict[tuple[int, str], tuple[int, int]] = {}  # (account, period) → (amount, paid)

    @initialize(rows=account_rows)
    def first_import(self, rows: list[tuple[int, int, str, int, str]]) -> None:
        self.import_accounts(rows, batch=2)
        self.take_backup()

    @rule(rows=account_rows, batch=st.integers(1, 3))
    def import_accounts(self, rows: list[tuple[int, int, str, int, str]], batch: int) -> None:
        """New or changed accounts and customers; an account may move hall or change customer."""
        with self.sessions() as s:
            before = {no: hall for no, hall in s.execute(text("SELECT account_no, hall_id FROM account"))}
        phones: dict[int, int] = {}  # one customer's rows of a file must agree: the first one's phone
        rows = [
            (i, holder, hall, phones.setdefault(holder, phone), status)
            for i, holder, hall, phone, status in rows
        ]
        report = import_accounts(
            self.sessions,
            accounts_file(self.folder, [account_row(*r) for r in rows], self._name()),
            today=TODAY,
            batch_rows=batch,
        )
        assert report.ok, report.summary_lines()
        self.on_server |= {r[0] for r in rows}
        EXERCISED["moved"] += sum(before.get(account_no(r[0]), r[2]) != r[2] for r in rows)

    @precondition(lambda self: bool(self.on_server))
    @rule(
        picks=st.lists(
            st.tuples(
                st.integers(0, 99), st.sampled_from(PERIODS), st.integers(1_000, 60_000), st.integers(0, 2)
            ),
            min_size=1,
            max_size=4,
        ),
        batch=st.integers(1, 3),
    )
    def import_bills(self, picks: list[tuple[int, str, int, int]], batch: int) -> None:
        """New or corrected bills (a third of them paid in part or in full at the billing side)."""
        accounts = sorted(self.on_server)
        rows: dict[tuple[int, str], dict[str, str]] = {}
        for pick, period, fen, paid in picks:
            i = accounts[pick % len(accounts)]
            # Billing's paid figure only grows (the PC keeps the larger of its own and billing's).
            paid_fen = max((0, fen // 2, fen)[paid], self.billing.get((i, period), (0, 0))[1])
            self.billing[i, period] = (max(fen, paid_fen), paid_fen)
            rows[i, period] = self._bill(i, period)
        report = import_bills(
            self.sessions, bills_file(self.folder, list(rows.values()), self._name()), batch_rows=batch
        )
        assert report.ok, report.summary_lines()

    @rule(page=st.integers(1, 9), crash_at=st.one_of(st.none(), st.integers(1, 4)))
    def pull(self, page: int, crash_at: int | None) -> None:
        """A pull in pages of ``page`` changes; it may crash in the middle of applying a page."""
        self._wait_for_the_horizon()
        failpoints.activate(f"{MID_PAGE}=raise@{crash_at}" if crash_at else "")
        try:
            Puller(self.db, self.client, self.token, page_size=page).pull_all()
        except FailpointHit:
            EXERCISED["crash"] += 1
        finally:
            failpoints.activate("")

    def take_backup(self) -> None:
        """What a rewinding restore goes back to (master data and feed, as ``pg_dump`` has them):
        taken once, after the first import, so a restore loses whatever came later."""
        with self.sessions.begin() as s:
            for table in MASTER:
                s.execute(text(f"DROP TABLE IF EXISTS backup_{table}"))
                s.execute(text(f"CREATE TABLE backup_{table} AS SELECT * FROM {table}"))

    @rule(rewind=st.booleans())
    def restore(self, rewind: bool) -> None:
        """The server restored with a new epoch (docs/operations.md): from the last backup (its
        master data as it was then), or from a backup of this very moment (only the epoch is new)."""
        with self.sessions.begin() as s:
            if rewind:
                s.execute(text(f"TRUNCATE {', '.join(MASTER)}"))
                for table in MASTER:
                    overriding = " OVERRIDING SYSTEM VALUE" if table == "change_log" else ""
                    s.execute(text(f"INSERT INTO {table}{overriding} SELECT * FROM backup_{table}"))
                self.on_server = {int(n[3:]) for n in s.scalars(text("SELECT account_no FROM account"))}
            s.execute(text("UPDATE server_meta SET epoch = gen_random_uuid()"))
        EXERCISED["restore" if rewind else "epoch"] += 1
        if not rewind:
            return
        # The billing system was not restored: its next export brings the bills' paid figures back up
        # (the PC keeps the larger of its own and the server's, so it would not follow them down).
        again = [self._bill(i, period) for i, period in sorted(self.billing) if i in self.on_server]
        if again:
            report = import_bills(self.sessions, bills_file(self.folder, again, self._name()))
            assert report.ok, report.summary_lines()

    def teardown(self) -> None:
        failpoints.activate("")
        try:
            self._wait_for_the_horizon()
            Puller(self.db, self.client, self.token).pull_all()
            server = server_state(self.sessions)
            pulled = local_state(self.db)
            assert pulled == server  # 5: convergence
            fresh = _copy(self.template, self.folder / f"fresh-{id(self)}.sqlite")
            try:
                Puller(fresh, self.client, self.token).pull_all()
                assert local_state(self.db, everything=True) == local_state(fresh, everything=True)  # 6
            finally:
                fresh.close()
        finally:
            self.db.close()
            self.client.close()
            self.engine.dispose()

    template: Path = Path()

    def _wait_for_the_horizon(self) -> None:
        """The feed serves only what is older than the oldest running transaction of the whole
        cluster (§4.7): another database's open transaction (a parallel test run) holds it back."""
        deadline = time.monotonic() + HORIZON_WAIT_S
        while True:
            with self.sessions() as s:
                behind = s.scalar(
                    text(
                        "SELECT count(*) FROM change_log WHERE xid >= pg_snapshot_xmin(pg_current_snapshot())"
                    )
                )
            if not behind:
                return
            assert time.monotonic() < deadline, f"{behind} changes still behind the xmin horizon"
            time.sleep(0.05)

    def _bill(self, i: int, period: str) -> dict[str, str]:
        amount, paid = self.billing[i, period]
        return bill(account_no(i), period, amount_yuan=_yuan(amount), paid_yuan=_yuan(paid))

    def _name(self) -> str:
        self.files += 1
        return f"step-{id(self)}-{self.files}.csv"


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _copy(template: Path, path: Path) -> Database:
    path.write_bytes(template.read_bytes())
    return Database(make_local_engine(path), path)


# -- the two sides, as comparable rows ------------------------------------------------------------------

SERVER_CUSTOMERS = f"""
SELECT customer_id, kind, name, id_type, coalesce(nullif(id_number, ''), credit_code), phone, email,
       mail_address, contact_verified_on::text, version
FROM customer c WHERE EXISTS (SELECT 1 FROM account a WHERE a.customer_id = c.customer_id AND a.hall_id = '{HALL}')
"""
SERVER_ACCOUNTS = f"""
SELECT account_id, account_no, customer_id, address, tariff, voltage, supply_relation, load_class,
       key_customer::int, vulnerable::int, credit_rating, status, opened_on::text, version
FROM account WHERE hall_id = '{HALL}'
"""
SERVER_BILLS = f"""
SELECT b.bill_id, a.account_id, b.period, b.kwh, b.amount_fen, b.paid_fen, b.issued_on::text, b.due_date::text,
       b.version
FROM bill b JOIN account a USING (account_no) WHERE a.hall_id = '{HALL}'
"""
LOCAL_CUSTOMERS = """
SELECT customer_id, kind, name, id_type, id_number, phone, email, mail_address, contact_verified_on,
       server_version FROM customer
"""
LOCAL_ACCOUNTS = """
SELECT account_id, account_no, customer_id, address, tariff, voltage, supply_relation, load_class,
       key_customer, vulnerable, credit_rating, status, opened_on, server_version FROM account
"""
LOCAL_BILLS = """
SELECT bill_id, account_id, period, kwh, amount_fen, paid_fen, issued_on, due_date, server_version FROM bill
"""


def server_state(sessions) -> dict[str, list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return {
            name: sorted(tuple(row) for row in s.execute(text(sql)))
            for name, sql in (
                ("customer", SERVER_CUSTOMERS),
                ("account", SERVER_ACCOUNTS),
                ("bill", SERVER_BILLS),
            )
        }


def local_state(db: Database, *, everything: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """The PC's pulled rows; ``everything``: every column (the local hall id too) but the prepaid balance."""
    queries = (("customer", LOCAL_CUSTOMERS), ("account", LOCAL_ACCOUNTS), ("bill", LOCAL_BILLS))
    if everything:
        with db.read() as s:
            columns = [c for _, c, *_ in s.execute(text("PRAGMA table_info(account)")) if c != "prepaid_fen"]
        queries = (
            ("customer", "SELECT * FROM customer"),
            ("account", f"SELECT {', '.join(columns)} FROM account"),
            ("bill", "SELECT * FROM bill"),
        )
    with db.read() as s:
        return {name: sorted(tuple(row) for row in s.execute(text(sql))) for name, sql in queries}


# -- the test ---------------------------------------------------------------------------------------


def test_pulled_master_data_converges_and_resumes_under_random_steps_and_crashes(
    central_url: str, tmp_path: Path
) -> None:
    engine = make_engine(central_url)
    sessions = make_sessions(engine)
    create_hall(sessions, HALL, "城东供电营业厅")
    create_hall(sessions, HALL2, "城西供电营业厅")
    template = tmp_path / "template.sqlite"
    build_demo_database(template, 0, clock=FakeClock(PAID_AT))
    db = Database(make_local_engine(template), template)
    tokens: dict[str, str] = {}
    with TestClient(create_app(central_url), raise_server_exceptions=False) as client:
        done = enrol(
            db,
            client,
            create_enrolment_code(sessions, HALL).code,
            hostname="pc",
            client_version="test",
            keep_token=tokens.__setitem__,
        )
    db.close()
    engine.dispose()
    PullMachine.template = template
    run_state_machine_as_test(
        lambda: PullMachine(central_url, tmp_path, template, tokens[done.device_id]),
        settings=settings(
            max_examples=40,
            stateful_step_count=14,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],  # a failing run is reported as found, unshrunk
            suppress_health_check=list(HealthCheck),
        ),
    )
    assert all(EXERCISED.values()), EXERCISED  # crashes, moves, restores and new epochs really happened
