"""The paper ticket for a queue ticket: what the customer holds until the board calls them."""

from datetime import datetime
from typing import Any

from hallapp.domain.printouts import ReprintMark, TicketDoc
from hallapp.domain.queue_views import TicketRow
from hallapp.services.printout_header import hall_header

# Printouts are official documents and always in Chinese (domain/printouts.py).
PRIORITY_LABELS = {
    "military": "军人依法优先",
    "elderly": "老年人优先",
    "disabled": "残疾人优先",
    "pregnant": "孕妇优先",
    "green_channel": "绿色通道",
    "appointment": "预约客户",
}


def ticket_doc(
    values: dict[str, Any], row: TicketRow, *, reprint_at: datetime | None = None, count: int = 0
) -> TicketDoc:
    day = row.business_date or row.issued_at.date()
    return TicketDoc(
        header=hall_header(values),
        display_no=row.display_no,
        business_type_name=row.business_type_name,
        ahead=row.ahead,
        wait_minutes=row.wait_minutes,
        issued_at=row.issued_at,
        barcode=f"T{day:%Y%m%d}{row.display_no.replace('-', '')}",
        priority_label=PRIORITY_LABELS.get(row.priority_reason or ""),
        manual=row.manual,
        reprint=ReprintMark(count, reprint_at) if reprint_at is not None else None,
    )
