"""Which function applies each op type and payload version on the server (SYNC_DESIGN §4.6, §4.10).

An op type or version missing here is stored only (P8): a newer client is never blocked, and a later
server version can process what was stored. An old payload version keeps its handler (or an upcaster
to the current one) while any device may still hold such ops unacknowledged.
"""

from collections.abc import Callable

from sqlalchemy.orm import Session

from hallapp.central import hall_facts as facts
from hallapp.central.bodies import OpBody
from hallapp.central.customers import patch_customer
from hallapp.central.payments import Result, record_payment, reverse_payment
from hallapp.central.schema import Device

Handler = Callable[[Session, Device, OpBody], Result]
HANDLERS: dict[tuple[str, int], Handler] = {
    ("payment.record", 1): record_payment,
    ("payment.reverse", 1): reverse_payment,
    ("shift.open", 1): facts.open_shift,
    ("shift.close", 1): facts.close_shift_with_fact,  # reconcile.close_shift, then the cash-up fact
    ("customer.patch", 1): patch_customer,
    ("application.submit", 1): facts.submit_application_with_fact,  # applications.submit_application, …
    ("application.stage", 1): facts.advance_application_with_fact,  # applications.advance_application, …
    ("ticket.event", 1): facts.record_ticket_event,
    ("queue.log", 1): facts.record_queue_log,
    ("window.save", 1): facts.save_window,
    ("complaint.receive", 1): facts.record_complaint,
    ("complaint.contact", 1): facts.record_complaint,
    ("complaint.reply", 1): facts.record_complaint,
    ("complaint.followup", 1): facts.record_complaint,
    ("complaint.close", 1): facts.record_complaint,
    ("consultation.record", 1): facts.record_consultation,
    ("consultation.callback", 1): facts.record_consultation,
}
