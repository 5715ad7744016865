"""Render the consultation, complaint and knowledge-base tabs offscreen at 1366×768.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_service_desk.py [--size 1366x768] [--lang zh_CN]

Writes docs/screenshots/service_desk_consultation.png, service_desk_complaints.png and
service_desk_knowledge.png. The demo hall gets a morning of consultations (two callbacks open, one
overdue since yesterday), five complaints at different steps (one past its contact deadline, one
replied late) and a small knowledge base.
"""

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HALLAPP_PRINTER"] = "fake"
os.environ["HALLAPP_VOICE"] = "off"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget
from screenshots import OUT, settle, wait_idle

from hallapp.cli import FrontendOptions
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.ids import new_id
from hallapp.domain.service_desk_form import ComplaintDraft, ConsultationDraft, KnowledgeDraft
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from ui.app import AppController, make_application
from ui.resources import install_language

KNOWLEDGE = (
    (
        "峰谷分时电价怎么申请？",
        "居民客户持户主身份证和电费户号到营业厅或在网上国网App申请，次月抄表起执行峰谷电价。",
        "峰谷 分时 电价",
    ),
    (
        "阶梯电价的档位是怎么划分的？",
        "按年度累计用电量分三档：第一档2760千瓦时及以下，第二档2761至4800千瓦时，第三档4800千瓦时以上。",
        "阶梯 电价 档位",
    ),
    ("电费短信通知怎么开通？", "在柜台登记手机号即可开通，也可在网上国网App中自行设置。", "短信 通知 手机"),
    (
        "电能表校验需要多长时间？",
        "受理后5个工作日内出具校验结果；表计误差超出允许范围的，退补相应电费。",
        "电表 校验 误差",
    ),
    (
        "新装空调需要办理增容吗？",
        "总容量超过原报装容量时需办理增容，请带身份证和户号到柜台申请。",
        "增容 空调 容量",
    ),
    ("欠费停电后多久恢复供电？", "结清欠费及违约金后24小时内恢复供电。", "欠费 复电 停电"),
    (
        "分布式光伏并网需要哪些材料？",
        "身份证、房屋产权证明、电费户号及并网申请表，屋顶为共有的需业主同意书。",
        "光伏 并网",
    ),
    (
        "过户需要哪些资料？",
        "新旧户主身份证、房屋产权证明、结清电费的凭证；产权未变更的办理更名。",
        "过户 更名",
    ),
)

MORNING = (  # (minutes after 09:00, channel, name, phone, question, answer, answered)
    (
        5,
        "counter",
        "王女士",
        "",
        "峰谷分时电价怎么申请？",
        "已告知持身份证和户号在柜台或网上国网App办理。",
        True,
    ),
    (
        18,
        "phone",
        "张先生",
        "13905170123",
        "家里新装两台空调需要增容吗？",
        "已说明超过报装容量需增容，可预约办理。",
        True,
    ),
    (36, "counter", "李阿姨", "", "电费短信通知怎么开通？", "已在柜台登记手机号开通。", True),
    (52, "phone", "刘先生", "13851234567", "上周申请的电表校验结果出来了吗？", "", False),
    (
        71,
        "web",
        "陈女士",
        "13770001234",
        "屋顶光伏并网需要准备哪些材料？",
        "已告知基本材料，共有屋顶的情况需核实后回电。",
        False,
    ),
    (88, "site", "赵先生", "", "小区计划停电通知贴在哪里？", "已告知公告栏及网上国网App停电公告。", True),
)


def save(window: QWidget, name: str, size: tuple[int, int]) -> None:
    window.resize(*size)
    settle(150)
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print("wrote", path.relative_to(OUT.parent.parent))


def seed(path: Path, now: datetime) -> None:
    core = HallCore.open(path, clock=FakeClock(now))
    clerk = core.auth.login("C001", DEMO_PASSWORD)
    for question, answer, keywords in KNOWLEDGE:
        core.knowledge.add(clerk, KnowledgeDraft(question, answer, keywords))
    start = now.replace(hour=1, minute=0, second=0, microsecond=0)  # 09:00 hall time
    for minutes, channel, name, phone, question, answer, answered in MORNING:
        core.clock.set(start + timedelta(minutes=minutes))
        draft = ConsultationDraft(channel, name, phone, "", question, answer, answered)
        core.consultations.record(clerk, draft, request_id=new_id())
    core.clock.set(start - timedelta(days=2, hours=-6))  # 15:00 two days ago: its callback is overdue
    draft = ConsultationDraft(
        "phone", "周先生", "13611112222", "", "本月电费比上月高很多，是否抄表有误？", "", False
    )
    core.consultations.record(clerk, draft, request_id=new_id())
    complaints(core, clerk, start)
    core.close()


