"""The `hallapp` command: run the app, build demo data, upgrade and check the database.

The Qt front end is found through the ``hallapp.frontends`` entry point (or passed in by the
frozen bundle), so this module runs on a server with no GUI libraries installed.
"""

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hallapp import __version__
from hallapp.domain.errors import DatabaseUnavailable
from hallapp.paths import default_database, demo_database


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
    serve.set_defaults(handler=_cmd_serve)
    return p


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
    if args.role == "central":
        print("hallapp serve --role central: 中心服务端尚未提供（见 issue 6）。", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print("端口应在 1 到 65535 之间。", file=sys.stderr)
        return 2
    from hallapp.server.hub_serve import serve_hub

    return serve_hub(args.db or default_database(), host=args.host, port=args.port)


def _run_smoke(frontend: Frontend | None) -> int:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="hallapp-smoke-") as tmp:
        path = Path(tmp) / "smoke.sqlite"
        from hallapp.demo.build import build_demo_database

        build_demo_database(path, 50)
        return _start(FrontendOptions(db_path=path, demo=True, smoke=True), frontend)


if __name__ == "__main__":
    sys.exit(main())
