"""SYNC_DESIGN §4.14 B for the upload half: random steps of two PCs and one central server on the real
PostgreSQL — payments, pushes with a random failure, replays of old requests, shift closes — then
everything is pushed and the invariants are checked:

1. exactly once: the payments taken on the PCs are exactly the server's payments;
2. unique receipt numbers, gap-free per device;
3. money balances: every closed shift reconciles `ok`;
4. ack soundness: no outbox row is marked acked unless the server's ledger holds that op;
7. idempotent replay: re-sending an old batch changes no row and repeats the first answers.
"""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select, text

from hallapp import failpoints
from hallapp.central.app import create_app
from hallapp.central.db import make_engine, make_sessions
from hallapp.central.enrolment import create_enrolment_code
from hallapp.central.schema import AppliedOp, Payment
from hallapp.db.models import Outbox
from hallapp.db.models import Payment as LocalPayment
from hallapp.demo.build import build_demo_database
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import SyncUnavailable
from hallapp.failpoints import FailpointHit
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.enrol import enrol
from hallapp.sync.push import Pusher
from tests.core.accounts_for_tests import make_account, pay
from tests.server.test_central_support import HALL, TestClient, central_url, pg_url  # noqa: F401

pytestmark = [pytest.mark.pg, pytest.mark.slow]
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PCS = 2
EXERCISED: dict[str, int] = {"failed_push": 0, "replay": 0, "closed_shift": 0}  # the run must reach these
FAILURES = (
    "",
    "server.mid_batch=raise@2",
    "server.after_commit_before_response=raise",
    "client.after_response_before_ack_commit=raise",
)


