"""A customer's contact details changed at the counter (SYNC_DESIGN §4.2): phone, e-mail, mailing
address. Only the fields that changed travel, as a ``customer.patch`` op based on the version of the
customer this PC last pulled; the central server merges field by field (hallapp.central.customers).
The holder's name, ID number and the rest are protected: they change through applications only.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from hallapp.db.models import Account, Customer
from hallapp.domain.contact import CONTACT_FIELDS, clean_contact
from hallapp.domain.errors import AccountNotFound
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.services.context import ServiceBase
from hallapp.services.trace import trace


@dataclass(frozen=True)
class ContactDetails:
    customer_id: str
    holder: str
    phone: str
    email: str
    mail_address: str


class CustomerService(ServiceBase):
    def contact(self, actor: Actor, account_id: str) -> ContactDetails:
        require(actor.role, Permission.SEARCH_ACCOUNTS)
        with self.db.read() as s:
            return _details(_holder(s, account_id))

    def update_contact(self, actor: Actor, account_id: str, values: dict[str, str]) -> ContactDetails:
        """Save the contact fields in ``values`` (raw text; empty clears a field). Returns the details
        as saved; a change that changes nothing writes nothing."""
        require(actor.role, Permission.SERVE_COUNTER)
        cleaned = clean_contact(dict(values))
        with self.db.write() as s:
            customer = _holder(s, account_id)
            changed = {f: v for f, v in cleaned.items() if getattr(customer, f) != v}
            if not changed:
                return _details(customer)
            before = {f: getattr(customer, f) for f in changed}
            for name, value in changed.items():
                setattr(customer, name, value)
            trace(
                s,
                actor,
                at=self.clock.now(),
                op_type="customer.patch",
                entity="customer",
                entity_id=customer.customer_id,
                target=customer.name,
                payload={"customer_id": customer.customer_id, "fields": changed},
                details={"fields": sorted(changed), "before": before},
                base_version=customer.server_version,
            )
            return _details(customer)


def _holder(s: Session, account_id: str) -> Customer:
    account = s.get(Account, account_id)
    customer = s.get(Customer, account.customer_id) if account is not None else None
    if customer is None:
        raise AccountNotFound(None)
    return customer


def _details(c: Customer) -> ContactDetails:
    values = {f: getattr(c, f) or "" for f in CONTACT_FIELDS}
    return ContactDetails(customer_id=c.customer_id, holder=c.name, **values)
