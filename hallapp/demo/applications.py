"""Complete application forms of every kind: demo data, tests and benchmarks start from these."""

from dataclasses import replace
from datetime import date

from hallapp.domain.application_flow import ApplicationKind
from hallapp.domain.application_form import ApplicationDraft, BillChannel, ProofType
from hallapp.domain.application_materials import ApplicantType, Material
from hallapp.domain.credit_code import make_credit_code
from hallapp.domain.enums import TariffCategory, Voltage
from hallapp.domain.idcard import make_id_number

PERSON_ID = make_id_number("320102", date(1980, 5, 17), 123)
AGENT_ID = make_id_number("320104", date(1990, 2, 3), 88)
CREDIT_CODE = make_credit_code("91320100MA1XYW123")
ALL_PERSON_MATERIALS = frozenset(
    {
        Material.APPLICATION_FORM,
        Material.OWNER_ID,
        Material.NEW_HOLDER_ID,
        Material.AGENT_ID,
        Material.AUTHORISATION,
    }
)
ALL_ORG_MATERIALS = frozenset(
    {
        Material.APPLICATION_FORM,
        Material.BUSINESS_LICENCE,
        Material.LAND_PLANNING,
        Material.EQUIPMENT_LIST,
        Material.AGENT_ID,
        Material.AUTHORISATION,
        Material.NEW_HOLDER_ID,
    }
)


def person_new() -> ApplicationDraft:
    return ApplicationDraft(
        kind=ApplicationKind.RESIDENT_NEW,
        name="王小明",
        id_no=PERSON_ID,
        phone="13912345678",
        address="示例市玄武区北京东路18号2单元301室",
        capacity_kw="8",
        voltage=Voltage.V220,
        tariff=TariffCategory.RESIDENT,
        materials=ALL_PERSON_MATERIALS,
    )


def organisation_new() -> ApplicationDraft:
    return ApplicationDraft(
        kind=ApplicationKind.NON_RESIDENT_NEW,
        applicant_type=ApplicantType.ORGANISATION,
        name="示例市明光食品有限公司",
        credit_code=CREDIT_CODE,
        legal_rep="李明光",
        agent_name="赵经办",
        agent_id_no=AGENT_ID,
        phone="13812345678",
        address="示例市江宁区科技园路66号",
        capacity_kw="75",
        voltage=Voltage.V380,
        tariff=TariffCategory.COMMERCIAL,
        bill_channel=BillChannel.EMAIL,
        email="finance@example.cn",
        materials=ALL_ORG_MATERIALS,
    )


def on_account(kind: ApplicationKind, account_no: str, **changes) -> ApplicationDraft:  # type: ignore[no-untyped-def]
    return replace(person_new(), kind=kind, account_no=account_no, **changes)


def without_property_proof(draft: ApplicationDraft) -> ApplicationDraft:
    return replace(draft, proof=ProofType.MISSING)
