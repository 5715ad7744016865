"""One hall's master data written straight into a central database, fast, for the pull benchmark.

``hallapp central import-accounts|import-bills`` takes about 10 s per 100,000 rows (the checks in
Python, then PostgreSQL upserts batch by batch): a million accounts with their customers and bills
would cost several minutes before the benchmark even starts. Here the same rows are COPYed into
``customer``, ``account`` and ``bill``, and the ``change_log`` rows are made from the stored rows with
the importer's own expressions, in the importer's order:

* per batch of ``batch_rows`` accounts: that batch's customers (``to_jsonb`` of the row less the
  server's bookkeeping columns, ``feed.PRIVATE``, by customer id), then its accounts (the same, by
  account number), as ``master_import.FEED_IN``;
* then the bills file, batch by batch: ``master_import.BILL_IMAGE`` (the row plus ``account_id``),
  by account number and period, as ``master_import.UPSERT_BILLS``;
* scope ``hall:<hall>``, op ``upsert``, version 1 (a first import inserts every row).

The difference: several importer batches share one transaction (``batches_per_transaction``), so
the feed has fewer distinct xids than a real import; the pull reads ``(xid, id)`` ranges either way.
``write_import_files`` writes the same rows as the billing export's CSV files, so a test can import
them with ``master_import`` and compare the two change logs row by row
(tests/server/test_central_pull.py).

No Qt, no HallApp services: psycopg and the central schema's id helpers only.
"""

import csv
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hallapp.central.feed import PRIVATE
from hallapp.central.master_csv import account_columns, bill_columns
from hallapp.central.master_import import ACCOUNT_COLUMNS, BILL_COLUMNS, BILL_IMAGE, CUSTOMER_COLUMNS, LOG
from hallapp.central.schema import account_uuid, bill_uuid
from hallapp.demo import people
from hallapp.domain.credit_code import make_credit_code
from hallapp.domain.idcard import make_id_number

SHARED_EVERY = 10  # one account in ten belongs to the previous account's customer
ORGANISATION_EVERY = 25
PERIOD = "202610"
ISSUED_ON = date(2026, 11, 5)
DUE_DAYS = 7
ORG_CODE = make_credit_code("91320100MA1XYW123")
ACCOUNT_NO_BASE = 3_000_000_000  # account i is number 3000000000 + i (10 digits)

CUSTOMER_COPY = ("customer_id", *CUSTOMER_COLUMNS)
ACCOUNT_COPY = ("account_no", "account_id", *ACCOUNT_COLUMNS)
BILL_COPY = ("bill_id", "account_no", "period", *BILL_COLUMNS)


@dataclass(frozen=True)
class MasterRow:
    """Account ``i``: its customer's row (None when the customer came with an earlier account), the
    account's row and its bill, each as a dict of the central table's columns."""

    customer: dict[str, Any] | None
    account: dict[str, Any]
    bill: dict[str, Any]


def account_no(i: int) -> str:
    return str(ACCOUNT_NO_BASE + i)


def customer_id(i: int) -> str:
    return f"C{i:09d}"


def master_rows(n: int, hall: str, seed: int = 20261125) -> Iterator[MasterRow]:
    """Accounts 1…n of ``hall``, their customers and one bill each; valid for the importer's checks."""
    rng = random.Random(seed)
    for i in range(1, n + 1):
        holder = i - 1 if i % SHARED_EVERY == 0 else i
        organisation = holder % ORGANISATION_EVERY == 0
        customer = None
        if holder == i:
            customer = _customer(i, organisation, rng)
        number = account_no(i)
        account = {
            "account_no": number,
            "account_id": account_uuid(number),
            "hall_id": hall,
            "region_id": people.REGIONS[i % len(people.REGIONS)],
            "customer_id": customer_id(holder),
            "address": people.business_address(rng) if organisation else people.home_address(rng),
            "tariff": "commercial" if organisation else "resident",
            "voltage": "380V" if organisation else "220V",
            "supply_relation": "direct",
            "load_class": "2" if organisation else "3",
            "key_customer": organisation,
            "vulnerable": i % 97 == 0,
            "credit_rating": "A",
            "status": "active",
            "prepaid_fen": 123_450 if organisation else 0,
            "opened_on": date(2015, 3, 1) + timedelta(days=i % 3000),
        }
        kwh = 50 + i % 400
        amount = round(kwh * 53.83)
        bill = {
            "bill_id": bill_uuid(number, PERIOD),
            "account_no": number,
            "period": PERIOD,
            "kwh": kwh,
            "amount_fen": amount,
            "paid_fen": amount if i % 7 == 0 else 0,
            "issued_on": ISSUED_ON,
            "due_date": ISSUED_ON + timedelta(days=DUE_DAYS),
        }
        yield MasterRow(customer, account, bill)


