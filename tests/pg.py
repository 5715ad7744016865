"""Real PostgreSQL for tests: a fresh database per test, dropped afterwards.

A newcomer without PostgreSQL sees these tests skipped with the reason; CI sets
HALLAPP_REQUIRE_PG=1, which turns the skip into a failure.
"""

import os
import uuid
from collections.abc import Iterator

import pytest

PG_ADMIN_URL = os.environ.get("HALLAPP_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _admin_connect():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)


@pytest.fixture
def pg_url() -> Iterator[str]:
    try:
        admin = _admin_connect()
    except Exception as exc:
        if os.environ.get("HALLAPP_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required here but unreachable at {PG_ADMIN_URL}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL} ({exc}); start it to run this test")
    name = f"hallapp_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with _admin_connect() as admin2:
            admin2.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
