"""Render the sample printouts to docs/printouts/ as PDFs and PNG previews (needs pdftoppm).

.venv/bin/python tools/render_printouts.py [--dpi 150]
"""

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hallapp.domain.printouts import NoticeKind, PaperSize
from hallapp.printing import (
    render_acceptance_receipt,
    render_application_form,
    render_notice,
    render_one_time_notice,
    render_receipt,
    render_shift_report,
    render_ticket,
)
from hallapp.printing.samples import (
    sample_acceptance_receipt,
    sample_application_form,
    sample_notice,
    sample_one_time_notice,
    sample_priority_ticket,
    sample_receipt,
    sample_reprint,
    sample_reversal,
    sample_shift_report,
    sample_ticket,
)

OUT = Path(__file__).resolve().parent.parent / "docs" / "printouts"
SHIFT_PAYMENTS = 40


def documents() -> dict[str, bytes]:
    """PDF name (without .pdf) -> bytes."""
    return {
        "receipt-thermal": render_receipt(sample_receipt(), PaperSize.THERMAL_80),
        "receipt-a5": render_receipt(sample_receipt(), PaperSize.A5),
        "receipt-reprint": render_receipt(sample_reprint(), PaperSize.THERMAL_80),
        "receipt-reprint-a5": render_receipt(sample_reprint(), PaperSize.A5),
        "receipt-reversal": render_receipt(sample_reversal(), PaperSize.THERMAL_80),
        "notice-reminder": render_notice(sample_notice(NoticeKind.REMINDER)),
        "notice-cut-plan": render_notice(sample_notice(NoticeKind.CUT_PLAN)),
        "shift-report": render_shift_report(sample_shift_report(SHIFT_PAYMENTS)),
        "ticket-58": render_ticket(sample_ticket(), PaperSize.THERMAL_58),
        "ticket-80": render_ticket(sample_ticket(), PaperSize.THERMAL_80),
        "ticket-priority": render_ticket(sample_priority_ticket(), PaperSize.THERMAL_58),
        "application-form": render_application_form(sample_application_form()),
        "application-form-organisation": render_application_form(sample_application_form(organisation=True)),
        "one-time-notice": render_one_time_notice(sample_one_time_notice()),
        "one-time-notice-a5": render_one_time_notice(sample_one_time_notice(), PaperSize.A5),
        "acceptance-receipt": render_acceptance_receipt(sample_acceptance_receipt()),
        "acceptance-receipt-a5": render_acceptance_receipt(sample_acceptance_receipt(), PaperSize.A5),
    }


# PNG name -> (PDF name, page)
PREVIEWS = {
    "receipt-thermal": ("receipt-thermal", 1),
    "receipt-a5": ("receipt-a5", 1),
    "receipt-reprint": ("receipt-reprint", 1),
    "receipt-reprint-a5": ("receipt-reprint-a5", 1),
    "receipt-reversal": ("receipt-reversal", 1),
    "notice-reminder": ("notice-reminder", 1),
    "notice-reminder-archive": ("notice-reminder", 2),
    "notice-cut-plan": ("notice-cut-plan", 1),
    "shift-report": ("shift-report", 1),
    "ticket-58": ("ticket-58", 1),
    "ticket-80": ("ticket-80", 1),
    "ticket-priority": ("ticket-priority", 1),
    "application-form": ("application-form", 1),
    "application-form-organisation": ("application-form-organisation", 1),
    "one-time-notice": ("one-time-notice", 1),
    "one-time-notice-a5": ("one-time-notice-a5", 1),
    "acceptance-receipt": ("acceptance-receipt", 1),
    "acceptance-receipt-a5": ("acceptance-receipt-a5", 1),
}


def to_png(pdf: Path, page: int, png: Path, dpi: int) -> None:
    prefix = png.with_suffix("")
    command = [
        "pdftoppm",
        "-r",
        str(dpi),
        "-png",
        "-f",
        str(page),
        "-l",
        str(page),
        "-singlefile",
        str(pdf),
        str(prefix),
    ]
    subprocess.run(command, check=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for name, pdf in documents().items():
        (OUT / f"{name}.pdf").write_bytes(pdf)
    print(f"rendered PDFs in {time.perf_counter() - started:.2f} s")
    for png_name, (pdf_name, page) in PREVIEWS.items():
        png = OUT / f"{png_name}.png"
        to_png(OUT / f"{pdf_name}.pdf", page, png, args.dpi)
        print("wrote", png.relative_to(OUT.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
