"""The application form as the clerk fills it, checked field by field (pure; the service stores it).

``clean_application`` returns a ``CleanApplication`` or raises ``InvalidForm`` naming every field
that is wrong, so the screen can mark them all at once. Nothing here reads the database: the account
number length, the capacity limit and today's date come in as arguments.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from hallapp.domain.application_flow import RESIDENT, ApplicationKind
from hallapp.domain.application_materials import (
    ApplicantType,
    Material,
    MaterialsCheck,
    check_materials,
    checklist,
)
from hallapp.domain.credit_code import CodeProblem, inspect
from hallapp.domain.enums import TariffCategory, Voltage
from hallapp.domain.errors import InvalidForm, InvalidInput
from hallapp.domain.idcard import clean_id_number
from hallapp.domain.text import has_control_chars, is_plain_text, normalize
from hallapp.domain.ticket_input import clean_account_no


class IdDocType(StrEnum):
    """Accepted identity documents (DOMAIN_RULES R1.2, 2021 国网 notice)."""

    ID_CARD = "id_card"  # 居民身份证
    TEMP_ID = "temp_id"  # 临时身份证
    HOUSEHOLD = "household"  # 户口本
    MILITARY = "military"  # 军官证/士兵证
    TAIWAN = "taiwan"  # 台湾居民来往大陆通行证
    HK_MACAO = "hk_macao"  # 港澳居民来往内地通行证
    PASSPORT = "passport"  # 外国护照
    PERMANENT_RESIDENCE = "permanent_residence"  # 外国人永久居留身份证


CHECKED_ID_TYPES = frozenset({IdDocType.ID_CARD, IdDocType.TEMP_ID, IdDocType.HOUSEHOLD})


class ProofType(StrEnum):
    """用电地址权属证明 (R1.2). MISSING: none brought; accepted against a signed 承诺书."""

    REAL_ESTATE = "real_estate"  # 不动产权证书
    HOUSE_CERT = "house_cert"  # 房屋所有权证
    PURCHASE = "purchase"  # 购房合同（备案）
    HOMESTEAD = "homestead"  # 宅基地使用证
    LEASE = "lease"  # 租赁协议及出租人产权证明
    COURT = "court"  # 法院判决书
    LAND = "land"  # 土地权属证明
    VILLAGE = "village"  # 乡镇政府证明
    MILITARY = "military"  # 团级以上部队证明
    MISSING = "missing"


class BillChannel(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    PAPER = "paper"


LOW_VOLTAGES = (Voltage.V220, Voltage.V380)
CHANGE_KINDS = frozenset({ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER})
INCREASE_KINDS = frozenset({ApplicationKind.RESIDENT_INCREASE, ApplicationKind.NON_RESIDENT_INCREASE})
NAME_MIN, NAME_MAX = 2, 60
ADDRESS_MIN, ADDRESS_MAX = 5, 120
OTHER_ID_MIN, OTHER_ID_MAX = 5, 30
NOTE_MAX = 500
EMAIL_MAX = 80
CAPACITY_STEP = Decimal("0.1")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_OTHER_ID = re.compile(r"^[A-Z0-9()\-]+$")
_PLAIN_NUMBER = re.compile(r"^\d{1,7}(\.\d{1,6})?$")


def change_kind(owner_changes: bool) -> ApplicationKind:
    """「产权/户主是否变更」 (source document 002): yes → 过户, no → 更名."""
    return ApplicationKind.TRANSFER if owner_changes else ApplicationKind.NAME_CHANGE


@dataclass(frozen=True)
class ApplicationDraft:
    """What the form holds, as typed. Text is raw; the cleaner normalises it."""

    kind: ApplicationKind
    applicant_type: ApplicantType = ApplicantType.PERSON
    name: str = ""
    id_type: IdDocType = IdDocType.ID_CARD
    id_no: str = ""
    credit_code: str = ""
    legal_rep: str = ""
    by_agent: bool = False
    agent_name: str = ""
    agent_id_no: str = ""
    phone: str = ""
    address: str = ""
    account_no: str = ""
    proof: ProofType = ProofType.REAL_ESTATE
    capacity_kw: str = ""
    voltage: Voltage = Voltage.V220
    tariff: TariffCategory = TariffCategory.RESIDENT
    bill_channel: BillChannel = BillChannel.SMS
    email: str = ""
    real_name_verified: bool = False
    arrears_assumed: bool = False
    materials: frozenset[Material] = field(default_factory=frozenset)
    note: str = ""


@dataclass(frozen=True)
class CleanApplication:
    """A checked application. ``credit_code_warning``: the code fails its check character only."""

    draft: ApplicationDraft  # normalised values
    capacity_kw: Decimal | None
    materials: MaterialsCheck
    credit_code_warning: bool
    id_region_warning: bool

    @property
    def promise_signed(self) -> bool:
        return self.draft.proof is ProofType.MISSING


def requirements_of(draft: ApplicationDraft):  # type: ignore[no-untyped-def]
    return checklist(draft.kind, draft.applicant_type, by_agent=draft.by_agent)


def materials_of(draft: ApplicationDraft) -> MaterialsCheck:
    """What is still missing. The property proof counts as brought when its type is not MISSING."""
    provided = set(draft.materials)
    if draft.proof is not ProofType.MISSING:
        provided.add(Material.PROPERTY_PROOF)
    if draft.proof is ProofType.MISSING and Material.PROPERTY_PROOF in provided:
        provided.discard(Material.PROPERTY_PROOF)
    if draft.account_no:
        provided.add(Material.ACCOUNT_NO)
    return check_materials(requirements_of(draft), provided, promise_signed=draft.proof is ProofType.MISSING)


def clean_application(draft: ApplicationDraft, today: date, values: Mapping[str, Any]) -> CleanApplication:
    """Every field checked; InvalidForm lists all the wrong ones (nothing is stored before this)."""
    form = _Checker()
    region_warning, credit_warning = _applicant(form, draft, today)
    _supply(form, draft, values)
    capacity = form.out.pop("capacity_kw", None)
    cleaned = replace(draft, **{k: v for k, v in form.out.items() if v is not None})
    cleaned = replace(cleaned, capacity_kw=str(capacity) if capacity is not None else "")
    if cleaned.kind is not ApplicationKind.TRANSFER:
        cleaned = replace(cleaned, arrears_assumed=False)
    materials = materials_of(cleaned)
    missing = [m for m in materials.missing if not (m is Material.ACCOUNT_NO and "account_no" in form.errors)]
    if missing:  # the account number is a field of its own: its error already says it
        form.errors["materials"] = InvalidInput("materials", "materials_missing", count=len(missing))
    if form.errors:
        raise InvalidForm(form.errors)
    return CleanApplication(cleaned, capacity, materials, credit_warning, region_warning)


class _Checker:
    """Runs one field's check, keeps its cleaned value or its error, and goes on to the next."""

    def __init__(self) -> None:
        self.errors: dict[str, InvalidInput] = {}
        self.out: dict[str, Any] = {}

    def check(self, name: str, fn, *args) -> Any:  # type: ignore[no-untyped-def]
        try:
            return fn(*args)
        except InvalidInput as exc:
            self.errors[exc.field or name] = exc
            return None

    def put(self, name: str, fn, *args) -> None:  # type: ignore[no-untyped-def]
        self.out[name] = self.check(name, fn, *args)


