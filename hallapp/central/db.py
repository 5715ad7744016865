"""Engine, sessions and migrations of the central PostgreSQL database."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
URL_ENV = "HALLAPP_CENTRAL_URL"
CONNECT_TIMEOUT_SECONDS = 5

Sessions = sessionmaker[Session]


def sqlalchemy_url(url: str) -> str:
    """``postgresql://…`` (libpq style) → ``postgresql+psycopg://…`` (psycopg 3)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if not url.startswith("postgresql+psycopg://"):
        raise ValueError("the central database URL must start with postgresql://")
    return url


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10) -> Engine:
    return create_engine(
        sqlalchemy_url(url),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "hallapp-central"},
    )


def make_sessions(engine: Engine) -> Sessions:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Create or bring the central schema to ``revision`` (no alembic.ini needed)."""
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        command.upgrade(alembic_config(engine), revision)
    finally:
        engine.dispose()


def schema_is_current(engine: Engine) -> bool:
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == head
