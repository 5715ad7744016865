"""Finding a customer's account and opening it: holder, flags, bills, payments, applications."""

from sqlalchemy import Select, and_, exists, select, text
from sqlalchemy.orm import Session, aliased

from hallapp.db.models import Account, Application, Bill, Customer, Operator, Payment
from hallapp.domain.application_flow import CLOSED, ApplicationKind, Stage
from hallapp.domain.enums import (
    AccountStatus,
    BillState,
    CreditRating,
    CustomerKind,
    LoadClass,
    PaymentMethod,
    SupplyRelation,
    TariffCategory,
    Voltage,
)
from hallapp.domain.errors import AccountNotFound
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import AccountDetail, AccountHit, Actor, ApplicationRow, BillRow, PaymentRow
from hallapp.domain.search import SearchKind, SearchQuery, parse_query
from hallapp.services.context import ServiceBase
from hallapp.services.settings_service import values_in

BILL_PERIODS_SHOWN = 24
PAYMENTS_SHOWN = 30
CLOSED_APPLICATION = tuple(s.value for s in CLOSED)
TRIGRAM = 3
_HIT_COLUMNS = (
    Account.account_id,
    Account.account_no,
    Customer.name,
    Customer.phone,
    Account.address,
    Account.status,
)


class AccountService(ServiceBase):
    def search(self, actor: Actor, raw: str, kind: SearchKind = SearchKind.AUTO) -> list[AccountHit]:
        require(actor.role, Permission.SEARCH_ACCOUNTS)
        with self.db.read() as s:  # one transaction: the rules and the search see the same state
            values = values_in(s)
            query = parse_query(raw, kind, account_length=values["accounts.number_length"])
            return find_accounts(s, query, values["accounts.search_limit"])

    def open(self, actor: Actor, account_id: str) -> AccountDetail:
        require(actor.role, Permission.SEARCH_ACCOUNTS)
        with self.db.read() as s:
            return load_account(s, account_id)

    def open_by_number(self, actor: Actor, account_no: str) -> AccountDetail:
        require(actor.role, Permission.SEARCH_ACCOUNTS)
        with self.db.read() as s:
            account_id = s.scalar(select(Account.account_id).where(Account.account_no == account_no))
            if account_id is None:
                raise AccountNotFound(account_no=account_no)
            return load_account(s, account_id)


def find_accounts(s: Session, query: SearchQuery, limit: int) -> list[AccountHit]:
    base = select(*_HIT_COLUMNS).join(Customer, Customer.customer_id == Account.customer_id)
    if query.kind is SearchKind.ACCOUNT_NO:
        return _hits(s, base.where(Account.account_no == query.text), query.kind, limit)
    if query.kind is SearchKind.PHONE:
        return _hits(s, base.where(*_prefix(Customer.phone, query.text)), query.kind, limit)
    if query.kind is SearchKind.ADDRESS:
        return _by_address(s, base, query.text, limit)
    # Ordered by name: the name index yields rows in that order, so the query stops at the limit
    # instead of sorting every holder whose name starts with a common surname.
    by_name = base.where(*_prefix(Customer.name, query.text))
    hits = _hits(s, by_name, SearchKind.NAME, limit, order=(Customer.name, Account.account_no))
    if query.also_address and len(hits) < limit:
        seen = {h.account_id for h in hits}
        more = _by_address(s, base, query.text, limit)
        hits += [h for h in more if h.account_id not in seen]
    return hits[:limit]


def _prefix(column, prefix: str) -> tuple:  # type: ignore[no-untyped-def]
    """A prefix match the column's b-tree index can serve (LIKE would scan)."""
    return (column >= prefix, column < prefix + "\U0010ffff")


