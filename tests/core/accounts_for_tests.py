"""Accounts with hand-chosen bills, so payment tests can check figures computed by hand."""

from datetime import date

from sqlalchemy import select

from hallapp.db.models import Account, Bill, Customer, Hall
from hallapp.domain.ids import new_id
from hallapp.domain.payments import PaymentRequest

_counter = iter(range(1, 10**6))


def make_account(  # type: ignore[no-untyped-def]
    core,
    bills: list[tuple[str, int, date]],
    *,
    tariff: str = "resident",
    prepaid_fen: int = 0,
    status: str = "active",
    name: str = "测试户",
) -> str:
    """An account with bills (period YYYYMM, amount in fen, due date), none paid. Returns its id."""
    n = next(_counter)
    with core.db.write() as s:
        hall_id = s.scalars(select(Hall.hall_id)).first()
        customer_id, account_id = new_id(), new_id()
        s.add(Customer(customer_id=customer_id, kind="person", name=f"{name}{n}", phone=f"139{n:08d}"))
        s.flush()
        s.add(
            Account(
                account_id=account_id,
                account_no=f"99{n:08d}",
                customer_id=customer_id,
                hall_id=hall_id,
                address=f"测试市测试路{n}号",
                tariff=tariff,
                voltage="220V",
                supply_relation="direct",
                load_class="3",
                status=status,
                prepaid_fen=prepaid_fen,
                opened_on=date(2020, 1, 1),
            )
        )
        s.flush()
        for period, amount, due in bills:
            s.add(
                Bill(
                    bill_id=new_id(),
                    account_id=account_id,
                    period=period,
                    kwh=amount // 50 or 1,
                    amount_fen=amount,
                    paid_fen=0,
                    issued_on=due,
                    due_date=due,
                )
            )
    return account_id


def pay(core, actor, account_id: str, amount: int, method: str = "cash", **kw):  # type: ignore[no-untyped-def]
    """Take a payment of ``amount`` fen as the clerk would: quoting first, then confirming."""
    from hallapp.domain.enums import PaymentMethod

    due = core.payments.due(actor, account_id)
    method = PaymentMethod(method)
    request = PaymentRequest(
        request_id=kw.pop("request_id", new_id()),
        account_id=account_id,
        amount_fen=amount,
        method=method,
        expected_due_fen=kw.pop("expected_due_fen", due.total_fen),
        reference=kw.pop("reference", ""),
        tendered_fen=kw.pop("tendered_fen", amount if method is PaymentMethod.CASH else None),
    )
    return core.payments.take(actor, request)
