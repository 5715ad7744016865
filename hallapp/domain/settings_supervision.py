"""Settings of the supervisor's daily log and the monthly scorecard (issue 7), with their sources."""

from hallapp.domain.i18n import QT_TRANSLATE_NOOP
from hallapp.domain.settings_def import Group, Kind, SettingDef

S06 = "百分考核，每月评比考核（SEED_REQUIREMENTS S-06，源文档000第189行）"
HALL_SETS = "营业厅自定；" + S06


def _weight(item: str, default: int, label: str) -> SettingDef:
    return SettingDef(
        f"scorecard.weight_{item}",
        Group.SUPERVISION,
        Kind.INT,
        default,
        label,
        HALL_SETS + "：各项权重合计100分",
        unit=QT_TRANSLATE_NOOP("Settings", "points"),
        minimum=0,
        maximum=100,
    )


def _deduction(key: str, default: int, label: str, unit: str, source: str = HALL_SETS) -> SettingDef:
    return SettingDef(
        f"scorecard.{key}",
        Group.SUPERVISION,
        Kind.INT,
        default,
        label,
        source + "；扣完该项为止",
        unit=unit,
        minimum=0,
        maximum=100,
    )


PER_MINUTE = QT_TRANSLATE_NOOP("Settings", "points per minute")
PER_PERCENT = QT_TRANSLATE_NOOP("Settings", "points per percentage point")
PER_CASE = QT_TRANSLATE_NOOP("Settings", "points each")

SCORECARD_SETTINGS: tuple[SettingDef, ...] = (
    _weight("waits", 20, QT_TRANSLATE_NOOP("Settings", "Scorecard weight: waiting time")),
    _weight("handling", 15, QT_TRANSLATE_NOOP("Settings", "Scorecard weight: handling time")),
    _weight("satisfaction", 25, QT_TRANSLATE_NOOP("Settings", "Scorecard weight: satisfaction")),
    _weight("complaints", 15, QT_TRANSLATE_NOOP("Settings", "Scorecard weight: complaints")),
    _weight("errors", 15, QT_TRANSLATE_NOOP("Settings", "Scorecard weight: errors")),
    _weight("fees", 10, QT_TRANSLATE_NOOP("Settings", "Scorecard weight: fees collected")),
    _deduction(
        "wait_deduct_per_minute",
        2,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: deduction per minute the average wait is over target"),
        PER_MINUTE,
    ),
    _deduction(
        "handling_deduct_per_minute",
        2,
        QT_TRANSLATE_NOOP(
            "Settings", "Scorecard: deduction per minute the average handling is over its limit"
        ),
        PER_MINUTE,
    ),
    SettingDef(
        "scorecard.satisfaction_target_percent",
        Group.SUPERVISION,
        Kind.INT,
        95,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: share of satisfied ratings expected"),
        "营业厅自定；客户满意度是检验工作成果的标准（001:L25）",
        unit=QT_TRANSLATE_NOOP("Settings", "%"),
        minimum=0,
        maximum=100,
    ),
    _deduction(
        "satisfaction_deduct_per_percent",
        1,
        QT_TRANSLATE_NOOP(
            "Settings", "Scorecard: deduction per percentage point below the satisfaction target"
        ),
        PER_PERCENT,
    ),
    _deduction(
        "deduct_per_bad_rating",
        2,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: deduction per bad rating"),
        PER_CASE,
        "营业厅自定；通过制定双指标，对责任人实行重奖重罚（000:L189）",
    ),
    _deduction(
        "deduct_per_complaint",
        5,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: deduction per complaint"),
        PER_CASE,
        "营业厅自定；出现问题及时找到相关责任人（000:L585）",
    ),
    _deduction(
        "deduct_per_reversal",
        2,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: deduction per reversed payment"),
        PER_CASE,
    ),
    _deduction(
        "deduct_per_reprint",
        1,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: deduction per receipt reprint"),
        PER_CASE,
    ),
    _deduction(
        "deduct_per_cash_difference",
        5,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: deduction per cash-up with a difference"),
        PER_CASE,
    ),
    SettingDef(
        "scorecard.monthly_fee_target_fen",
        Group.SUPERVISION,
        Kind.INT,
        0,
        QT_TRANSLATE_NOOP("Settings", "Scorecard: fees each clerk should collect in a month (0: not scored)"),
        "电费回收指标分解到责任人（004:L27）；源文档未给数额，由营业厅自定，0为不考核",
        unit=QT_TRANSLATE_NOOP("Settings", "fen"),
        minimum=0,
        maximum=100_000_000_000,
    ),
    SettingDef(
        "scorecard.payment_ticket_types",
        Group.SUPERVISION,
        Kind.TEXT,
        "payment",
        QT_TRANSLATE_NOOP("Settings", "Scorecard: ticket types held to the payment handling limit"),
        "营业厅自定：业务类型代码，以逗号分隔；其余类型按业务办理时限考核",
        max_length=200,
    ),
)

SUPERVISION_SETTINGS: tuple[SettingDef, ...] = (
    SettingDef(
        "supervision.wait_percentile",
        Group.SUPERVISION,
        Kind.INT,
        90,
        QT_TRANSLATE_NOOP("Settings", "Waiting-time percentile shown in the daily log"),
        "对操作时间进行定量分析（003:L41）；最近秩法，默认第90百分位",
        unit=QT_TRANSLATE_NOOP("Settings", "%"),
        minimum=50,
        maximum=99,
    ),
    SettingDef(
        "supervision.max_range_days",
        Group.SUPERVISION,
        Kind.INT,
        92,
        QT_TRANSLATE_NOOP("Settings", "Longest period one counter log may cover"),
        "每周总结、每月考核（000:L189）：一个月或一个季度的台账",
        unit=QT_TRANSLATE_NOOP("Settings", "days"),
        minimum=7,
        maximum=366,
    ),
    *SCORECARD_SETTINGS,
)
