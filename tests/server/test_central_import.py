"""Importing the billing system's CSV exports into the central master data (real PostgreSQL):
encodings, every rejection with its line and column, upserts that touch only what changed, a
change_log row per change in the same transaction, accounts moving between halls, a failed batch
rolled back alone, the CLI, and the time a 100,000-row file takes (printed, not asserted).
"""

import csv
import random
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hallapp import failpoints
from hallapp.central.enrolment import create_hall
from hallapp.central.master_csv import FileRefused, account_columns, bill_columns
from hallapp.central.master_import import Counts, ImportReport, import_accounts, import_bills
from hallapp.central.schema import Account, Bill, ChangeLog, Customer, account_uuid, bill_uuid
from hallapp.cli import main
from hallapp.demo import people
from hallapp.domain.credit_code import make_credit_code
from hallapp.domain.idcard import make_id_number
from tests.server.test_central_support import HALL, central_url, pg_url, sessions  # noqa: F401

pytestmark = pytest.mark.pg
HALL2 = "H0002"
TODAY = date(2026, 11, 25)
DATA = Path(__file__).resolve().parents[1] / "data" / "central"
ACCOUNT_HEADER = [c.name for c in account_columns()]
BILL_HEADER = [c.name for c in bill_columns()]
ORG_CODE = make_credit_code("91320100MA1XYW123")


# -- files ------------------------------------------------------------------------------------------


def person(i: int, **over: Any) -> dict[str, str]:
    rng = random.Random(i)
    born = date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
    row = {
        "account_no": f"320{i:07d}",
        "hall_id": HALL,
        "region_id": "320102",
        "customer_id": f"C{i:09d}",
        "customer_kind": "person",
        "name": people.person_name(rng),
        "id_type": "",
        "id_number": make_id_number("320102", born, i % 999 + 1),
        "credit_code": "",
        "phone": people.mobile(rng),
        "email": "",
        "mail_address": "",
        "contact_verified_on": "",
        "address": people.home_address(rng),
        "tariff": "resident",
        "voltage": "220V",
        "supply_relation": "direct",
        "load_class": "3",
        "key_customer": "0",
        "vulnerable": "0",
        "credit_rating": "A",
        "status": "active",
        "prepaid_yuan": "0",
        "opened_on": (date(2015, 3, 1) + timedelta(days=i % 3000)).isoformat(),
    }
    return row | over


def organisation(i: int, **over: Any) -> dict[str, str]:
    rng = random.Random(i)
    return (
        person(
            i,
            customer_kind="organisation",
            name=people.org_name(rng),
            id_number="",
            credit_code=ORG_CODE,
            address=people.business_address(rng),
            tariff="commercial",
            voltage="380V",
            load_class="2",
            key_customer="1",
            email="caiwu@example.cn",
            mail_address=people.business_address(rng),
            contact_verified_on="2026-03-01",
            prepaid_yuan="1234.5",
        )
        | over
    )


