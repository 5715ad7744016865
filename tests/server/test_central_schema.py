"""The central schema: its migration builds exactly what the models describe, and runs again harmlessly."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from hallapp.central.db import make_engine, schema_is_current, upgrade
from hallapp.central.schema import ServerMeta
from hallapp.central.tables import metadata
from tests.server.test_central_support import central_url, pg_url  # noqa: F401 - fixtures

pytestmark = pytest.mark.pg


def test_the_migration_matches_the_models(central_url: str) -> None:
    engine = make_engine(central_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, metadata) == []
        upgrade(central_url)  # again: nothing to do
        assert schema_is_current(engine)
        with engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(ServerMeta)) == 1
            assert len(str(conn.scalar(select(ServerMeta.epoch)))) == 36
    finally:
        engine.dispose()


def test_a_fresh_database_is_not_current(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        assert not schema_is_current(engine)
    finally:
        engine.dispose()
