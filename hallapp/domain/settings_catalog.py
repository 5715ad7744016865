"""Every number the business rules use, with its default and where the default comes from.

Code reads these through ``SettingsService`` / ``Settings``; nothing in the code repeats a
default. Labels and units are English source strings translated by the UI (context "Settings").
"""

import re
from dataclasses import dataclass
from datetime import time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from hallapp.domain.errors import InvalidInput
from hallapp.domain.i18n import QT_TRANSLATE_NOOP
from hallapp.domain.text import has_control_chars, normalize


class Kind(StrEnum):
    INT = "int"
    DECIMAL = "decimal"
    TEXT = "text"
    TIME = "time"
    BOOL = "bool"


class Group(StrEnum):
    HALL = "hall"
    PENALTY = "penalty"
    ARREARS = "arrears"
    TIME_LIMITS = "time_limits"
    QUEUE = "queue"
    SECURITY = "security"
    ACCOUNTS = "accounts"
    APPLICATIONS = "applications"


GROUP_LABELS = {
    Group.HALL: QT_TRANSLATE_NOOP("Settings", "Hall information"),
    Group.PENALTY: QT_TRANSLATE_NOOP("Settings", "Late-payment penalty"),
    Group.ARREARS: QT_TRANSLATE_NOOP("Settings", "Arrears and notices"),
    Group.TIME_LIMITS: QT_TRANSLATE_NOOP("Settings", "Service time limits"),
    Group.QUEUE: QT_TRANSLATE_NOOP("Settings", "Queue and waiting"),
    Group.SECURITY: QT_TRANSLATE_NOOP("Settings", "Sign-in and security"),
    Group.ACCOUNTS: QT_TRANSLATE_NOOP("Settings", "Accounts and payments"),
    Group.APPLICATIONS: QT_TRANSLATE_NOOP("Settings", "Applications and complaints"),
}


