"""The `hallapp` command: run the app, build demo data, upgrade and check the database.

The Qt front end is found through the ``hallapp.frontends`` entry point (or passed in by the
frozen bundle), so this module runs on a server with no GUI libraries installed.
"""

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hallapp import __version__
from hallapp.domain.errors import DatabaseUnavailable
from hallapp.paths import default_database, demo_database

CENTRAL_URL_ENV = "HALLAPP_CENTRAL_URL"  # = hallapp.central.db.URL_ENV (not imported: no SQLAlchemy at start)


@dataclass(frozen=True)
class FrontendOptions:
    db_path: Path
    demo: bool = False
    smoke: bool = False


Frontend = Callable[[FrontendOptions], int]


def main(argv: Sequence[str] | None = None, *, frontend: Frontend | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.smoke:
        return _run_smoke(frontend)
    handler = getattr(args, "handler", None) or _cmd_run
    try:
        return handler(args, frontend)
    except DatabaseUnavailable as exc:
        print(f"数据库不可用 ({exc.params.get('reason')}): {exc.params.get('path', '')}", file=sys.stderr)
        return 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hallapp", description="HallApp 供电营业厅综合柜面系统")
    p.add_argument("--version", action="version", version=f"HallApp {__version__}")
    p.add_argument("--smoke", action="store_true", help="open the main window offscreen and exit 0")
    sub = p.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run the app on this PC's database")
    run.add_argument("--db", type=Path, default=None)
    run.set_defaults(handler=_cmd_run)
    demo = sub.add_parser("demo", help="standalone demo: local SQLite, embedded hall hub, demo data")
    demo.add_argument("--accounts", type=int, default=3000)
    demo.add_argument("--reset", action="store_true", help="rebuild the demo database first")
    demo.set_defaults(handler=_cmd_demo)
    data = sub.add_parser("demo-data", help="generate a demo database with N accounts")
    data.add_argument("--accounts", type=int, required=True)
    data.add_argument("--db", type=Path, default=None)
    data.add_argument("--seed", type=int, default=20261122)
    data.add_argument("--force", action="store_true", help="replace an existing database file")
    data.set_defaults(handler=_cmd_demo_data)
    db = sub.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade", "check", "vacuum"])
    db.add_argument("--db", type=Path, default=None)
    db.set_defaults(handler=_cmd_db)
    trail = sub.add_parser("audit", help="the audit trail")
    trail.add_argument(
        "action", choices=["verify"], help="check the hash chain; exit 1 at the first broken link"
    )
    trail.add_argument("--db", type=Path, default=None)
    trail.set_defaults(handler=_cmd_audit)
    serve = sub.add_parser("serve", help="run a server (hall hub or central)")
    serve.add_argument("--role", choices=["hall", "central"], required=True)
    serve.add_argument("--db", type=Path, default=None, help="the hub's database (hall role)")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--db-url", default=None, help=f"PostgreSQL URL (central role; or {CENTRAL_URL_ENV})")
    serve.add_argument("--workers", type=int, default=1, help="worker processes on the port (central role)")
    serve.set_defaults(handler=_cmd_serve)
    _add_central(sub)
    return p


def _add_central(sub: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db-url", default=None, help=f"PostgreSQL URL (or {CENTRAL_URL_ENV})")
    central = sub.add_parser("central", help="central server administration (PostgreSQL)")
    actions = central.add_subparsers(dest="central_action", required=True)
    actions.add_parser("init-db", parents=[common], help="create or upgrade the central schema")
    hall = actions.add_parser("add-hall", parents=[common], help="register a business hall")
    hall.add_argument("--hall", required=True, help="hall id, e.g. H0001")
    hall.add_argument("--name", required=True)
    code = actions.add_parser("enrolment-code", parents=[common], help="print a one-time enrolment code")
    code.add_argument("--hall", required=True)
    code.add_argument("--minutes", type=int, default=15)
    revoke = actions.add_parser("revoke-device", parents=[common], help="refuse a device from now on")
    revoke.add_argument("--device", required=True, help="device id or device code (H000001)")
    for action, what in (("import-accounts", "customers and accounts"), ("import-bills", "bills")):
        imp = actions.add_parser(action, parents=[common], help=f"import {what} from the billing CSV export")
        imp.add_argument("file", type=Path, help="CSV file (UTF-8, UTF-8 with BOM or GB18030)")
        imp.add_argument("--rejects", type=Path, default=None, help="write the refused rows to this CSV")
        imp.add_argument("--account-length", type=int, default=10, help="digits of an account number")
    _add_central_staff(actions, common)
    token = actions.add_parser(
        "admin-token", parents=[common], help="make or revoke a token of the administration API"
    )
    which = token.add_mutually_exclusive_group(required=True)
    which.add_argument("--name", help="make a token for this administrator (printed once)")
    which.add_argument("--revoke", metavar="NAME", help="stop this administrator's token working")
    which.add_argument("--list", action="store_true", help="list the tokens' names")
    summary = actions.add_parser(
        "report", parents=[common], help="the halls' daily log for a period (issue 7)"
    )
    summary.add_argument(
        "--from", dest="first_day", type=date.fromisoformat, required=True, help="YYYY-MM-DD"
    )
    summary.add_argument("--to", dest="last_day", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    summary.add_argument("--hall", action="append", help="this hall only (may be repeated)")
    summary.add_argument("--xlsx", type=Path, help="also write the table to this Excel file")
    pending = actions.add_parser(
        "summarize", parents=[common], help="keep the closed days' report figures (cron, after midnight)"
    )
    pending.add_argument("--days", type=int, default=None, help="how far back (default: the longest report)")
    central.set_defaults(handler=_cmd_central)
    enrol = sub.add_parser("enrol", help="enrol this PC with the central server (one-time code)")
    enrol.add_argument("--db", type=Path, help="this PC's database (default: the user data folder)")
    enrol.add_argument("--server", required=True, help="the central server, e.g. https://hallapp.example.cn")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code from the administrator")
    enrol.set_defaults(handler=_cmd_enrol)


def _add_central_staff(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Operators and settings the halls' PCs pull. Passwords are never arguments (process lists and
    shell histories keep those): typed twice without echo, or one line on stdin for scripts."""
    password = argparse.ArgumentParser(add_help=False)
    password.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add = actions.add_parser("add-operator", parents=[common, password], help="add an operator to a hall")
    add.add_argument("--hall", required=True)
    add.add_argument("--staff-no", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, help="guide, clerk, supervisor or admin")
    change = actions.add_parser("set-operator", parents=[common, password], help="change an operator")
    change.add_argument("--staff-no", required=True)
    change.add_argument("--name")
    change.add_argument("--role")
    change.add_argument("--hall", help="move the operator to this hall")
    change.add_argument("--new-password", action="store_true", help="set a new password (asked for)")
    change.add_argument("--activate", action="store_true", help="let a deactivated operator sign in again")
    off = actions.add_parser("deactivate-operator", parents=[common], help="stop an operator signing in")
    off.add_argument("--staff-no", required=True)
    listed = actions.add_parser("list-operators", parents=[common], help="list operators")
    listed.add_argument("--hall")
    refresh = actions.add_parser(
        "refresh-verifiers", parents=[common], help="re-issue offline-login verifiers (run daily)"
    )
    refresh.add_argument("--older-than-hours", type=int, default=12)
    actions.add_parser(
        "compact-feed", parents=[common], help="drop superseded rows of the pull feed (run nightly)"
    )
    actions.add_parser(
        "after-restore", parents=[common], help="run once after pg_restore: new epoch, feed moves again"
    )
    setting = actions.add_parser("set-setting", parents=[common], help="set a setting for all halls or one")
    setting.add_argument("key")
    setting.add_argument("value")
    setting.add_argument("--hall", help="this hall only (an override of the global value)")
    clear = actions.add_parser("clear-setting", parents=[common], help="remove a global value or an override")
    clear.add_argument("key")
    clear.add_argument("--hall")
    settings = actions.add_parser("list-settings", parents=[common], help="list settings as a hall gets them")
    settings.add_argument("--hall")


def _cmd_enrol(args: argparse.Namespace, _frontend: Frontend | None) -> int:
    """Give this PC its identity from the central server; the token goes to the OS keyring."""
    import platform

    import httpx

    from hallapp import __version__
    from hallapp.domain.errors import HallError
    from hallapp.services.hall_core import HallCore
    from hallapp.sync.device_token import store_token
    from hallapp.sync.enrol import enrol

    core = HallCore.open(args.db or default_database())
    try:
        with httpx.Client(base_url=args.server.rstrip("/"), timeout=30.0) as client:
            done = enrol(
                core.db,
                client,
                args.code,
                hostname=platform.node(),
                client_version=__version__,
                keep_token=store_token,
            )
    except HallError as exc:
        print(f"注册未完成（{exc.code}: {exc.params}）。", file=sys.stderr)
        return 1
    except Exception as exc:  # no keyring backend: nothing was changed on this PC
        print(f"本机无法安全保存设备密钥：{exc}", file=sys.stderr)
        return 1
    finally:
        core.close()
    print(f"本机已注册：设备编号 {done.device_code}，营业厅 {done.central_hall_id}。")
    return 0


def _frontend(frontend: Frontend | None) -> Frontend | None:
    if frontend is not None:
        return frontend
    from importlib.metadata import entry_points

    for ep in entry_points(group="hallapp.frontends"):
        try:
            return ep.load()
        except ImportError:
            continue
    return None


def _start(options: FrontendOptions, frontend: Frontend | None) -> int:
    gui = _frontend(frontend)
    if gui is None:
        print("本机没有安装图形界面 (PySide6)。请安装 hallapp[gui] 后再运行。", file=sys.stderr)
        return 2
    return gui(options)


def _cmd_run(args: argparse.Namespace, frontend: Frontend | None) -> int:
    return _start(FrontendOptions(db_path=getattr(args, "db", None) or default_database()), frontend)


def _cmd_demo(args: argparse.Namespace, frontend: Frontend | None) -> int:
    path = demo_database()
    if args.reset or not path.exists():
        _build(path, args.accounts, seed=20261122)
    return _start(FrontendOptions(db_path=path, demo=True), frontend)


def _cmd_demo_data(args: argparse.Namespace, _frontend: Frontend | None) -> int:
    path = args.db or demo_database()
    if not 0 <= args.accounts <= 20_000_000:
        print("账户数量应在 0 到 20,000,000 之间。", file=sys.stderr)
        return 2
    if path.exists() and not args.force and path != demo_database():
        print(f"{path} 已存在。如确需覆盖，请加 --force。", file=sys.stderr)
        return 2
    _build(path, args.accounts, seed=args.seed)
    return 0


def _build(path: Path, accounts: int, *, seed: int) -> None:
    from hallapp.demo.build import build_demo_database

    started = time.perf_counter()

    def progress(done: int) -> None:
        print(
            f"\r已生成 {done:,} / {accounts:,} 户 ({time.perf_counter() - started:.0f} s)", end="", flush=True
        )

    print(f"正在生成演示数据：{path}")
    build_demo_database(path, accounts, seed=seed, progress=progress, morning=True)
    print(f"\n完成，用时 {time.perf_counter() - started:.1f} s")


def _cmd_db(args: argparse.Namespace, _frontend: Frontend | None) -> int:
    from hallapp.db import maintenance

    path = args.db or default_database()
    if args.action == "upgrade":
        maintenance.upgrade_file(path)
        print(f"数据库已升级到最新版本：{path}")
        return 0
    if args.action == "vacuum":
        maintenance.vacuum_file(path)
        print(f"数据库已整理：{path}")
        return 0
    report = maintenance.check_file_deep(path)
    for line in report.lines:
        print(line)
    return 0 if report.ok else 1


def _cmd_audit(args: argparse.Namespace, _frontend: Frontend | None) -> int:
    """0: the chain is whole; 1: broken (the first broken event and its time); 2: cannot open."""
    import getpass

    from hallapp.services.hall_core import HallCore

    path = args.db or default_database()
    try:
        core = HallCore.open(path)
    except DatabaseUnavailable as exc:
        print(
            f"无法打开数据库 / cannot open the database ({exc.params.get('reason')}): {path}", file=sys.stderr
        )
        return 2
    try:
        report = core.audit.verify_from_command(getpass.getuser())
    finally:
        core.close()
    print(_audit_line(report))
    return 0 if report.whole else 1


_CHAIN_BREAKS = {
    "content_changed": ("内容被改动", "its content was changed"),
    "link_broken": ("与前一条的链接断开", "its link to the event before is broken"),
    "row_missing": ("记录已被删除", "the event was deleted"),
    "checkpoint_unbacked": ("清理检查点没有对应的清理记录", "the retention checkpoint has no purge event"),
}


def _audit_line(report) -> str:  # type: ignore[no-untyped-def]
    from hallapp.domain.hall_time import to_hall_time

    if report.whole:
        return f"审计链完整：已核对 {report.checked:,} 条记录。 / Audit chain whole: {report.checked:,} events checked."
    zh, en = _CHAIN_BREAKS.get(report.reason, (report.reason, report.reason))
    moment = report.broken_at or report.previous_at
    when = f"{to_hall_time(moment):%Y-%m-%d %H:%M:%S}" if moment else "-"
    before = "" if report.broken_at or not moment else "前一条 "
    return (
        f"审计链第 {report.broken_seq} 条记录（{before}{when}）{zh}，请立即报告管理员。 / "
        f"Audit chain broken at event {report.broken_seq} ({when}): {en}."
    )


def _cmd_serve(args: argparse.Namespace, _frontend: Frontend | None) -> int:
    if not 0 < args.port < 65536:
        print("端口应在 1 到 65535 之间。", file=sys.stderr)
        return 2
    if args.role == "central":
        return _serve_central(args)
    from hallapp.server.hub_serve import serve_hub

    return serve_hub(args.db or default_database(), host=args.host, port=args.port)


def _central_url(args: argparse.Namespace) -> str | None:
    url = args.db_url or os.environ.get(CENTRAL_URL_ENV)
    if not url:
        print(f"尚未提供中心数据库地址：请用 --db-url 或环境变量 {CENTRAL_URL_ENV} 指定。", file=sys.stderr)
    return url


def _serve_central(args: argparse.Namespace) -> int:
    url = _central_url(args)
    if not url:
        return 2
    if not 1 <= args.workers <= 64:
        print("--workers 应在 1 到 64 之间。", file=sys.stderr)
        return 2
    from hallapp.central.serve import SchemaNotCurrent, serve_central

    try:
        return serve_central(url, host=args.host, port=args.port, workers=args.workers)
    except SchemaNotCurrent:
        print("中心数据库不是最新版本，请先运行 hallapp central init-db。", file=sys.stderr)
        return 2


def _cmd_central(args: argparse.Namespace, _frontend: Frontend | None) -> int:
    url = _central_url(args)
    if not url:
        return 2
    from sqlalchemy.exc import OperationalError

    from hallapp.central.errors import AdminError

    try:
        return CENTRAL_ACTIONS[args.central_action](args, url)
    except AdminError as exc:
        print(getattr(exc, "sentence", None) or f"无法完成：{exc.code} {exc.params}", file=sys.stderr)
        return 1
    except OperationalError as exc:
        print(f"中心数据库不可用：{exc.orig}", file=sys.stderr)
        return 3


def _central_init_db(_args: argparse.Namespace, url: str) -> int:
    from hallapp.central.db import upgrade

    upgrade(url)
    print("中心数据库已升级到最新版本。")
    return 0


@contextmanager
def _central_sessions(url: str):  # type: ignore[no-untyped-def]
    from hallapp.central.db import make_engine, make_sessions

    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        yield make_sessions(engine)
    finally:
        engine.dispose()


def _central_add_hall(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.enrolment import create_hall

    with _central_sessions(url) as sessions:
        create_hall(sessions, args.hall, args.name)
    print(f"营业厅已登记：{args.hall} {args.name}")
    return 0


def _central_enrolment_code(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.enrolment import create_enrolment_code

    with _central_sessions(url) as sessions:
        issued = create_enrolment_code(sessions, args.hall, minutes=args.minutes)
    print(issued.code)  # alone on stdout, for scripts; the rest goes to stderr
    print(
        f"营业厅 {issued.hall_id}，一次有效，有效至 {issued.expires_at:%Y-%m-%d %H:%M} UTC", file=sys.stderr
    )
    return 0


def _central_revoke_device(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.enrolment import revoke_device

    with _central_sessions(url) as sessions:
        device = revoke_device(sessions, args.device)
    print(f"设备已吊销：{device.device_code} ({device.device_id})")
    return 0


def _central_import(args: argparse.Namespace, url: str) -> int:
    """0: every row imported; 1: some refused or in a failed batch; 2: the file was refused."""
    from hallapp.central.master_csv import FileRefused
    from hallapp.central.master_import import import_accounts, import_bills

    if not 4 <= args.account_length <= 20:
        print("--account-length 应在 4 到 20 之间。", file=sys.stderr)
        return 2
    run = import_accounts if args.central_action == "import-accounts" else import_bills
    with _central_sessions(url) as sessions:
        try:
            report = run(sessions, args.file, account_no_length=args.account_length)
        except FileRefused as exc:
            print(f"文件未导入：{exc.reason}", file=sys.stderr)
            return 2
    for line in report.summary_lines():
        print(line)
    if args.rejects is not None and report.rejected_rows:
        count = report.write_rejects(args.rejects)
        print(f"拒收的 {count} 行已写入：{args.rejects}")
    return 0 if report.ok else 1


def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("密码：")
    if getpass.getpass("再输入一次密码：") != first:
        print("两次输入的密码不一致：请重新运行命令。", file=sys.stderr)
        return None
    return first


def _central_add_operator(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.staff import add_operator, clean_staff_no

    clean_staff_no(args.staff_no)  # a typo is reported before the password is asked for
    password = _read_password(args)
    if password is None:
        return 2
    with _central_sessions(url) as sessions:
        op = add_operator(sessions, args.hall, args.staff_no, args.name, args.role, password)
    print(
        f"操作员已新增：{op.staff_no} {op.name}（{op.role}，营业厅 {op.hall_id}），该厅电脑下次同步后可登录。"
    )
    return 0


def _central_set_operator(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.staff import clean_staff_no, set_operator

    clean_staff_no(args.staff_no)
    password = None
    if args.new_password or args.password_stdin:
        password = _read_password(args)
        if password is None:
            return 2
    with _central_sessions(url) as sessions:
        op = set_operator(
            sessions,
            args.staff_no,
            name=args.name,
            role=args.role,
            password=password,
            hall_id=args.hall,
            active=True if args.activate else None,
        )
    print(f"操作员已更新：{op.staff_no} {op.name}（{op.role}，营业厅 {op.hall_id}，版本 {op.version}）。")
    return 0


def _central_deactivate_operator(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.staff import deactivate_operator

    with _central_sessions(url) as sessions:
        op = deactivate_operator(sessions, args.staff_no)
    print(f"操作员已停用：{op.staff_no} {op.name}，营业厅 {op.hall_id} 的电脑下次同步后不再允许其登录。")
    return 0


def _central_list_operators(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.staff import list_operators

    with _central_sessions(url) as sessions:
        operators = list_operators(sessions, args.hall)
    for op in operators:
        state = f"离线凭据有效至 {op.verifier_expires_at:%Y-%m-%d %H:%M} UTC" if op.active else "已停用"
        print(f"{op.hall_id}\t{op.staff_no}\t{op.name}\t{op.role}\t{state}")
    return 0


def _central_refresh_verifiers(args: argparse.Namespace, url: str) -> int:
    from datetime import timedelta

    from hallapp.central.staff import refresh_verifiers

    if not 0 <= args.older_than_hours <= 24 * 60:
        print("--older-than-hours 应在 0 到 1440 之间。", file=sys.stderr)
        return 2
    with _central_sessions(url) as sessions:
        count = refresh_verifiers(sessions, min_age=timedelta(hours=args.older_than_hours))
    print(f"已为 {count} 名操作员重新签发离线登录凭据。")
    return 0


def _central_compact_feed(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.feed_compaction import compact_feed

    with _central_sessions(url) as sessions:
        done = compact_feed(sessions)
    print(
        f"同步变更日志已压缩：{done.scopes} 个范围，删除 {done.deleted} 行已被替代的记录，保留 {done.kept} 行。"
    )
    return 0


def _central_after_restore(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.restore import after_restore

    with _central_sessions(url) as sessions:
        done = after_restore(sessions)
    print(
        f"恢复后处理完成：新的服务器纪元 {done.epoch}（各终端下次同步时重新下载本厅数据），"
        f"重排 {done.rebased_rows} 行同步变更日志。"
    )
    return 0


def _central_set_setting(args: argparse.Namespace, url: str) -> int:
    import getpass

    from hallapp.central.staff import clear_setting, set_setting

    with _central_sessions(url) as sessions:
        if args.central_action == "clear-setting":
            view = clear_setting(sessions, args.key, hall_id=args.hall, by=getpass.getuser())
        else:
            view = set_setting(sessions, args.key, args.value, hall_id=args.hall, by=getpass.getuser())
    where = f"营业厅 {args.hall}" if args.hall else "全部营业厅"
    shown = "（已清除）" if view.value is None else f"= {view.value}"
    print(f"设置项 {args.key} {shown}，适用于{where}，各厅电脑下次同步后生效。")
    return 0


def _central_list_settings(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.staff import list_settings

    sources = {"default": "默认", "global": "全局", "hall": "本厅"}
    with _central_sessions(url) as sessions:
        views = list_settings(sessions, args.hall)
    for view in views:
        print(f"{view.key}\t{view.value}\t{sources[view.source]}")
    return 0


def _central_admin_token(args: argparse.Namespace, url: str) -> int:
    """The token goes alone to stdout (for a script to keep), once; the server keeps its SHA-256."""
    from hallapp.central.admin_auth import issue_admin_token, list_admin_tokens, revoke_admin_token
    from hallapp.central.errors import AdminError

    sentences = {
        "invalid_admin_name": "名称只能由字母、数字和 _ . @ - 组成，最多 40 位：请换一个名称。",
        "admin_token_exists": "该名称已有一个有效的令牌：请先用 --revoke 吊销它，或换一个名称。",
        "unknown_admin_token": "没有该名称的有效令牌：请用 --list 查看现有的令牌。",
    }
    try:
        with _central_sessions(url) as sessions:
            if args.list:
                for view in list_admin_tokens(sessions):
                    state = f"已吊销 {view.revoked_at:%Y-%m-%d %H:%M} UTC" if view.revoked_at else "有效"
                    print(f"{view.name}\t创建于 {view.created_at:%Y-%m-%d %H:%M} UTC\t{state}")
                return 0
            if args.revoke:
                revoke_admin_token(sessions, args.revoke)
                print(f"管理令牌已吊销：{args.revoke}，持有者从现在起无法再使用管理接口。")
                return 0
            token = issue_admin_token(sessions, args.name)
    except AdminError as exc:
        print(sentences.get(exc.code, f"无法完成：{exc.code}"), file=sys.stderr)
        return 1
    print(token)
    print(f"管理令牌已生成（{args.name}）：只显示这一次，请妥善保存；服务器只保存其摘要。", file=sys.stderr)
    return 0


def _central_report(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.report import report
    from hallapp.central.report_text import as_text, write_xlsx
    from hallapp.domain.errors import InvalidInput

    sentences = {
        "range_reversed": "结束日期早于开始日期。",
        "future_day": "结束日期晚于今天。",
        "range_too_long": "时间段过长：最多 {limit} 天。",
        "unknown_hall": "没有营业厅 {hall_id}：请用 hallapp central list-operators 等命令核对营业厅编号。",
    }
    try:
        with _central_sessions(url) as sessions:
            result = report(sessions, args.first_day, args.last_day, args.hall)
    except InvalidInput as exc:
        print(sentences[exc.reason].format(**exc.params), file=sys.stderr)
        return 2
    print(as_text(result))
    if args.xlsx:
        try:
            write_xlsx(result, args.xlsx)
        except OSError as exc:
            print(f"无法写入 {args.xlsx}：{exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"已导出：{args.xlsx}", file=sys.stderr)
    return 0


def _central_summarize(args: argparse.Namespace, url: str) -> int:
    from hallapp.central.report import summarize_pending

    if args.days is not None and not 1 <= args.days <= 3660:
        print("--days 须在 1 到 3660 之间。", file=sys.stderr)
        return 2
    with _central_sessions(url) as sessions:
        count = summarize_pending(sessions, days=args.days)
    print(f"已汇总 {count} 个营业厅日。")
    return 0


CENTRAL_ACTIONS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "init-db": _central_init_db,
    "add-hall": _central_add_hall,
    "enrolment-code": _central_enrolment_code,
    "revoke-device": _central_revoke_device,
    "import-accounts": _central_import,
    "import-bills": _central_import,
    "add-operator": _central_add_operator,
    "set-operator": _central_set_operator,
    "deactivate-operator": _central_deactivate_operator,
    "list-operators": _central_list_operators,
    "refresh-verifiers": _central_refresh_verifiers,
    "compact-feed": _central_compact_feed,
    "summarize": _central_summarize,
    "after-restore": _central_after_restore,
    "set-setting": _central_set_setting,
    "clear-setting": _central_set_setting,
    "list-settings": _central_list_settings,
    "admin-token": _central_admin_token,
    "report": _central_report,
}


def _run_smoke(frontend: Frontend | None) -> int:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="hallapp-smoke-") as tmp:
        path = Path(tmp) / "smoke.sqlite"
        from hallapp.demo.build import build_demo_database

        build_demo_database(path, 50)
        return _start(FrontendOptions(db_path=path, demo=True, smoke=True), frontend)


if __name__ == "__main__":
    sys.exit(main())
