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
    central.set_defaults(handler=_cmd_central)
    enrol = sub.add_parser("enrol", help="enrol this PC with the central server (one-time code)")
    enrol.add_argument("--db", type=Path, help="this PC's database (default: the user data folder)")
    enrol.add_argument("--server", required=True, help="the central server, e.g. https://hallapp.example.cn")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code from the administrator")
    enrol.set_defaults(handler=_cmd_enrol)


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
    build_demo_database(path, accounts, seed=seed, progress=progress)
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
        print(f"无法完成：{exc.code} {exc.params}", file=sys.stderr)
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


CENTRAL_ACTIONS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "init-db": _central_init_db,
    "add-hall": _central_add_hall,
    "enrolment-code": _central_enrolment_code,
    "revoke-device": _central_revoke_device,
    "import-accounts": _central_import,
    "import-bills": _central_import,
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
