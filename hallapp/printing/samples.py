"""Realistic demo documents for the printout previews, tests and benchmarks (fixed values, no I/O)."""

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

from hallapp.domain.enums import PaymentMethod
from hallapp.domain.numbering import application_no, receipt_no
from hallapp.domain.printouts import (
    AcceptanceReceiptDoc,
    ApplicationFormDoc,
    CashCount,
    FormField,
    HallHeader,
    MaterialLine,
    MaterialState,
    MethodTotal,
    NoticeDoc,
    NoticeKind,
    NoticeLine,
    OneTimeNoticeDoc,
    ReceiptDoc,
    ReceiptLine,
    ReprintMark,
    ShiftPaymentLine,
    ShiftReport,
    StageDeadline,
    TicketDoc,
)

DEVICE = "H000101"
YEAR = 2026
CLERK = ("C001", "王芳")
ACCOUNT_NO = "3301234567"
HOLDER = "王建华"
ADDRESS = "示例市城东区建设路12号3单元502室"
PAID_AT = datetime(2026, 11, 20, 9, 41, 12)
HEADER = HallHeader(
    unit_name="国网示例市供电公司",
    hall_name="城东供电营业厅",
    hall_address="示例市城东区人民路88号",
    service_hotline="95598",
    regulator_hotline="12398",
)

# (period, kWh, principal fen, penalty fen paid now)
RECEIPT_PERIODS = (("202608", 412, 25630, 1922), ("202609", 356, 21470, 966), ("202610", 298, 17880, 268))
RECEIPT_PREPAID_FEN = 500
RECEIPT_TENDERED_FEN = 70000

# (period, due date, principal fen, penalty fen as of NOTICE_AS_OF)
NOTICE_PERIODS = (
    ("202607", date(2026, 8, 25), 23140, 2013),
    ("202608", date(2026, 9, 25), 25630, 1435),
    ("202609", date(2026, 10, 25), 21470, 558),
)
NOTICE_AS_OF = date(2026, 11, 20)

TICKET_ISSUED_AT = datetime(2026, 11, 23, 9, 41, 12)
TICKET_REPRINT_AT = datetime(2026, 11, 23, 9, 43, 5)

SHIFT_OPEN = datetime(2026, 11, 20, 8, 30, 0)
SHIFT_CLOSE = datetime(2026, 11, 20, 17, 5, 0)
SHIFT_FIRST_SEQ = 1201
SHIFT_CASH_SHORT_FEN = -1000  # counted ¥10.00 less than expected
REVERSAL_EVERY = 20
DENOMINATIONS_FEN = (10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 2, 1)
# 低压居民新装 accepted on a Monday under 一证受理: the property proof follows, a 承诺书 is signed.
INTAKE_ACCEPTED_ON = date(2026, 11, 23)
INTAKE_PRINTED_AT = datetime(2026, 11, 23, 9, 58, 20)
RESIDENT_DUE_ON = date(2026, 11, 30)  # 5 working days
ORGANISATION_DUE_ON = date(2026, 12, 1)  # 6 working days
RESIDENT_NAME = "陈志强"
RESIDENT_ADDRESS = "示例市城东区建设路街道幸福家园小区12幢3单元1502室"
PROPERTY_PROOF = "用电地址权属证明（不动产权证书、房屋产权证、购房合同等）及复印件"
RESIDENT_MATERIALS = (
    MaterialLine("用电申请登记表（客户签字或盖章）", MaterialState.BROUGHT),
    MaterialLine("产权人（用电人）有效身份证明原件及复印件", MaterialState.BROUGHT),
    MaterialLine(PROPERTY_PROOF, MaterialState.DEFERRED),
    MaterialLine("客户承诺书（权属证明后补）", MaterialState.BROUGHT),
)
ORGANISATION_MATERIALS = (
    MaterialLine("用电申请登记表（客户签字或盖章）", MaterialState.BROUGHT),
    MaterialLine("营业执照（或组织机构代码证）复印件", MaterialState.BROUGHT),
    MaterialLine("政府主管部门审批、核准或备案文件（政府核准项目）", MaterialState.OPTIONAL),
    MaterialLine("建设用地规划许可证或房产证明", MaterialState.BROUGHT),
    MaterialLine("客户用电设备清单（加盖公章）", MaterialState.BROUGHT),
    MaterialLine("经办人（被委托人）身份证明原件及复印件", MaterialState.BROUGHT),
    MaterialLine("授权委托书（单位加盖公章）或直系亲属关系证明", MaterialState.BROUGHT),
)
RESIDENT_DEADLINES = (
    StageDeadline("现场勘查", date(2026, 11, 24)),
    StageDeadline("答复供电方案", date(2026, 11, 25)),
    StageDeadline("装表接电", RESIDENT_DUE_ON),
)

