"""Sync (issue 6): a PC's outbox pushed to the central server over real HTTP.

Everything runs against a real central server process (``hallapp serve --role central --workers 2``
on a free loopback port) on its own PostgreSQL database, created for the run, migrated as
``hallapp central init-db`` does, given a hall, an account master and enrolment codes, and dropped
at the end (the server is stopped first, also when a phase fails).

1. ``push_10k_payments_s``: one enrolled PC database whose outbox holds 10,000 counter payments
   (2,000 in quick mode). The rows are written straight into SQLite exactly as
   ``hallapp.sync.outbox.append`` writes them (canonical payload with ``"v"`` and the fields of
   ``payment_service.payment_payload``, its SHA-256, the hash chain) instead of taking 10,000
   payments through the service. ``Pusher.push_all()`` is timed from its first call (the one-time
   meta check included) until every op is acknowledged. Baseline: PostgreSQL ``COPY`` of the same
   payment rows into a scratch table with the payment table's columns (psycopg ``cursor.copy``,
   one transaction, commit included).
2. ``server_push_ops_per_s``: 100 enrolled devices (20 quick), each with 100 payment ops (50 quick),
   each in its own thread with its own ``httpx.Client``, released together; each sends its outbox
   as the client batches it (one batch here). Ops acknowledged per second of wall time, and the p95
   of one push request. The baseline is the one-device rate of 1. Then every device sends 10 more
   ops (5 quick) one per request, as a PC does when each payment wakes the sync worker, against
   the same single-op push made by one device alone on an idle server.
   ``Pusher`` is not used here: it allows one push at a time per process (a module lock), so the
   threads send the bodies it would send (same ops, same canonical JSON).
3. ``sync_roundtrip_idle_ms``: ``Pusher.push_all()`` with nothing pending, repeated on the Pusher of
   1 (its meta check done); the baseline is ``GET /health`` on the same server and connection. An
   idle push reads SQLite only (no request): the network's share shows in ``health_roundtrip_ms``
   and ``sync_roundtrip_first_ms`` (a fresh Pusher's meta request on a kept-alive connection).

Comments break the push down (client SQLite work, JSON, HTTP, the server's handler time from its
request log; CPU seconds of the client, the server workers and the bench database's PostgreSQL
backends; WAL written and synced) so a slow figure says where its time went.
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.common import Report, Target, median, p95, progress, ratio
from bench.hub_process import free_port

PG_ADMIN_URL = os.environ.get("HALLAPP_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PUSH_FULL, PUSH_QUICK = 10_000, 2_000
DEVICES_FULL, DEVICES_QUICK = 100, 20
DEVICE_OPS_FULL, DEVICE_OPS_QUICK = 100, 50
LIVE_OPS_FULL, LIVE_OPS_QUICK = 10, 5
ALONE_OPS = 30  # single-op pushes of one device with the server otherwise idle (the baseline)
IDLE_CALLS = 200
FIRST_CALLS = 20
WARMUP = 10
ACCOUNTS = 20_000  # the central account master the payments post against
PER_DAY = 600  # payments a counter takes in a day (a new shift and business date after that)
STARTUP_S = 60
HTTP_TIMEOUT_S = 120.0  # generous: under 100 concurrent pushes a request queues behind others
HALL = "H0001"
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in the hall
SEED = 20261123

PUSH_10K = Target(10.0, "≤10 s (issue #6)")
METHOD_WEIGHTS = (("cash", 5), ("wechat", 4), ("alipay", 3), ("card", 1))
PAYMENT_COLUMNS = (
    "payment_id",
    "receipt_no",
    "device_id",
    "device_seq",
    "account_no",
    "amount_fen",
    "method",
    "operator_id",
    "shift_id",
    "business_date",
    "device_time",
    "posting_status",
    "reverses_payment_id",
)
LEDGER_COLUMNS = (
    "device_id",
    "device_seq",
    "op_id",
    "local_tx_id",
    "op_type",
    "entity",
    "entity_id",
    "base_version",
    "payload",
    "payload_hash",
    "prev_hash",
    "operator_id",
    "shift_id",
    "device_time",
    "result",
    "batch_id",
)


def _ms(call: Callable[[], object]) -> float:
    started = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - started) / 1e6


# --- the ops a counter PC writes -----------------------------------------------------------------


def payment_ops(
    device_code: str,
    operator_id: str,
    account_nos: list[str],
    n: int,
    rng: random.Random,
    *,
    first_seq: int = 1,
    head: str | None = None,
) -> tuple[list[dict[str, Any]], str]:
    """``n`` ``payment.record`` ops numbered from ``first_seq``, chained from ``head`` exactly as
    ``outbox.append`` chains them; returns the ops (``device_time`` a datetime) and the new head."""
    from hallapp.domain.canonical import GENESIS_HASH, canonical_json, chain_hash, sha256_hex
    from hallapp.domain.ids import new_id
    from hallapp.domain.numbering import receipt_no
    from hallapp.sync.outbox import PAYLOAD_VERSION

    head = head or GENESIS_HASH
    methods, weights = zip(*METHOD_WEIGHTS, strict=True)
    ops, shift_id, shift_day = [], new_id(), -1
    for seq in range(first_seq, first_seq + n):
        day, slot = divmod(seq - 1, PER_DAY)
        if day != shift_day:
            shift_id, shift_day = new_id(), day
        paid_at = START + timedelta(days=day, seconds=45 * slot + rng.randrange(45))
        payment_id, request_id = new_id(), new_id()
        method = rng.choices(methods, weights)[0]
        reference = None
        if method == "wechat":
            reference = f"42{rng.randrange(10**26):026d}"
        elif method == "alipay":
            reference = f"2026{rng.randrange(10**24):024d}"
        elif method == "card":
            reference = f"{rng.randrange(10**12):012d}"
        bills = [rng.randrange(1_500, 40_000) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        penalties = [rng.randrange(0, 300) if rng.random() < 0.1 else 0 for _ in bills]
        payload = {
            "payment_id": payment_id,
            "receipt_no": receipt_no(device_code, paid_at.year, seq),
            "request_id": request_id,
            "account_id": new_id(),
            "account_no": rng.choice(account_nos),
            "amount_fen": sum(bills) + sum(penalties),
            "penalty_fen": sum(penalties),
            "to_prepaid_fen": 0,
            "method": method,
            "reference": reference,
            "business_date": (START.date() + timedelta(days=day)).isoformat(),
            "paid_at": paid_at.isoformat(),
            "reverses_payment_id": None,
            "approval_id": None,
            "allocations": [
                {"bill_id": new_id(), "principal_fen": b, "penalty_fen": p}
                for b, p in zip(bills, penalties, strict=True)
            ],
        }
        body = canonical_json({"v": PAYLOAD_VERSION, **payload})
        op = {
            "device_seq": seq,
            "op_id": new_id(),
            "local_tx_id": request_id,  # the payment's request id, as payment_service passes it
            "op_type": "payment.record",
            "entity": "payment",
            "entity_id": payment_id,
            "base_version": None,
            "payload": body,
            "payload_hash": sha256_hex(body),
            "prev_hash": head,
            "operator_id": operator_id,
            "shift_id": shift_id,
            "device_time": paid_at,
        }
        head = chain_hash(head, op["op_id"], op["payload_hash"])
        ops.append(op)
    return ops, head


def wire_op(op: dict[str, Any]) -> dict[str, Any]:
    """An op as ``hallapp.sync.push._op`` sends it."""
    return op | {"device_time": op["device_time"].isoformat()}


def push_body(device_id: str, ops: list[dict[str, Any]]) -> bytes:
    from hallapp.domain.canonical import canonical_json
    from hallapp.sync.push import PROTOCOL_VERSION

    body = {
        "device_id": device_id,
        "batch_id": str(uuid.uuid4()),
        "protocol_version": PROTOCOL_VERSION,
        "ops": [wire_op(op) for op in ops],
    }
    return canonical_json(body).encode("utf-8")


def payment_row(device_id: str, op: dict[str, Any]) -> tuple:
    """The central ``payment`` row the push makes of an op (for the COPY baseline)."""
    p = json.loads(op["payload"])
    return (
        p["payment_id"],
        p["receipt_no"],
        device_id,
        op["device_seq"],
        p["account_no"],
        p["amount_fen"],
        p["method"],
        op["operator_id"],
        op["shift_id"],
        date.fromisoformat(p["business_date"]),
        op["device_time"],
        "posted",
        None,
    )


def ledger_row(device_id: str, op: dict[str, Any], batch_id: str) -> tuple:
    """The central ``applied_op`` row the push makes of an op (for the COPY baseline)."""
    p = json.loads(op["payload"])
    result = {"status": "applied", "payment_id": p["payment_id"], "receipt_no": p["receipt_no"]}
    return (
        device_id,
        op["device_seq"],
        op["op_id"],
        op["local_tx_id"],
        op["op_type"],
        op["entity"],
        op["entity_id"],
        None,
        op["payload"],
        op["payload_hash"],
        op["prev_hash"],
        op["operator_id"],
        op["shift_id"],
        op["device_time"],
        json.dumps(result),
        batch_id,
    )


# --- CPU seconds of a process tree (Linux /proc; nothing when it is not there) ---------------------


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def tree_cpu_s(root: int | None) -> float:
    """User + system CPU of ``root`` and its live descendants, and of the children they reaped."""
    if root is None:
        return 0.0
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))) is not None:
            parents.setdefault(int(fields[1]), []).append(int(entry))
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        fields = _stat(pid)
        if fields is None:
            continue
        total += sum(int(x) for x in fields[11:15]) / tick  # utime stime cutime cstime
        todo.extend(parents.get(pid, ()))
    return total


class BackendCpu:
    """CPU seconds of the PostgreSQL backends serving one database, sampled from /proc every 0.2 s
    while a phase runs (a backend that closes during the phase counts up to its last sample)."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: Any = None

    def start(self) -> None:
        self._conn = _admin()
        self._sample(initial=True)
        self._thread = threading.Thread(target=self._run, name="pg-cpu", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self._sample()

    def _sample(self, *, initial: bool = False) -> None:
        rows = self._conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", (self.database,)
        ).fetchall()
        tick = os.sysconf("SC_CLK_TCK")
        for (pid,) in rows:
            if (fields := _stat(pid)) is None:
                continue
            cpu = (int(fields[11]) + int(fields[12])) / tick
            self.first.setdefault(pid, cpu if initial else 0.0)  # a later backend started in the phase
            self.last[pid] = cpu

    def stop(self) -> float:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        try:
            self._sample()
        finally:
            self._conn.close()
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


