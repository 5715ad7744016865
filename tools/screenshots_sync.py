"""Render the sync screens offscreen in Chinese: the clerk's 修改联系方式 dialog (with an error), the
supervisor's 同步冲突通知 page with both kinds of notice, and the admin's 中心服务器 page before it
connects.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_sync.py [--lang zh_CN]

Writes docs/screenshots/sync_contact_dialog.png, sync_notices.png and admin-central-zh.png.
"""

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import settle, shoot

from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.pull_notices import APPLY
from ui.app import make_application
from ui.ops import CoreOps
from ui.resources import install_language

PAGE = (1180, 640)  # the workspace of a 1366×768 window, without the navigation column

NOTICES = (
    {
        "kind": "contact_overwritten",
        "account_no": "3200000012",
        "field": "phone",
        "lost_value": "13900000001",
        "won_value": "13900000002",
        "won_hall_id": "H0002",
    },
    {
        "kind": "application_review",
        "account_no": "3200000047",
        "reason": "open_application",
        "application_no": "AH000002-0000017",
        "blocking_application_no": "AH000001-0000034",
    },
)


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
        with core.db.write() as s:
            for n, data in enumerate(NOTICES):
                change = {
                    "entity_id": f"notice-{n}",
                    "data": {"created_at": datetime.now(UTC).isoformat(), **data},
                }
                APPLY["conflict_notice"](s, change)
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        supervisor = core.auth.login("S001", DEMO_PASSWORD)
        admin = core.auth.login("A001", DEMO_PASSWORD)
        contact_dialog(core, ops, clerk)
        from ui.supervisor.sync_notices_page import SyncNoticesPage

        page = SyncNoticesPage(ops, supervisor)
        page.show()
        settle(400)
        shoot(page, "sync_notices", PAGE)
        from ui.admin.central_admin_page import CentralAdminPage

        central = CentralAdminPage(ops, admin)
        central.show()
        settle(400)
        shoot(central, "admin-central-zh", PAGE)
        ops._pool.shutdown(wait=True)
        ops._net.shutdown(wait=True)
        core.close()
    return 0


def contact_dialog(core, ops, clerk) -> None:  # type: ignore[no-untyped-def]
    from ui.counter.contact_dialog import ContactDialog

    hit = core.accounts.search(clerk, "3200000012")[0]
    details = core.customers.contact(clerk, hit.account_id)
    dialog = ContactDialog(ops, clerk, hit.account_id, details)
    dialog.show()
    dialog.inputs["email"].setText("wang@example")
    dialog.submit()
    settle(600)
    shoot(dialog, "sync_contact_dialog", (dialog.sizeHint().width(), dialog.sizeHint().height()))
    dialog.reject()


if __name__ == "__main__":
    sys.exit(main())