METHOD_WEIGHTS = {
    PaymentMethod.CASH: 5,
    PaymentMethod.WECHAT: 4,
    PaymentMethod.ALIPAY: 3,
    PaymentMethod.CARD: 2,
    PaymentMethod.PREPAID: 1,
}


def sample_receipt() -> ReceiptDoc:
    """A cash payment settling three overdue months with penalty, the rest booked as prepayment."""
    lines = tuple(
        ReceiptLine(period, kwh, billed, billed, penalty) for period, kwh, billed, penalty in RECEIPT_PERIODS
    )
    due = sum(line.principal_fen for line in lines)
    penalty = sum(line.penalty_fen for line in lines)
    amount = due + penalty + RECEIPT_PREPAID_FEN
    return ReceiptDoc(
        header=HEADER,
        receipt_no=receipt_no(DEVICE, YEAR, 1234),
        account_no=ACCOUNT_NO,
        holder=HOLDER,
        address=ADDRESS,
        lines=lines,
        due_fen=due,
        penalty_fen=penalty,
        amount_fen=amount,
        to_prepaid_fen=RECEIPT_PREPAID_FEN,
        prepaid_after_fen=RECEIPT_PREPAID_FEN,
        arrears_after_fen=0,
        method=PaymentMethod.CASH,
        reference="",
        tendered_fen=RECEIPT_TENDERED_FEN,
        change_fen=RECEIPT_TENDERED_FEN - amount,
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        paid_at=PAID_AT,
    )


def sample_reprint(count: int = 1) -> ReceiptDoc:
    return replace(sample_receipt(), reprint=ReprintMark(count, datetime(2026, 11, 20, 15, 2, 11)))


def sample_reversal() -> ReceiptDoc:
    """The sample cash payment reversed the same day: negative amounts, arrears restored."""
    original = sample_receipt()
    lines = tuple(
        replace(line, billed_fen=0, principal_fen=-line.principal_fen, penalty_fen=-line.penalty_fen)
        for line in original.lines
    )
    return replace(
        original,
        receipt_no=receipt_no(DEVICE, YEAR, 1251),
        lines=lines,
        due_fen=0,
        penalty_fen=-original.penalty_fen,
        amount_fen=-original.amount_fen,
        to_prepaid_fen=-original.to_prepaid_fen,
        prepaid_after_fen=0,
        arrears_after_fen=original.due_fen + original.penalty_fen,
        tendered_fen=None,
        change_fen=None,
        paid_at=datetime(2026, 11, 20, 10, 12, 40),
        reverses_receipt_no=original.receipt_no,
    )


def sample_notice(kind: NoticeKind = NoticeKind.REMINDER) -> NoticeDoc:
    lines = tuple(
        NoticeLine(period, due, (NOTICE_AS_OF - due).days, outstanding, penalty)
        for period, due, outstanding, penalty in NOTICE_PERIODS
    )
    cut_plan = kind is NoticeKind.CUT_PLAN
    return NoticeDoc(
        header=HEADER,
        kind=kind,
        notice_no=f"{'TD' if cut_plan else 'CJ'}-{DEVICE}-26110{'7' if cut_plan else '3'}",
        account_no=ACCOUNT_NO,
        holder=HOLDER,
        address=ADDRESS,
        lines=lines,
        outstanding_fen=sum(line.outstanding_fen for line in lines),
        penalty_fen=sum(line.penalty_fen for line in lines),
        as_of=NOTICE_AS_OF,
        pay_by=date(2026, 11, 27) if cut_plan else date(2026, 11, 30),
        cut_from=date(2026, 11, 28) if cut_plan else None,
        cut_to=date(2026, 11, 30) if cut_plan else None,
        issued_at=datetime(2026, 11, 20, 14, 20, 5),
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
    )


