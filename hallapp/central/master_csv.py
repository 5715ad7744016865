"""Reading and checking the billing system's CSV exports (accounts with their customers, bills).

No database here: a file is decoded (UTF-8 with or without BOM, else GB18030), its header checked
against fixed column names, and each row turned into typed values or into problems, each with its
line number, column and a reason in Chinese. Cross-row rules (a number twice in one file, one
customer described two ways) are here too; whether an account exists is the importer's question.
Columns and rules: docs/sync_protocol.md, "Master data and pull (as built)".
"""

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from hallapp.central.schema import account_uuid, bill_uuid
from hallapp.domain.application_form import CHECKED_ID_TYPES, OTHER_ID_MAX, OTHER_ID_MIN, IdDocType
from hallapp.domain.credit_code import CodeProblem
from hallapp.domain.credit_code import inspect as inspect_credit_code
from hallapp.domain.enums import (
    AccountStatus,
    CreditRating,
    CustomerKind,
    LoadClass,
    SupplyRelation,
    TariffCategory,
    Voltage,
)
from hallapp.domain.errors import InvalidInput
from hallapp.domain.idcard import clean_id_number
from hallapp.domain.text import has_control_chars, normalize
from hallapp.domain.ticket_input import clean_phone

DEFAULT_ACCOUNT_NO_LENGTH = 10
MAX_YUAN_DIGITS = 13
_CODE = re.compile(r"^[A-Za-z0-9_-]+$")
_YUAN = re.compile(r"^[0-9]+(\.[0-9]{1,2})?$")
_WHOLE = re.compile(r"^[0-9]{1,12}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_PERIOD = re.compile(r"^[0-9]{4}(0[1-9]|1[0-2])$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_OTHER_ID = re.compile(r"^[A-Z0-9()\-]+$")
DETECT_CHUNK = 1 << 20


class FileRefused(Exception):
    """The file as a whole cannot be imported (unreadable, encoding, header); nothing was written."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CellError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    """Why a row was refused (or, as a warning, imported with a doubt): line, column, reason."""

    line: int
    column: str  # "" when the row as a whole is at fault
    reason: str


Parse = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str  # for the documentation and the rejects file
    parse: Parse
    required: bool = True  # the header must have it and no row may leave it empty
    default: Any = None


@dataclass
class Checked:
    """One data row: its values when it passed, else its problems. ``raw`` is the row as read."""

    line: int
    raw: list[str]
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def problem(self, column: str, reason: str) -> None:
        self.problems.append(Problem(self.line, column, reason))

    def warn(self, column: str, reason: str) -> None:
        self.warnings.append(Problem(self.line, column, reason))


# -- reading ----------------------------------------------------------------------------------------


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` (a BOM), ``utf-8``, or ``gb18030`` when the bytes are not UTF-8."""
    with path.open("rb") as f:
        if f.read(3) == codecs.BOM_UTF8:
            return "utf-8-sig"
    for encoding in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as f:
                while chunk := f.read(DETECT_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise FileRefused("文件编码无法识别：应为 UTF-8（可带 BOM）或 GB18030")


def read_rows(path: Path, encoding: str) -> Iterator[tuple[int, list[str]]]:
    """(line number where the record starts, fields); the header is line 1; blank lines skipped."""
    with path.open(encoding=encoding, newline="") as f:
        reader = csv.reader(f, strict=False)
        ended = 0
        for fields in reader:
            start, ended = ended + 1, reader.line_num
            if fields and any(value.strip() for value in fields):
                yield start, fields


def check_header(fields: list[str], columns: tuple[Column, ...]) -> list[str]:
    """The header's names in file order, or FileRefused saying what is missing or unknown."""
    names = [name.strip() for name in fields]
    known = {c.name for c in columns}
    unknown = [n for n in names if n not in known]
    missing = [c.name for c in columns if c.required and c.name not in names]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if missing:
        raise FileRefused("缺少必需的列：" + "、".join(missing))
    if unknown:
        raise FileRefused("表头中有未知的列：" + "、".join(unknown) + "（列名须与文档一致）")
    if repeated:
        raise FileRefused("表头中有重复的列：" + "、".join(repeated))
    return names


def check_row(line: int, raw: list[str], header: list[str], columns: tuple[Column, ...]) -> Checked:
    row = Checked(line, raw)
    if len(raw) != len(header):
        row.problem("", f"本行有 {len(raw)} 个字段，表头有 {len(header)} 个")
        return row
    given = dict(zip(header, raw, strict=True))
    for column in columns:
        text = given.get(column.name, "")
        if not text.strip():
            if column.required:
                row.problem(column.name, "必填，不能为空")
            else:
                row.values[column.name] = column.default
            continue
        try:
            row.values[column.name] = column.parse(text)
        except CellError as exc:
            row.problem(column.name, exc.reason)
    return row


# -- cells ------------------------------------------------------------------------------------------


def _clean(raw: str) -> str:
    if has_control_chars(raw):
        raise CellError("含有控制字符")
    return normalize(raw)


def text(maximum: int) -> Parse:
    def parse(raw: str) -> str:
        value = _clean(raw)
        if len(value) > maximum:
            raise CellError(f"超过 {maximum} 个字符")
        return value

    return parse


def code(maximum: int) -> Parse:
    def parse(raw: str) -> str:
        value = _clean(raw)
        if len(value) > maximum or not _CODE.match(value):
            raise CellError(f"只能由字母、数字、-、_ 组成，最长 {maximum} 位")
        return value

    return parse


def enum_code(kind: type[StrEnum]) -> Parse:
    codes = [member.value for member in kind]

    def parse(raw: str) -> str:
        value = _clean(raw)
        if value not in codes:
            raise CellError("应为以下代码之一：" + "、".join(codes))
        return value

    return parse


def account_no(length: int) -> Parse:
    def parse(raw: str) -> str:
        value = _clean(raw).replace(" ", "")
        if len(value) != length or not (value.isascii() and value.isdigit()):
            raise CellError(f"户号应为 {length} 位数字")
        return value

    return parse


def yuan_to_fen(raw: str) -> int:
    value = _clean(raw).replace(",", "")
    if value.startswith("-") and _YUAN.match(value[1:]):
        raise CellError("金额不能为负数")
    if not _YUAN.match(value):
        raise CellError("金额应为元，最多两位小数（如 123.45）")
    whole, _, cents = value.partition(".")
    if len(whole.lstrip("0")) > MAX_YUAN_DIGITS:
        raise CellError("金额过大")
    return int(whole) * 100 + int(cents.ljust(2, "0") or 0)


def whole_number(raw: str) -> int:
    value = _clean(raw)
    if not _WHOLE.match(value):
        raise CellError("应为非负整数")
    return int(value)


def iso_date(raw: str) -> date:
    value = _clean(raw)
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise CellError("日期应为 YYYY-MM-DD（如 2026-11-05）") from None


def period(raw: str) -> str:
    value = _clean(raw)
    if not _PERIOD.match(value):
        raise CellError("账期应为 YYYYMM（如 202611）")
    return value


def flag(raw: str) -> bool:
    value = _clean(raw)
    if value not in ("0", "1"):
        raise CellError("应为 0 或 1")
    return value == "1"


def phone(raw: str) -> str | None:
    try:
        return clean_phone(raw)
    except InvalidInput as exc:
        if exc.reason == "control_chars":
            raise CellError("含有控制字符") from None
        raise CellError("电话应为 11 位手机号或 7–12 位固定电话") from None


def email(raw: str) -> str:
    value = _clean(raw)
    if len(value) > 80 or not _EMAIL.match(value):
        raise CellError("电子邮箱格式不正确")
    return value


def upper_text(raw: str) -> str:
    return _clean(raw).replace(" ", "").upper()


ID_REASONS = {
    "control_chars": "含有控制字符",
    "empty": "必填，不能为空",
    "id_format": "身份证号应为 18 位（17 位数字加校验位）",
    "id_birth_date": "身份证号中的出生日期无效",
    "id_checksum": "身份证号校验位不符",
}
CREDIT_CODE_REASONS = {
    CodeProblem.LENGTH: "统一社会信用代码应为 18 位",
    CodeProblem.CHARSET: "统一社会信用代码含有无效字符（不用 I、O、Z、S、V）",
    CodeProblem.REGION: "统一社会信用代码第 3–8 位应为数字（行政区划码）",
}
CREDIT_CODE_CHECKSUM_WARNING = "统一社会信用代码校验位不符（已导入，请核对）"
ID_REGION_WARNING = "身份证号前两位不是已知的省级代码（已导入，请核对）"


# -- the two files ----------------------------------------------------------------------------------


def account_columns(length: int = DEFAULT_ACCOUNT_NO_LENGTH) -> tuple[Column, ...]:
    """The accounts file: one row per account, with its customer's columns (repeated per account)."""
    return (
        Column("account_no", f"户号，{length} 位数字", account_no(length)),
        Column("hall_id", "营业厅编号（已用 hallapp central add-hall 登记）", code(16)),
        Column("region_id", "供电区域（单位）代码", code(16)),
        Column("customer_id", "客户编号", code(36)),
        Column("customer_kind", "客户类别：person 个人 / organisation 单位", enum_code(CustomerKind)),
        Column("name", "户名（客户名称）", text(80)),
        Column("id_type", "证件类型（有证件号码时；默认 id_card 居民身份证）", enum_code(IdDocType), False),
        Column("id_number", "证件号码", upper_text, False),
        Column("credit_code", "统一社会信用代码（单位）", upper_text, False),
        Column("phone", "联系电话", phone, False),
        Column("email", "电子邮箱", email, False),
        Column("mail_address", "通讯地址", text(160), False),
        Column("contact_verified_on", "联系方式核实日期 YYYY-MM-DD", iso_date, False),
        Column("address", "用电地址", text(160)),
        Column("tariff", "电价类别代码", enum_code(TariffCategory)),
        Column("voltage", "供电电压代码", enum_code(Voltage)),
        Column("supply_relation", "供电关系代码", enum_code(SupplyRelation)),
        Column("load_class", "负荷等级 1/2/3", enum_code(LoadClass)),
        Column("key_customer", "重要客户 0/1（默认 0）", flag, False, False),
        Column("vulnerable", "特殊群体 0/1（默认 0）", flag, False, False),
        Column("credit_rating", "信用等级 A/B/C/D（默认 A）", enum_code(CreditRating), False, "A"),
        Column("status", "户状态代码", enum_code(AccountStatus)),
        Column("prepaid_yuan", "预存余额（元，最多两位小数，默认 0）", yuan_to_fen, False, 0),
        Column("opened_on", "立户日期 YYYY-MM-DD", iso_date),
    )


def bill_columns(length: int = DEFAULT_ACCOUNT_NO_LENGTH) -> tuple[Column, ...]:
    """The bills file: one row per account and month."""
    return (
        Column("account_no", f"户号，{length} 位数字（须已导入）", account_no(length)),
        Column("period", "账期 YYYYMM", period),
        Column("kwh", "电量（千瓦时，非负整数）", whole_number),
        Column("amount_yuan", "应缴电费（元，最多两位小数）", yuan_to_fen),
        Column("paid_yuan", "已缴金额（元，默认 0）", yuan_to_fen, False, 0),
        Column("issued_on", "出账日期 YYYY-MM-DD", iso_date),
        Column("due_date", "缴费截止日 YYYY-MM-DD", iso_date),
    )


CUSTOMER_FIELDS = (
    "customer_kind",
    "name",
    "id_type",
    "id_number",
    "credit_code",
    "phone",
    "email",
    "mail_address",
    "contact_verified_on",
)


@dataclass
class AccountRules:
    """The rules across one accounts file's rows, and the checks that need more than one cell."""

    halls: frozenset[str]
    today: date
    seen_accounts: dict[str, int] = field(default_factory=dict)
    seen_customers: dict[str, tuple[int, tuple[Any, ...]]] = field(default_factory=dict)

    def check(self, row: Checked) -> None:
        v = row.values
        if "hall_id" in v and v["hall_id"] not in self.halls:
            row.problem("hall_id", "营业厅未登记（先用 hallapp central add-hall 登记）")
        self._identity(row)
        if row.problems:
            return
        first = self.seen_accounts.get(v["account_no"])
        if first is not None:
            row.problem("account_no", f"户号与第 {first} 行重复")
            return
        described = tuple(v[name] for name in CUSTOMER_FIELDS)
        earlier = self.seen_customers.get(v["customer_id"])
        if earlier is not None and earlier[1] != described:
            differ = [n for n, a, b in zip(CUSTOMER_FIELDS, earlier[1], described, strict=True) if a != b]
            row.problem(
                "customer_id",
                f"同一客户编号的客户信息与第 {earlier[0]} 行不一致（{'、'.join(differ)}）",
            )
            return
        self.seen_accounts[v["account_no"]] = row.line
        if earlier is None:
            self.seen_customers[v["customer_id"]] = (row.line, described)
        v["account_id"] = account_uuid(v["account_no"])

    def _identity(self, row: Checked) -> None:
        v = row.values
        number, kind = v.get("id_number"), v.get("id_type")
        if number is None:
            v["id_type"] = None
            if kind is not None:
                row.problem("id_number", "填了证件类型就须填证件号码")
        else:
            kind = v["id_type"] = kind or IdDocType.ID_CARD.value
            v["id_number"] = self._document(row, IdDocType(kind), number)
        credit = v.get("credit_code")
        if credit is not None:
            found = inspect_credit_code(credit)
            v["credit_code"] = found.text
            if found.problems and found.problems[0] in CREDIT_CODE_REASONS:
                row.problem("credit_code", CREDIT_CODE_REASONS[found.problems[0]])
            elif found.only_checksum:
                row.warn("credit_code", CREDIT_CODE_CHECKSUM_WARNING)

    def _document(self, row: Checked, kind: IdDocType, number: str) -> str:
        if kind in CHECKED_ID_TYPES:
            try:
                checked = clean_id_number(number, self.today, field="id_number")
            except InvalidInput as exc:
                row.problem("id_number", ID_REASONS.get(exc.reason, "证件号码无效"))
                return number
            if checked.region_warning:
                row.warn("id_number", ID_REGION_WARNING)
            return checked.text
        if not (OTHER_ID_MIN <= len(number) <= OTHER_ID_MAX) or not _OTHER_ID.match(number):
            row.problem("id_number", f"证件号码应为 {OTHER_ID_MIN}–{OTHER_ID_MAX} 位字母或数字")
        return number


@dataclass
class BillRules:
    seen: dict[tuple[str, str], int] = field(default_factory=dict)

    def check(self, row: Checked) -> None:
        v = row.values
        if "amount_yuan" in v and "paid_yuan" in v and v["paid_yuan"] > v["amount_yuan"]:
            row.problem("paid_yuan", "已缴金额大于应缴电费")
        if "issued_on" in v and "due_date" in v and v["due_date"] < v["issued_on"]:
            row.problem("due_date", "缴费截止日早于出账日期")
        if row.problems:
            return
        key = (v["account_no"], v["period"])
        first = self.seen.get(key)
        if first is not None:
            row.problem("period", f"同一户号同一账期与第 {first} 行重复")
            return
        self.seen[key] = row.line
        v["bill_id"] = bill_uuid(*key)
