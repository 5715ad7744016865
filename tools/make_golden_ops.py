"""Write the golden op files of tests/data/ops/: one per op type and payload version the PC emits.

The central server must accept every op an older PC may still hold unsent (SYNC_DESIGN §4.10, §4.14
C9). This runs the real PC services once on a fresh demo database (one scripted day at the counter:
settings, reference data, payments and a reversal, notices, the queue, applications, consultations,
complaints, knowledge, a shift closed) and copies the first op of each (op type, payload ``"v"``)
from the outbox, exactly as the PC's push sends it. tests/server/test_central_old_payloads.py
replays them against the current server; it never regenerates them.

A golden file is never rewritten: run this after adding an op type or a payload version and only
the new files are written (``--check`` lists what is missing and writes nothing).

    .venv/bin/python tools/make_golden_ops.py [--out tests/data/ops] [--check]
"""

import argparse
import json
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hallapp import __version__
from hallapp.db.models import Account, Bill, Customer, Hall, Outbox
from hallapp.demo.applications import person_new
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.application_flow import FLOWS
from hallapp.domain.calendar import DayKind
from hallapp.domain.enums import NoticeDelivery, NoticeOutcome, PaymentMethod
from hallapp.domain.ids import new_id
from hallapp.domain.payments import PaymentRequest
from hallapp.domain.printouts import NoticeKind
from hallapp.domain.records import BusinessType, WindowDef
from hallapp.domain.service_desk_form import ComplaintDraft, ConsultationDraft, KnowledgeDraft
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.push import _op as sent_form

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "ops"
START = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)  # 09:30 in the hall, a Friday (as the tests)
ACCOUNTS = 50


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="list missing golden files, write none")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        ops = emitted_ops(Path(tmp) / "golden.sqlite")
    missing = {name: op for name, op in ops.items() if not (args.out / name).exists()}
    for name in sorted(ops):
        print(f"{'new ' if name in missing else 'kept'} {name}")
    if args.check:
        return 1 if missing else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, op in missing.items():
        golden = {"made_by": "tools/make_golden_ops.py", "hallapp_version": __version__, "op": op}
        (args.out / name).write_text(
            json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return 0


def file_name(op: dict[str, Any]) -> str:
    return f"{op['op_type']}.v{json.loads(op['payload'])['v']}.json"


def emitted_ops(path: Path) -> dict[str, dict[str, Any]]:
    """The first op of each op type and payload version of one scripted day, as the push sends it."""
    clock = FakeClock(START)
    build_demo_database(path, ACCOUNTS, clock=clock)
    core = HallCore.open(path, clock=clock)
    try:
        scripted_day(core, clock)
        with core.db.read() as s:
            rows = s.scalars(select(Outbox).order_by(Outbox.device_seq)).all()
            sent = [sent_form(row) for row in rows]
    finally:
        core.close()
    firsts: dict[str, dict[str, Any]] = {}
    for op in sent:
        firsts.setdefault(file_name(op), op)
    return firsts


def scripted_day(core: HallCore, clock: FakeClock) -> None:
    admin = core.auth.login("A001", DEMO_PASSWORD)
    clerk = core.auth.login("C001", DEMO_PASSWORD)
    core.settings.update(admin, {"queue.wait_target_minutes": 20})
    core.reference.save_business_type(admin, BusinessType("repair", "R", "故障报修", 50, True))
    core.reference.set_holiday(admin, date(2026, 12, 31), DayKind.HOLIDAY, "跨年")
    core.reference.remove_holiday(admin, date(2026, 12, 31))
    core.windows.save(admin, WindowDef(12, "12号窗口", ("consult",)))
    counter_and_notices(core, clerk)
    queue(core, clerk)
    service_desk(core, clerk)
    applications(core, clerk)
    clock.advance(hours=8)
    core.shifts.close(clerk, {10000: 3}, "备用金未扣除")
    core.auth.logout(clerk)
    core.auth.logout(admin)


def counter_and_notices(core: HallCore, clerk: Any) -> None:
    """A cut plan, paid in full (a reconnection request), then reversed twice over: once through the
    supervisor's queue, once at the counter."""
    account_id = account_in_arrears(core)
    core.customers.update_contact(clerk, account_id, {"phone": "13900001111"})
    core.notices.issue(clerk, account_id, NoticeKind.CUT_PLAN, NoticeDelivery.IN_PERSON)
    [notice] = core.notices.for_account(clerk, account_id)
    core.notices.record_outcome(clerk, notice.notice_id, NoticeOutcome.SIGNED, "王某")
    paid = pay(core, clerk, account_id, core.payments.due(clerk, account_id).total_fen)
    supervisor = core.auth.login("S001", DEMO_PASSWORD)
    approval_id = core.reversals.request(clerk, paid.payment_id, "金额输错")
    core.reversals.decide(supervisor, approval_id, approve=True, note="")
    core.reversals.reverse(clerk, paid.payment_id, request_id=new_id(), approval_id=approval_id)
    again = pay(core, clerk, account_id, 10000)
    core.reversals.reverse(
        clerk,
        again.payment_id,
        request_id=new_id(),
        reason="收错户号",
        supervisor_staff_no="S001",
        supervisor_password=DEMO_PASSWORD,
    )


def queue(core: HallCore, clerk: Any) -> None:
    guide = core.auth.login("G001", DEMO_PASSWORD)
    core.queue.set_queue_open(guide, True)
    core.queue.issue(guide, "payment")
    core.queue.call_next(clerk, 1)


def service_desk(core: HallCore, clerk: Any) -> None:
    asked = ConsultationDraft("phone", "刘先生", "13851234567", "", "电表校验结果出来了吗？", "", False)
    consultation = core.consultations.record(clerk, asked, request_id=new_id())
    core.consultations.record_callback(clerk, consultation.consultation_id, "已电话告知结果。")
    draft = ComplaintDraft("counter", "efficiency", "孙先生", "13912340001", "", "排队一个多小时。")
    complaint = core.complaints.receive(clerk, draft, request_id=new_id()).complaint_id
    version = core.complaints.record_contact(clerk, complaint, "已联系客户。", version=1)
    version = core.complaints.record_reply(clerk, complaint, "已增开窗口。", version=version)
    version = core.complaints.record_followup(clerk, complaint, "客户满意。", satisfied=True, version=version)
    core.complaints.close(clerk, complaint, version=version)
    item = core.knowledge.add(clerk, KnowledgeDraft("阶梯电价怎么计算？", "按年度累计用电量分三档。", "阶梯"))
    core.knowledge.edit(
        clerk, item.item_id, KnowledgeDraft("阶梯电价怎么算？", "按年度累计用电量分三档。", "")
    )
    core.knowledge.deactivate(clerk, item.item_id)


def applications(core: HallCore, clerk: Any) -> None:
    """A resident's new connection: accepted with a scan attached, chased, walked to the archive, rated."""
    draft = person_new()
    done = core.applications.submit(clerk, draft, request_id=new_id())
    with tempfile.TemporaryDirectory() as tmp:
        scan = Path(tmp) / "身份证.pdf"
        scan.write_bytes(b"%PDF-1.4\n%golden\n%%EOF\n")
        core.attachments.attach(clerk, done.application_id, scan)
    core.applications.expedite(clerk, done.application_id, "客户来电催办。")
    version = core.application_reads.detail(clerk, done.application_id).row.version
    for stage in FLOWS[draft.kind][1:]:
        version = core.applications.advance(clerk, done.application_id, stage, version=version)
    core.applications.rate(clerk, done.application_id, 5)


def account_in_arrears(core: HallCore) -> str:
    """An account with two overdue bills (old enough for a cut plan)."""
    with core.db.write() as s:
        hall_id = s.scalars(select(Hall.hall_id)).one()
        customer_id, account_id = new_id(), new_id()
        s.add(Customer(customer_id=customer_id, kind="person", name="黄金户", phone="13900000001"))
        s.flush()
        s.add(
            Account(
                account_id=account_id,
                account_no="9900000001",
                customer_id=customer_id,
                hall_id=hall_id,
                address="测试市测试路1号",
                tariff="resident",
                voltage="220V",
                supply_relation="direct",
                load_class="3",
                status="active",
                prepaid_fen=0,
                opened_on=date(2020, 1, 1),
            )
        )
        s.flush()
        for period, amount, due in (
            ("202609", 10000, date(2026, 10, 12)),
            ("202610", 20000, date(2026, 10, 19)),
        ):
            s.add(
                Bill(
                    bill_id=new_id(),
                    account_id=account_id,
                    period=period,
                    kwh=amount // 50,
                    amount_fen=amount,
                    paid_fen=0,
                    issued_on=due,
                    due_date=due,
                )
            )
    return account_id


def pay(core: HallCore, clerk: Any, account_id: str, amount_fen: int) -> Any:
    due = core.payments.due(clerk, account_id)
    request = PaymentRequest(
        request_id=new_id(),
        account_id=account_id,
        amount_fen=amount_fen,
        method=PaymentMethod.CASH,
        expected_due_fen=due.total_fen,
        reference="",
        tendered_fen=amount_fen,
    )
    return core.payments.take(clerk, request)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
