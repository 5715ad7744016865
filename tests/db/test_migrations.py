"""Models and migrations agree; upgrades keep data; downgrade to base is clean."""

import ast
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, inspect

from hallapp.db.engine import make_engine
from hallapp.db.migrate import alembic_config, current_revision, head_revision, upgrade
from hallapp.db.models import Base
from hallapp.paths import migrations_dir


def _env_include_object():  # type: ignore[no-untyped-def]
    """The include_object filter exactly as migrations/env.py defines it (env.py runs on import)."""
    tree = ast.parse((migrations_dir() / "env.py").read_text(encoding="utf-8"))
    keep = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name == "include_object")
        or (isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "FTS_PREFIX" for t in node.targets))
    ]
    assert len(keep) == 2, "env.py no longer defines FTS_PREFIX and include_object"
    namespace: dict = {}
    exec(compile(ast.Module(body=keep, type_ignores=[]), "env.py", "exec"), namespace)
    return namespace["include_object"]


def _diff(engine, metadata: MetaData) -> list:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"include_object": _env_include_object(), "compare_type": True, "render_as_batch": True},
        )
        return compare_metadata(context, metadata)


def test_models_and_migrations_agree(fresh_db: Path) -> None:
    engine = make_engine(fresh_db)
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
        assert _diff(engine, Base.metadata) == []
    finally:
        engine.dispose()


def test_the_comparison_would_notice_a_missing_migration(fresh_db: Path) -> None:
    """Guard: the check above is not vacuous."""
    engine = make_engine(fresh_db)
    try:
        upgrade(engine)
        extended = MetaData()
        for table in Base.metadata.tables.values():
            table.to_metadata(extended)
        Table("new_table", extended, Column("id", Integer, primary_key=True))
        diff = _diff(engine, extended)
        assert [d[0] for d in diff] == ["add_table"]
        assert diff[0][1].name == "new_table"
    finally:
        engine.dispose()


def test_the_filter_only_hides_the_fts_tables(fresh_db: Path) -> None:
    include = _env_include_object()
    engine = make_engine(fresh_db)
    try:
        upgrade(engine)
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    hidden = {t for t in tables if not include(None, t, "table", True, None)}
    assert hidden == {
        "account_fts",
        "account_fts_data",
        "account_fts_idx",
        "account_fts_docsize",
        "account_fts_config",
    }
    assert set(Base.metadata.tables) | {"alembic_version"} == tables - hidden


def _revisions() -> list[str]:
    engine = make_engine(":memory:")
    try:
        script = ScriptDirectory.from_config(alembic_config(engine))
        return [s.revision for s in reversed(list(script.walk_revisions()))]  # base first
    finally:
        engine.dispose()


def _seed_after_first_revision(path: Path) -> None:
    """Rows written by a HallApp that only knew the first revision (plain SQL, its columns)."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO hall (hall_id, code, name, server_version) VALUES ('h1', 'H0001', '城东', 0)"
        )
        conn.execute(
            "INSERT INTO device_identity (singleton, device_id, hall_id, device_code, key_ref, enrolled_at) "
            "VALUES (1, 'd1', 'h1', 'H000101', 'ref', '2026-11-20 01:30:00.000000')"
        )
        conn.execute(
            "INSERT INTO customer (customer_id, kind, name, phone, server_version) "
            "VALUES ('c1', 'person', '王芳', '13800000000', 0)"
        )
        conn.execute(
            "INSERT INTO account (account_id, account_no, customer_id, hall_id, address, tariff, voltage, "
            "supply_relation, load_class, key_customer, vulnerable, credit_rating, status, prepaid_fen, "
            "opened_on, server_version) VALUES ('a1', '3200000001', 'c1', 'h1', '示例市建设路88号', "
            "'resident', '220V', 'direct', '3', 0, 0, 'A', 'active', 0, '2020-01-01', 0)"
        )
        conn.execute(
            "INSERT INTO bill (bill_id, account_id, period, kwh, amount_fen, paid_fen, issued_on, due_date, "
            "server_version) VALUES ('b1', 'a1', '202610', 100, 5380, 0, '2026-11-05', '2026-11-12', 0)"
        )
        conn.execute(
            "INSERT INTO setting (key, value, updated_at, updated_by) "
            "VALUES ('queue.wait_target_minutes', '20', '2026-11-20 01:30:00.000000', 'A001')"
        )
    conn.close()


def _row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("hall", "device_identity", "customer", "account", "bill", "setting")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_upgrade_from_the_first_revision_keeps_data(fresh_db: Path) -> None:
    revisions = _revisions()
    assert revisions[0] == "0001"
    engine = make_engine(fresh_db)
    try:
        upgrade(engine, revisions[0])
        assert current_revision(engine) == revisions[0]
        _seed_after_first_revision(fresh_db)
        seeded = _row_counts(fresh_db)
        assert seeded == {
            "hall": 1,
            "device_identity": 1,
            "customer": 1,
            "account": 1,
            "bill": 1,
            "setting": 1,
        }
        for revision in revisions[1:]:  # each later revision in order, checking data after each
            upgrade(engine, revision)
            assert current_revision(engine) == revision
            assert _row_counts(fresh_db) == seeded
        upgrade(engine)  # and head, which must now be a no-op
        assert current_revision(engine) == head_revision(engine) == revisions[-1]
    finally:
        engine.dispose()

    from hallapp.domain.enums import Role
    from hallapp.domain.records import Actor
    from hallapp.services.clock import FakeClock
    from hallapp.services.hall_core import HallCore

    hall = HallCore.open(fresh_db, clock=FakeClock(datetime(2026, 11, 20, 1, 30, tzinfo=UTC)))
    try:
        clerk = Actor("o1", "C001", "王芳", Role.CLERK, "h1", hall.device.device_id)
        assert hall.device.device_code == "H000101"
        [hit] = hall.accounts.search(clerk, "建设路88")  # the FTS index survived too
        assert hit.account_no == "3200000001"
        detail = hall.accounts.open_by_number(clerk, "3200000001")
        assert [(b.period, b.amount_fen, b.due_date) for b in detail.bills] == [
            ("202610", 5380, date(2026, 11, 12))
        ]
        assert hall.settings.get("queue.wait_target_minutes") == 20
    finally:
        hall.close()


def test_downgrade_to_base_and_back(fresh_db: Path) -> None:
    engine = make_engine(fresh_db)
    try:
        upgrade(engine)
        command.downgrade(alembic_config(engine), "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        with engine.connect() as conn:
            assert (
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").scalar()
                == 0
            )
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
        assert _diff(engine, Base.metadata) == []
    finally:
        engine.dispose()


def test_upgrading_twice_is_harmless(fresh_db: Path) -> None:
    engine = make_engine(fresh_db)
    try:
        upgrade(engine)
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", ["ffff", "9999_from_the_future"])
def test_an_unknown_revision_is_refused_as_newer(fresh_db: Path, revision: str) -> None:
    from hallapp.domain.errors import DatabaseUnavailable

    engine = make_engine(fresh_db)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (revision,))
        with pytest.raises(DatabaseUnavailable) as info:
            upgrade(engine)
        assert info.value.params == {"reason": "newer_version", "revision": revision}
        assert current_revision(engine) == revision  # left alone
    finally:
        engine.dispose()
