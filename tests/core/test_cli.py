"""The `hallapp` command: version, demo data, database maintenance, servers not yet, the GUI hand-off."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from hallapp import __version__
from hallapp.cli import FrontendOptions, main

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "db_fixtures" / f"v{__version__}.sqlite"


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"HallApp {__version__}"


def test_demo_data_builds_the_requested_accounts(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    assert main(["demo-data", "--accounts", "40", "--db", str(path)]) == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM account").fetchone()[0] == 40


@pytest.mark.parametrize("count", ["-1", "20000001"])
def test_demo_data_refuses_an_absurd_count(tmp_path: Path, count: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo-data", "--accounts", count, "--db", str(tmp_path / "d.sqlite")]) == 2
    assert "账户数量" in capsys.readouterr().err
    assert not (tmp_path / "d.sqlite").exists()


def test_demo_data_never_overwrites_a_file_without_force(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.sqlite"
    path.write_bytes(b"precious")
    assert main(["demo-data", "--accounts", "5", "--db", str(path)]) == 2
    assert path.read_bytes() == b"precious"
    assert "--force" in capsys.readouterr().err


def test_db_check_and_upgrade_on_a_release_database(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.sqlite"
    shutil.copy(FIXTURE, path)
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert main(["db", "check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "完整性检查：正常" in out and "审计链：完整" in out


def test_db_check_reports_a_damaged_file_and_leaves_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.sqlite"
    path.write_bytes(b"garbage" * 1000)
    assert main(["db", "check", "--db", str(path)]) == 3
    assert "damaged" in capsys.readouterr().err
    assert path.read_bytes() == b"garbage" * 1000


def test_serve_central_needs_a_database_url(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HALLAPP_CENTRAL_URL", raising=False)
    assert main(["serve", "--role", "central"]) == 2
    assert "尚未提供" in capsys.readouterr().err


def test_serve_hall_refuses_a_bad_port_and_a_missing_database(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["serve", "--role", "hall", "--port", "70000"]) == 2
    assert "端口" in capsys.readouterr().err
    assert main(["serve", "--role", "hall", "--db", str(tmp_path / "missing.sqlite"), "--port", "8765"]) == 3
    assert "missing" in capsys.readouterr().err


def test_run_hands_the_database_path_to_the_front_end(tmp_path: Path) -> None:
    seen: list[FrontendOptions] = []
    assert main(["run", "--db", str(tmp_path / "x.sqlite")], frontend=lambda o: seen.append(o) or 7) == 7
    assert seen == [FrontendOptions(db_path=tmp_path / "x.sqlite")]