@dataclass
class Cpu:
    """CPU seconds over a phase: the bench process (the client), the server's process tree, and the
    PostgreSQL backends of the bench database (when PostgreSQL runs on this machine)."""

    server_pid: int | None
    database: str | None  # None: PostgreSQL is not local, its CPU is not read
    start: tuple[float, float, float] = (0.0, 0.0, 0.0)
    backends: BackendCpu | None = None

    def _now(self) -> tuple[float, float, float]:
        return time.perf_counter(), time.process_time(), tree_cpu_s(self.server_pid)

    def begin(self) -> None:
        if self.database is not None:
            self.backends = BackendCpu(self.database)
            self.backends.start()
        self.start = self._now()

    def summary(self) -> str:
        wall, client, server = (b - a for a, b in zip(self.start, self._now(), strict=True))
        text = f"CPU seconds over {wall:.1f} s wall: bench process (client) {client:.1f}, server workers {server:.1f}"
        if self.backends is not None:
            pg = self.backends.stop()
            text += f", PostgreSQL backends {pg:.1f} ({len(self.backends.last)} backend processes seen)"
            self.backends = None
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        return f"{text}; {os.cpu_count()} CPUs, load average now {load}"


# --- the central server ---------------------------------------------------------------------------


class TimedClient(httpx.Client):
    """An ``httpx.Client`` that remembers how long each request took (path, seconds)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[tuple[str, float]] = []

    def request(self, method: str, url: Any, *args: Any, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        started = time.perf_counter()
        try:
            return super().request(method, url, *args, **kwargs)
        finally:
            self.calls.append((str(url), time.perf_counter() - started))


def _admin():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)


@dataclass
class Central:
    """A fresh central database and a real server process on it."""

    work: Path
    name: str = field(default_factory=lambda: f"hallapp_bench_{uuid.uuid4().hex[:12]}")
    url: str = ""
    base_url: str = ""
    proc: subprocess.Popen | None = None
    sessions: Any = None
    engine: Any = None
    postmaster_pid: int | None = None
    created: bool = False

    @property
    def log(self) -> Path:
        return self.work / "central.log"

    def create(self) -> None:
        from hallapp.central.db import make_engine, make_sessions, upgrade
        from hallapp.central.enrolment import create_hall

        with _admin() as admin:
            admin.execute(f'CREATE DATABASE "{self.name}"')
            self.created = True
            backend = admin.execute("SELECT pg_backend_pid()").fetchone()[0]
        fields = _stat(backend)
        self.postmaster_pid = int(fields[1]) if fields else None  # None when PostgreSQL is elsewhere
        self.url = f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{self.name}"
        upgrade(self.url)  # what `hallapp central init-db` does
        self.engine = make_engine(self.url, pool_size=2, max_overflow=0)
        self.sessions = make_sessions(self.engine)
        create_hall(self.sessions, HALL, "城东供电营业厅")

    def add_accounts(self, count: int) -> list[str]:
        """The account master the payments post against (through the model's table, so columns the
        schema derives, such as a generated id, are filled as the server fills them)."""
        from sqlalchemy import insert, text

        from hallapp.central.schema import Account

        numbers = [f"32{n:08d}" for n in range(1, count + 1)]
        with self.engine.begin() as conn:
            conn.execute(
                insert(Account.__table__),
                [{"account_no": n, "hall_id": HALL, "status": "active"} for n in numbers],
            )
            conn.execute(text("ANALYZE account"))
        return numbers

    def connect(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(self.url, connect_timeout=5)

    def code(self) -> str:
        from hallapp.central.enrolment import create_enrolment_code

        return create_enrolment_code(self.sessions, HALL, minutes=60).code

    def start(self) -> None:
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "hallapp", "serve", "--role", "central", "--workers", "2"]
        command += ["--host", "127.0.0.1", "--port", str(port)]
        env = os.environ | {"HALLAPP_CENTRAL_URL": self.url}
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the central server exited with {self.proc.returncode}: {self.tail()}")
            try:
                if httpx.get(f"{self.base_url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the central server did not answer /health in {STARTUP_S} s: {self.tail()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def drop(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
        if self.created:
            with _admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def requests(self) -> Iterator[dict[str, Any]]:
        """The server's JSON request log (one line per request, with its own milliseconds)."""
        for line in self.log.read_text(errors="replace").splitlines():
            if not line.startswith("{"):
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("logger") == "hallapp.central.access":
                yield entry

    def request_log_ms(self, path: str) -> list[float]:
        return [float(e["ms"]) for e in self.requests() if e.get("path") == path]

    def push_log_ms(self, device_ids: set[str]) -> list[float]:
        """The server's own time for each push of these devices."""
        return [
            float(e["ms"])
            for e in self.requests()
            if e.get("path") == "/v1/sync/push" and e.get("device_id") in device_ids
        ]

    def wal_stats(self) -> tuple[int, int]:
        """(WAL bytes written, WAL syncs) since the server started: cluster-wide, PostgreSQL 14+."""
        try:
            with _admin() as admin:
                row = admin.execute("SELECT wal_bytes, wal_sync FROM pg_stat_wal").fetchone()
            return int(row[0]), int(row[1])
        except Exception:  # older server: no pg_stat_wal
            return 0, 0