def _customer(i: int, organisation: bool, rng: random.Random) -> dict[str, Any]:
    if organisation:
        return {
            "customer_id": customer_id(i),
            "kind": "organisation",
            "name": people.org_name(rng),
            "id_type": None,
            "id_number": None,
            "credit_code": ORG_CODE,
            "phone": people.mobile(rng),
            "email": "caiwu@example.cn",
            "mail_address": people.business_address(rng),
            "contact_verified_on": date(2026, 3, 1),
        }
    born = date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
    return {
        "customer_id": customer_id(i),
        "kind": "person",
        "name": people.person_name(rng),
        "id_type": "id_card",
        "id_number": make_id_number("320102", born, i % 999 + 1),
        "credit_code": None,
        "phone": people.mobile(rng),
        "email": None,
        "mail_address": None,
        "contact_verified_on": None,
    }


# -- loading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Loaded:
    customers: int
    accounts: int
    bills: int
    changes: int


def load_master(
    conn: Any,
    hall: str,
    n: int,
    *,
    batch_rows: int = 1000,
    batches_per_transaction: int = 50,
    seed: int = 20261125,
) -> Loaded:
    """COPY ``n`` accounts (with customers and bills) into the central tables of ``conn`` (a psycopg
    connection, not in autocommit), then their change_log rows; commits; ANALYZE and VACUUM after."""
    customers = 0
    to_accounts, to_bills = _Spool("account", ACCOUNT_COPY), _Spool("bill", BILL_COPY)
    with conn.cursor() as cur:
        with cur.copy(f"COPY customer ({', '.join(CUSTOMER_COPY)}) FROM STDIN") as to_customers:
            for row in master_rows(n, hall, seed):
                if row.customer is not None:
                    to_customers.write_row([row.customer[c] for c in CUSTOMER_COPY])
                    customers += 1
                to_accounts.add([row.account[c] for c in ACCOUNT_COPY])
                to_bills.add([row.bill[c] for c in BILL_COPY])
        # The spooled account and bill rows go in after the customers they refer to.
        to_accounts.copy_into(cur)
        to_bills.copy_into(cur)
    conn.commit()
    changes = 0
    step = batch_rows * batches_per_transaction
    for first in range(1, n + 1, step):
        last = min(first + step - 1, n)
        changes += _log(conn, _accounts_log_sql(hall, batch_rows), first, last)
    for first in range(1, n + 1, step):
        last = min(first + step - 1, n)
        changes += _log(conn, _bills_log_sql(hall), first, last)
    conn.autocommit = True
    try:
        conn.execute("VACUUM ANALYZE customer, account, bill, change_log")
    finally:
        conn.autocommit = False
    assert changes == customers + 2 * n, (changes, customers, n)
    return Loaded(customers, n, n, changes)


class _Spool:
    """Rows kept in a temporary file until the COPY into their table can run (one COPY at a time
    per connection): a million rows would otherwise sit in memory."""

    def __init__(self, table: str, columns: tuple[str, ...]) -> None:
        self.table, self.columns = table, columns
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 - closed by copy_into
        self.writer = csv.writer(self.file)

    def add(self, values: list[Any]) -> None:
        self.writer.writerow([_csv_value(v) for v in values])

    def copy_into(self, cur: Any) -> None:
        self.file.seek(0)
        sql = f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN WITH (FORMAT csv)"
        with cur.copy(sql) as copy:
            while block := self.file.read(1 << 20):
                copy.write(block)
        self.file.close()


