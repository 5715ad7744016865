"""Render the applications page and the application form of each kind offscreen at 1366×768.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_applications.py [--size 1366x768] [--lang zh_CN]

Writes docs/screenshots/clerk-applications.png (worklist and one application's file with a scan),
clerk-application-resident.png, clerk-application-organisation.png, clerk-application-transfer.png
and clerk-application-errors.png (a form with field errors). Printers are fakes.
"""

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HALLAPP_PRINTER"] = "fake"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter
from screenshots import OUT, wait_idle
from screenshots_till import save

from hallapp.cli import FrontendOptions
from hallapp.demo.applications import organisation_new, person_new
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.application_form import ProofType
from hallapp.domain.ids import new_id
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import AppController, make_application
from ui.counter.application_dialog import ApplicationDialog
from ui.resources import install_language


def a_scan(folder: Path) -> Path:
    """A page that looks like a scanned ID copy (grey card on white)."""
    image = QImage(620, 880, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(60, 80, 500, 310, QColor(225, 232, 240))
    painter.fillRect(90, 120, 140, 180, QColor(180, 190, 205))
    for row in range(6):
        painter.fillRect(260, 130 + row * 40, 260 - row * 20, 14, QColor(120, 130, 145))
    painter.end()
    path = folder / "身份证复印件.png"
    image.save(str(path))
    return path


def fill(dialog: ApplicationDialog, draft, *, kind_index: int) -> None:  # type: ignore[no-untyped-def]
    f = dialog.fields
    f.kind.setCurrentIndex(kind_index)
    if draft.applicant_type.value == "organisation":
        f.organisation.setChecked(True)
    for widget, text in (
        (f.name, draft.name),
        (f.id_no, draft.id_no),
        (f.credit_code, draft.credit_code),
        (f.legal_rep, draft.legal_rep),
        (f.agent_name, draft.agent_name),
        (f.agent_id_no, draft.agent_id_no),
        (f.phone, draft.phone),
        (f.address, draft.address),
        (f.account_no, draft.account_no),
        (f.capacity, draft.capacity_kw),
        (f.email, draft.email),
    ):
        widget.setText(text)
    for box in f.material_checks.values():
        box.setChecked(True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    suffix = "" if args.size == "1366x768" else f"-{args.size}"
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application()
    install_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        build_demo_database(path, 3000, clock=FakeClock(datetime.now(UTC)))
        core = HallCore.open(path)
        controller = AppController(core, FrontendOptions(db_path=path, demo=True, smoke=True))
        wait_idle(controller)
        clerk = core.auth.login("C001", DEMO_PASSWORD)
        shown = core.applications.submit(
            clerk, replace(person_new(), proof=ProofType.MISSING), request_id=new_id()
        )
        version = core.applications.advance(clerk, shown.application_id, Stage.SURVEY, version=1)
        core.applications.expedite(clerk, shown.application_id, "客户来电催问勘查时间")
        core.attachments.attach(clerk, shown.application_id, a_scan(Path(tmp)))
        del version

        controller._open_workspace(clerk, 10)
        wait_idle(controller)
        window = controller.workspace
        page = window.show_page("applications")
        wait_idle(controller)
        page.query.setText(shown.application_no)
        page.search()
        wait_idle(controller)
        wait_idle(controller)
        save(window, f"clerk-applications{suffix}", size)

        transfer_account = core.application_reads.worklist(clerk).overdue
        account_no = next((r.account_no for r in transfer_account if r.account_no), "3200000001")
        for name, draft, index in (
            ("clerk-application-resident", person_new(), 0),
            ("clerk-application-organisation", organisation_new(), 1),
            (
                "clerk-application-transfer",
                replace(person_new(), kind=ApplicationKind.TRANSFER, account_no=account_no),
                4,
            ),
        ):
            dialog = ApplicationDialog(controller.ops, clerk, window)
            fill(dialog, draft, kind_index=index)
            if draft.kind is ApplicationKind.TRANSFER:
                dialog.fields.owner_changes.setChecked(True)
            dialog.show()
            wait_idle(controller)
            save(window, f"{name}{suffix}", size, dialog)
            dialog.reject()
            wait_idle(controller)

        error_shot(controller, clerk, window, size, suffix)
        window.close()
        wait_idle(controller)
        controller.ops.shutdown()
    QCoreApplication.processEvents()
    return 0


def error_shot(controller, clerk, window, size, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """A form with several wrong fields: each says what is wrong under it."""
    dialog = ApplicationDialog(controller.ops, clerk, window)
    dialog.fields.name.setText("王")
    dialog.fields.id_no.setText("32010219800517123X")
    dialog.fields.capacity.setText("200")
    dialog.show()
    dialog.submit()
    wait_idle(controller)
    save(window, f"clerk-application-errors{suffix}", size, dialog)
    dialog.reject()
    wait_idle(controller)


if __name__ == "__main__":
    sys.exit(main())