@contextmanager
def central_server(work: Path) -> Iterator[Central]:
    central = Central(work)
    try:
        progress("sync: creating the central database")
        central.create()
        progress("sync: starting the central server (2 workers)")
        central.start()
        yield central
    finally:
        central.stop()
        central.drop()


# --- 1. one PC pushes its backlog -----------------------------------------------------------------


@dataclass
class PC:
    db: Any
    device_id: str
    device_code: str
    token: str
    operator_id: str


def enrolled_pc(work: Path, central: Central) -> PC:
    from hallapp import __version__
    from hallapp.db.engine import Database, make_engine
    from hallapp.demo.build import build_demo_database
    from hallapp.services.clock import FakeClock
    from hallapp.sync.enrol import enrol

    path = work / "pc.sqlite"
    build_demo_database(path, 0, clock=FakeClock(START))
    db = Database(make_engine(path), path)
    tokens: dict[str, str] = {}
    with httpx.Client(base_url=central.base_url, timeout=HTTP_TIMEOUT_S) as http:
        done = enrol(
            db,
            http,
            central.code(),
            hostname="bench-pc",
            client_version=__version__,
            keep_token=tokens.__setitem__,
        )
    with db.read() as s:
        from sqlalchemy import text

        clerk = s.execute(text("SELECT operator_id FROM operator WHERE staff_no = 'C001'")).scalar_one()
    return PC(db, done.device_id, done.device_code, tokens[done.device_id], clerk)