def _csv_value(value: Any) -> str:
    """COPY's CSV format: an unquoted empty field is NULL; booleans as t/f."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def _accounts_log_sql(hall: str, batch_rows: int) -> str:
    """The accounts file's change_log rows for accounts first…last (bind ``%(first)s``/``%(last)s``):
    per importer batch, its new customers then its accounts (``FEED_IN``'s order and images)."""
    base = ACCOUNT_NO_BASE
    return f"""{LOG}
    SELECT 'hall:{hall}', entity, entity_id, version, 'upsert', image FROM (
      SELECT (substr(c.customer_id, 2)::bigint - 1) / {batch_rows} AS batch, 0 AS part,
             c.customer_id AS sort_key, 'customer' AS entity, c.customer_id AS entity_id, c.version,
             to_jsonb(c) {PRIVATE} AS image
      FROM customer c
      WHERE c.customer_id BETWEEN 'C' || lpad(%(first)s::text, 9, '0') AND 'C' || lpad(%(last)s::text, 9, '0')
      UNION ALL
      SELECT (a.account_no::bigint - {base} - 1) / {batch_rows}, 1, a.account_no, 'account', a.account_id,
             a.version, to_jsonb(a) {PRIVATE}
      FROM account a
      WHERE a.account_no BETWEEN ({base} + %(first)s)::text AND ({base} + %(last)s)::text
    ) x
    ORDER BY batch, part, sort_key"""


def _bills_log_sql(hall: str) -> str:
    base = ACCOUNT_NO_BASE
    return f"""{LOG}
    SELECT 'hall:{hall}', 'bill', b.bill_id, b.version, 'upsert', {BILL_IMAGE}
    FROM bill b JOIN account a USING (account_no)
    WHERE b.account_no BETWEEN ({base} + %(first)s)::text AND ({base} + %(last)s)::text
    ORDER BY b.account_no, b.period"""


def _log(conn: Any, sql: str, first: int, last: int) -> int:
    with conn.cursor() as cur:
        cur.execute(sql, {"first": first, "last": last})
        written = cur.rowcount
    conn.commit()
    return written


# -- the same rows as the billing export's CSV files ------------------------------------------------


def write_import_files(folder: Path, n: int, hall: str, seed: int = 20261125) -> tuple[Path, Path]:
    """``master_rows`` as the accounts and bills CSV files ``hallapp central import-*`` reads."""
    accounts, bills = folder / "accounts.csv", folder / "bills.csv"
    account_header = [c.name for c in account_columns()]
    bill_header = [c.name for c in bill_columns()]
    customers: dict[str, dict[str, Any]] = {}
    with (
        accounts.open("w", encoding="utf-8", newline="") as fa,
        bills.open("w", encoding="utf-8", newline="") as fb,
    ):
        wa, wb = csv.writer(fa), csv.writer(fb)
        wa.writerow(account_header)
        wb.writerow(bill_header)
        for row in master_rows(n, hall, seed):
            if row.customer is not None:
                customers[row.customer["customer_id"]] = row.customer
            values = customers[row.account["customer_id"]] | row.account
            values |= {"customer_kind": values["kind"], "prepaid_yuan": _yuan(values["prepaid_fen"])}
            values |= {"key_customer": int(values["key_customer"]), "vulnerable": int(values["vulnerable"])}
            wa.writerow([_csv_value(values.get(name)) for name in account_header])
            bill = row.bill | {
                "amount_yuan": _yuan(row.bill["amount_fen"]),
                "paid_yuan": _yuan(row.bill["paid_fen"]),
            }
            wb.writerow([_csv_value(bill.get(name)) for name in bill_header])
    return accounts, bills


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"
