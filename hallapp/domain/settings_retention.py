"""How long each class of record is kept before it may be deleted (issue 7), with their sources, and
the audit trail viewer's limits.

A record dated D may be deleted only when D is before ``today − N days``: it is then at least N + 1
days old, so 365 days always covers a whole calendar year, leap day or not.
"""

from hallapp.domain.i18n import QT_TRANSLATE_NOOP
from hallapp.domain.settings_def import Group, Kind, SettingDef

DAYS = QT_TRANSLATE_NOOP("Settings", "days")
MAX_DAYS = 36_500
ACCOUNTING = "《会计档案管理办法》(财政部 国家档案局令第79号, 2015) 附表一：原始凭证、记账凭证保管30年"

RETENTION_SETTINGS: tuple[SettingDef, ...] = (
    SettingDef(
        "retention.consultation_days",
        Group.RETENTION,
        Kind.INT,
        365,
        QT_TRANSLATE_NOOP("Settings", "Keep consultation records at least"),
        "业务咨询单、录音等保存1年及以上（002:L31）",
        unit=DAYS,
        minimum=365,
        maximum=MAX_DAYS,
    ),
    SettingDef(
        "retention.complaint_days",
        Group.RETENTION,
        Kind.INT,
        1095,
        QT_TRANSLATE_NOOP("Settings", "Keep closed complaints at least"),
        "源文档只规定咨询单等相关信息保存1年及以上（002:L31）、投诉处理集中管理（000:L347）；"
        "默认3年为假设，不得少于1年；未办结的投诉从不删除",
        unit=DAYS,
        minimum=365,
        maximum=MAX_DAYS,
    ),
    SettingDef(
        "retention.queue_days",
        Group.RETENTION,
        Kind.INT,
        365,
        QT_TRANSLATE_NOOP("Settings", "Keep queue tickets and their history at least"),
        "源文档无规定；默认1年为假设（月度百分考核与每周问题回顾要用，000:L189），不得少于92天",
        unit=DAYS,
        minimum=92,
        maximum=MAX_DAYS,
    ),
    SettingDef(
        "retention.audit_days",
        Group.RETENTION,
        Kind.INT,
        1095,
        QT_TRANSLATE_NOOP("Settings", "Keep audit trail events at least"),
        "《网络安全法》第二十一条：网络日志留存不少于六个月；默认3年为假设",
        unit=DAYS,
        minimum=181,
        maximum=MAX_DAYS,
    ),
    SettingDef(
        "retention.payment_days",
        Group.RETENTION,
        Kind.INT,
        10_958,
        QT_TRANSLATE_NOOP("Settings", "Keep payments and receipts at least"),
        ACCOUNTING + "（30年含闰日 = 10958天）",
        unit=DAYS,
        minimum=10_958,
        maximum=MAX_DAYS,
    ),
    SettingDef(
        "audit.search_max_days",
        Group.SECURITY,
        Kind.INT,
        92,
        QT_TRANSLATE_NOOP("Settings", "Audit trail: longest period searched at once"),
        "无源文档规定；默认一个季度，使一次查询在营业厅电脑上保持秒级",
        unit=DAYS,
        minimum=1,
        maximum=1096,
    ),
    SettingDef(
        "audit.page_rows",
        Group.SECURITY,
        Kind.INT,
        200,
        QT_TRANSLATE_NOOP("Settings", "Audit trail: rows loaded at a time"),
        "无源文档规定；界面每次加载的行数",
        unit=QT_TRANSLATE_NOOP("Settings", "rows"),
        minimum=20,
        maximum=2000,
    ),
)
