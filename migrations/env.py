"""Alembic environment: batch mode for SQLite, the app's metadata, FTS tables left alone."""

from alembic import context
from sqlalchemy import create_engine

from hallapp.db.models import Base

config = context.config
target_metadata = Base.metadata

FTS_PREFIX = "account_fts"


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Virtual FTS5 tables and their shadow tables are made by raw SQL in the migrations."""
    return not (type_ == "table" and name and name.startswith(FTS_PREFIX))


def render_item(type_, obj, autogen_context):  # type: ignore[no-untyped-def]
    """Render our UtcDateTime as a plain DateTime: migrations must not import app code."""
    if type_ == "type" and type(obj).__name__ == "UtcDateTime":
        return "sa.DateTime()"
    return False


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # the alembic CLI, for developers: `alembic -x db=path.sqlite …`
        url = context.get_x_argument(as_dictionary=True).get("db", "hallapp-dev.sqlite")
        engine = create_engine(f"sqlite:///{url}")
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # batch mode recreates tables; SQLite's own procedure turns FK checks off meanwhile
            _pragma(connection, "foreign_keys = OFF")  # outside any transaction, or SQLite ignores it
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_object=include_object,
            compare_type=True,
            render_item=render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise RuntimeError("the migration left rows that break a foreign key")
        connection.commit()
        if sqlite:
            _pragma(connection, "foreign_keys = ON")


def _pragma(connection, setting: str) -> None:  # type: ignore[no-untyped-def]
    connection.connection.driver_connection.execute(f"PRAGMA {setting}")


run_migrations()
