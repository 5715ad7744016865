"""Render the audit trail page (supervisor) and the record retention page (admin) offscreen in
Chinese, on a demo hall that has a day of activity today and consultations older than a year.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_audit.py [--lang zh_CN]

Writes docs/screenshots/supervisor-audit-zh.png and admin-retention-zh.png.
"""

import argparse
import contextlib
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import settle, shoot
from sqlalchemy import update

from hallapp.db.models import Outbox
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import LoginFailed
from hallapp.domain.ids import new_id
from hallapp.domain.payments import PaymentRequest
from hallapp.domain.service_desk_form import ConsultationDraft
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import make_application
from ui.ops import CoreOps
from ui.resources import install_language

PAGE = (1180, 640)  # the workspace of a 1366×768 window, without the navigation column
ASKED = ConsultationDraft(
    "counter", "王女士", "", "", "峰谷电价怎么申请？", "带身份证和户号到柜台办理。", True
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    app = make_application()
    install_language(app, args.lang)
    now = datetime.now(UTC).replace(microsecond=0)
    clock = FakeClock(now - timedelta(days=400))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        build_demo_database(path, 200, clock=clock)
        core = HallCore.open(path, clock=clock)
        a_year_ago(core, clock)
        clock.set(now - timedelta(hours=2))
        supervisor, admin = today(core, clock)
        ops = CoreOps(core)
        from ui.supervisor.audit_page import AuditPage

        page = AuditPage(ops, supervisor)
        page.show()
        settle(400)
        page.activate()
        page.verify()
        settle(600)
        shoot(page, "supervisor-audit-zh", PAGE)
        from ui.admin.retention_page import RetentionPage

        retention = RetentionPage(ops, admin)
        retention.show()
        settle(400)
        shoot(retention, "admin-retention-zh", PAGE)
        ops._pool.shutdown(wait=True)
        ops._net.shutdown(wait=True)
        core.close()
    return 0


def a_year_ago(core: HallCore, clock: FakeClock) -> None:
    """Consultations more than a year old, already received by the central server."""
    clerk = core.auth.login("C001", DEMO_PASSWORD)
    for _ in range(12):
        clock.advance(minutes=7)
        core.consultations.record(clerk, ASKED, request_id=new_id())
    with core.db.write() as s:
        s.execute(update(Outbox).values(status="applied"))


def today(core: HallCore, clock: FakeClock):  # type: ignore[no-untyped-def]
    """A morning at the hall: sign-ins (one refused), a payment and its reprint, a lock, a setting."""
    admin = core.auth.login("A001", DEMO_PASSWORD)
    clock.advance(minutes=3)
    with contextlib.suppress(LoginFailed):  # a refused sign-in is in the trail too
        core.auth.login("C002", "wrong")
    clerk = core.auth.login("C001", DEMO_PASSWORD)
    guide = core.auth.login("G001", DEMO_PASSWORD)
    core.queue.set_queue_open(guide, True)
    clock.advance(minutes=12)
    hit = core.accounts.search(clerk, "3200000012")[0]
    due = core.payments.due(clerk, hit.account_id)
    amount = due.total_fen or 5000
    paid = core.payments.take(
        clerk,
        PaymentRequest(new_id(), hit.account_id, amount, PaymentMethod.CASH, due.total_fen, "", amount),
    )
    clock.advance(minutes=2)
    core.payments.record_print(clerk, paid.payment_id)
    core.payments.record_print(clerk, paid.payment_id)  # the second is a reprint
    clock.advance(minutes=20)
    core.auth.lock(clerk, reason="idle")
    clock.advance(minutes=5)
    core.auth.unlock(clerk, DEMO_PASSWORD)
    core.settings.update(admin, {"queue.wait_target_minutes": 20})
    clock.advance(minutes=1)
    supervisor = core.auth.login("S001", DEMO_PASSWORD)
    return supervisor, admin


if __name__ == "__main__":
    sys.exit(main())