def bill(account_no: str, period: str, **over: Any) -> dict[str, str]:
    year, month = int(period[:4]), int(period[4:])
    issued = date(year + month // 12, month % 12 + 1, 5)
    row = {
        "account_no": account_no,
        "period": period,
        "kwh": "215",
        "amount_yuan": "115.67",
        "paid_yuan": "0",
        "issued_on": issued.isoformat(),
        "due_date": (issued + timedelta(days=7)).isoformat(),
    }
    return row | over


def write_csv(
    path: Path, rows: list[dict[str, str]], header: list[str] | None = None, encoding: str = "utf-8"
) -> Path:
    header = header or list(rows[0])
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows([row.get(name, "") for name in header] for row in rows)
    return path


def accounts_file(tmp_path: Path, rows: list[dict[str, str]], name: str = "accounts.csv", **kw: Any) -> Path:
    return write_csv(tmp_path / name, rows, kw.pop("header", ACCOUNT_HEADER), **kw)


def bills_file(tmp_path: Path, rows: list[dict[str, str]], name: str = "bills.csv") -> Path:
    return write_csv(tmp_path / name, rows, BILL_HEADER)


@pytest.fixture
def halls(sessions):  # type: ignore[no-untyped-def]
    create_hall(sessions, HALL2, "城西供电营业厅")
    return sessions


def run_accounts(sessions, path: Path, **kw: Any) -> ImportReport:  # type: ignore[no-untyped-def]
    return import_accounts(sessions, path, today=TODAY, **kw)


def log_rows(sessions) -> list[ChangeLog]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return list(s.scalars(select(ChangeLog).order_by(ChangeLog.xid, ChangeLog.id)))


def count(sessions, model) -> int:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def problems(report: ImportReport) -> set[tuple[int, str, str]]:
    return {(p.line, p.column, p.reason) for p in report.problems}


# -- valid files ------------------------------------------------------------------------------------


def test_a_valid_file_gives_customers_accounts_and_one_change_per_row_and_hall(tmp_path, halls) -> None:
    rows = [
        person(1),
        person(2, customer_id="C000000001", **{k: person(1)[k] for k in ("name", "id_number", "phone")}),
        organisation(3, hall_id=HALL2),
        person(4, id_type="passport", id_number="E12345678", vulnerable="1", status="suspended"),
    ]
    report = run_accounts(halls, accounts_file(tmp_path, rows))

    assert report.ok and report.encoding == "utf-8"
    assert (report.rows_read, report.rows.inserted, report.rows.updated, report.rows.unchanged) == (
        4,
        4,
        0,
        0,
    )
    assert report.customers is not None
    assert (report.customers.inserted, report.customers.updated, report.customers.unchanged) == (3, 0, 0)
    with halls() as s:
        org = s.get_one(Customer, "C000000003")
        assert (org.kind, org.credit_code, org.id_type, org.id_number) == (
            "organisation",
            ORG_CODE,
            None,
            None,
        )
        assert org.contact_verified_on == date(2026, 3, 1) and org.version == 1
        first = s.get_one(Customer, "C000000001")
        assert (first.id_type, first.id_number) == ("id_card", person(1)["id_number"])
        assert s.get_one(Customer, "C000000004").id_type == "passport"
        account = s.get_one(Account, "3200000003")
        assert account.account_id == account_uuid("3200000003")
        assert (account.hall_id, account.tariff, account.voltage, account.load_class) == (
            HALL2,
            "commercial",
            "380V",
            "2",
        )
        assert (account.prepaid_fen, account.key_customer, account.credit_rating) == (123_450, True, "A")
        assert s.get_one(Account, "3200000004").status == "suspended"
        assert s.get_one(Account, "3200000004").vulnerable is True
    log = log_rows(halls)
    assert report.change_log_rows == len(log) == 7  # 2 customers + 3 accounts in H0001, 1 + 1 in H0002
    assert {(r.scope, r.entity, r.entity_id) for r in log} == {
        ("hall:H0001", "customer", "C000000001"),
        ("hall:H0001", "customer", "C000000004"),
        ("hall:H0002", "customer", "C000000003"),
        ("hall:H0001", "account", account_uuid("3200000001")),
        ("hall:H0001", "account", account_uuid("3200000002")),
        ("hall:H0001", "account", account_uuid("3200000004")),
        ("hall:H0002", "account", account_uuid("3200000003")),
    }
    assert len({r.xid for r in log}) == 1  # one batch, one transaction
    assert [r.entity for r in log] == ["customer"] * 3 + ["account"] * 4  # customers first
    assert all(r.op == "upsert" and r.entity_version == 1 for r in log)
    image = next(r.data for r in log if r.entity == "account" and r.entity_id == account_uuid("3200000003"))
    assert image is not None
    assert image["account_no"] == "3200000003" and image["customer_id"] == "C000000003"
    assert image["prepaid_fen"] == 123_450 and image["opened_on"] == rows[2]["opened_on"]
    assert {"tariff", "voltage", "supply_relation", "load_class", "region_id", "status", "version"} <= set(
        image
    )


def test_bills_are_imported_as_fen_with_ids_derived_from_account_and_period(tmp_path, halls) -> None:
    run_accounts(halls, accounts_file(tmp_path, [person(1), person(2, hall_id=HALL2)]))
    before = len(log_rows(halls))
    rows = [
        bill("3200000001", "202609", amount_yuan="1,234.5", paid_yuan="1234.50"),
        bill("3200000001", "202610", amount_yuan="0.07"),
        bill("3200000002", "202610", kwh="0", amount_yuan="0"),
    ]
    report = import_bills(halls, bills_file(tmp_path, rows))

    assert report.ok and (report.rows.inserted, report.change_log_rows) == (3, 3)
    with halls() as s:
        sep = s.get_one(Bill, bill_uuid("3200000001", "202609"))
        assert (sep.amount_fen, sep.paid_fen, sep.kwh, sep.version) == (123_450, 123_450, 215, 1)
        assert sep.issued_on == date(2026, 10, 5) and sep.due_date == date(2026, 10, 12)
        assert s.get_one(Bill, bill_uuid("3200000001", "202610")).amount_fen == 7
    new = log_rows(halls)[before:]
    assert [(r.scope, r.entity) for r in new] == [("hall:H0001", "bill")] * 2 + [("hall:H0002", "bill")]
    assert new[0].data is not None
    assert new[0].data["account_id"] == account_uuid("3200000001") and new[0].data["period"] == "202609"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_a_bom_or_gb18030_file_reads_the_same(tmp_path, halls, encoding) -> None:
    rows = [person(1, name="欧阳娜", address="城东区建设路18号阳光花园3栋2单元501室"), organisation(2)]
    report = run_accounts(halls, accounts_file(tmp_path, rows, encoding=encoding))

    assert report.ok and report.encoding == encoding and report.rows.inserted == 2
    with halls() as s:
        assert s.get_one(Customer, "C000000001").name == "欧阳娜"
        assert s.get_one(Account, "3200000001").address == "城东区建设路18号阳光花园3栋2单元501室"


def test_the_sample_files_import_cleanly(halls) -> None:
    accounts = run_accounts(halls, DATA / "accounts_sample.csv")
    bills = import_bills(halls, DATA / "bills_sample.csv")
    assert accounts.ok and accounts.rows_read == accounts.rows.inserted > 0, accounts.summary_lines()
    assert bills.ok and bills.rows_read == bills.rows.inserted > 0, bills.summary_lines()


# -- refusals ---------------------------------------------------------------------------------------


def test_every_account_rejection_is_reported_with_its_line_and_column(tmp_path, halls) -> None:
    bad: list[tuple[dict[str, str], str, str]] = [
        (person(10, account_no="32000001"), "account_no", "户号应为 10 位数字"),
        (person(11, account_no="32O0000011"), "account_no", "户号应为 10 位数字"),
        (person(12, hall_id="H9999"), "hall_id", "营业厅未登记（先用 hallapp central add-hall 登记）"),
        (person(13, region_id="32 01"), "region_id", "只能由字母、数字、-、_ 组成，最长 16 位"),
        (person(14, customer_id="C/14"), "customer_id", "只能由字母、数字、-、_ 组成，最长 36 位"),
        (person(15, customer_kind="个人"), "customer_kind", "应为以下代码之一：person、organisation"),
        (person(16, name=""), "name", "必填，不能为空"),
        (person(17, name="张" * 81), "name", "超过 80 个字符"),
        (person(18, id_number=_wrong_check(person(18)["id_number"])), "id_number", "身份证号校验位不符"),
        (person(19, id_number="320102199913450011"), "id_number", "身份证号中的出生日期无效"),
        (person(20, id_number="32010219800101"), "id_number", "身份证号应为 18 位（17 位数字加校验位）"),
        (person(21, id_type="passport", id_number="E1"), "id_number", "证件号码应为 5–30 位字母或数字"),
        (person(22, id_type="id_card", id_number=""), "id_number", "填了证件类型就须填证件号码"),
        (person(23, id_type="driving"), "id_type", "应为以下代码之一："),
        (organisation(24, credit_code="91320100MA1XYW12"), "credit_code", "统一社会信用代码应为 18 位"),
        (organisation(25, credit_code="91320100MA1XYW1I23"), "credit_code", "统一社会信用代码含有无效字符"),
        (
            organisation(26, credit_code="9132AB00MA1XYW1234"),
            "credit_code",
            "统一社会信用代码第 3–8 位应为数字",
        ),
        (person(27, phone="1390000"), "phone", "电话应为 11 位手机号或 7–12 位固定电话"),
        (person(28, email="a@b"), "email", "电子邮箱格式不正确"),
        (person(29, mail_address="城东\x07区"), "mail_address", "含有控制字符"),
        (person(30, contact_verified_on="2026/03/01"), "contact_verified_on", "日期应为 YYYY-MM-DD"),
        (person(31, address=""), "address", "必填，不能为空"),
        (person(32, tariff="居民"), "tariff", "应为以下代码之一：resident、"),
        (person(33, voltage="220"), "voltage", "应为以下代码之一：220V、"),
        (person(34, supply_relation="indirect"), "supply_relation", "应为以下代码之一：direct、"),
        (person(35, load_class="4"), "load_class", "应为以下代码之一：1、2、3"),
        (person(36, key_customer="是"), "key_customer", "应为 0 或 1"),
        (person(37, credit_rating="E"), "credit_rating", "应为以下代码之一：A、B、C、D"),
        (person(38, status="open"), "status", "应为以下代码之一：active、suspended、closed"),
        (person(39, prepaid_yuan="-5"), "prepaid_yuan", "金额不能为负数"),
        (person(40, prepaid_yuan="1.234"), "prepaid_yuan", "金额应为元，最多两位小数（如 123.45）"),
        (person(41, opened_on="2026-02-30"), "opened_on", "日期应为 YYYY-MM-DD（如 2026-11-05）"),
        (person(42, account_no="3200000001"), "account_no", "户号与第 2 行重复"),
        (person(43, customer_id="C000000001"), "customer_id", "同一客户编号的客户信息与第 2 行不一致"),
    ]
    rows = [person(1), *(row for row, _, _ in bad), organisation(50, credit_code=_wrong_check(ORG_CODE))]
    path = accounts_file(tmp_path, rows)
    with path.open("a", encoding="utf-8") as f:
        f.write("3200000060,H0001,320102\n")  # too few fields
    report = run_accounts(halls, path)

    found = {(p.line, p.column): p.reason for p in report.problems}
    for line, (_row, column, reason) in enumerate(bad, start=3):
        assert found.get((line, column), "").startswith(reason), (line, column, found.get((line, column)))
    last = len(rows) + 2
    assert found[(last, "")] == "本行有 3 个字段，表头有 24 个"
    assert report.rejected == len(bad) + 1 == len(found)  # one problem per bad row
    assert (report.rows.inserted, report.rows_read) == (2, len(rows) + 1)
    assert [(w.line, w.column) for w in report.warnings] == [(len(rows) + 1, "credit_code")]  # checksum only
    assert count(halls, Account) == 2

    out = tmp_path / "rejects.csv"
    assert report.write_rejects(out) == report.rejected
    with out.open(encoding="utf-8-sig", newline="") as f:
        written = list(csv.reader(f))
    assert written[0] == ["line", "problems", *ACCOUNT_HEADER]
    assert written[1][:2] == ["3", "account_no：户号应为 10 位数字"]
    assert written[1][2:] == [person(10, account_no="32000001")[c] for c in ACCOUNT_HEADER]


def _wrong_check(code: str) -> str:
    """``code`` with another check character (the last one)."""
    return code[:17] + ("1" if code[17] != "1" else "2")


def test_a_row_with_several_problems_reports_each(tmp_path, halls) -> None:
    report = run_accounts(halls, accounts_file(tmp_path, [person(1, tariff="x", voltage="y", opened_on="")]))
    assert {(p.line, p.column) for p in report.problems} == {(2, "tariff"), (2, "voltage"), (2, "opened_on")}
    assert report.rejected == 1


def test_every_bill_rejection_is_reported_with_its_line_and_column(tmp_path, halls) -> None:
    run_accounts(halls, accounts_file(tmp_path, [person(1)]))
    rows = [
        bill("3200000001", "202609"),
        bill("320000001", "202609"),
        bill("3200000001", "202613"),
        bill("3200000001", "202608", kwh="-1"),
        bill("3200000001", "202607", kwh="12.5"),
        bill("3200000001", "202606", amount_yuan="12.345"),
        bill("3200000001", "202605", amount_yuan="10", paid_yuan="10.01"),
        bill("3200000001", "202604", due_date="2026-05-01"),
        bill("3200000001", "202603", issued_on="05/04/2026"),
        bill("3200000001", "202609", amount_yuan="1"),
        bill("3200000099", "202609"),
        bill("3200000001", "202602", amount_yuan=""),
    ]
    report = import_bills(halls, bills_file(tmp_path, rows))

    assert problems(report) == {
        (3, "account_no", "户号应为 10 位数字"),
        (4, "period", "账期应为 YYYYMM（如 202611）"),
        (5, "kwh", "应为非负整数"),
        (6, "kwh", "应为非负整数"),
        (7, "amount_yuan", "金额应为元，最多两位小数（如 123.45）"),
        (8, "paid_yuan", "已缴金额大于应缴电费"),
        (9, "due_date", "缴费截止日早于出账日期"),
        (10, "issued_on", "日期应为 YYYY-MM-DD（如 2026-11-05）"),
        (11, "period", "同一户号同一账期与第 2 行重复"),
        (12, "account_no", "户号不存在（先导入户档案）"),
        (13, "amount_yuan", "必填，不能为空"),
    }
    assert (report.rows.inserted, report.rejected, report.rows_read) == (1, 11, 12)
    assert sorted(report.rejected_rows) == list(range(3, 14))


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (ACCOUNT_HEADER[1:], "缺少必需的列：account_no"),
        ([*ACCOUNT_HEADER, "phnoe"], "表头中有未知的列：phnoe（列名须与文档一致）"),
        ([*ACCOUNT_HEADER, "phone"], "表头中有重复的列：phone"),
    ],
)
def test_a_wrong_header_refuses_the_whole_file(tmp_path, halls, header, reason) -> None:
    with pytest.raises(FileRefused) as refused:
        run_accounts(halls, accounts_file(tmp_path, [person(1)], header=header))
    assert refused.value.reason == reason
    assert count(halls, Account) == count(halls, ChangeLog) == 0


