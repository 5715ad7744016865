"""The receipt of a committed payment, read back from the database (never from the screen)."""

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hallapp.db.models import Account, Bill, Customer, Operator, Payment, PaymentAllocation, ReceiptPrint
from hallapp.domain.enums import PaymentMethod
from hallapp.domain.errors import NotFound
from hallapp.domain.printouts import ReceiptDoc, ReceiptLine, ReprintMark
from hallapp.services.clock import to_hall_time
from hallapp.services.printout_header import hall_header


def build_receipt_doc(s: Session, payment_id: str, values: dict[str, Any], now: datetime) -> ReceiptDoc:
    row = s.execute(
        select(Payment, Account, Customer.name, Operator)
        .join(Account, Account.account_id == Payment.account_id)
        .join(Customer, Customer.customer_id == Account.customer_id)
        .join(Operator, Operator.operator_id == Payment.operator_id)
        .where(Payment.payment_id == payment_id)
    ).first()
    if row is None:
        raise NotFound(payment_id=payment_id)
    payment, account, holder, clerk = row
    lines = s.execute(
        select(PaymentAllocation, Bill.period, Bill.kwh)
        .join(Bill, Bill.bill_id == PaymentAllocation.bill_id)
        .where(PaymentAllocation.payment_id == payment_id)
        .order_by(Bill.due_date, Bill.period)
    ).all()
    prints = s.scalar(select(func.count()).where(ReceiptPrint.payment_id == payment_id)) or 0
    original = (
        s.scalar(select(Payment.receipt_no).where(Payment.payment_id == payment.reverses_payment_id))
        if payment.reverses_payment_id
        else None
    )
    tendered = payment.tendered_fen
    return ReceiptDoc(
        header=hall_header(values),
        receipt_no=payment.receipt_no,
        account_no=account.account_no,
        holder=holder,
        address=account.address,
        lines=tuple(
            ReceiptLine(period, kwh, a.outstanding_before_fen, a.principal_fen, a.penalty_fen)
            for a, period, kwh in lines
        ),
        due_fen=payment.owed_before_fen,
        penalty_fen=payment.penalty_fen,
        amount_fen=payment.amount_fen,
        to_prepaid_fen=payment.to_prepaid_fen,
        prepaid_after_fen=payment.prepaid_after_fen,
        arrears_after_fen=payment.owed_after_fen,
        method=PaymentMethod(payment.method),
        reference=payment.reference or "",
        tendered_fen=tendered,
        change_fen=None if tendered is None else tendered - payment.amount_fen,
        clerk_staff_no=clerk.staff_no,
        clerk_name=clerk.name,
        paid_at=to_hall_time(payment.paid_at),
        reverses_receipt_no=original,
        reprint=ReprintMark(prints, to_hall_time(now)) if prints else None,
    )
