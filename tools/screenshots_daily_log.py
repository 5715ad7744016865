"""Render the supervisor's daily counter log offscreen in Chinese after a busy demo day: the tables,
the charts tab, and page 1 of its PDF export.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_daily_log.py [--lang zh_CN]

Writes docs/screenshots/supervisor-daily-log-zh.png, supervisor-daily-log-charts-zh.png and
daily-log-pdf-page1.png.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import OUT, settle, shoot

from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.services.clock import FakeClock
from hallapp.services.daily_log_export import DailyLogExport
from hallapp.services.hall_core import HallCore
from tests.conftest import START
from tests.core.daily_log_activity import busy_day
from ui.app import make_application
from ui.ops import CoreOps
from ui.resources import install_language

ROOT = Path(__file__).resolve().parent.parent
PAGE = (1180, 640)  # the workspace of a 1366×768 window, without the navigation column
PDF_SCALE = 80 / 72  # 80 dpi


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    app = make_application()
    install_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        clock = FakeClock(START)
        build_demo_database(path, 200, clock=clock)
        core = HallCore.open(path, clock=clock)
        busy_day(core, clock, customers=48)
        ops = CoreOps(core)
        supervisor = core.auth.login("S001", DEMO_PASSWORD)
        from ui.supervisor.daily_log_page import DailyLogPage

        page = DailyLogPage(ops, supervisor)
        page.show()
        settle(800)
        shoot(page, "supervisor-daily-log-zh", PAGE)
        page.tabs.setCurrentWidget(page.charts)
        settle(400)
        shoot(page, "supervisor-daily-log-charts-zh", PAGE)
        pdf = Path(tmp) / "log.pdf"
        DailyLogExport(core.db, core.clock, core.device).pdf(supervisor, START.date(), START.date(), pdf)
        pdf_page_png(pdf, OUT / "daily-log-pdf-page1.png")
        ops._pool.shutdown(wait=True)
        ops._net.shutdown(wait=True)
        core.close()
    return 0


def pdf_page_png(pdf: Path, target: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    document[0].render(scale=PDF_SCALE).to_pil().save(target)
    document.close()
    print("wrote", target.relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main())
