"""The demo hall's people, queue types, windows and holiday calendar."""

from datetime import date

from hallapp.db.engine import Database
from hallapp.db.models import BusinessTypeRow, HolidayRow, Operator, ServiceWindow
from hallapp.domain.enums import Role
from hallapp.domain.ids import new_id
from hallapp.services.passwords import hash_password

DEMO_PASSWORD = "demo1234"

DEMO_OPERATORS = (
    ("G001", "刘晓雯", Role.GUIDE),
    ("C001", "王芳", Role.CLERK),
    ("C002", "李强", Role.CLERK),
    ("C003", "陈静", Role.CLERK),
    ("S001", "张建国", Role.SUPERVISOR),
    ("A001", "赵敏", Role.ADMIN),
)

BUSINESS_TYPES = (
    ("payment", "A", "缴费", 10),
    ("business", "B", "业务办理", 20),
    ("consult", "C", "咨询/投诉", 30),
    ("green", "V", "绿色通道", 40),
)

WINDOWS = (
    (1, "1号窗口", ["payment"]),
    (2, "2号窗口", ["payment"]),
    (3, "3号窗口", ["payment", "business"]),
    (4, "4号窗口", ["business", "consult", "green"]),
)

# 2026 public holidays (国务院办公厅 schedule as the demo assumes it; admins check and edit).
HOLIDAYS_2026 = (
    ("2026-01-01", "2026-01-03", "元旦"),
    ("2026-02-15", "2026-02-23", "春节"),
    ("2026-04-04", "2026-04-06", "清明节"),
    ("2026-05-01", "2026-05-05", "劳动节"),
    ("2026-06-19", "2026-06-21", "端午节"),
    ("2026-09-25", "2026-09-27", "中秋节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
)
WORKDAYS_2026 = (
    ("2026-01-04", "元旦调休"),
    ("2026-02-14", "春节调休"),
    ("2026-02-28", "春节调休"),
    ("2026-05-09", "劳动节调休"),
    ("2026-09-20", "国庆节调休"),
    ("2026-10-10", "国庆节调休"),
)


def seed_reference(db: Database, hall_id: str) -> dict[str, str]:
    """Insert the demo hall's reference rows; returns staff_no -> operator_id."""
    password_hash = hash_password(DEMO_PASSWORD)
    operators = {}
    with db.write() as s:
        for staff_no, name, role in DEMO_OPERATORS:
            operators[staff_no] = new_id()
            s.add(
                Operator(
                    operator_id=operators[staff_no],
                    staff_no=staff_no,
                    name=name,
                    role=role.value,
                    hall_id=hall_id,
                    password_hash=password_hash,
                )
            )
        for code, letter, name, order in BUSINESS_TYPES:
            s.add(BusinessTypeRow(code=code, letter=letter, name=name, sort_order=order, active=True))
        for number, name, types in WINDOWS:
            s.add(
                ServiceWindow(
                    window_id=new_id(), hall_id=hall_id, number=number, name=name, business_types=types
                )
            )
        for first, last, name in HOLIDAYS_2026:
            for ordinal in range(
                date.fromisoformat(first).toordinal(), date.fromisoformat(last).toordinal() + 1
            ):
                s.add(HolidayRow(day=date.fromordinal(ordinal), kind="holiday", name=name))
        for day, name in WORKDAYS_2026:
            s.add(HolidayRow(day=date.fromisoformat(day), kind="workday", name=name))
    return operators