def test_optional_columns_may_be_left_out_of_the_header(tmp_path, halls) -> None:
    required = [c.name for c in account_columns() if c.required]
    report = run_accounts(halls, accounts_file(tmp_path, [person(1)], header=required))
    assert report.ok and report.rows.inserted == 1
    with halls() as s:
        account = s.get_one(Account, "3200000001")
        assert (account.credit_rating, account.prepaid_fen, account.key_customer) == ("A", 0, False)
        assert s.get_one(Customer, "C000000001").id_number is None


def test_an_empty_or_undecodable_file_is_refused(tmp_path, halls) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FileRefused, match="文件为空"):
        run_accounts(halls, empty)
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(",".join(ACCOUNT_HEADER).encode() + b"\n\xff\xfe\xff\x80\n")
    with pytest.raises(FileRefused, match="文件编码无法识别"):
        run_accounts(halls, garbage)
    with pytest.raises(FileRefused, match="找不到文件"):
        run_accounts(halls, tmp_path / "missing.csv")


# -- changes ----------------------------------------------------------------------------------------


def test_importing_the_same_files_again_changes_nothing(tmp_path, halls) -> None:
    accounts = accounts_file(tmp_path, [person(i) for i in range(1, 8)] + [organisation(8)])
    bills = bills_file(tmp_path, [bill(f"320{i:07d}", p) for i in range(1, 9) for p in ("202609", "202610")])
    run_accounts(halls, accounts)
    import_bills(halls, bills)
    logged = len(log_rows(halls))

    again = run_accounts(halls, accounts)
    bills_again = import_bills(halls, bills)

    assert (again.rows.unchanged, again.rows.inserted, again.rows.updated, again.change_log_rows) == (
        8,
        0,
        0,
        0,
    )
    assert again.customers is not None and again.customers.unchanged == 8
    assert (bills_again.rows.unchanged, bills_again.change_log_rows) == (16, 0)
    assert len(log_rows(halls)) == logged
    with halls() as s:
        assert set(s.scalars(select(Account.version))) == set(s.scalars(select(Bill.version))) == {1}