def sample_ticket(display_no: str = "A012", ahead: int = 5, wait_minutes: int = 12) -> TicketDoc:
    """A 缴费 ticket from the machine at the door: five people ahead, about twelve minutes."""
    return TicketDoc(
        header=HEADER,
        display_no=display_no,
        business_type_name="缴费",
        ahead=ahead,
        wait_minutes=wait_minutes,
        issued_at=TICKET_ISSUED_AT,
        barcode=f"T{TICKET_ISSUED_AT:%Y%m%d}{display_no.replace('-', '')}",
    )


def sample_priority_ticket(count: int = 1) -> TicketDoc:
    """A 军人依法优先 ticket for 业扩报装, reprinted at the guide desk (the first one jammed)."""
    return replace(
        sample_ticket("B003", ahead=1, wait_minutes=0),
        business_type_name="业扩报装（新装、增容）",
        priority_label="军人依法优先",
        reprint=ReprintMark(count, TICKET_REPRINT_AT),
    )


def sample_manual_ticket() -> TicketDoc:
    """Numbered by hand at guide desk 07 while the queue server is unreachable."""
    return replace(sample_ticket("07-A001", ahead=3, wait_minutes=8), manual=True)


def sample_shift_report(n_payments: int = 40) -> ShiftReport:
    """One clerk's day: ``n_payments`` lines, every 20th a reversal of an earlier one, ¥10 short."""
    payments = _shift_payments(n_payments)
    reversals = [line for line in payments if line.reverses_receipt_no]
    expected_cash = sum(line.amount_fen for line in payments if line.method is PaymentMethod.CASH)
    counted = _count_cash(expected_cash + SHIFT_CASH_SHORT_FEN if expected_cash else 0)
    counted_total = sum(count.total_fen for count in counted)
    return ShiftReport(
        header=HEADER,
        shift_no="S20261120-01",
        business_date=SHIFT_OPEN.date(),
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        device_code=DEVICE,
        opened_at=SHIFT_OPEN,
        closed_at=SHIFT_CLOSE,
        by_method=_method_totals(payments),
        payment_count=len(payments) - len(reversals),
        reversal_count=len(reversals),
        net_total_fen=sum(line.amount_fen for line in payments),
        expected_cash_fen=expected_cash,
        counted=counted,
        counted_cash_fen=counted_total,
        difference_fen=counted_total - expected_cash,
        difference_reason="找零差错，已报值班长" if counted_total != expected_cash else "",
        first_receipt_no=payments[0].receipt_no if payments else "",
        last_receipt_no=payments[-1].receipt_no if payments else "",
        reversed_receipt_nos=tuple(line.reverses_receipt_no or "" for line in reversals),
        payments=payments,
        chain_head="9f2c4e71d0b83a5f6e1c27d94b08a3f5c6d7e8f90a1b2c3d4e5f60718293a4b5",
    )


def _shift_payments(count: int) -> tuple[ShiftPaymentLine, ...]:
    rng = random.Random(20261120)
    step = (SHIFT_CLOSE - SHIFT_OPEN - timedelta(minutes=10)) / max(count, 1)
    methods = list(METHOD_WEIGHTS)
    weights = list(METHOD_WEIGHTS.values())
    lines: list[ShiftPaymentLine] = []
    for index in range(count):
        at = (SHIFT_OPEN + step * (index + 1)).replace(microsecond=0)
        number = receipt_no(DEVICE, YEAR, SHIFT_FIRST_SEQ + index)
        if (index + 1) % REVERSAL_EVERY == 0:
            original = lines[index - rng.randint(3, 9)]
            lines.append(
                ShiftPaymentLine(
                    number,
                    at,
                    original.account_no,
                    original.method,
                    -original.amount_fen,
                    original.receipt_no,
                )
            )
            continue
        account = f"33{rng.randint(0, 99_999_999):08d}"
        amount = rng.randint(30, 900) * 100 + rng.choice((0, 0, 50, rng.randint(1, 99)))
        method = rng.choices(methods, weights)[0]
        lines.append(ShiftPaymentLine(number, at, account, method, amount, None))
    return tuple(lines)


def _method_totals(payments: tuple[ShiftPaymentLine, ...]) -> tuple[MethodTotal, ...]:
    totals = []
    for method in METHOD_WEIGHTS:
        lines = [line for line in payments if line.method is method]
        if lines:
            paid = sum(1 for line in lines if not line.reverses_receipt_no)
            totals.append(MethodTotal(method, paid, sum(line.amount_fen for line in lines)))
    return tuple(totals)


