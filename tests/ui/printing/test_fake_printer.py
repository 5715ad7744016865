import pytest

from tests.ui.printing.sample_pdfs import receipt_pdf
from ui.printing import (
    CANCELLED,
    FAILED,
    NO_PRINTER,
    OFFLINE,
    THERMAL_80,
    DocumentKind,
    FakePrinter,
    Printer,
    PrintFailed,
    PrintJob,
    QtPrinter,
    fake_printer,
    printer_for,
)


def _job(copies: int = 1) -> PrintJob:
    return PrintJob("电费缴费凭证", receipt_pdf(), THERMAL_80, copies=copies)


def test_keeps_every_job_with_its_bytes() -> None:
    printer = FakePrinter()
    first, second = _job(), _job(copies=2)
    printer.print_job(first)
    printer.print_job(second)
    assert printer.jobs == [first, second]
    assert printer.jobs[0].pdf.startswith(b"%PDF")
    assert isinstance(printer, Printer)


def test_fail_next_fails_once() -> None:
    printer = FakePrinter("Receipt printer")
    printer.fail_next(OFFLINE)
    with pytest.raises(PrintFailed) as failure:
        printer.print_job(_job())
    assert (failure.value.reason, failure.value.printer) == (OFFLINE, "Receipt printer")
    assert printer.jobs == []
    printer.print_job(_job())
    assert len(printer.jobs) == 1


def test_unknown_failure_reason_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="jam"):
        FakePrinter().fail_next("jam")


def test_a_printer_that_is_not_ready_is_offline() -> None:
    printer = FakePrinter(ready=False)
    assert not printer.is_ready()
    with pytest.raises(PrintFailed) as failure:
        printer.print_job(_job())
    assert failure.value.reason == OFFLINE


@pytest.mark.parametrize("reason", [OFFLINE, NO_PRINTER, FAILED, CANCELLED])
def test_every_failure_has_a_sentence(hall_qapp, reason: str) -> None:  # type: ignore[no-untyped-def]
    text = PrintFailed(reason, "EPSON TM-T82").message()
    assert text
    assert "{" not in text


def test_jobs_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="paper"):
        PrintJob("x", b"", "letter")
    with pytest.raises(ValueError, match="copies"):
        PrintJob("x", b"", THERMAL_80, copies=0)


def test_hallapp_printer_fake_hands_out_one_fake_per_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    receipts = printer_for(DocumentKind.RECEIPT)
    assert receipts is fake_printer(DocumentKind.RECEIPT)
    assert printer_for(DocumentKind.RECEIPT) is receipts
    assert printer_for(DocumentKind.FORM) is not receipts
    monkeypatch.delenv("HALLAPP_PRINTER")
    assert isinstance(printer_for(DocumentKind.RECEIPT), QtPrinter)