def _applicant(form: _Checker, draft: ApplicationDraft, today: date) -> tuple[bool, bool]:
    """Who applies: a person with an ID, or an organisation with its credit code and legal
    representative; an agent when someone applies for them. Returns the two warnings."""
    region_warning = credit_warning = False
    form.put("name", _text, draft.name, "name", NAME_MIN, NAME_MAX)
    organisation = draft.applicant_type is ApplicantType.ORGANISATION
    if organisation:
        credit_warning = bool(form.check("credit_code", _credit_code, draft.credit_code, form.out))
        form.put("legal_rep", _text, draft.legal_rep, "legal_rep", NAME_MIN, NAME_MAX)
        form.out["id_no"] = ""
    else:
        id_no = form.check("id_no", _id_no, draft.id_type, draft.id_no, today)
        if id_no is not None:
            form.out["id_no"], region_warning = id_no
        form.out["credit_code"] = form.out["legal_rep"] = ""
    if organisation or draft.by_agent:
        form.put("agent_name", _text, draft.agent_name, "agent_name", NAME_MIN, NAME_MAX)
        agent = form.check("agent_id_no", _id_no, IdDocType.ID_CARD, draft.agent_id_no, today, "agent_id_no")
        form.out["agent_id_no"] = agent[0] if agent else None
    else:
        form.out["agent_name"] = form.out["agent_id_no"] = ""
    form.put("phone", _mobile, draft.phone)
    return region_warning, credit_warning