def complaints(core: HallCore, clerk, start: datetime) -> None:  # type: ignore[no-untyped-def]
    def receive(moment: datetime, cause: str, name: str, phone: str, text: str) -> tuple[str, int]:
        core.clock.set(moment)
        draft = ComplaintDraft("counter", cause, name, phone, "", text)
        return core.complaints.receive(clerk, draft, request_id=new_id()).complaint_id, 1

    day = timedelta(days=1)
    late, v = receive(
        start - 12 * day, "efficiency", "孙先生", "13912340001", "过户手续跑了三次还没办完，每次都说缺材料。"
    )
    core.clock.set(start - 12 * day + timedelta(hours=3))
    v = core.complaints.record_contact(clerk, late, "已致歉，约定一次性告知所需材料。", version=v)
    core.clock.set(start - 2 * day)
    core.complaints.record_reply(clerk, late, "已协调加快办理，过户已完成。", version=v)
    first, v = receive(
        start - 3 * day, "attitude", "吴女士", "13812340002", "窗口工作人员态度生硬，问两遍就不耐烦。"
    )
    core.clock.set(start - 3 * day + timedelta(hours=2))
    core.complaints.record_contact(clerk, first, "已电话致歉，说明将核实当班人员情况。", version=v)
    receive(
        start - 2 * day + timedelta(hours=6),
        "inconvenience",
        "郑先生",
        "13712340003",
        "营业厅中午不办理业务，上班族无法前来。",
    )
    ready, v = receive(
        start + timedelta(minutes=20),
        "work_quality",
        "钱女士",
        "13612340004",
        "电费账单地址写错，通知单寄丢。",
    )
    core.clock.set(start + timedelta(minutes=40))
    v = core.complaints.record_contact(clerk, ready, "已核对地址。", version=v)
    v = core.complaints.record_reply(clerk, ready, "地址已更正，账单重新寄送。", version=v)
    core.complaints.record_followup(clerk, ready, "客户表示已收到，满意。", satisfied=True, version=v)
    receive(
        start + timedelta(minutes=95),
        "power_quality",
        "冯先生",
        "13512340005",
        "晚上电压不稳，灯光忽明忽暗，空调经常停机。",
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    suffix = "" if args.size == "1366x768" else f"-{args.size}"
    OUT.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="hallapp-shots-")
    )
    app = make_application()
    QSettings().setValue("counter/window_no", 3)
    install_language(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shots.sqlite"
        now = datetime.now(UTC).replace(hour=3, minute=10, second=0, microsecond=0)  # 11:10 in the hall
        build_demo_database(path, 3000, clock=FakeClock(now - timedelta(days=20)))
        seed(path, now)
        core = HallCore.open(path, clock=FakeClock(now))
        controller = AppController(core, FrontendOptions(db_path=path, demo=True, smoke=True))
        wait_idle(controller)
        controller._open_workspace(core.auth.login("C001", DEMO_PASSWORD), 10)
        wait_idle(controller)
        shots(controller, size, suffix)
        controller.workspace.close()
        wait_idle(controller)
        controller.ops.shutdown()
    QCoreApplication.processEvents()
    return 0


def shots(controller: AppController, size: tuple[int, int], suffix: str) -> None:
    window = controller.workspace
    page = window.show_page("service_desk")
    wait_idle(controller)
    tab = page.consultations
    tab.channel.setCurrentIndex(1)
    tab.customer_name.setText("何女士")
    tab.phone.setText("139 0517 8866")
    tab.account_no.setText("3200000123")
    tab.question.setPlainText("租户能否以自己的名义办理峰谷电价？")
    tab.answered.setChecked(False)
    wait_idle(controller)
    tab.answer.setPlainText("需核实产权人授权要求，查询后回电。")
    tab.callback_table.selectRow(1)  # the overdue one stays red above it
    save(window, f"service_desk_consultation{suffix}", size)

    page.show_complaints()
    wait_idle(controller)
    page.complaints.table.selectRow(1)
    wait_idle(controller)
    save(window, f"service_desk_complaints{suffix}", size)

    page.show_knowledge()
    page.knowledge.query.setText("电价")
    page.knowledge.search()
    wait_idle(controller)
    page.knowledge.table.selectRow(0)
    wait_idle(controller)
    save(window, f"service_desk_knowledge{suffix}", size)


if __name__ == "__main__":
    sys.exit(main())
