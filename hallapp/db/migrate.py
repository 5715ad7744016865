"""Alembic, run from code (no alembic.ini), so it works the same in a frozen bundle."""

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from hallapp.domain.errors import DatabaseUnavailable
from hallapp.paths import migrations_dir


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(engine: Engine) -> str:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; refuse a database made by a newer HallApp."""
    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise DatabaseUnavailable(reason="locked" if "locked" in str(exc) else "damaged") from exc
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise DatabaseUnavailable(reason="newer_version", revision=current)
    try:
        command.upgrade(cfg, revision)
    except OperationalError as exc:
        raise DatabaseUnavailable(reason="locked" if "locked" in str(exc) else "damaged") from exc