class UploadMachine(RuleBasedStateMachine):
    def __init__(self, url: str, folder: Path) -> None:
        super().__init__()
        self.engine = make_engine(url)
        self.sessions = make_sessions(self.engine)
        with self.sessions.begin() as s:
            s.execute(text("TRUNCATE payment, applied_op, device, enrolment_code CASCADE"))
        self.client = TestClient(create_app(url), raise_server_exceptions=False)
        self.folder = folder
        self.pcs: list[tuple[HallCore, object, Pusher]] = []
        self.last_batch: dict[int, tuple[bytes, dict]] = {}
        self.closed_shifts = 0
        self.open_payments = [0] * PCS  # payments in each PC's open shift

    @initialize()
    def two_enrolled_pcs(self) -> None:
        for n in range(PCS):
            path = self.folder / f"pc{n}-{id(self)}.sqlite"
            clock = FakeClock(START)
            build_demo_database(path, 0, clock=clock)
            core = HallCore.open(path, clock=clock)
            tokens: dict[str, str] = {}
            code = create_enrolment_code(self.sessions, HALL).code
            enrol(
                core.db,
                self.client,
                code,
                hostname=f"pc{n}",
                client_version="test",
                keep_token=tokens.__setitem__,
            )
            core.close()
            core = HallCore.open(path, clock=clock)
            clerk = core.auth.login(f"C00{n + 1}", DEMO_PASSWORD)
            self.pcs.append(
                (
                    core,
                    clerk,
                    Pusher(core.db, self.client, core.device.device_id, tokens[core.device.device_id]),
                )
            )

    @rule(pc=st.integers(0, PCS - 1), fen=st.integers(1, 200_000))
    def take_payment(self, pc: int, fen: int) -> None:
        core, clerk, _ = self.pcs[pc]
        pay(core, clerk, make_account(core, [("202610", fen, date(2026, 11, 12))]), fen)
        self.open_payments[pc] += 1

    @rule(pc=st.integers(0, PCS - 1), failure=st.sampled_from(FAILURES))
    def push(self, pc: int, failure: str) -> None:
        _, _, pusher = self.pcs[pc]
        failpoints.activate(failure)
        try:
            pusher.push_once()
        except (SyncUnavailable, FailpointHit):
            EXERCISED["failed_push"] += 1
        finally:
            failpoints.activate("")

    @precondition(lambda self: bool(self.pcs))
    @rule(pc=st.integers(0, PCS - 1))
    def replay_an_old_request(self, pc: int) -> None:
        """Send again the first batch this PC's server ledger holds, byte for byte."""
        core, _, pusher = self.pcs[pc]
        with self.sessions() as s:
            ops = s.scalars(
                select(AppliedOp)
                .where(AppliedOp.device_id == core.device.device_id)
                .order_by(AppliedOp.device_seq)
                .limit(3)
            ).all()
        if not ops:
            return
        body = {
            "device_id": core.device.device_id,
            "batch_id": ops[0].batch_id,
            "protocol_version": 1,
            "ops": [_envelope(op) for op in ops],
        }
        before = self._server_rows()
        answer = self.client.post(
            "/v1/sync/push", json=body, headers={"Authorization": f"Bearer {pusher.token}"}
        )
        assert answer.status_code == 200, answer.text
        results = answer.json()["results"]
        assert [r["status"] for r in results] == ["duplicate"] * len(ops)
        assert [r["original"] for r in results] == [op.result for op in ops]
        assert self._server_rows() == before
        EXERCISED["replay"] += 1

    @precondition(lambda self: any(self.open_payments))
    @rule(start=st.integers(0, PCS - 1))
    def close_the_shift(self, start: int) -> None:
        pc = next(n % PCS for n in range(start, start + PCS) if self.open_payments[n % PCS])
        core, clerk, _ = self.pcs[pc]
        assert len(core.shifts.payments(clerk)) == self.open_payments[pc]
        core.shifts.close(clerk, {}, "状态机测试")
        self.open_payments[pc] = 0
        self.closed_shifts += 1
        EXERCISED["closed_shift"] += 1

    @invariant()
    def acks_are_sound(self) -> None:
        """Invariant 4 after every step: an acked outbox row is in the server's ledger."""
        for core, _, _ in self.pcs:
            with core.db.read() as s:
                acked = set(s.scalars(select(Outbox.op_id).where(Outbox.status != "pending")))
            if acked:
                with self.sessions() as s:
                    held = set(s.scalars(select(AppliedOp.op_id).where(AppliedOp.op_id.in_(acked))))
                assert acked == held

    def teardown(self) -> None:
        try:
            if self.pcs:
                self._final_checks()
        finally:
            failpoints.activate("")
            for core, _, _ in self.pcs:
                core.close()
            self.client.close()
            self.engine.dispose()

    def _final_checks(self) -> None:
        for _, _, pusher in self.pcs:
            assert pusher.push_all().pending == 0
        local: list[tuple[str, str]] = []
        for core, _, _ in self.pcs:
            with core.db.read() as s:
                local += list(s.execute(select(LocalPayment.payment_id, LocalPayment.receipt_no)).all())
        with self.sessions() as s:
            server = list(s.execute(select(Payment.payment_id, Payment.receipt_no)).all())
        assert sorted(local) == sorted(server)  # 1: exactly once
        receipts = [r for _, r in server]
        assert len(receipts) == len(set(receipts))  # 2: unique numbers
        for core, _, _ in self.pcs:
            mine = sorted(
                int(r.split("-")[1][2:9]) for _, r in local if r.startswith(core.device.device_code + "-")
            )
            assert mine == list(range(1, len(mine) + 1))  # 2: gap-free per device
        for core, _, pusher in self.pcs:  # 3: every closed shift reconciles
            report = pusher.reconcile(core.clock.business_date())
            assert all(shift["status"] == "ok" for shift in report["shifts"]), report

    def _server_rows(self) -> tuple[int, int]:
        with self.sessions() as s:
            return (
                s.scalar(select(func.count()).select_from(Payment)) or 0,
                s.scalar(select(func.count()).select_from(AppliedOp)) or 0,
            )


def _envelope(op: AppliedOp) -> dict:
    return {
        "device_seq": op.device_seq,
        "op_id": op.op_id,
        "local_tx_id": op.local_tx_id,
        "op_type": op.op_type,
        "entity": op.entity,
        "entity_id": op.entity_id,
        "base_version": op.base_version,
        "payload": op.payload,
        "payload_hash": op.payload_hash,
        "prev_hash": op.prev_hash,
        "operator_id": op.operator_id,
        "shift_id": op.shift_id,
        "device_time": op.device_time.isoformat(),
    }


def test_upload_invariants_hold_under_random_steps_and_failures(central_url: str, tmp_path: Path) -> None:
    from hallapp.central.enrolment import create_hall

    engine = make_engine(central_url)
    create_hall(make_sessions(engine), HALL, "城东供电营业厅")
    engine.dispose()
    run_state_machine_as_test(
        lambda: UploadMachine(central_url, tmp_path),
        settings=settings(
            max_examples=12,
            stateful_step_count=14,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],  # a failing run is reported as found, unshrunk
            suppress_health_check=list(HealthCheck),
        ),
    )
    assert all(EXERCISED.values()), EXERCISED  # failures, replays and closes really happened
