"""Bulk generation of customers, accounts, bills, counter payments and open applications.

Plain sqlite3 executemany in chunks: 1,000,000 accounts take minutes, not hours.
"""

import json
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from hallapp.demo import people
from hallapp.domain.application_flow import FLOWS, ApplicationKind, Stage
from hallapp.domain.calendar import add_working_days
from hallapp.domain.idcard import make_id_number
from hallapp.domain.ids import uuid7_at
from hallapp.domain.numbering import application_no

PERIODS = 5
ISSUE_DAY = 5  # a period's bills are issued on this day of the next month
COUNTER_SHARE = 0.25  # share of paid bills paid at this hall's counters (the rest: bank, app …)
HISTORY_DEVICES = ("H000102", "H000103")  # the hall's other counter PCs, whose history we hold
METHODS = (("cash", 0.40), ("wechat", 0.30), ("alipay", 0.20), ("card", 0.10))
ORG_TARIFFS = (
    ("non_resident", 0.35),
    ("commercial", 0.35),
    ("general_industrial", 0.18),
    ("agricultural", 0.08),
    ("large_industrial", 0.04),
)
DT_FORMAT = "%Y-%m-%d %H:%M:%S.000000"

CUSTOMER_SQL = "INSERT INTO customer VALUES (?,?,?,?,?,?,?,?,?,0)"
ACCOUNT_SQL = "INSERT INTO account VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)"
BILL_SQL = "INSERT INTO bill VALUES (?,?,?,?,?,?,?,?,0)"
PAYMENT_SQL = (
    "INSERT INTO payment (payment_id, receipt_no, device_id, account_id, amount_fen, penalty_fen, method,"
    " reference, operator_id, business_date, paid_at, owed_before_fen) VALUES (?,?,?,?,?,0,?,?,?,?,?,?)"
)
ALLOC_SQL = (
    "INSERT INTO payment_allocation (payment_id, bill_id, principal_fen, penalty_fen, outstanding_before_fen)"
    " VALUES (?,?,?,0,?)"
)
APPLICATION_SQL = (
    "INSERT INTO application (application_id, application_no, kind, status, account_id, applicant_name,"
    " accepted_on, due_on, operator_id, data, device_id, account_no, stage_since, stage_due_on, version)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)"
)


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    r = rng.random()
    for value, weight in weighted:
        r -= weight
        if r < 0:
            return value
    return weighted[-1][0]


@dataclass
class _Batch:
    customers: list = field(default_factory=list)
    accounts: list = field(default_factory=list)
    bills: list = field(default_factory=list)
    payments: list = field(default_factory=list)
    allocations: list = field(default_factory=list)
    applications: list = field(default_factory=list)

    def flush(self, conn: sqlite3.Connection) -> None:
        for sql, rows in (
            (CUSTOMER_SQL, self.customers),
            (ACCOUNT_SQL, self.accounts),
            (BILL_SQL, self.bills),
            (PAYMENT_SQL, self.payments),
            (ALLOC_SQL, self.allocations),
            (APPLICATION_SQL, self.applications),
        ):
            conn.executemany(sql, rows)
            rows.clear()