def test_a_changed_row_bumps_its_version_and_logs_the_new_image(tmp_path, halls) -> None:
    run_accounts(halls, accounts_file(tmp_path, [person(1), person(2, customer_id="C000000001", **_same(1))]))
    import_bills(halls, bills_file(tmp_path, [bill("3200000001", "202610")]))
    before = len(log_rows(halls))

    report = run_accounts(
        halls,
        accounts_file(
            tmp_path,
            [
                person(1, phone="13812345678"),
                person(2, customer_id="C000000001", **_same(1, phone="13812345678"), tariff="non_resident"),
            ],
        ),
    )
    paid = import_bills(halls, bills_file(tmp_path, [bill("3200000001", "202610", paid_yuan="115.67")]))

    assert (report.rows.updated, report.rows.inserted, report.rows.unchanged) == (2, 0, 0)
    assert report.customers is not None and report.customers.updated == 1
    assert paid.rows.updated == 1
    new = log_rows(halls)[before:]
    assert [(r.entity, r.entity_version) for r in new] == [("customer", 2), ("account", 2), ("bill", 2)]
    assert new[0].data is not None and new[0].data["phone"] == "13812345678"
    assert new[1].data is not None and new[1].data["tariff"] == "non_resident"
    assert new[1].entity_id == account_uuid("3200000002")
    assert new[2].data is not None and new[2].data["paid_fen"] == 11_567


