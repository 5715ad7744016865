"""What a customer must bring for each kind of application (DOMAIN_RULES R1.2–R1.4), and which of it
may follow later (一证受理 / 容缺受理: the property proof, against a signed 客户承诺书).

Labels are the official Chinese names: they are printed on the 一次性告知书 and never translated.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from hallapp.domain.application_flow import ApplicationKind


class ApplicantType(StrEnum):
    PERSON = "person"  # 自然人
    ORGANISATION = "organisation"  # 单位（企业、机关、个体工商户等）


class Material(StrEnum):
    APPLICATION_FORM = "application_form"
    OWNER_ID = "owner_id"
    AGENT_ID = "agent_id"
    AUTHORISATION = "authorisation"
    PROPERTY_PROOF = "property_proof"
    BUSINESS_LICENCE = "business_licence"
    PROJECT_APPROVAL = "project_approval"
    LAND_PLANNING = "land_planning"
    EQUIPMENT_LIST = "equipment_list"
    NEW_HOLDER_ID = "new_holder_id"
    ACCOUNT_NO = "account_no"
    PROMISE = "promise"  # 客户承诺书: signed instead of a missing property proof


LABELS: dict[Material, str] = {
    Material.APPLICATION_FORM: "用电申请登记表（客户签字或盖章）",
    Material.OWNER_ID: "产权人（用电人）有效身份证明原件及复印件",
    Material.AGENT_ID: "经办人（被委托人）身份证明原件及复印件",
    Material.AUTHORISATION: "授权委托书（单位加盖公章）或直系亲属关系证明",
    Material.PROPERTY_PROOF: "用电地址权属证明（不动产权证书、房屋产权证、购房合同等）及复印件",
    Material.BUSINESS_LICENCE: "营业执照（或组织机构代码证）复印件",
    Material.PROJECT_APPROVAL: "政府主管部门审批、核准或备案文件（政府核准项目）",
    Material.LAND_PLANNING: "建设用地规划许可证或房产证明",
    Material.EQUIPMENT_LIST: "客户用电设备清单（加盖公章）",
    Material.NEW_HOLDER_ID: "新户主（新用电人）有效身份证明原件",
    Material.ACCOUNT_NO: "原用电户号（电费缴费凭证或账单）",
    Material.PROMISE: "客户承诺书（权属证明后补）",
}

DEFERRABLE = frozenset({Material.PROPERTY_PROOF, Material.LAND_PLANNING})


@dataclass(frozen=True)
class Requirement:
    material: Material
    optional: bool = False  # listed, but only some applicants need it (政府核准项目)


def checklist(kind: ApplicationKind, applicant: ApplicantType, *, by_agent: bool) -> tuple[Requirement, ...]:
    """The materials for ``kind``, in the order the counter checks them."""
    R = Requirement
    items: list[Requirement] = [R(Material.APPLICATION_FORM)]
    organisation = applicant is ApplicantType.ORGANISATION
    if kind in (ApplicationKind.NAME_CHANGE, ApplicationKind.TRANSFER):
        items += [R(Material.NEW_HOLDER_ID), R(Material.ACCOUNT_NO), R(Material.PROPERTY_PROOF)]
        if organisation:
            items.append(R(Material.BUSINESS_LICENCE))
    elif organisation:
        items += [
            R(Material.BUSINESS_LICENCE),
            R(Material.PROJECT_APPROVAL, optional=True),
            R(Material.LAND_PLANNING),
            R(Material.EQUIPMENT_LIST),
        ]
    else:
        items += [R(Material.OWNER_ID), R(Material.PROPERTY_PROOF)]
    if kind in (ApplicationKind.RESIDENT_INCREASE, ApplicationKind.NON_RESIDENT_INCREASE):
        items.append(R(Material.ACCOUNT_NO))
    if by_agent or organisation:
        items += [R(Material.AGENT_ID), R(Material.AUTHORISATION)]
    return tuple(items)


@dataclass(frozen=True)
class MaterialsCheck:
    missing: tuple[Material, ...]  # required and not brought (blocks acceptance unless deferred)
    deferred: tuple[Material, ...]  # missing but deferrable, covered by the signed promise

    @property
    def acceptable(self) -> bool:
        return not self.missing

    @property
    def to_bring(self) -> tuple[Material, ...]:
        """What the 一次性告知书 lists: everything still owed, deferred or not."""
        return self.missing + self.deferred


def check_materials(
    requirements: Iterable[Requirement], provided: Iterable[Material], *, promise_signed: bool
) -> MaterialsCheck:
    have = set(provided)
    missing: list[Material] = []
    deferred: list[Material] = []
    for req in requirements:
        if req.optional or req.material in have:
            continue
        if promise_signed and req.material in DEFERRABLE:
            deferred.append(req.material)
        else:
            missing.append(req.material)
    return MaterialsCheck(tuple(missing), tuple(deferred))
