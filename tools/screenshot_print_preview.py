"""Render the print preview of a receipt-like PDF offscreen and save docs/screenshots/print-preview.png.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshot_print_preview.py [--lang zh_CN]
"""

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer

from tests.ui.printing.sample_pdfs import receipt_pdf
from ui.app import make_application
from ui.printing import THERMAL_80, FakePrinter, PrintJob, PrintPreviewDialog
from ui.resources import install_language

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "print-preview.png"


def settle(ms: int = 250) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    app = make_application()
    install_language(app, args.lang)
    job = PrintJob("电费缴费凭证 T01-26000012345", receipt_pdf(), THERMAL_80, copies=2)
    dialog = PrintPreviewDialog(job, FakePrinter("EPSON TM-T82"))
    dialog.show()
    settle()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT))
    print("wrote", OUT.relative_to(ROOT))
    dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