def _same(i: int, **over: str) -> dict[str, str]:
    """The customer columns of ``person(i)``: another account of the same customer."""
    base = person(i, **over)
    return {k: base[k] for k in ("name", "id_number", "phone")}


def test_an_account_moving_hall_leaves_the_old_hall_and_arrives_whole_in_the_new(tmp_path, halls) -> None:
    shared = _same(1)
    run_accounts(
        halls,
        accounts_file(tmp_path, [person(1), person(2, customer_id="C000000001", **shared), person(3)]),
    )
    import_bills(halls, bills_file(tmp_path, [bill("3200000003", p) for p in ("202609", "202610")]))
    before = len(log_rows(halls))

    # account 3 moves to H0002; account 2 is transferred (过户) to customer 3
    rows = [person(1), person(2, customer_id="C000000003", **_same(3)), person(3, hall_id=HALL2)]
    report = run_accounts(halls, accounts_file(tmp_path, rows))

    assert (report.rows.updated, report.rows.unchanged) == (2, 1)
    new = [(r.scope, r.entity, r.entity_id, r.op) for r in log_rows(halls)[before:]]
    a2, a3 = account_uuid("3200000002"), account_uuid("3200000003")
    b9, b10 = bill_uuid("3200000003", "202609"), bill_uuid("3200000003", "202610")
    assert new == [
        ("hall:H0001", "customer", "C000000003", "upsert"),  # account 2's new holder stays in H0001
        ("hall:H0002", "customer", "C000000003", "upsert"),
        ("hall:H0001", "account", a2, "upsert"),
        ("hall:H0002", "account", a3, "upsert"),
        ("hall:H0002", "bill", b9, "upsert"),
        ("hall:H0002", "bill", b10, "upsert"),
        ("hall:H0001", "bill", b9, "delete"),
        ("hall:H0001", "bill", b10, "delete"),
        ("hall:H0001", "account", a3, "delete"),
    ]  # customer 1 keeps account 1 in H0001, customer 3 keeps account 2 there: no customer delete
    # account 1 leaves too: customer 1 (whose account 2 went to customer 3) has nothing left in H0001
    before = len(log_rows(halls))
    leaving = run_accounts(halls, accounts_file(tmp_path, [person(1, hall_id=HALL2)], name="move1.csv"))
    assert leaving.rows.updated == 1
    assert [(r.scope, r.entity, r.entity_id, r.op) for r in log_rows(halls)[before:]] == [
        ("hall:H0002", "customer", "C000000001", "upsert"),
        ("hall:H0002", "account", account_uuid("3200000001"), "upsert"),
        ("hall:H0001", "account", account_uuid("3200000001"), "delete"),
        ("hall:H0001", "customer", "C000000001", "delete"),
    ]


