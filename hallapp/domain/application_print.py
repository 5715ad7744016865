"""The intake printouts' contents from a form: 用电申请登记表, 一次性告知书, 业务受理回执.

Printouts are official documents and always in Chinese, so the names here are Chinese text.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from hallapp.domain.application_flow import ApplicationKind, Stage
from hallapp.domain.application_form import (
    CHANGE_KINDS,
    ApplicationDraft,
    BillChannel,
    IdDocType,
    ProofType,
    materials_of,
    requirements_of,
)
from hallapp.domain.application_materials import LABELS, ApplicantType, Material
from hallapp.domain.enums import TariffCategory
from hallapp.domain.printouts import (
    AcceptanceReceiptDoc,
    ApplicationFormDoc,
    FormField,
    HallHeader,
    MaterialLine,
    MaterialState,
    OneTimeNoticeDoc,
    StageDeadline,
)

KIND_NAMES = {
    ApplicationKind.RESIDENT_NEW: "低压居民新装",
    ApplicationKind.NON_RESIDENT_NEW: "低压非居民新装",
    ApplicationKind.RESIDENT_INCREASE: "低压居民增容",
    ApplicationKind.NON_RESIDENT_INCREASE: "低压非居民增容",
    ApplicationKind.NAME_CHANGE: "更名",
    ApplicationKind.TRANSFER: "过户",
}
STAGE_NAMES = {
    Stage.ACCEPTED: "业务受理",
    Stage.SURVEY: "现场勘查",
    Stage.PLAN: "答复供电方案",
    Stage.FEES: "确定及收取业务费用",
    Stage.INSPECTION: "受电装置竣工检验",
    Stage.ARREARS_CHECK: "欠费核查",
    Stage.CONTRACT: "签订供用电合同",
    Stage.RECORDS: "变更档案",
    Stage.CONNECTED: "装表接电",
    Stage.ARCHIVED: "归档",
    Stage.RETURNED: "退回（资料不全）",
    Stage.CANCELLED: "撤销",
}
ID_TYPE_NAMES = {
    IdDocType.ID_CARD: "居民身份证",
    IdDocType.TEMP_ID: "临时居民身份证",
    IdDocType.HOUSEHOLD: "户口簿",
    IdDocType.MILITARY: "军官证/士兵证",
    IdDocType.TAIWAN: "台湾居民来往大陆通行证",
    IdDocType.HK_MACAO: "港澳居民来往内地通行证",
    IdDocType.PASSPORT: "护照",
    IdDocType.PERMANENT_RESIDENCE: "外国人永久居留身份证",
}
PROOF_NAMES = {
    ProofType.REAL_ESTATE: "不动产权证书",
    ProofType.HOUSE_CERT: "房屋所有权证",
    ProofType.PURCHASE: "购房合同",
    ProofType.HOMESTEAD: "宅基地使用证",
    ProofType.LEASE: "租赁协议及出租人产权证明",
    ProofType.COURT: "法院判决书",
    ProofType.LAND: "土地权属证明",
    ProofType.VILLAGE: "乡镇政府证明",
    ProofType.MILITARY: "部队证明",
    ProofType.MISSING: "暂缺（已签承诺书）",
}
TARIFF_NAMES = {
    TariffCategory.RESIDENT: "居民生活用电",
    TariffCategory.NON_RESIDENT: "非居民照明",
    TariffCategory.COMMERCIAL: "商业用电",
    TariffCategory.NON_INDUSTRIAL: "非工业用电",
    TariffCategory.GENERAL_INDUSTRIAL: "普通工业用电",
    TariffCategory.LARGE_INDUSTRIAL: "大工业用电",
    TariffCategory.AGRICULTURAL: "农业生产用电",
    TariffCategory.WHOLESALE: "趸售用电",
}
BILL_NAMES = {
    BillChannel.SMS: "短信电子账单",
    BillChannel.EMAIL: "电子邮件账单",
    BillChannel.PAPER: "纸质账单",
}


@dataclass(frozen=True)
class Clerk:
    staff_no: str
    name: str


def applicant_fields(draft: ApplicationDraft) -> tuple[FormField, ...]:
    F = FormField
    if draft.applicant_type is ApplicantType.ORGANISATION:
        fields = [
            F("单位名称", draft.name),
            F("统一社会信用代码", draft.credit_code),
            F("法定代表人", draft.legal_rep),
            F("联系电话", draft.phone),
        ]
    else:
        fields = [
            F("客户名称", draft.name),
            F("证件类型", ID_TYPE_NAMES[draft.id_type]),
            F("证件号码", draft.id_no),
            F("联系电话", draft.phone),
        ]
    if draft.agent_name:
        fields += [F("经办人", draft.agent_name), F("经办人身份证号", draft.agent_id_no)]
    if draft.kind in CHANGE_KINDS:
        fields.append(F("实名认证", "已认证" if draft.real_name_verified else "未认证"))
    return tuple(fields)


def supply_fields(draft: ApplicationDraft) -> tuple[FormField, ...]:
    F = FormField
    fields = [F("用电地址", draft.address)]
    if draft.account_no:
        fields.append(F("户号", draft.account_no))
    if draft.kind not in CHANGE_KINDS:
        fields += [
            F("申请容量", f"{draft.capacity_kw} 千瓦"),
            F("供电电压", draft.voltage.value),
            F("用电类别", TARIFF_NAMES[draft.tariff]),
        ]
    if draft.kind is ApplicationKind.TRANSFER:
        fields.append(F("欠费承担", "新户主承担原户欠费" if draft.arrears_assumed else "原户结清"))
    fields.append(F("权属证明", PROOF_NAMES[draft.proof]))
    channel = BILL_NAMES[draft.bill_channel]
    fields.append(F("账单方式", f"{channel}（{draft.email}）" if draft.email else channel))
    return tuple(fields)


def material_lines(draft: ApplicationDraft) -> tuple[MaterialLine, ...]:
    check = materials_of(draft)
    lines = []
    for req in requirements_of(draft):
        if req.material in check.missing:
            state = MaterialState.MISSING
        elif req.material in check.deferred:
            state = MaterialState.DEFERRED
        elif req.optional and req.material not in draft.materials:
            state = MaterialState.OPTIONAL
        else:
            state = MaterialState.BROUGHT
        lines.append(MaterialLine(LABELS[req.material], state))
    if draft.proof is ProofType.MISSING:
        lines.append(MaterialLine(LABELS[Material.PROMISE], MaterialState.BROUGHT))
    return tuple(lines)


def form_doc(
    header: HallHeader,
    draft: ApplicationDraft,
    *,
    application_no: str,
    accepted_on: date,
    due_on: date | None,
    clerk: Clerk,
    printed_at: datetime,
) -> ApplicationFormDoc:
    return ApplicationFormDoc(
        header=header,
        application_no=application_no,
        kind_label=KIND_NAMES[draft.kind],
        accepted_on=accepted_on,
        committed_due_on=due_on,
        applicant=applicant_fields(draft),
        supply=supply_fields(draft),
        materials=material_lines(draft),
        promise_signed=draft.proof is ProofType.MISSING,
        note=draft.note,
        clerk_staff_no=clerk.staff_no,
        clerk_name=clerk.name,
        printed_at=printed_at,
    )


def notice_doc(
    header: HallHeader,
    draft: ApplicationDraft,
    to_bring: Iterable[Material],
    *,
    application_no: str,
    bring_by: date | None,
    clerk: Clerk,
    printed_at: datetime,
) -> OneTimeNoticeDoc:
    return OneTimeNoticeDoc(
        header=header,
        application_no=application_no,
        kind_label=KIND_NAMES[draft.kind],
        applicant_name=draft.name,
        to_bring=tuple(LABELS[m] for m in to_bring),
        bring_by=bring_by,
        clerk_staff_no=clerk.staff_no,
        clerk_name=clerk.name,
        printed_at=printed_at,
    )


def receipt_doc(
    header: HallHeader,
    draft: ApplicationDraft,
    deferred: Iterable[Material],
    *,
    application_no: str,
    accepted_on: date,
    due_on: date | None,
    deadlines: Iterable[tuple[Stage, date]],
    clerk: Clerk,
    printed_at: datetime,
) -> AcceptanceReceiptDoc:
    return AcceptanceReceiptDoc(
        header=header,
        application_no=application_no,
        kind_label=KIND_NAMES[draft.kind],
        applicant_name=draft.name,
        address=draft.address,
        accepted_on=accepted_on,
        committed_due_on=due_on,
        deadlines=tuple(StageDeadline(STAGE_NAMES[stage], day) for stage, day in deadlines),
        deferred=tuple(LABELS[m] for m in deferred),
        clerk_staff_no=clerk.staff_no,
        clerk_name=clerk.name,
        printed_at=printed_at,
    )