@dataclass(frozen=True)
class SettingDef:
    key: str
    group: Group
    kind: Kind
    default: Any
    label: str
    source: str
    unit: str = ""
    minimum: Any = None
    maximum: Any = None
    max_length: int = 80
    url: bool = False  # a text setting holding an http(s) address (or empty)

    def parse(self, raw: Any) -> Any:
        """Turn a typed-in or stored value into the setting's type, or raise InvalidInput."""
        if self.kind is Kind.BOOL:
            return _parse_bool(self.key, raw)
        text = normalize(str(raw)) if raw is not None else ""
        if not text and self.kind is not Kind.TEXT:
            raise InvalidInput(self.key, "empty")
        if self.kind is Kind.TEXT:
            return self._parse_text(text, raw)
        if self.kind is Kind.TIME:
            return _parse_time(self.key, text)
        value = _parse_number(self.key, text, self.kind)
        self._check_range(value)
        return value

    def _parse_text(self, text: str, raw: Any) -> str:
        if raw is not None and has_control_chars(str(raw).replace("\n", "")):
            raise InvalidInput(self.key, "control_chars")
        if len(text) > self.max_length:
            raise InvalidInput(self.key, "too_long", limit=self.max_length)
        if not text and self.minimum:
            raise InvalidInput(self.key, "empty")
        if self.url and text and not _URL.fullmatch(text):
            raise InvalidInput(self.key, "bad_url")
        return text.rstrip("/") if self.url else text

    def _check_range(self, value: Any) -> None:
        if self.minimum is not None and value < self.minimum:
            raise InvalidInput(self.key, "below_minimum", limit=str(self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise InvalidInput(self.key, "above_maximum", limit=str(self.maximum))

    def to_json(self, value: Any) -> Any:
        if self.kind is Kind.DECIMAL:
            return str(value)
        if self.kind is Kind.TIME:
            return value.strftime("%H:%M")
        return value

    def from_json(self, stored: Any) -> Any:
        return self.parse(stored)


_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?/?")


def _parse_bool(key: str, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = normalize(str(raw)).lower()
    if text in ("1", "true", "yes", "on", "是"):
        return True
    if text in ("0", "false", "no", "off", "否"):
        return False
    raise InvalidInput(key, "not_a_bool")


def _parse_time(key: str, text: str) -> time:
    try:
        hh, mm = text.replace("：", ":").split(":")
        return time(int(hh), int(mm))
    except ValueError:
        raise InvalidInput(key, "not_a_time") from None


def _parse_number(key: str, text: str, kind: Kind) -> Any:
    if kind is Kind.INT:
        if not (text.isascii() and text.removeprefix("-").isdigit()) or len(text) > 12:
            raise InvalidInput(key, "not_an_integer")
        return int(text)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidInput(key, "not_a_number") from None
    if not value.is_finite() or len(text) > 20:
        raise InvalidInput(key, "not_a_number")
    return value


def _d(text: str) -> Decimal:
    return Decimal(text)


R31 = "《供电营业规则》(1996) 第九十八条；《电力供应与使用条例》第三十九条"
R32 = "《供电营业规则》(1996) 第六十六、六十七条；电费回收管理规定"
R21 = "《供电监管办法》(电监会令第27号) 第十七条"
R22 = "国家电网供电服务“十项承诺”"

CATALOG: tuple[SettingDef, ...] = (
    # Hall information
    SettingDef(
        "hall.unit_name",
        Group.HALL,
        Kind.TEXT,
        "国网示例市供电公司",
        QT_TRANSLATE_NOOP("Settings", "Supply company (unit name)"),
        "打印在凭证和报表上（档案管理规范）",
        minimum=1,
    ),
    SettingDef(
        "hall.name",
        Group.HALL,
        Kind.TEXT,
        "城东供电营业厅",
        QT_TRANSLATE_NOOP("Settings", "Business hall name"),
        "打印在凭证和号票上",
        minimum=1,
    ),
    SettingDef(
        "hall.address",
        Group.HALL,
        Kind.TEXT,
        "示例市城东区建设路88号",
        QT_TRANSLATE_NOOP("Settings", "Hall address"),
        "打印在通知书上",
        max_length=120,
    ),
    SettingDef(
        "hall.phone",
        Group.HALL,
        Kind.TEXT,
        "95598",
        QT_TRANSLATE_NOOP("Settings", "Service hotline"),
        "国家电网供电服务“十项承诺”第五条",
        max_length=20,
    ),
    SettingDef(
        "hall.regulator_hotline",
        Group.HALL,
        Kind.TEXT,
        "12398",
        QT_TRANSLATE_NOOP("Settings", "Energy regulator hotline"),
        "《供电监管办法》：营业场所公示",
        max_length=20,
    ),
    SettingDef(
        "hall.opening_time",
        Group.HALL,
        Kind.TIME,
        "08:30",
        QT_TRANSLATE_NOOP("Settings", "Opening time"),
        "营业厅营业时间（按上下班时间开关机）",
    ),
    SettingDef(
        "hall.closing_time",
        Group.HALL,
        Kind.TIME,
        "17:30",
        QT_TRANSLATE_NOOP("Settings", "Closing time"),
        "营业厅营业时间（按上下班时间开关机）",
    ),
    # Penalty (违约金)
    SettingDef(
        "penalty.resident_permille_per_day",
        Group.PENALTY,
        Kind.DECIMAL,
        "1",
        QT_TRANSLATE_NOOP("Settings", "Residential penalty rate"),
        R31,
        unit=QT_TRANSLATE_NOOP("Settings", "‰ per day"),
        minimum=_d("0"),
        maximum=_d("3"),
    ),
    SettingDef(
        "penalty.current_year_permille_per_day",
        Group.PENALTY,
        Kind.DECIMAL,
        "2",
        QT_TRANSLATE_NOOP("Settings", "Non-residential rate, current-year arrears"),
        R31,
        unit=QT_TRANSLATE_NOOP("Settings", "‰ per day"),
        minimum=_d("0"),
        maximum=_d("3"),
    ),
    SettingDef(
        "penalty.prior_year_permille_per_day",
        Group.PENALTY,
        Kind.DECIMAL,
        "3",
        QT_TRANSLATE_NOOP("Settings", "Non-residential rate, arrears from earlier years"),
        R31,
        unit=QT_TRANSLATE_NOOP("Settings", "‰ per day"),
        minimum=_d("0"),
        maximum=_d("3"),
    ),
    SettingDef(
        "penalty.minimum_fen",
        Group.PENALTY,
        Kind.INT,
        100,
        QT_TRANSLATE_NOOP("Settings", "Minimum penalty"),
        R31 + "（不足1元按1元；2024年版请核对）",
        unit=QT_TRANSLATE_NOOP("Settings", "fen"),
        minimum=0,
        maximum=10_000,
    ),
    SettingDef(
        "penalty.start_after_due_days",
        Group.PENALTY,
        Kind.INT,
        1,
        QT_TRANSLATE_NOOP("Settings", "Penalty starts this many days after the due date"),
        R31,
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=0,
        maximum=60,
    ),
    SettingDef(
        "penalty.before_principal",
        Group.PENALTY,
        Kind.BOOL,
        True,
        QT_TRANSLATE_NOOP("Settings", "Apply a partial payment to the penalty before the principal"),
        "通行做法；供用电合同另有约定的按约定",
    ),
    # Arrears and notices
    SettingDef(
        "arrears.payment_period_days",
        Group.ARREARS,
        Kind.INT,
        7,
        QT_TRANSLATE_NOOP("Settings", "Payment period after the bill notice"),
        "电费回收管理规定：自发出电费通知单之日起第八天起为欠费",
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=1,
        maximum=60,
    ),
    SettingDef(
        "arrears.reminder_after_days",
        Group.ARREARS,
        Kind.INT,
        1,
        QT_TRANSLATE_NOOP("Settings", "Reminder notice after the due date"),
        R32,
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=0,
        maximum=30,
    ),
    SettingDef(
        "arrears.cut_plan_after_days",
        Group.ARREARS,
        Kind.INT,
        30,
        QT_TRANSLATE_NOOP("Settings", "Disconnection-plan notice after this many days overdue"),
        R32,
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=1,
        maximum=365,
    ),
    SettingDef(
        "arrears.cut_lead_min_days",
        Group.ARREARS,
        Kind.INT,
        3,
        QT_TRANSLATE_NOOP("Settings", "Earliest cut after the plan notice"),
        R32,
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=1,
        maximum=30,
    ),
    SettingDef(
        "arrears.cut_lead_max_days",
        Group.ARREARS,
        Kind.INT,
        7,
        QT_TRANSLATE_NOOP("Settings", "Latest cut after the plan notice"),
        R32,
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=1,
        maximum=30,
    ),
    SettingDef(
        "arrears.final_notice_minutes",
        Group.ARREARS,
        Kind.INT,
        30,
        QT_TRANSLATE_NOOP("Settings", "Final notice before the cut"),
        R32,
        unit=QT_TRANSLATE_NOOP("Settings", "minutes"),
        minimum=0,
        maximum=24 * 60,
    ),
    SettingDef(
        "arrears.reconnect_hours",
        Group.ARREARS,
        Kind.INT,
        24,
        QT_TRANSLATE_NOOP("Settings", "Reconnection after full payment"),
        "国家电网服务承诺：结清欠费后24小时内复电",
        unit=QT_TRANSLATE_NOOP("Settings", "hours"),
        minimum=1,
        maximum=72,
    ),
    # Service time limits (working days unless stated)
    SettingDef(
        "limits.resident_plan_reply_days",
        Group.TIME_LIMITS,
        Kind.INT,
        3,
        QT_TRANSLATE_NOOP("Settings", "Supply plan reply, residential"),
        R21,
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=60,
    ),
    SettingDef(
        "limits.low_voltage_plan_reply_days",
        Group.TIME_LIMITS,
        Kind.INT,
        8,
        QT_TRANSLATE_NOOP("Settings", "Supply plan reply, other low-voltage"),
        R21,
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=60,
    ),
    SettingDef(
        "limits.inspection_days",
        Group.TIME_LIMITS,
        Kind.INT,
        5,
        QT_TRANSLATE_NOOP("Settings", "Completion inspection, low-voltage non-residential"),
        R21,
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=60,
    ),
    SettingDef(
        "limits.resident_connect_days",
        Group.TIME_LIMITS,
        Kind.INT,
        3,
        QT_TRANSLATE_NOOP("Settings", "Metering and connection, residential"),
        R21,
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=60,
    ),
    SettingDef(
        "limits.low_voltage_connect_days",
        Group.TIME_LIMITS,
        Kind.INT,
        5,
        QT_TRANSLATE_NOOP("Settings", "Metering and connection, other low-voltage"),
        R21,
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=60,
    ),
    SettingDef(
        "limits.resident_total_days",
        Group.TIME_LIMITS,
        Kind.INT,
        5,
        QT_TRANSLATE_NOOP("Settings", "Whole process, residential"),
        R22 + "第六条",
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=90,
    ),
    SettingDef(
        "limits.low_voltage_total_days",
        Group.TIME_LIMITS,
        Kind.INT,
        6,
        QT_TRANSLATE_NOOP("Settings", "Utility-side steps, low-voltage non-residential"),
        R22 + "第六条",
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=90,
    ),
    SettingDef(
        "limits.complaint_contact_hours",
        Group.TIME_LIMITS,
        Kind.INT,
        24,
        QT_TRANSLATE_NOOP("Settings", "Complaint: contact the customer within"),
        R22 + "第九条",
        unit=QT_TRANSLATE_NOOP("Settings", "hours"),
        minimum=1,
        maximum=240,
    ),
    SettingDef(
        "limits.complaint_reply_days",
        Group.TIME_LIMITS,
        Kind.INT,
        5,
        QT_TRANSLATE_NOOP("Settings", "Complaint: reply within"),
        R22 + "第九条",
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=1,
        maximum=30,
    ),
    SettingDef(
        "limits.payment_handling_minutes",
        Group.TIME_LIMITS,
        Kind.INT,
        5,
        QT_TRANSLATE_NOOP("Settings", "Counter handling target, payment"),
        "《国家电网公司供电服务规范》营业场所（待核对）",
        unit=QT_TRANSLATE_NOOP("Settings", "minutes"),
        minimum=1,
        maximum=120,
    ),
    SettingDef(
        "limits.business_handling_minutes",
        Group.TIME_LIMITS,
        Kind.INT,
        20,
        QT_TRANSLATE_NOOP("Settings", "Counter handling target, business application"),
        "《国家电网公司供电服务规范》营业场所（待核对）",
        unit=QT_TRANSLATE_NOOP("Settings", "minutes"),
        minimum=1,
        maximum=240,
    ),
    # Queue
    SettingDef(
        "queue.wait_target_minutes",
        Group.QUEUE,
        Kind.INT,
        15,
        QT_TRANSLATE_NOOP("Settings", "Waiting-time target"),
        "南方电网服务承诺：营业厅平均等候时间≤15分钟",
        unit=QT_TRANSLATE_NOOP("Settings", "minutes"),
        minimum=1,
        maximum=240,
    ),
    SettingDef(
        "queue.priority_ratio",
        Group.QUEUE,
        Kind.INT,
        2,
        QT_TRANSLATE_NOOP("Settings", "Normal tickets called per priority ticket"),
        "优先号与普通号交替叫号，避免任何一方久等",
        minimum=1,
        maximum=20,
    ),
    SettingDef(
        "queue.callout_repeat",
        Group.QUEUE,
        Kind.INT,
        2,
        QT_TRANSLATE_NOOP("Settings", "Voice call-out repetitions"),
        "叫号规则",
        minimum=1,
        maximum=5,
    ),
    SettingDef(
        "queue.peak_first_day",
        Group.QUEUE,
        Kind.INT,
        17,
        QT_TRANSLATE_NOOP("Settings", "Collection peak, first day of month"),
        "收费期集中在每月17—29日",
        minimum=1,
        maximum=31,
    ),
    SettingDef(
        "queue.peak_last_day",
        Group.QUEUE,
        Kind.INT,
        29,
        QT_TRANSLATE_NOOP("Settings", "Collection peak, last day of month"),
        "收费期集中在每月17—29日",
        minimum=1,
        maximum=31,
    ),
    SettingDef(
        "queue.board_notice",
        Group.QUEUE,
        Kind.TEXT,
        "",
        QT_TRANSLATE_NOOP("Settings", "Notice scrolling on the display board (planned outages …)"),
        "营业厅公告：计划停电、业务调整等",
        max_length=200,
    ),
    SettingDef(
        "queue.estimate_sample",
        Group.QUEUE,
        Kind.INT,
        20,
        QT_TRANSLATE_NOOP("Settings", "Recent customers the wait estimate is based on"),
        "按近期实际办理时长估算等候时间",
        minimum=1,
        maximum=500,
    ),
    SettingDef(
        "queue.estimate_default_minutes",
        Group.QUEUE,
        Kind.INT,
        5,
        QT_TRANSLATE_NOOP("Settings", "Handling time assumed before the day has history"),
        "柜台缴费办理时长≤5分钟（R2.5）",
        unit=QT_TRANSLATE_NOOP("Settings", "minutes"),
        minimum=1,
        maximum=240,
    ),
    SettingDef(
        "queue.allow_pick",
        Group.QUEUE,
        Kind.BOOL,
        False,
        QT_TRANSLATE_NOOP("Settings", "Clerks may call a waiting ticket of their choice"),
        "默认按规则叫号，不允许随意挑号",
    ),
    SettingDef(
        "queue.rating_timeout_seconds",
        Group.QUEUE,
        Kind.INT,
        60,
        QT_TRANSLATE_NOOP("Settings", "Seconds the evaluator waits for a rating"),
        "一次一评（国办发〔2019〕51号）",
        unit=QT_TRANSLATE_NOOP("Settings", "seconds"),
        minimum=10,
        maximum=600,
    ),
    SettingDef(
        "queue.hub_url",
        Group.QUEUE,
        Kind.TEXT,
        "",
        QT_TRANSLATE_NOOP("Settings", "Hall hub address (empty: this PC runs the queue)"),
        "ARCHITECTURE §1：每个营业厅一个叫号中枢；单机营业厅内嵌运行",
        max_length=200,
        url=True,
    ),
    SettingDef(
        "sync.server_url",
        Group.HALL,
        Kind.TEXT,
        "",
        QT_TRANSLATE_NOOP("Settings", "Central server address (empty: this PC works standalone)"),
        "SYNC_DESIGN §4.5：各营业厅终端与中心服务器同步",
        max_length=200,
        url=True,
    ),
    # Sign-in and security
    SettingDef(
        "security.max_failed_logins",
        Group.SECURITY,
        Kind.INT,
        5,
        QT_TRANSLATE_NOOP("Settings", "Wrong passwords before the staff number is locked"),
        "本单位信息安全要求",
        minimum=1,
        maximum=20,
    ),
    SettingDef(
        "security.lockout_minutes",
        Group.SECURITY,
        Kind.INT,
        10,
        QT_TRANSLATE_NOOP("Settings", "Lock-out after too many wrong passwords"),
        "本单位信息安全要求",
        unit=QT_TRANSLATE_NOOP("Settings", "minutes"),
        minimum=1,
        maximum=24 * 60,
    ),
    SettingDef(
        "security.idle_lock_minutes",
        Group.SECURITY,
        Kind.INT,
        10,
        QT_TRANSLATE_NOOP("Settings", "Lock the screen after idle time"),
        "本单位信息安全要求",
        unit=QT_TRANSLATE_NOOP("Settings", "minutes"),
        minimum=1,
        maximum=240,
    ),
    SettingDef(
        "security.min_password_length",
        Group.SECURITY,
        Kind.INT,
        8,
        QT_TRANSLATE_NOOP("Settings", "Minimum password length"),
        "本单位信息安全要求",
        minimum=6,
        maximum=64,
    ),
    # Accounts and payments
    SettingDef(
        "accounts.number_length",
        Group.ACCOUNTS,
        Kind.INT,
        10,
        QT_TRANSLATE_NOOP("Settings", "Account number length (户号)"),
        "国家电网户号一般为10位数字",
        unit=QT_TRANSLATE_NOOP("Settings", "digits"),
        minimum=6,
        maximum=20,
    ),
    SettingDef(
        "accounts.search_limit",
        Group.ACCOUNTS,
        Kind.INT,
        50,
        QT_TRANSLATE_NOOP("Settings", "Most search results shown"),
        "保证百万户规模下的查询速度",
        minimum=10,
        maximum=500,
    ),
    SettingDef(
        "payments.max_amount_fen",
        Group.ACCOUNTS,
        Kind.INT,
        100_000_000,
        QT_TRANSLATE_NOOP("Settings", "Largest single counter payment"),
        "防止金额输入错误的内控限额",
        unit=QT_TRANSLATE_NOOP("Settings", "fen"),
        minimum=100,
        maximum=10_000_000_000,
    ),
    SettingDef(
        "applications.max_capacity_kw",
        Group.APPLICATIONS,
        Kind.INT,
        160,
        QT_TRANSLATE_NOOP("Settings", "Largest capacity taken at the counter (low voltage)"),
        "发改能源规〔2020〕1479号及2025年意见：低压“三零”服务160千瓦及以下",
        unit=QT_TRANSLATE_NOOP("Settings", "kW"),
        minimum=1,
        maximum=1000,
    ),
    SettingDef(
        "applications.due_soon_days",
        Group.APPLICATIONS,
        Kind.INT,
        1,
        QT_TRANSLATE_NOOP("Settings", "List applications as due soon this many working days ahead"),
        "限时办结：到期前提醒（营业厅内部管理）",
        unit=QT_TRANSLATE_NOOP("Settings", "working days"),
        minimum=0,
        maximum=20,
    ),
    SettingDef(
        "applications.attachment_max_mb",
        Group.APPLICATIONS,
        Kind.INT,
        20,
        QT_TRANSLATE_NOOP("Settings", "Largest scanned document"),
        "扫描件存本机并随同步上传，限制单个文件大小",
        unit=QT_TRANSLATE_NOOP("Settings", "MB"),
        minimum=1,
        maximum=200,
    ),
    SettingDef(
        "applications.callback_hours",
        Group.APPLICATIONS,
        Kind.INT,
        24,
        QT_TRANSLATE_NOOP("Settings", "Call back an unanswered consultation within"),
        "源文档仅要求“在承诺的时限内答复”（002:L31）；默认取投诉联系时限24小时",
        unit=QT_TRANSLATE_NOOP("Settings", "hours"),
        minimum=1,
        maximum=240,
    ),
    SettingDef(
        "retention.consultation_days",
        Group.ACCOUNTS,
        Kind.INT,
        365,
        QT_TRANSLATE_NOOP("Settings", "Keep consultation records at least"),
        "业务咨询单、录音等保存1年及以上",
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=365,
        maximum=36_500,
    ),
)

BY_KEY: dict[str, SettingDef] = {d.key: d for d in CATALOG}


def default_value(key: str) -> Any:
    definition = BY_KEY[key]
    return definition.parse(definition.default)
