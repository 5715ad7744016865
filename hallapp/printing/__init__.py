"""reportlab renderers: printout values in (``hallapp.domain.printouts``), PDF bytes out.

Everything prints in Simplified Chinese with the bundled WenQuanYi Zen Hei font embedded.
"""

from hallapp.printing.application_form import render_application_form
from hallapp.printing.intake_notices import render_acceptance_receipt, render_one_time_notice
from hallapp.printing.notice import render_notice
from hallapp.printing.receipt import render_receipt
from hallapp.printing.shift_report import render_shift_report
from hallapp.printing.ticket import render_ticket

__all__ = [
    "render_acceptance_receipt",
    "render_application_form",
    "render_notice",
    "render_one_time_notice",
    "render_receipt",
    "render_shift_report",
    "render_ticket",
]
