"""Fixtures for the database tests: the shared PostgreSQL fixture, a fresh migrated SQLite file."""

from pathlib import Path

import pytest

from tests.pg import pg_url  # noqa: F401 - re-exported as a fixture for this folder


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    """A path for a brand-new database file (not created yet)."""
    return tmp_path / "fresh.sqlite"