def fill_outbox(pc: PC, ops: list[dict[str, Any]]) -> None:
    """The rows ``outbox.append`` would have added, in one transaction (device_seq from SQLite)."""
    from sqlalchemy import func, insert, select

    from hallapp.db.models import Outbox

    rows = [{k: v for k, v in op.items() if k != "device_seq"} for op in ops]
    with pc.db.write() as s:
        s.execute(insert(Outbox), rows)
        top = s.scalar(select(func.max(Outbox.device_seq)))
    if top != ops[-1]["device_seq"]:
        raise RuntimeError(f"outbox numbering: the last row is {top}, expected {ops[-1]['device_seq']}")


def _timed_methods(obj: object, names: tuple[str, ...]) -> dict[str, list[float]]:
    """Wrap these bound methods of ``obj`` (instance attributes) to record their seconds."""
    seen: dict[str, list[float]] = {name: [] for name in names}
    for name in names:
        bound = getattr(obj, name)

        def timed(*args: Any, _bound=bound, _into=seen[name], **kwargs: Any) -> Any:  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return _bound(*args, **kwargs)
            finally:
                _into.append(time.perf_counter() - started)

        setattr(obj, name, timed)
    return seen


def _push_figures(
    report: Report, central: Central, pc: PC, ops: list[dict[str, Any]]
) -> tuple[str, float, TimedClient, Any]:
    from hallapp.sync.push import BATCH_SIZE, Pusher

    n = len(ops)
    label = f"push_{n // 1000}k_payments"
    client = TimedClient(base_url=central.base_url, timeout=HTTP_TIMEOUT_S)
    pusher = Pusher(pc.db, client, pc.device_id, pc.token)
    parts = _timed_methods(pusher, ("_batch", "_post", "_acked", "pending"))
    cpu = Cpu(central.proc.pid if central.proc else None, central.name if central.postmaster_pid else None)
    wal_before = central.wal_stats()
    progress(f"sync: pushing {n:,} payments from one PC")
    cpu.begin()
    started = time.perf_counter()
    outcome = pusher.push_all(max_batches=n // BATCH_SIZE + 10)
    elapsed = time.perf_counter() - started
    cpu_text = cpu.summary()
    wal_after = central.wal_stats()
    for name in parts:  # the timing wrappers go: later calls use the Pusher as it is
        delattr(pusher, name)
    if outcome.pending or sum(outcome.statuses.values()) != n:
        raise RuntimeError(f"push ended with {outcome}")
    posts = [s for path, s in client.calls if path.endswith("/v1/sync/push")]
    meta = [s for path, s in client.calls if path.endswith("/v1/sync/meta")]
    server = central.push_log_ms({pc.device_id})
    http_s, server_s = sum(posts), sum(server) / 1000
    post_s, batch_s, acked_s = sum(parts["_post"]), sum(parts["_batch"]), sum(parts["_acked"])
    pending_s = sum(parts["pending"])
    report.comment(
        f"{label}: {n:,} payment.record ops in {len(posts)} batches of ≤{BATCH_SIZE}, "
        f"statuses {outcome.statuses}, {n / elapsed:,.0f} ops/s"
    )
    report.comment(
        f"{label} breakdown: server handler {server_s:.2f} s (request log; p50 {median(server):.0f} ms, "
        f"max {max(server):.0f} ms per batch) + loopback HTTP/ASGI {http_s - server_s:.2f} s = "
        f"HTTP {http_s:.2f} s; client: reading batches {batch_s:.2f} s, encoding bodies "
        f"{post_s - http_s:.2f} s, writing acks {acked_s:.2f} s (of it pending() {pending_s:.2f} s), "
        f"meta check {sum(meta) * 1000:.0f} ms; unaccounted {elapsed - post_s - batch_s - acked_s - sum(meta):.2f} s"
    )
    report.comment(f"{label}: {cpu_text}")
    if wal_after[0]:
        report.comment(
            f"{label}: PostgreSQL WAL {(wal_after[0] - wal_before[0]) / 1e6:.1f} MB, "
            f"{wal_after[1] - wal_before[1]} WAL syncs (fsync) during the push (whole cluster: other "
            f"databases' writes count too)"
        )
    return label, elapsed, client, pusher


def _copy_baseline(
    report: Report, central: Central, pc: PC, ops: list[dict[str, Any]]
) -> tuple[float, float]:
    """COPY the payment rows into a scratch table with the payment table's columns; then, as a
    second baseline, payment and ledger rows into copies of both tables with their indexes."""
    payments = [payment_row(pc.device_id, op) for op in ops]
    ledger = [ledger_row(pc.device_id, op, str(uuid.uuid4())) for op in ops]
    cols, ledger_cols = ", ".join(PAYMENT_COLUMNS), ", ".join(LEDGER_COLUMNS)
    with central.connect() as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE bench_copy_payment (LIKE payment INCLUDING DEFAULTS)")
        cur.execute("CREATE TABLE bench_copy_payment_ix (LIKE payment INCLUDING ALL)")
        cur.execute("CREATE TABLE bench_copy_ledger_ix (LIKE applied_op INCLUDING ALL)")
        conn.commit()
        started = time.perf_counter()
        with cur.copy(f"COPY bench_copy_payment ({cols}) FROM STDIN") as copy:
            for row in payments:
                copy.write_row(row)
        conn.commit()
        plain = time.perf_counter() - started
        started = time.perf_counter()
        with cur.copy(f"COPY bench_copy_payment_ix ({cols}) FROM STDIN") as copy:
            for row in payments:
                copy.write_row(row)
        with cur.copy(f"COPY bench_copy_ledger_ix ({ledger_cols}) FROM STDIN") as copy:
            for row in ledger:
                copy.write_row(row)
        conn.commit()
        both = time.perf_counter() - started
        for table in ("bench_copy_payment", "bench_copy_payment_ix", "bench_copy_ledger_ix"):
            cur.execute(f"DROP TABLE {table}")
        conn.commit()
    report.comment(
        f"pg_copy_baseline: {len(ops):,} payment rows by COPY into a table with the payment columns "
        f"(no indexes) in {plain:.3f} s; the same rows plus their applied_op rows (payload, JSONB "
        f"result) into copies of both tables with all their indexes: {both:.3f} s"
    )
    return plain, both


def _backlog(report: Report, central: Central, work: Path, n: int, accounts: list[str], rng: random.Random):  # type: ignore[no-untyped-def]
    progress("sync: building and enrolling the PC database")
    pc = enrolled_pc(work, central)
    started = time.perf_counter()
    ops, _ = payment_ops(pc.device_code, pc.operator_id, accounts, n, rng)
    fill_outbox(pc, ops)
    report.comment(
        f"sync: PC {pc.device_code} enrolled; {n:,} outbox rows written in {time.perf_counter() - started:.1f} s "
        f"(untimed; {sum(len(op['payload']) for op in ops) / n:.0f} bytes of payload per op)"
    )
    label, elapsed, client, pusher = _push_figures(report, central, pc, ops)
    plain, both = _copy_baseline(report, central, pc, ops)
    full = n == PUSH_FULL
    report.figure(f"{label}_s", elapsed, "s", PUSH_10K if full else None)
    report.figure("pg_copy_baseline_s", plain, "s")
    report.figure("pg_copy_with_ledger_s", both, "s")
    report.figure(f"{label}_ratio", ratio(elapsed, plain), "ratio")
    if not full:
        report.figure("push_10k_payments_extrapolated_s", elapsed * PUSH_FULL / n, "s")
        report.comment("push_10k_payments: the ≤10 s target is checked in the full run (10,000 payments)")
    return pc, client, pusher, n / elapsed


# --- 2. many devices at once ----------------------------------------------------------------------


@dataclass
class Device:
    device_id: str
    device_code: str
    token: str
    backlog: list[bytes] = field(default_factory=list)
    backlog_ops: int = 0
    live: list[bytes] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    live_latencies: list[float] = field(default_factory=list)
    acked: int = 0
    error: str = ""


def enrol_devices(central: Central, count: int) -> list[Device]:
    from hallapp import __version__

    devices = []
    with httpx.Client(base_url=central.base_url, timeout=HTTP_TIMEOUT_S) as http:
        for i in range(count):
            body = {"enrolment_code": central.code(), "hostname": f"bench-{i}", "client_version": __version__}
            answer = http.post("/v1/devices/enroll", json=body)
            if answer.status_code != 201:
                raise RuntimeError(f"enrolment answered {answer.status_code}: {answer.text}")
            data = answer.json()
            devices.append(Device(data["device_id"], data["device_code"], data["device_token"]))
    return devices


def _device_thread(url: str, device: Device, gates: list[threading.Barrier]) -> None:
    headers = {"Authorization": f"Bearer {device.token}", "Content-Type": "application/json"}
    try:
        with httpx.Client(base_url=url, timeout=HTTP_TIMEOUT_S) as http:
            http.get("/v1/sync/meta", headers=headers)  # as Pusher does first; opens the connection
            for phase, (bodies, into) in enumerate(
                ((device.backlog, device.latencies), (device.live, device.live_latencies))
            ):
                gates[2 * phase].wait()
                for body in bodies:
                    started = time.perf_counter()
                    answer = http.post("/v1/sync/push", content=body, headers=headers)
                    into.append((time.perf_counter() - started) * 1000)
                    if answer.status_code != 200:
                        raise RuntimeError(f"push answered {answer.status_code}: {answer.text[:200]}")
                    device.acked = answer.json()["ack_up_to"]
                gates[2 * phase + 1].wait()
    except Exception as exc:  # reported by the main thread; the gates must not wait for us
        device.error = f"{type(exc).__name__}: {exc}"
        for gate in gates:
            gate.abort()


def prepare_devices(
    central: Central, accounts: list[str], rng: random.Random, count: int, per_device: int, live: int
) -> list[Device]:
    """Enrolled devices with their request bodies ready: the backlog as the client batches it, then
    ``live`` single-op batches continuing the same chain."""
    from hallapp.domain.ids import new_id
    from hallapp.sync.push import BATCH_SIZE

    devices = enrol_devices(central, count)
    for device in devices:
        operator_id = new_id()
        ops, head = payment_ops(device.device_code, operator_id, accounts, per_device, rng)
        device.backlog = [
            push_body(device.device_id, ops[i : i + BATCH_SIZE]) for i in range(0, per_device, BATCH_SIZE)
        ]
        device.backlog_ops = per_device
        more, _ = payment_ops(
            device.device_code, operator_id, accounts, live, rng, first_seq=per_device + 1, head=head
        )
        device.live = [push_body(device.device_id, [op]) for op in more]
    return devices


def run_devices(central: Central, devices: list[Device]) -> tuple[float, str, float, str]:
    """Release every device's thread at once, twice (backlog, then single ops): the wall seconds
    and CPU summary of each phase."""
    count = len(devices)
    gates = [threading.Barrier(count + 1) for _ in range(4)]
    threads = [
        threading.Thread(
            target=_device_thread, args=(central.base_url, d, gates), name=f"device-{i}", daemon=True
        )
        for i, d in enumerate(devices)
    ]
    for thread in threads:
        thread.start()
    cpu = Cpu(central.proc.pid if central.proc else None, central.name if central.postmaster_pid else None)
    phases: list[float | str] = []
    try:
        for phase in range(2):
            gates[2 * phase].wait()
            cpu.begin()
            started = time.perf_counter()
            gates[2 * phase + 1].wait()
            phases += [time.perf_counter() - started, cpu.summary()]
            if phase == 0:
                progress(f"sync: {count} devices push single-op batches")
    except threading.BrokenBarrierError:
        for thread in threads:
            thread.join(HTTP_TIMEOUT_S)
        errors = [d.error for d in devices if d.error]
        raise RuntimeError(f"{len(errors)} devices failed, first: {errors[0] if errors else '?'}") from None
    for thread in threads:
        thread.join(HTTP_TIMEOUT_S)
    return tuple(phases)  # type: ignore[return-value]


def single_ops_alone(central: Central, accounts: list[str], rng: random.Random, n: int) -> tuple[list, list]:  # type: ignore[type-arg]
    """One device pushing ``n`` single-op batches one after the other, the server otherwise idle:
    (client ms, server handler ms) per request."""
    from hallapp.domain.ids import new_id

    [device] = enrol_devices(central, 1)
    ops, _ = payment_ops(device.device_code, new_id(), accounts, n, rng)
    headers = {"Authorization": f"Bearer {device.token}", "Content-Type": "application/json"}
    took = []
    with httpx.Client(base_url=central.base_url, timeout=HTTP_TIMEOUT_S) as http:
        http.get("/v1/sync/meta", headers=headers)
        for op in ops:
            body = push_body(device.device_id, [op])
            took.append(
                _ms(lambda b=body: http.post("/v1/sync/push", content=b, headers=headers).raise_for_status())
            )
    return took, central.push_log_ms({device.device_id})


def _concurrent(
    report: Report,
    central: Central,
    accounts: list[str],
    rng: random.Random,
    *,
    quick: bool,
    one_device_rate: float,
) -> None:
    from hallapp.sync.push import BATCH_SIZE

    count = DEVICES_QUICK if quick else DEVICES_FULL
    per_device = DEVICE_OPS_QUICK if quick else DEVICE_OPS_FULL
    live = LIVE_OPS_QUICK if quick else LIVE_OPS_FULL
    progress(f"sync: {ALONE_OPS} single-op pushes of one device, then enrolling {count} devices")
    alone, alone_server = single_ops_alone(central, accounts, rng, ALONE_OPS)
    devices = prepare_devices(central, accounts, rng, count, per_device, live)
    progress(f"sync: {count} devices push {per_device} ops each at once")
    backlog_s, backlog_cpu, live_s, live_cpu = run_devices(central, devices)
    wrong = [d for d in devices if d.acked != per_device + live]
    if wrong:
        raise RuntimeError(f"{len(wrong)} devices not fully acknowledged (first at {wrong[0].acked})")
    latencies = [ms for d in devices for ms in d.latencies]
    live_ms = [ms for d in devices for ms in d.live_latencies]
    server = central.push_log_ms({d.device_id for d in devices})
    rate = count * per_device / backlog_s
    report.comment(
        f"server_push: {count} devices × {per_device} ops ({len(latencies)} requests of ≤{BATCH_SIZE} ops) "
        f"in {backlog_s:.2f} s; request p50 {median(latencies):.0f} ms, max {max(latencies):.0f} ms; "
        f"the baseline is one device alone (push_*_payments above, client work included)"
    )
    report.comment(f"server_push: {backlog_cpu}")
    report.figure("server_push_ops_per_s", rate, "ops/s")
    report.figure("server_push_request_p95_ms", p95(latencies), "ms")
    report.figure("server_push_one_device_ops_per_s", one_device_rate, "ops/s")
    report.figure("server_push_concurrency_ratio", ratio(rate, one_device_rate), "ratio")
    live_server = server[-count * live :]
    report.comment(
        f"server_push_single_op: then {count} devices × {live} single-op pushes in {live_s:.2f} s "
        f"({count * live / live_s:.0f} requests/s); p50 {median(live_ms):.1f} ms (server handler p50 "
        f"{median(live_server):.1f} ms), max {max(live_ms):.0f} ms; {live_cpu}"
    )
    report.comment(
        f"server_push_single_op_alone: one device, {ALONE_OPS} single-op pushes in a row, the server "
        f"otherwise idle: p50 {median(alone):.1f} ms of which the server handler {median(alone_server):.1f} ms"
    )
    report.figure("server_push_single_op_ops_per_s", count * live / live_s, "ops/s")
    report.figure("server_push_single_op_p95_ms", p95(live_ms), "ms")
    report.figure("server_push_single_op_alone_ms", median(alone), "ms")
    report.figure("server_push_single_op_alone_p95_ms", p95(alone), "ms")
    report.figure("server_push_single_op_ratio", ratio(p95(live_ms), p95(alone)), "ratio")


# --- 3. nothing to push ---------------------------------------------------------------------------


def _idle(report: Report, central: Central, pc: PC, client: TimedClient, pusher: Any) -> None:
    from hallapp.sync.push import Pusher

    progress(f"sync: {IDLE_CALLS} idle pushes against GET /health")
    first = [_ms(Pusher(pc.db, client, pc.device_id, pc.token).push_all) for _ in range(FIRST_CALLS)]
    health = lambda: client.get("/health").raise_for_status()  # noqa: E731
    for _ in range(WARMUP):
        pusher.push_all()
        health()
    requests_before = len(client.calls)
    idle: list[float] = []
    base: list[float] = []
    for i in range(IDLE_CALLS):
        if i % 2:
            base.append(_ms(health))
            idle.append(_ms(pusher.push_all))
        else:
            idle.append(_ms(pusher.push_all))
            base.append(_ms(health))
    sent = len(client.calls) - requests_before - IDLE_CALLS  # the health calls are the only expected ones
    server = central.request_log_ms("/health")[-IDLE_CALLS:]
    fresh = [
        _ms(lambda: httpx.get(f"{central.base_url}/health").raise_for_status()) for _ in range(FIRST_CALLS)
    ]
    report.comment(
        f"sync_roundtrip_idle: {IDLE_CALLS} × Pusher.push_all() with nothing pending after its meta check: "
        f"p95 {p95(idle):.2f} ms; it sent {sent} requests (an idle push reads SQLite only); a fresh "
        f"Pusher's first call (GET /v1/sync/meta + the same reads): median {median(first):.1f} ms, "
        f"p95 {p95(first):.1f} ms over {FIRST_CALLS}"
    )
    report.comment(
        f"health_roundtrip: the server's own time for GET /health p50 {median(server):.1f} ms (its request "
        f"log); on a new connection each time the round trip is {median(fresh):.1f} ms (connect included)"
    )
    if median(base) > 20 and median(base) > 5 * median(server):
        report.comment(
            "warning: requests on a kept-alive connection wait ~40 ms for nothing, as when the server's "
            "connections lacked TCP_NODELAY (with --workers N > 1 uvicorn binds the socket with proto 0 "
            "and asyncio skips TCP_NODELAY: Kludex/uvicorn#3149; hallapp.central.serve.NoDelayHTTPProtocol "
            "sets it): a small response's last segment waits for the client's delayed ACK (Nagle)"
        )
    report.figure("sync_roundtrip_idle_ms", median(idle), "ms")
    report.figure("sync_roundtrip_idle_p95_ms", p95(idle), "ms")
    report.figure("sync_roundtrip_first_ms", median(first), "ms")
    report.figure("health_roundtrip_ms", median(base), "ms")
    report.figure("health_roundtrip_p95_ms", p95(base), "ms")
    report.figure("sync_roundtrip_idle_ratio", ratio(median(idle), median(base)), "ratio")


# --- the benchmark --------------------------------------------------------------------------------


def run_sync(report: Report, *, quick: bool, seed: int = SEED) -> None:
    rng = random.Random(seed)
    n = PUSH_QUICK if quick else PUSH_FULL
    work = Path(tempfile.mkdtemp(prefix="hallapp-sync-"))
    pc = None
    try:
        with central_server(work) as central:
            accounts = central.add_accounts(ACCOUNTS)
            report.comment(
                f"sync: central server on {central.base_url} (2 Uvicorn workers), fresh database "
                f"{central.name} with {ACCOUNTS:,} accounts; client, server and PostgreSQL share this machine "
                f"(load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} at the start)"
            )
            pc, client, pusher, one_device_rate = _backlog(report, central, work, n, accounts, rng)
            try:
                _idle(report, central, pc, client, pusher)
                _concurrent(report, central, accounts, rng, quick=quick, one_device_rate=one_device_rate)
            finally:
                client.close()
    finally:
        if pc is not None:
            pc.db.close()
        shutil.rmtree(work, ignore_errors=True)
