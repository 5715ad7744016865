"""Queue ticket printing: ``render_ticket`` of the sample 排队号票 on the 80 mm roll.

``ticket_print_render_ms`` is the median (and ``…_p95_ms`` the 95th percentile) of N renders (400
full, 100 quick) of ``sample_ticket()`` to PDF bytes, what the ticket machine waits for before the
printer gets anything. The baseline, alternating with it, is a one-line reportlab PDF on a page of
about the same size (80 × 100 mm) with a built-in font: the cost of reportlab itself, which no ticket can avoid. The
58 mm roll and the priority + reprint ticket are reported as comments. Needs no database.
"""

import time
from collections.abc import Callable
from io import BytesIO

from bench.common import Report, median, p95, progress, ratio

RENDERS_QUICK, RENDERS_FULL = 100, 400
WARMUP = 5
MM = 72 / 25.4
BASELINE_PAGE = (80 * MM, 100 * MM)


def reportlab_one_line() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=BASELINE_PAGE)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(10 * MM, 50 * MM, "A001")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _ms(call: Callable[[], object]) -> float:
    started = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - started) / 1e6


def alternating(
    call: Callable[[], object], baseline: Callable[[], object], times: int
) -> tuple[list[float], list[float]]:
    """``times`` timings of each after a warm-up, in turns, the first of a pair alternating."""
    timed: list[float] = []
    base: list[float] = []
    for i in range(WARMUP + times):
        if i % 2:
            one = _ms(call)
            other = _ms(baseline)
        else:
            other = _ms(baseline)
            one = _ms(call)
        if i >= WARMUP:
            timed.append(one)
            base.append(other)
    return timed, base


def run_ticket_print(report: Report, *, quick: bool) -> None:
    from hallapp.domain.printouts import PaperSize
    from hallapp.printing import render_ticket
    from hallapp.printing.samples import sample_priority_ticket, sample_ticket

    renders = RENDERS_QUICK if quick else RENDERS_FULL
    progress(f"ticket_print: {renders} renders of the 80 mm ticket against a one-line reportlab PDF")
    doc = sample_ticket()
    first = _ms(lambda: render_ticket(doc, PaperSize.THERMAL_80))  # font already loaded if another bench ran
    pdf = render_ticket(doc, PaperSize.THERMAL_80)
    ticket, base = alternating(lambda: render_ticket(doc, PaperSize.THERMAL_80), reportlab_one_line, renders)
    roll58 = [_ms(lambda: render_ticket(doc, PaperSize.THERMAL_58)) for _ in range(renders // 4)]
    priority = sample_priority_ticket()
    marked = [_ms(lambda: render_ticket(priority, PaperSize.THERMAL_80)) for _ in range(renders // 4)]
    report.comment(
        f"ticket_print: sample_ticket() on the 80 mm roll, {renders} renders alternating with the baseline; "
        f"PDF {len(pdf) // 1024} kB; "
        f"first render in this process {first:.1f} ms; 58 mm roll median {median(roll58):.2f} ms; "
        f"priority + reprint ticket median {median(marked):.2f} ms"
    )
    report.figure("ticket_print_render_ms", median(ticket), "ms")
    report.figure("ticket_print_render_p95_ms", p95(ticket), "ms")
    report.figure("ticket_print_baseline_ms", median(base), "ms")
    report.figure("ticket_print_baseline_p95_ms", p95(base), "ms")
    report.figure("ticket_print_render_ratio", ratio(median(ticket), median(base)), "ratio")
