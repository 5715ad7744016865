"""Render the supervisor's approvals page offscreen in Chinese with both kinds of request: payment
reversals and credit codes failing their check character (one waiting, one already refused).

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_approvals.py [--lang zh_CN]

Writes docs/screenshots/supervisor-approvals-zh.png.
"""

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import settle, shoot
from screenshots_till import a_day_of_payments, owing_accounts

from hallapp.demo.applications import CREDIT_CODE, organisation_new
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.ids import new_id
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import make_application
from ui.ops import CoreOps
from ui.resources import install_language

PAGE = (1180, 640)  # the workspace of a 1366×768 window, without the navigation column
WRONG = CREDIT_CODE[:-1] + ("0" if CREDIT_CODE[-1] != "0" else "1")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    app = make_application()
    install_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        build_demo_database(path, 200, clock=FakeClock(datetime.now(UTC)))
        core = HallCore.open(path)
        ops = CoreOps(core)
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        supervisor = core.auth.login("S001", DEMO_PASSWORD)
        requests(core, clerk, supervisor)
        from ui.supervisor.approvals_page import ApprovalsPage

        page = ApprovalsPage(ops, supervisor)
        page.show_decided.setChecked(True)
        page.show()
        settle(600)
        page.table.selectRow(1)  # the credit code waiting for a decision
        page.note.setText("已核对营业执照原件，代码无误")
        shoot(page, "supervisor-approvals-zh", PAGE)
        ops._pool.shutdown(wait=True)
        ops._net.shutdown(wait=True)
        core.close()
    return 0


def requests(core, clerk, supervisor) -> None:  # type: ignore[no-untyped-def]
    paid = a_day_of_payments(core, clerk, owing_accounts(core, clerk, 2))
    core.reversals.request(clerk, paid[0].payment_id, "客户重复缴费")
    refused = core.applications.submit(
        clerk,
        replace(organisation_new(), name="示例市江北物流有限公司", credit_code=WRONG),
        request_id=new_id(),
        queue_reason="客户称执照上即为此代码",
    )
    [row] = [r for r in core.approvals.queue(supervisor) if r.target_id == refused.application_id]
    core.approvals.decide(supervisor, row.approval_id, approve=False, note="与执照不符，请核对后更正")
    core.applications.submit(
        clerk,
        replace(organisation_new(), credit_code=WRONG),
        request_id=new_id(),
        queue_reason="营业执照原件代码如此，已拍照",
    )
    core.reversals.request(clerk, paid[1].payment_id, "缴错户号")


if __name__ == "__main__":
    sys.exit(main())