def _count_cash(total_fen: int) -> tuple[CashCount, ...]:
    """Notes and coins in the drawer, largest first."""
    counts = []
    for denomination in DENOMINATIONS_FEN:
        pieces, total_fen = divmod(total_fen, denomination)
        if pieces:
            counts.append(CashCount(denomination, pieces))
    return tuple(counts)


def sample_application_form(*, organisation: bool = False) -> ApplicationFormDoc:
    """用电申请登记表: a resident's 新装 under 一证受理 (承诺书 signed, property proof to follow), or a
    restaurant's 低压非居民新装 handled by an authorised agent with every material brought."""
    if organisation:
        return _organisation_form()
    F = FormField
    return ApplicationFormDoc(
        header=HEADER,
        application_no=application_no(DEVICE, 128),
        kind_label="低压居民新装",
        accepted_on=INTAKE_ACCEPTED_ON,
        committed_due_on=RESIDENT_DUE_ON,
        applicant=(
            F("客户名称", RESIDENT_NAME),
            F("证件类型", "居民身份证"),
            F("证件号码", "33010219850723123X"),
            F("联系电话", "13857112345"),
        ),
        supply=(
            F("用电地址", RESIDENT_ADDRESS),
            F("申请容量", "8 千瓦"),
            F("供电电压", "220V"),
            F("用电类别", "居民生活用电"),
            F("权属证明", "暂缺（已签承诺书）"),
            F("账单方式", "短信电子账单"),
        ),
        materials=RESIDENT_MATERIALS,
        promise_signed=True,
        note="一证受理：新房尚未办理不动产权证书，权属证明容缺后补。",
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        printed_at=INTAKE_PRINTED_AT,
    )


def _organisation_form() -> ApplicationFormDoc:
    F = FormField
    return ApplicationFormDoc(
        header=HEADER,
        application_no=application_no(DEVICE, 131),
        kind_label="低压非居民新装",
        accepted_on=INTAKE_ACCEPTED_ON,
        committed_due_on=ORGANISATION_DUE_ON,
        applicant=(
            F("单位名称", "示例市城东区鑫源餐饮管理有限公司"),
            F("统一社会信用代码", "91330102MA2H3K4L5W"),
            F("法定代表人", "刘建国"),
            F("联系电话", "13967154321"),
            F("经办人", "赵敏"),
            F("经办人身份证号", "330106199003152028"),
        ),
        supply=(
            F("用电地址", "示例市城东区人民路166号1层102商铺"),
            F("申请容量", "40 千瓦"),
            F("供电电压", "380V"),
            F("用电类别", "商业用电"),
            F("权属证明", "租赁协议及出租人产权证明"),
            F("账单方式", "电子邮件账单（caiwu@xinyuan-cy.cn）"),
        ),
        materials=ORGANISATION_MATERIALS,
        promise_signed=False,
        note="",
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        printed_at=INTAKE_PRINTED_AT.replace(hour=10, minute=36, second=4),
    )


def sample_one_time_notice() -> OneTimeNoticeDoc:
    """一次性告知书 for the resident sample: the deferred property proof, due before connection."""
    form = sample_application_form()
    return OneTimeNoticeDoc(
        header=HEADER,
        application_no=form.application_no,
        kind_label=form.kind_label,
        applicant_name=RESIDENT_NAME,
        to_bring=(PROPERTY_PROOF,),
        bring_by=RESIDENT_DUE_ON,
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        printed_at=INTAKE_PRINTED_AT,
    )


def sample_acceptance_receipt() -> AcceptanceReceiptDoc:
    """业务受理回执 for the resident sample: three committed stages and the deferred property proof."""
    form = sample_application_form()
    return AcceptanceReceiptDoc(
        header=HEADER,
        application_no=form.application_no,
        kind_label=form.kind_label,
        applicant_name=RESIDENT_NAME,
        address=RESIDENT_ADDRESS,
        accepted_on=INTAKE_ACCEPTED_ON,
        committed_due_on=RESIDENT_DUE_ON,
        deadlines=RESIDENT_DEADLINES,
        deferred=(PROPERTY_PROOF,),
        clerk_staff_no=CLERK[0],
        clerk_name=CLERK[1],
        printed_at=INTAKE_PRINTED_AT,
    )