class AccountGenerator:
    def __init__(self, *, hall_id: str, clerk_ids: list[str], today: date, seed: int = 20261122) -> None:
        self.hall_id = hall_id
        self.clerk_ids = clerk_ids
        self.today = today
        self.rng = random.Random(seed)
        self.ms = int(datetime(today.year, today.month, 1, tzinfo=UTC).timestamp() * 1000) - 10**9
        self.periods = _last_periods(today, PERIODS)
        self.application_seq = 0

    def _id(self) -> str:
        self.ms += 1
        return uuid7_at(self.ms, self.rng.getrandbits(74))

    def run(
        self,
        conn: sqlite3.Connection,
        count: int,
        *,
        chunk: int = 20_000,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        batch = _Batch()
        for i in range(1, count + 1):
            self._account(batch, i)
            if i % chunk == 0 or i == count:
                batch.flush(conn)
                conn.commit()
                if progress:
                    progress(i)
        _number_receipts(conn)
        conn.commit()

    def _account(self, batch: _Batch, i: int) -> None:
        rng = self.rng
        person = rng.random() < 0.88
        customer_id, account_id = self._id(), self._id()
        if person:
            name = people.person_name(rng)
            born = date(1940 + rng.randrange(65), rng.randrange(1, 13), rng.randrange(1, 29))
            id_number = make_id_number(rng.choice(people.REGIONS), born, rng.randrange(1, 999))
            batch.customers.append(
                (customer_id, "person", name, "resident_id", id_number, people.mobile(rng), None, None, None)
            )
            tariff, voltage, address = (
                "resident",
                ("220V" if rng.random() < 0.9 else "380V"),
                people.home_address(rng),
            )
        else:
            name = people.org_name(rng)
            batch.customers.append(
                (customer_id, "organisation", name, "uscc", None, people.mobile(rng), None, None, None)
            )
            tariff, voltage = _pick(rng, ORG_TARIFFS), ("380V" if rng.random() < 0.93 else "10kV")
            address = people.business_address(rng)
        key = not person and rng.random() < 0.05
        status = "closed" if rng.random() < 0.005 else "active"
        batch.accounts.append(
            (
                account_id,
                f"320{i:07d}",
                customer_id,
                self.hall_id,
                address,
                tariff,
                voltage,
                "transfer" if rng.random() < 0.02 else "direct",
                "2" if key else "3",
                int(key),
                int(person and rng.random() < 0.02),
                _pick(rng, (("A", 0.8), ("B", 0.15), ("C", 0.04), ("D", 0.01))),
                status,
                rng.randrange(1000, 20000) if rng.random() < 0.1 else 0,
                (self.today - timedelta(days=rng.randrange(200, 9000))).isoformat(),
            )
        )
        unpaid = 0 if status == "closed" else _unpaid_count(rng)
        self._bills(batch, account_id, person, unpaid)
        if rng.random() < 0.008:
            self._application(batch, account_id, f"320{i:07d}", name, person)

    def _bills(self, batch: _Batch, account_id: str, person: bool, unpaid: int) -> None:
        rng = self.rng
        base = rng.randrange(60, 450) if person else rng.randrange(200, 8000)
        price = 53.8 if person else rng.uniform(70, 95)
        for n, period in enumerate(self.periods):
            bill_id = self._id()
            kwh = max(1, int(base * _season(period) * rng.uniform(0.8, 1.2)))
            amount = round(kwh * price)
            issued = _issue_date(period)
            due = issued + timedelta(days=7)
            outstanding = n >= PERIODS - unpaid
            paid = 0 if outstanding else amount
            if outstanding and unpaid == 1 and rng.random() < 0.1:
                paid = amount // 2
            batch.bills.append(
                (bill_id, account_id, period, kwh, amount, paid, issued.isoformat(), due.isoformat())
            )
            if paid and rng.random() < COUNTER_SHARE:
                self._payment(batch, account_id, bill_id, paid, issued)

    def _payment(self, batch: _Batch, account_id: str, bill_id: str, amount: int, issued: date) -> None:
        rng = self.rng
        days = min(7, (self.today - issued).days)  # paid within the week, and before today
        if days <= 0:
            return  # issued today: paid elsewhere (bank, app), not yet at a counter
        day = issued + timedelta(days=rng.randrange(0, days))
        local = datetime(day.year, day.month, day.day, 8, 30) + timedelta(minutes=rng.randrange(0, 540))
        paid_at = (local - timedelta(hours=8)).strftime(DT_FORMAT)  # demo hall runs on UTC+8
        payment_id = self._id()
        method = _pick(rng, METHODS)
        reference = None if method == "cash" else f"{rng.randrange(10**15, 10**16)}"
        device = rng.choice(HISTORY_DEVICES)
        batch.payments.append(
            (
                payment_id,
                f"TMP-{payment_id}",
                device,
                account_id,
                amount,
                method,
                reference,
                rng.choice(self.clerk_ids),
                day.isoformat(),
                paid_at,
                amount,
            )
        )
        batch.allocations.append((payment_id, bill_id, amount, amount))

    def _application(self, batch: _Batch, account_id: str, account_no: str, name: str, person: bool) -> None:
        """An open 增容/更名/过户 from the hall's history, at a stage its kind passes through."""
        rng = self.rng
        self.application_seq += 1
        accepted = self.today - timedelta(days=rng.randrange(0, 20))
        increase = ApplicationKind.RESIDENT_INCREASE if person else ApplicationKind.NON_RESIDENT_INCREASE
        kind = rng.choice((increase, ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER))
        stage = rng.choice([s for s in FLOWS[kind] if s is not Stage.ARCHIVED])
        since = min(accepted + timedelta(days=rng.randrange(0, 3)), self.today)
        due = add_working_days(accepted, rng.randrange(3, 7), {})
        batch.applications.append(
            (
                self._id(),
                application_no(HISTORY_DEVICES[0], self.application_seq),
                kind.value,
                stage.value,
                account_id,
                name,
                accepted.isoformat(),
                due.isoformat(),
                rng.choice(self.clerk_ids),
                json.dumps({"kind": kind.value, "name": name, "account_no": account_no}, ensure_ascii=False),
                HISTORY_DEVICES[0],
                account_no,
                since.isoformat(),
                due.isoformat()
                if kind not in (ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER)
                else None,
            )
        )


def _unpaid_count(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.78:
        return 0
    if r < 0.92:
        return 1
    if r < 0.97:
        return 2
    return 3


def _season(period: str) -> float:
    return {1: 1.3, 2: 1.2, 7: 1.5, 8: 1.6, 12: 1.2}.get(int(period[4:]), 1.0)


def _last_periods(today: date, count: int) -> list[str]:
    """The ``count`` latest billing periods whose bills have been issued by ``today``."""
    year, month = today.year, today.month
    if today.day < ISSUE_DAY:  # last month's bills are not out yet
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    periods = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        periods.append(f"{year}{month:02d}")
    return sorted(periods)


def _issue_date(period: str) -> date:
    year, month = int(period[:4]), int(period[4:])
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return date(year, month, ISSUE_DAY)


def _number_receipts(conn: sqlite3.Connection) -> None:
    """Give historical payments receipt numbers in time order, per device and year, gap-free."""
    from hallapp.domain.numbering import receipt_no

    conn.create_function("receipt_no", 3, receipt_no, deterministic=True)
    conn.execute("""
        CREATE TEMP TABLE receipt_numbers AS
        SELECT payment_id,
               receipt_no(device_id, CAST(substr(paid_at, 1, 4) AS INTEGER),
                          ROW_NUMBER() OVER (PARTITION BY device_id, substr(paid_at, 1, 4)
                                             ORDER BY paid_at, payment_id)) AS number
        FROM payment WHERE receipt_no LIKE 'TMP-%'
    """)
    conn.execute(
        "UPDATE payment SET receipt_no = r.number FROM receipt_numbers AS r "
        "WHERE r.payment_id = payment.payment_id"
    )
    conn.execute("DROP TABLE receipt_numbers")