def _supply(form: _Checker, draft: ApplicationDraft, values: Mapping[str, Any]) -> None:
    """Where and what: address, account, capacity, voltage, tariff, bill channel, note."""
    form.put("address", _text, draft.address, "address", ADDRESS_MIN, ADDRESS_MAX)
    if draft.kind in CHANGE_KINDS or draft.kind in INCREASE_KINDS:
        form.put("account_no", _required_account, draft.account_no, values["accounts.number_length"])
    else:
        form.out["account_no"] = ""
    if draft.kind not in CHANGE_KINDS:
        form.put("capacity_kw", _capacity, draft.capacity_kw, values["applications.max_capacity_kw"])
    form.check("voltage", _voltage, draft.voltage)
    form.check("tariff", _tariff, draft.kind, draft.tariff)
    if draft.bill_channel is BillChannel.EMAIL:
        form.put("email", _email, draft.email)
    else:
        form.out["email"] = ""
    form.put("note", _note, draft.note)


def _text(raw: str, field_name: str, minimum: int, maximum: int) -> str:
    if has_control_chars(raw):
        raise InvalidInput(field_name, "control_chars")
    text = " ".join(raw.split())
    if not text:
        raise InvalidInput(field_name, "empty")
    if len(text) > maximum:
        raise InvalidInput(field_name, "too_long", limit=maximum)
    if len(text) < minimum:
        raise InvalidInput(field_name, "too_short", limit=minimum)
    if not is_plain_text(text):
        raise InvalidInput(field_name, "bad_chars")
    return text


def _credit_code(raw: str, out: dict[str, Any]) -> bool:
    """Hard problems raise; a failed check character only warns (returns True)."""
    if has_control_chars(raw):
        raise InvalidInput("credit_code", "control_chars")
    code = inspect(raw)
    out["credit_code"] = code.text
    if not code.text:
        raise InvalidInput("credit_code", "empty")
    if code.problems and code.problems[0] is not CodeProblem.CHECKSUM:
        raise InvalidInput("credit_code", code.problems[0].value)
    return code.only_checksum


def _id_no(id_type: IdDocType, raw: str, today: date, field_name: str = "id_no") -> tuple[str, bool]:
    if id_type in CHECKED_ID_TYPES:
        number = clean_id_number(raw, today, field=field_name)
        return number.text, number.region_warning
    if has_control_chars(raw):
        raise InvalidInput(field_name, "control_chars")
    text = normalize(raw).replace(" ", "").upper()
    if not text:
        raise InvalidInput(field_name, "empty")
    if not (OTHER_ID_MIN <= len(text) <= OTHER_ID_MAX) or not _OTHER_ID.match(text):
        raise InvalidInput(field_name, "bad_document_no", minimum=OTHER_ID_MIN, maximum=OTHER_ID_MAX)
    return text, False


