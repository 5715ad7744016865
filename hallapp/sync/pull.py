"""Pulling the hall's master data from the central server (SYNC_DESIGN §4.7, docs/sync_protocol.md).

Each page of changes and the cursor after it are applied in one SQLite transaction, so a crash
mid-pull resumes from the last whole page. A row is written only when its server version is newer
than the local copy. A new server epoch (the server was restored) means the cursor is void: the
pull starts again from the beginning, keeping the outbox untouched.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hallapp.db.engine import Database
from hallapp.db.models import Account, Bill, Customer, Hall
from hallapp.domain.errors import SyncStopped, SyncUnavailable
from hallapp.sync import pull_notices, pull_reference, state

CURSOR = "pull_cursor"
EPOCH = "pull_epoch"
PAGE = 500


@dataclass(frozen=True)
class PullOutcome:
    pages: int
    changes: int
    applied: int  # rows written (newer than the local copy)


class Puller:
    def __init__(self, db: Database, client: httpx.Client, token: str) -> None:
        self.db = db
        self.client = client
        self.token = token

    def pull_all(self, max_pages: int = 10_000) -> PullOutcome:
        pages = changes = applied = 0
        for _ in range(max_pages):
            page = self._fetch(self._state(CURSOR))
            if page is None:  # the server voided the cursor: start again from the beginning
                self._reset()
                continue
            pages += 1
            changes += len(page["changes"])
            applied += self._apply(page)
            if not page.get("has_more"):
                break
        return PullOutcome(pages, changes, applied)

    def _fetch(self, cursor: str) -> dict[str, Any] | None:
        params = {"limit": PAGE, **({"cursor": cursor} if cursor else {})}
        try:
            answer = self.client.get(
                "/v1/sync/pull", params=params, headers={"Authorization": f"Bearer {self.token}"}
            )
        except httpx.HTTPError as exc:
            raise SyncUnavailable(reason=type(exc).__name__) from None
        if answer.status_code == 410:
            return None
        if answer.status_code >= 500 or answer.status_code == 429:
            raise SyncUnavailable(reason=f"http_{answer.status_code}")
        if answer.status_code != 200:
            raise SyncStopped(reason=str(answer.json().get("error", answer.status_code)))
        return answer.json()

    def _apply(self, page: dict[str, Any]) -> int:
        written = 0
        with self.db.write() as s:
            epoch = state.get(s, EPOCH)
            if epoch and epoch != page["server_epoch"]:
                state.put(s, CURSOR, "")
                state.put(s, EPOCH, page["server_epoch"])
                return 0
            for change in page["changes"]:
                if change["op"] == "delete":
                    written += _remove(s, change)
                else:
                    written += APPLY.get(change["entity"], _ignore)(s, change)
            state.put(s, CURSOR, page["next_cursor"] or "")
            state.put(s, EPOCH, page["server_epoch"])
        return written

    def _state(self, key: str) -> str:
        with self.db.read() as s:
            return state.get(s, key)

    def _reset(self) -> None:
        with self.db.write() as s:
            state.put(s, CURSOR, "")
            state.put(s, EPOCH, "")


def _newer(row: Any, version: int) -> bool:
    return row is None or (row.server_version or 0) < version


def _customer(s: Session, change: dict[str, Any]) -> int:
    d = change["data"]
    row = s.get(Customer, change["entity_id"])
    if not _newer(row, change["entity_version"]):
        return 0
    if row is None:
        row = Customer(customer_id=change["entity_id"])
    row.kind, row.name = d["kind"], d["name"]
    row.id_type, row.id_number = d.get("id_type"), d.get("id_number") or d.get("credit_code")
    row.phone, row.email, row.mail_address = d.get("phone"), d.get("email"), d.get("mail_address")
    row.server_version = change["entity_version"]
    s.add(row)
    s.flush()
    return 1


def _account(s: Session, change: dict[str, Any]) -> int:
    d = change["data"]
    account_no = d["account_no"]
    row = (
        s.get(Account, change["entity_id"])
        or s.scalars(select(Account).where(Account.account_no == account_no)).first()
    )
    if not _newer(row, change["entity_version"]):
        return 0
    hall_id = _local_hall(s, d.get("hall_id") or "")  # before a new row is pending (autoflush)
    if row is None:  # the server's id: the same account has the same id on every PC
        row = Account(
            account_id=change["entity_id"], account_no=account_no, prepaid_fen=d.get("prepaid_fen", 0)
        )
    row.customer_id, row.hall_id = d["customer_id"], hall_id
    row.address, row.tariff, row.voltage = d["address"], d["tariff"], d["voltage"]
    row.supply_relation, row.load_class = d.get("supply_relation") or "direct", d.get("load_class") or "3"
    row.credit_rating, row.status = d.get("credit_rating") or "A", d.get("status") or "active"
    row.opened_on = date.fromisoformat(d["opened_on"]) if d.get("opened_on") else date.today()
    row.server_version = change["entity_version"]
    s.add(row)
    s.flush()
    return 1


def _bill(s: Session, change: dict[str, Any]) -> int:
    d = change["data"]
    row = s.get(Bill, change["entity_id"])
    if not _newer(row, change["entity_version"]):
        return 0
    account_id = d.get("account_id") or s.scalar(
        select(Account.account_id).where(Account.account_no == d["account_no"])
    )
    if account_id is None:  # its account arrives later in the feed (never in practice: same scope)
        return 0
    if row is None:
        row = Bill(bill_id=change["entity_id"], account_id=account_id, paid_fen=0)
    row.period, row.kwh, row.amount_fen = d["period"], d["kwh"], d["amount_fen"]
    # Payments taken here that the billing system has not seen yet stay counted.
    row.paid_fen = max(row.paid_fen or 0, d.get("paid_fen", 0))
    row.issued_on, row.due_date = date.fromisoformat(d["issued_on"]), date.fromisoformat(d["due_date"])
    row.server_version = change["entity_version"]
    s.add(row)
    s.flush()
    return 1


def _remove(s: Session, change: dict[str, Any]) -> int:
    """The row left this hall (an account moved, or passed to another customer). It goes, unless
    something taken here still refers to it: then it stays, closed, until sync carries those facts."""
    model = {"customer": Customer, "account": Account, "bill": Bill}.get(change["entity"])
    row = s.get(model, change["entity_id"]) if model else None
    if row is None:
        return 0
    try:
        with s.begin_nested():
            s.delete(row)
    except IntegrityError:
        if isinstance(row, Account):
            s.refresh(row)
            row.status = "closed"
        return 0
    return 1


def _ignore(_s: Session, _change: dict[str, Any]) -> int:
    return 0  # an entity this version does not keep (a newer server): skipped, never an error


APPLY = {
    "customer": _customer,
    "account": _account,
    "bill": _bill,
    **pull_reference.APPLY,
    **pull_notices.APPLY,
}


def _local_hall(s: Session, code: str) -> str:
    hall = s.scalars(select(Hall).where(Hall.code == code)).first() if code else None
    if hall is None:
        hall = s.scalars(select(Hall)).first()  # this PC's own hall
    return hall.hall_id
