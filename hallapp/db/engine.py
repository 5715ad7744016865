"""Opening the local SQLite database safely: WAL, synchronous=FULL, foreign keys, explicit BEGIN.

A damaged or locked file raises DatabaseUnavailable and is never replaced or repaired silently.
"""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hallapp.domain.errors import DatabaseUnavailable

BUSY_TIMEOUT_MS = 5000


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def check_file(path: Path) -> None:
    """Cheap start-up check that an existing file is a usable SQLite database."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseUnavailable(reason="not_a_file", path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=2)
    except sqlite3.OperationalError:
        raise DatabaseUnavailable(reason="unreadable", path=str(path)) from None
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailable(reason=_classify(exc), path=str(path)) from None
    finally:
        conn.close()


def _classify(exc: BaseException) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "readonly" in text or "unable to open" in text:
        return "unreadable"
    return "damaged"


def make_engine(path: Path | str) -> Engine:
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"check_same_thread": False})
    _configure(engine)
    return engine


class Database:
    """The engine plus the two ways to use it: read() and write() transactions."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(write=True), expire_on_commit=False)
        # SQLite has one writer. Threads of this process queue here in order instead of polling
        # the file lock with back-off sleeps (the hub's 50 windows at once waited seconds that way).
        self._writer = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._read() as session, session.begin():
                yield session
        except OperationalError as exc:
            raise DatabaseUnavailable(reason=_classify(exc.orig)) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """BEGIN IMMEDIATE … COMMIT: the writer lock is taken up front, so no upgrade deadlock."""
        try:
            with self._writer, self._write() as session, session.begin():
                yield session
        except OperationalError as exc:
            raise DatabaseUnavailable(reason=_classify(exc.orig)) from exc

    def close(self) -> None:
        self.engine.dispose()
