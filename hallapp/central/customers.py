"""``customer.patch`` (SYNC_DESIGN §4.2, §4.6): a counter's change of a customer's contact fields,
merged field by field against the version the clerk saw (the op's ``base_version``).

- A field nobody changed since that version: applied.
- A field that now already holds the new value: nothing to do.
- A field someone else changed since (another hall, another PC, the billing import): the later
  arrival wins — deterministic, no clocks — the overwritten value goes to
  ``customer_field_history`` and the hall whose edit was overwritten gets a ``conflict_notice``.

Protected fields (name, ID number, …) are refused (``protected_field``): they change only through
applications. A customer the server does not hold is refused (``customer_unknown``): a stale edit
never brings a customer back (§4.11).
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func
from sqlalchemy.orm import Session

from hallapp.central.bodies import OpBody
from hallapp.central.feed import log_customer, publish_notice
from hallapp.central.payments import Rejected, Result, parse_payload
from hallapp.central.schema import Customer, Device
from hallapp.central.schema_conflicts import ConflictNotice, CustomerFieldHistory
from hallapp.domain.contact import clean_contact
from hallapp.domain.errors import InvalidForm
from hallapp.domain.ids import new_id


class PatchPayload(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    customer_id: str = Field(min_length=1, max_length=36)
    fields: dict[str, str | None] = Field(min_length=1, max_length=10)


def patch_customer(s: Session, device: Device, op: OpBody) -> Result:
    p = parse_payload(PatchPayload, op)
    try:
        fields = clean_contact(dict(p.fields))
    except InvalidForm as exc:
        protected = sorted(f for f, e in exc.errors.items() if e.reason == "protected_field")
        if protected:
            raise Rejected("protected_field", fields=protected) from None
        raise Rejected("invalid_payload", field=sorted(exc.errors)[0]) from None
    row = s.get(Customer, p.customer_id, with_for_update=True)
    if row is None:
        raise Rejected("customer_unknown", customer_id=p.customer_id)
    base = op.base_version or 0
    new_version = row.version + 1
    meta = dict(row.field_meta or {})
    changed, overwrote = [], []
    for name, value in fields.items():
        current = getattr(row, name)
        if current == value:
            continue
        source = meta.get(name) or {}
        concurrent = int(source.get("v", 0)) > base
        s.add(_history(row, name, current, value, source, op, device, base, new_version, concurrent))
        if concurrent:
            overwrote.append(name)
            if source.get("hall"):
                publish_notice(s, _notice(row, name, current, value, source, op, device))
        setattr(row, name, value)
        meta[name] = {"v": new_version, "hall": device.hall_id, "op": op.op_id}
        changed.append(name)
    if changed:
        row.version, row.field_meta, row.updated_at = new_version, meta, func.now()
        log_customer(s, row.customer_id)
    return {
        "status": "applied",
        "customer_id": row.customer_id,
        "version": row.version,
        "changed": changed,
        "overwrote": overwrote,
    }


def _history(
    row: Customer,
    name: str,
    old: str | None,
    new: str | None,
    source: dict[str, Any],
    op: OpBody,
    device: Device,
    base: int,
    new_version: int,
    concurrent: bool,
) -> CustomerFieldHistory:
    return CustomerFieldHistory(
        customer_id=row.customer_id,
        field=name,
        old_value=old,
        new_value=new,
        old_source=source,
        op_id=op.op_id,
        device_id=device.device_id,
        hall_id=device.hall_id,
        base_version=base,
        new_version=new_version,
        overwrote_concurrent=concurrent,
    )


def _notice(
    row: Customer,
    name: str,
    lost: str | None,
    won: str | None,
    source: dict[str, Any],
    op: OpBody,
    device: Device,
) -> ConflictNotice:
    return ConflictNotice(
        notice_id=new_id(),
        hall_id=source["hall"],
        kind="contact_overwritten",
        customer_id=row.customer_id,
        field=name,
        lost_value=lost,
        won_value=won,
        lost_op_id=source.get("op"),
        won_op_id=op.op_id,
        won_hall_id=device.hall_id,
    )
