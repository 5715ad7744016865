"""Shared by the central server tests (no tests here): a migrated database, the app in a TestClient,
halls, codes and enrolled devices, and a device's op chain built exactly as the PC's outbox builds it.
"""

import json
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.exceptions import StarletteDeprecationWarning

from hallapp.central.app import create_app
from hallapp.central.db import Sessions, make_engine, make_sessions, upgrade
from hallapp.central.enrolment import create_enrolment_code, create_hall
from hallapp.central.schema import Account, AppliedOp, Device, Payment
from hallapp.domain.canonical import GENESIS_HASH, canonical_json, chain_hash, sha256_hex
from hallapp.domain.ids import new_id
from tests.pg import pg_url  # noqa: F401 - re-exported as a fixture

with warnings.catch_warnings():  # starlette would like httpx2; httpx works the same here
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

HALL = "H0001"
PAID_AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
def central_url(pg_url: str) -> str:
    upgrade(pg_url)
    return pg_url


@pytest.fixture
def sessions(central_url: str) -> Iterator[Sessions]:
    engine = make_engine(central_url)
    made = make_sessions(engine)
    create_hall(made, HALL, "城东供电营业厅")
    yield made
    engine.dispose()


@pytest.fixture
def client(central_url: str, sessions: Sessions) -> Iterator[TestClient]:
    with TestClient(create_app(central_url), raise_server_exceptions=False) as test_client:
        yield test_client


@dataclass
class Enrolled:
    device_id: str
    device_code: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def new_code(sessions: Sessions, hall_id: str = HALL, minutes: int = 15) -> str:
    return create_enrolment_code(sessions, hall_id, minutes=minutes).code


def enrol_body(code: str) -> dict[str, str]:
    return {"enrolment_code": code, "hostname": "counter-01", "client_version": "0.5.0"}


def enrol(client: TestClient, sessions: Sessions, hall_id: str = HALL) -> Enrolled:
    response = client.post("/v1/devices/enroll", json=enrol_body(new_code(sessions, hall_id)))
    assert response.status_code == 201, response.text
    body = response.json()
    return Enrolled(body["device_id"], body["device_code"], body["device_token"])


@dataclass
class Chain:
    """One PC's outbox: ops numbered from 1 and hash-chained like ``hallapp.sync.outbox.append``."""

    device_code: str = "H000001"
    operator_id: str = field(default_factory=new_id)
    shift_id: str = field(default_factory=new_id)
    ops: list[dict[str, Any]] = field(default_factory=list)
    head: str = GENESIS_HASH

    def op(self, op_type: str, entity: str, entity_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        body = canonical_json({"v": 1, **payload})
        op = {
            "device_seq": len(self.ops) + 1,
            "op_id": new_id(),
            "local_tx_id": new_id(),
            "op_type": op_type,
            "entity": entity,
            "entity_id": entity_id,
            "base_version": None,
            "payload": body,
            "payload_hash": sha256_hex(body),
            "prev_hash": self.head,
            "operator_id": self.operator_id,
            "shift_id": self.shift_id,
            "device_time": (PAID_AT + timedelta(seconds=len(self.ops))).isoformat(),
        }
        self.head = chain_hash(self.head, op["op_id"], op["payload_hash"])
        self.ops.append(op)
        return op

    def payment(self, account_no: str, amount_fen: int, **extra: Any) -> dict[str, Any]:
        payment_id = new_id()
        payload = payment_payload(payment_id, self.receipt_no(), account_no, amount_fen) | extra
        return self.op("payment.record", "payment", payment_id, payload)

    def reversal(self, original: dict[str, Any]) -> dict[str, Any]:
        """As reversal_service sends it: the opposite amount, an empty account_no, a reason."""
        first = json.loads(original["payload"])
        payment_id = new_id()
        payload = payment_payload(payment_id, self.receipt_no(), "", -first["amount_fen"])
        payload |= {"reverses_payment_id": first["payment_id"], "reason": "收错户号"}
        return self.op("payment.reverse", "payment", payment_id, payload)

    def receipt_no(self) -> str:
        return f"{self.device_code}-26{len(self.ops) + 1:07d}0"


def payment_payload(payment_id: str, receipt_no: str, account_no: str, amount_fen: int) -> dict[str, Any]:
    """The keys of ``hallapp.services.payment_service.payment_payload``."""
    return {
        "payment_id": payment_id,
        "receipt_no": receipt_no,
        "request_id": new_id(),
        "account_id": new_id(),
        "account_no": account_no,
        "amount_fen": amount_fen,
        "penalty_fen": 0,
        "to_prepaid_fen": 0,
        "method": "cash",
        "reference": None,
        "business_date": date(2026, 11, 23).isoformat(),
        "paid_at": PAID_AT.isoformat(),
        "reverses_payment_id": None,
        "approval_id": None,
        "allocations": [{"bill_id": new_id(), "principal_fen": amount_fen, "penalty_fen": 0}],
    }


def batch(device: Enrolled, ops: list[dict[str, Any]], batch_id: str | None = None) -> dict[str, Any]:
    return {
        "device_id": device.device_id,
        "batch_id": batch_id or str(uuid.uuid4()),
        "protocol_version": 1,
        "ops": ops,
    }


def add_accounts(sessions: Sessions, *numbers: str, status: str = "active") -> None:
    with sessions.begin() as s:
        s.add_all(Account(account_no=n, hall_id=HALL, status=status) for n in numbers)


def counts(sessions: Sessions) -> tuple[int, int]:
    """(payments, applied ops) stored on the server."""
    with sessions() as s:
        payments = s.scalar(select(func.count()).select_from(Payment))
        applied = s.scalar(select(func.count()).select_from(AppliedOp))
    return payments or 0, applied or 0


def device_row(sessions: Sessions, device_id: str) -> Device:
    with sessions() as s:
        row = s.get(Device, device_id)
        assert row is not None
        return row


def enrolled_demo_pc(
    path: Any, clock: Any, client: TestClient, sessions: Sessions, hall_id: str
) -> tuple[Any, str]:
    """A demo PC database (no accounts) at ``path``, enrolled with the server through ``client``, and
    opened again as the app would after enrolment: (its HallCore, its device token)."""
    from hallapp.demo.build import build_demo_database
    from hallapp.services.hall_core import HallCore
    from hallapp.sync.enrol import enrol as enrol_pc

    build_demo_database(path, 0, clock=clock)
    tokens: dict[str, str] = {}
    core = HallCore.open(path, clock=clock)
    enrol_pc(
        core.db,
        client,
        new_code(sessions, hall_id),
        hostname=path.stem,
        client_version="0.5.0",
        keep_token=tokens.__setitem__,
    )
    core.close()
    core = HallCore.open(path, clock=clock)
    return core, tokens[core.device.device_id]
