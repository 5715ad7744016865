"""Alembic environment of the central server (PostgreSQL), run from code: ``hallapp central init-db``
(``hallapp.central.db.upgrade``). A developer's alembic command passes the database as ``-x url=…``.
"""

from alembic import context

from hallapp.central.db import make_engine
from hallapp.central.tables import metadata

config = context.config
target_metadata = metadata


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = make_engine(context.get_x_argument(as_dictionary=True)["url"])
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
