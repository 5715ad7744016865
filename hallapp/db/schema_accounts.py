"""Customers, accounts and bills: master data replicated from the central billing system."""

from datetime import date

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.db.base import Base, Id


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_name", "name"),
        Index("ix_customer_phone", "phone"),
    )

    customer_id: Mapped[str] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(80))
    id_type: Mapped[str | None] = mapped_column(String(16))
    id_number: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(80))
    mail_address: Mapped[str | None] = mapped_column(String(160))
    contact_verified_on: Mapped[date | None] = mapped_column(Date)
    server_version: Mapped[int] = mapped_column(Integer, default=0)


class Account(Base):
    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("status IN ('active','suspended','closed')", name="status"),
        CheckConstraint("prepaid_fen >= 0", name="prepaid_not_negative"),
        Index("ix_account_customer_id", "customer_id"),
    )

    account_id: Mapped[str] = mapped_column(Id, primary_key=True)
    account_no: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.customer_id"))
    hall_id: Mapped[str] = mapped_column(ForeignKey("hall.hall_id"))
    address: Mapped[str] = mapped_column(String(160))
    tariff: Mapped[str] = mapped_column(String(24))
    voltage: Mapped[str] = mapped_column(String(8))
    supply_relation: Mapped[str] = mapped_column(String(16))
    load_class: Mapped[str] = mapped_column(String(1))
    key_customer: Mapped[bool] = mapped_column(Boolean, default=False)
    vulnerable: Mapped[bool] = mapped_column(Boolean, default=False)
    credit_rating: Mapped[str] = mapped_column(String(1), default="A")
    status: Mapped[str] = mapped_column(String(12), default="active")
    prepaid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    opened_on: Mapped[date] = mapped_column(Date)
    server_version: Mapped[int] = mapped_column(Integer, default=0)


class Bill(Base):
    __tablename__ = "bill"
    __table_args__ = (
        CheckConstraint("amount_fen >= 0", name="amount_not_negative"),
        CheckConstraint("paid_fen >= 0 AND paid_fen <= amount_fen", name="paid_within_amount"),
        Index("ix_bill_account_period", "account_id", "period", unique=True),
    )

    bill_id: Mapped[str] = mapped_column(Id, primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("account.account_id"))
    period: Mapped[str] = mapped_column(String(6))  # YYYYMM
    kwh: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    issued_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