def test_a_customer_whose_last_account_leaves_a_hall_is_deleted_there(tmp_path, halls) -> None:
    run_accounts(halls, accounts_file(tmp_path, [person(1)]))
    before = len(log_rows(halls))
    run_accounts(halls, accounts_file(tmp_path, [person(1, hall_id=HALL2)]))
    assert [(r.scope, r.entity, r.op) for r in log_rows(halls)[before:]] == [
        ("hall:H0002", "customer", "upsert"),
        ("hall:H0002", "account", "upsert"),
        ("hall:H0001", "account", "delete"),
        ("hall:H0001", "customer", "delete"),
    ]


# -- batches ----------------------------------------------------------------------------------------


@pytest.fixture
def clean_failpoints() -> Iterator[None]:
    failpoints.activate("")
    yield
    failpoints.activate("")


def test_a_failed_batch_rolls_back_alone_and_the_report_says_so(tmp_path, halls, clean_failpoints) -> None:
    path = accounts_file(tmp_path, [person(i) for i in range(1, 9)])
    failpoints.activate("central.import_batch=raise@2")

    report = run_accounts(halls, path, batch_rows=3)

    assert report.batches == 3 and len(report.failed_batches) == 1
    failure = report.failed_batches[0]
    assert (failure.number, failure.first_line, failure.last_line, failure.rows) == (2, 5, 7, 3)
    assert "central.import_batch" in failure.error
    assert (report.rows.inserted, report.failed, report.rejected) == (5, 3, 0)
    assert report.customers == Counts(inserted=5)  # the rolled-back batch's customers are not counted
    assert not report.ok
    assert sorted(report.rejected_rows) == [5, 6, 7]
    assert {p.reason for p in report.problems} == {f"第 2 批写入失败，整批已回滚：{failure.error}"}
    assert any("写入失败，整批已回滚" in line for line in report.summary_lines())
    with halls() as s:
        assert sorted(s.scalars(select(Account.account_no))) == [f"320{i:07d}" for i in (1, 2, 3, 7, 8)]
    assert len(log_rows(halls)) == 10  # the batches that committed, and only they, were logged

    failpoints.activate("")
    again = run_accounts(halls, path, batch_rows=3)
    assert (again.rows.inserted, again.rows.unchanged) == (3, 5) and again.ok


