"""Pushing the outbox to the central server (docs/sync_protocol.md, SYNC_DESIGN §4.6).

One batch at a time, in device_seq order, never splitting a local transaction. A row is marked
acked only from the server's 200 answer, in one SQLite transaction with the new ack cursor; when
the answer is lost the same batch goes again and the server replays its stored results.
"""

import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import httpx
from sqlalchemy import select, update

from hallapp import failpoints
from hallapp.db.engine import Database
from hallapp.db.models import Outbox
from hallapp.domain.canonical import canonical_json
from hallapp.domain.errors import SyncStopped, SyncUnavailable
from hallapp.sync import outbox, state

PROTOCOL_VERSION = 1
BATCH_SIZE = 200
TIMEOUT_S = 30.0  # the client's timeout (set where the httpx.Client is made)
LAST_ACKED = "last_acked_seq"
LAST_PUSH_AT = "last_push_at"
STOPPED = "push_stopped"  # set when pushing must wait for an administrator
__all__ = ["PushOutcome", "Pusher", "SyncStopped", "SyncUnavailable"]
_lock = threading.Lock()  # one push at a time in this process


@dataclass(frozen=True)
class PushOutcome:
    sent: int = 0
    acked_up_to: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    pending: int = 0


class Pusher:
    def __init__(
        self,
        db: Database,
        client: httpx.Client,
        device_id: str,
        token: str,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self.client = client
        self.device_id = device_id
        self.token = token
        self.now = now  # this PC's clock (the app's Clock), compared with the server's (§4.12)
        self.clock_offset_s: float | None = None  # server time minus this PC's, at the last meta call
        self._meta_checked = False

    def push_all(self, max_batches: int = 100) -> PushOutcome:
        """Push until nothing is pending (or ``max_batches`` were sent): the total outcome."""
        total: Counter[str] = Counter()
        sent = acked = 0
        for _ in range(max_batches):
            outcome = self.push_once()
            sent += outcome.sent
            acked = max(acked, outcome.acked_up_to)
            total.update(outcome.statuses)
            if not outcome.sent or not outcome.pending:
                return PushOutcome(sent, acked, dict(total), outcome.pending)
        return PushOutcome(sent, acked, dict(total), self.pending())

    def push_once(self) -> PushOutcome:
        if not _lock.acquire(blocking=False):
            return PushOutcome(pending=self.pending())
        try:
            self._check_not_stopped()
            if not self._meta_checked:
                self._check_server_view()
            for _ in range(2):  # a gap the server reports is repaired once, then sent again
                rows = self._batch()
                if not rows:
                    return PushOutcome(pending=0)
                body = {
                    "device_id": self.device_id,
                    "batch_id": str(uuid.uuid4()),
                    "protocol_version": PROTOCOL_VERSION,
                    "ops": [_op(r) for r in rows],
                }
                failpoints.hit("client.before_push_send")
                answer = self._post("/v1/sync/push", body)
                if answer.status_code == 200:
                    return self._acked(answer.json(), len(rows))
                self._refused(answer)
            return PushOutcome(pending=self.pending())
        finally:
            _lock.release()

    def _check_server_view(self) -> None:
        """Once per start: a server that acknowledged more of this device than this database holds
        means the database was restored from an older backup. Its next receipt numbers were already
        printed once: stop before anything more is sent (SYNC_DESIGN §4.8)."""
        answer = self._meta()
        if int(answer.json()["last_acked_seq"]) > self._highest_seq():
            self._stop("restored_backup")
        self._meta_checked = True

    def _highest_seq(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(Outbox.device_seq).order_by(Outbox.device_seq.desc()).limit(1)) or 0

    def _stop(self, reason: str) -> None:
        """Remember why pushing stopped (it stays stopped across restarts), then say so."""
        with self.db.write() as s:
            state.put(s, STOPPED, reason)
        raise SyncStopped(reason=reason)

    def reconcile(self, day: date) -> dict[str, Any]:
        """The server's view of this PC's business day and each closed shift's check (§4.13)."""
        answer = self._get(f"/v1/sync/reconcile?business_date={day.isoformat()}")
        if answer.status_code != 200:
            self._refused(answer)
        return answer.json()

    def pending(self) -> int:
        with self.db.read() as s:
            return outbox.pending_count(s)

    def heartbeat(self) -> None:
        """Ask the server how it is (nothing to push): raises SyncUnavailable when it does not answer."""
        self._meta()

    def _meta(self) -> httpx.Response:
        """``GET /v1/sync/meta``, noting how far this PC's clock is from the server's (§4.12): the
        server's time against the middle of the round trip. Device time never orders anything; the
        offset only warns the clerk."""
        sent = self.now()
        answer = self._get("/v1/sync/meta")
        if answer.status_code != 200:
            self._refused(answer)
        received = self.now()
        try:
            server_time = datetime.fromisoformat(answer.json()["server_time"])
            self.clock_offset_s = (server_time - (sent + (received - sent) / 2)).total_seconds()
        except (KeyError, TypeError, ValueError):
            self.clock_offset_s = None
        return answer

    def _check_not_stopped(self) -> None:
        with self.db.read() as s:
            stopped = state.get(s, STOPPED)
        if stopped:
            raise SyncStopped(reason=stopped)

    def _batch(self) -> list[Outbox]:
        with self.db.read() as s:
            rows = list(
                s.scalars(
                    select(Outbox)
                    .where(Outbox.status == "pending")
                    .order_by(Outbox.device_seq)
                    .limit(BATCH_SIZE)
                )
            )
            if len(rows) == BATCH_SIZE:  # never split a local transaction across two batches
                tail = rows[-1].local_tx_id
                rest = s.scalars(
                    select(Outbox)
                    .where(Outbox.local_tx_id == tail, Outbox.device_seq > rows[-1].device_seq)
                    .order_by(Outbox.device_seq)
                )
                rows.extend(rest)
            s.expunge_all()
            return rows

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}

    def _post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return self._send(
            lambda: self.client.post(path, content=canonical_json(body), headers=self._headers())
        )

    def _get(self, path: str) -> httpx.Response:
        return self._send(lambda: self.client.get(path, headers=self._headers()))

    def _send(self, call) -> httpx.Response:  # type: ignore[no-untyped-def]
        try:
            answer = call()
        except httpx.HTTPError as exc:
            raise SyncUnavailable(reason=type(exc).__name__) from None
        if answer.status_code >= 500 or answer.status_code == 429:
            raise SyncUnavailable(reason=f"http_{answer.status_code}")
        return answer

    def _acked(self, data: dict[str, Any], sent: int) -> PushOutcome:
        results = {r["device_seq"]: r for r in data["results"]}
        failpoints.hit("client.after_response_before_ack_commit")
        now = datetime.now(UTC)
        statuses: Counter[str] = Counter()
        rows = []
        for seq, result in results.items():
            status = result["status"]
            stored = result.get("original", {}).get("status", status) if status == "duplicate" else status
            statuses[stored] += 1
            rows.append(
                {
                    "device_seq": seq,
                    "status": stored,
                    "server_result": canonical_json(result),
                    "acked_at": now,
                }
            )
        with self.db.write() as s:
            s.execute(update(Outbox), rows)  # one executemany by primary key
            state.put(s, LAST_ACKED, str(data["ack_up_to"]))
            state.put(s, LAST_PUSH_AT, now.isoformat())
        return PushOutcome(sent, data["ack_up_to"], dict(statuses), self.pending())

    def _refused(self, answer: httpx.Response) -> None:
        """A 4xx: a gap is repaired by resending; anything else stops pushing until a person looks."""
        try:
            error = answer.json()
        except ValueError:
            error = {"error": f"http_{answer.status_code}"}
        code = str(error.get("error", f"http_{answer.status_code}"))
        if code == "seq_gap":
            self._resend_from(int(error["expected_seq"]))
            return
        if code == "batch_too_large":  # this version's batches are within the limit: do not latch
            raise SyncStopped(reason=code)
        self._stop(code)

    def _resend_from(self, expected: int) -> None:
        """The server expects an earlier op than we sent (it lost acked data, e.g. its own restore):
        mark our retained rows from there pending again. If it expects one we never wrote, this
        database is older than what the server saw: stop."""
        if expected > self._highest_seq() + 1:
            self._stop("restored_backup")
        with self.db.write() as s:
            s.execute(update(Outbox).where(Outbox.device_seq >= expected).values(status="pending"))


def _op(row: Outbox) -> dict[str, Any]:
    return {
        "device_seq": row.device_seq,
        "op_id": row.op_id,
        "local_tx_id": row.local_tx_id,
        "op_type": row.op_type,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "base_version": row.base_version,
        "payload": row.payload,
        "payload_hash": row.payload_hash,
        "prev_hash": row.prev_hash,
        "operator_id": row.operator_id,
        "shift_id": row.shift_id,
        "device_time": row.device_time.isoformat(),
    }