def _mobile(raw: str) -> str:
    if has_control_chars(raw):
        raise InvalidInput("phone", "control_chars")
    digits = normalize(raw).replace(" ", "").replace("-", "")
    if not digits:
        raise InvalidInput("phone", "empty")
    if not digits.isascii() or not _MOBILE.match(digits):
        raise InvalidInput("phone", "bad_mobile")
    return digits


def _required_account(raw: str, length: int) -> str:
    number = clean_account_no(raw, length)
    if number is None:
        raise InvalidInput("account_no", "empty")
    return number


def _capacity(raw: str, maximum: int) -> Decimal:
    if has_control_chars(raw):
        raise InvalidInput("capacity_kw", "control_chars")
    text = normalize(raw).replace(" ", "").removesuffix("kW").removesuffix("KW").removesuffix("kw")
    if not text:
        raise InvalidInput("capacity_kw", "empty")
    if text.startswith("-") and _PLAIN_NUMBER.match(text[1:]):
        raise InvalidInput("capacity_kw", "capacity_range", maximum=maximum)
    if not _PLAIN_NUMBER.match(text):
        raise InvalidInput("capacity_kw", "not_a_number")
    value = Decimal(text)
    if value <= 0:
        raise InvalidInput("capacity_kw", "capacity_range", maximum=maximum)
    if value > maximum:
        raise InvalidInput("capacity_kw", "capacity_range", maximum=maximum)
    if value != value.quantize(CAPACITY_STEP):
        raise InvalidInput("capacity_kw", "capacity_step")
    return value.quantize(CAPACITY_STEP)


def _voltage(voltage: Voltage) -> None:
    """Counter applications are low voltage only (220/380 V, source document 002 line 37)."""
    if voltage not in LOW_VOLTAGES:
        raise InvalidInput("voltage", "not_low_voltage")


def _tariff(kind: ApplicationKind, tariff: TariffCategory) -> None:
    if kind in CHANGE_KINDS:
        return
    if (kind in RESIDENT) != tariff.is_resident:
        raise InvalidInput("tariff", "tariff_mismatch")


def _email(raw: str) -> str:
    if has_control_chars(raw):
        raise InvalidInput("email", "control_chars")
    text = normalize(raw).replace(" ", "")
    if not text:
        raise InvalidInput("email", "empty")
    if len(text) > EMAIL_MAX or not text.isascii() or not _EMAIL.match(text):
        raise InvalidInput("email", "bad_email")
    return text


def _note(raw: str) -> str:
    if has_control_chars(raw.replace("\n", " ")):
        raise InvalidInput("note", "control_chars")
    text = " ".join(raw.split())
    if len(text) > NOTE_MAX:
        raise InvalidInput("note", "too_long", limit=NOTE_MAX)
    return text


def draft_to_json(draft: ApplicationDraft) -> dict[str, Any]:
    """The form as stored in ``application.data`` and carried in sync payloads (plain JSON)."""
    out: dict[str, Any] = {}
    for name in ApplicationDraft.__dataclass_fields__:
        value = getattr(draft, name)
        if isinstance(value, frozenset):
            value = sorted(m.value for m in value)
        elif isinstance(value, StrEnum):
            value = value.value
        out[name] = value
    return out


def draft_from_json(data: dict[str, Any]) -> ApplicationDraft:
    """The stored form back (fields a newer version added are ignored; missing ones default)."""
    types = {
        "kind": ApplicationKind,
        "applicant_type": ApplicantType,
        "id_type": IdDocType,
        "proof": ProofType,
        "voltage": Voltage,
        "tariff": TariffCategory,
        "bill_channel": BillChannel,
    }
    values: dict[str, Any] = {}
    for name in ApplicationDraft.__dataclass_fields__:
        if name not in data:
            continue
        value = data[name]
        if name in types:
            value = types[name](value)
        elif name == "materials":
            value = frozenset(Material(m) for m in value)
        values[name] = value
    return ApplicationDraft(**values)