def _by_address(s: Session, base: Select, fragment: str, limit: int) -> list[AccountHit]:
    if len(fragment) >= TRIGRAM:
        match = '"' + fragment.replace('"', '""') + '"'  # one quoted phrase: no FTS operators
        # The limit inside the subquery keeps a common fragment (a district name) from pulling every row.
        stmt = base.where(
            text(
                "account.rowid IN (SELECT rowid FROM account_fts WHERE account_fts MATCH :m ORDER BY rowid LIMIT :n)"
            )
        )
        return _hits(s, stmt.params(m=match, n=limit), SearchKind.ADDRESS, limit)
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = base.where(Account.address.like(f"%{escaped}%", escape="\\"))
    return _hits(s, stmt, SearchKind.ADDRESS, limit)


def _hits(
    s: Session, stmt: Select, kind: SearchKind, limit: int, order: tuple = (Account.account_no,)
) -> list[AccountHit]:
    rows = s.execute(stmt.order_by(*order).limit(limit)).all()
    return [AccountHit(r[0], r[1], r[2], r[3] or "", r[4], AccountStatus(r[5]), kind) for r in rows]


def load_account(s: Session, account_id: str) -> AccountDetail:
    row = s.execute(
        select(Account, Customer)
        .join(Customer, Customer.customer_id == Account.customer_id)
        .where(Account.account_id == account_id)
    ).first()
    if row is None:
        raise AccountNotFound(account_id=account_id)
    account, customer = row
    return AccountDetail(
        account_id=account.account_id,
        account_no=account.account_no,
        holder=customer.name,
        holder_kind=CustomerKind(customer.kind),
        phone=customer.phone or "",
        address=account.address,
        tariff=TariffCategory(account.tariff),
        voltage=Voltage(account.voltage),
        supply_relation=SupplyRelation(account.supply_relation),
        load_class=LoadClass(account.load_class),
        status=AccountStatus(account.status),
        key_customer=account.key_customer,
        vulnerable=account.vulnerable,
        credit_rating=CreditRating(account.credit_rating),
        prepaid_fen=account.prepaid_fen,
        bills=_bills(s, account_id),
        payments=_payments(s, account_id),
        applications=_applications(s, account_id),
    )


def _bills(s: Session, account_id: str) -> tuple[BillRow, ...]:
    rows = s.scalars(
        select(Bill)
        .where(Bill.account_id == account_id)
        .order_by(Bill.period.desc())
        .limit(BILL_PERIODS_SHOWN)
    ).all()
    return tuple(
        BillRow(b.bill_id, b.period, b.kwh, b.amount_fen, b.paid_fen, b.due_date, _bill_state(b))
        for b in rows
    )


def _bill_state(bill: Bill) -> BillState:
    if bill.paid_fen >= bill.amount_fen:
        return BillState.PAID
    return BillState.PARTIAL if bill.paid_fen else BillState.UNPAID


def _payments(s: Session, account_id: str) -> tuple[PaymentRow, ...]:
    reversal = aliased(Payment)
    is_reversed = exists().where(reversal.reverses_payment_id == Payment.payment_id)
    rows = s.execute(
        select(Payment, Operator.name, is_reversed)
        .join(Operator, Operator.operator_id == Payment.operator_id)
        .where(and_(Payment.account_id == account_id))
        .order_by(Payment.paid_at.desc())
        .limit(PAYMENTS_SHOWN)
    ).all()
    return tuple(
        PaymentRow(
            p.payment_id,
            p.receipt_no,
            p.paid_at,
            p.amount_fen,
            PaymentMethod(p.method),
            name,
            bool(rev),
            p.reverses_payment_id is not None,
        )
        for p, name, rev in rows
    )


def _applications(s: Session, account_id: str) -> tuple[ApplicationRow, ...]:
    rows = s.scalars(
        select(Application)
        .where(Application.account_id == account_id, Application.status.not_in(CLOSED_APPLICATION))
        .order_by(Application.accepted_on.desc())
    ).all()
    return tuple(
        ApplicationRow(
            a.application_id,
            a.application_no,
            ApplicationKind(a.kind),
            Stage(a.status),
            a.accepted_on,
            a.due_on,
        )
        for a in rows
    )
