"""Which function applies each op type and payload version on the server (SYNC_DESIGN §4.6, §4.10).

An op type or version missing here is stored only (P8): a newer client is never blocked, and a later
server version can process what was stored. An old payload version keeps its handler (or an upcaster
to the current one) while any device may still hold such ops unacknowledged.
"""

from collections.abc import Callable

from sqlalchemy.orm import Session

from hallapp.central.applications import advance_application, submit_application
from hallapp.central.bodies import OpBody
from hallapp.central.customers import patch_customer
from hallapp.central.payments import Result, record_payment, reverse_payment
from hallapp.central.reconcile import close_shift
from hallapp.central.schema import Device

Handler = Callable[[Session, Device, OpBody], Result]
HANDLERS: dict[tuple[str, int], Handler] = {
    ("payment.record", 1): record_payment,
    ("payment.reverse", 1): reverse_payment,
    ("shift.close", 1): close_shift,
    ("customer.patch", 1): patch_customer,
    ("application.submit", 1): submit_application,
    ("application.stage", 1): advance_application,
}