# -- the command line -------------------------------------------------------------------------------


def test_the_cli_imports_prints_the_report_and_writes_the_rejects(
    tmp_path, halls, central_url, capsys
) -> None:
    accounts = accounts_file(tmp_path, [person(1), person(2, tariff="bad")])
    rejects = tmp_path / "out" / "rejects.csv"
    rejects.parent.mkdir()

    code = main(
        ["central", "import-accounts", str(accounts), "--db-url", central_url, "--rejects", str(rejects)]
    )

    out = capsys.readouterr().out
    assert code == 1
    assert "读取 2 行：新增 1，更新 0，未变 0，拒收 1，写入失败 0" in out
    assert "第 3 行 tariff：应为以下代码之一" in out
    assert rejects.is_file() and "拒收的 1 行已写入" in out
    bills = bills_file(tmp_path, [bill("3200000001", "202610")])
    assert main(["central", "import-bills", str(bills), "--db-url", central_url]) == 0
    assert "新增 1" in capsys.readouterr().out
    bad = accounts_file(tmp_path, [person(3)], header=ACCOUNT_HEADER[1:], name="bad.csv")
    assert main(["central", "import-accounts", str(bad), "--db-url", central_url]) == 2
    assert "文件未导入：缺少必需的列：account_no" in capsys.readouterr().err


# -- 100,000 rows -----------------------------------------------------------------------------------


def big_files(tmp_path: Path, n: int) -> tuple[Path, Path]:
    """``n`` accounts over two halls (one customer in ten has two) and one bill each."""
    accounts = tmp_path / "big_accounts.csv"
    bills = tmp_path / "big_bills.csv"
    with (
        accounts.open("w", encoding="utf-8", newline="") as fa,
        bills.open("w", encoding="utf-8", newline="") as fb,
    ):
        wa, wb = csv.writer(fa), csv.writer(fb)
        wa.writerow(ACCOUNT_HEADER)
        wb.writerow(BILL_HEADER)
        for i in range(1, n + 1):
            holder = i - 1 if i % 10 == 0 else i
            row = person(holder) if holder == i else person(i, customer_id=f"C{holder:09d}", **_same(holder))
            row |= {"account_no": f"320{i:07d}", "hall_id": HALL if i % 2 else HALL2}
            wa.writerow([row[c] for c in ACCOUNT_HEADER])
            kwh = 50 + i % 400
            wb.writerow(
                [
                    bill(row["account_no"], "202610", kwh=str(kwh), amount_yuan=f"{kwh * 0.5383:.2f}")[c]
                    for c in BILL_HEADER
                ]
            )
    return accounts, bills


@pytest.mark.slow
def test_100k_rows_import_in_reasonable_time(tmp_path, halls) -> None:
    accounts, bills = big_files(tmp_path, 100_000)
    started = time.perf_counter()
    first = run_accounts(halls, accounts)
    middle = time.perf_counter()
    billed = import_bills(halls, bills)
    ended = time.perf_counter()
    again = run_accounts(halls, accounts)

    assert first.ok and first.rows.inserted == 100_000 and first.customers is not None
    assert billed.ok and billed.rows.inserted == 100_000
    assert again.rows.unchanged == 100_000 and again.change_log_rows == 0
    print(
        f"\n100k accounts: {middle - started:.1f} s ({100_000 / (middle - started):,.0f} rows/s, "
        f"{first.change_log_rows} changes); 100k bills: {ended - middle:.1f} s "
        f"({100_000 / (ended - middle):,.0f} rows/s); unchanged re-import: {again.seconds:.1f} s"
    )
