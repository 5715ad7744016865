"""Schemathesis fuzzes every operation of the central server's OpenAPI document (SYNC_DESIGN §4.14),
in-process against the ASGI app and a real PostgreSQL, as three callers: no token, an enrolled
device's token and a revoked device's token; with data that fits the document and data that does not.

Each answer must not be a 5xx, must be a status the document lists for the operation, and must match
the documented shape. A refused request (4xx), and any GET, must leave every table as it was. The
operations are read from the document, so a route added later is fuzzed without touching this file.

CI runs a small seeded sample (reproducible); ``HALLAPP_FUZZ_DEEP=1`` runs many more random examples
(``HALLAPP_FUZZ_EXAMPLES`` sets how many per operation, caller and mode) for a manual search.
"""

import json
import os
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from schemathesis import GenerationMode
from schemathesis.checks import (  # type: ignore[attr-defined]  # registered checks, loaded on access
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import Engine, text

from hallapp.central.app import create_app
from hallapp.central.bodies import PROTOCOL_MAX
from hallapp.central.db import Sessions, make_engine
from hallapp.central.enrolment import create_enrolment_code, revoke_device
from hallapp.domain.canonical import canonical_json, chain_hash, sha256_hex
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    Chain,
    Enrolled,
    batch,
    central_url,
    client,
    enrol,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg

DEEP = os.environ.get("HALLAPP_FUZZ_DEEP") == "1"
EXAMPLES = int(os.environ.get("HALLAPP_FUZZ_EXAMPLES", "400" if DEEP else "30"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    ignored_auth,
]
# Invalid data is rejected by any 4xx the document lists (413 for a payload over its limit, say);
# schemathesis's default list is shorter. A 5xx is reported by not_a_server_error.
CONFIG = schemathesis.Config.from_str(
    '[checks.negative_data_rejection]\nexpected-statuses = ["4XX", "5XX"]\n'
)
# The document as FastAPI builds it; no database is reached to build it.
DOCUMENT = create_app("postgresql://unused@127.0.0.1/unused").openapi()
OPERATIONS = [(method.upper(), path) for path, methods in DOCUMENT["paths"].items() for method in methods]

Snapshot = Callable[[], dict[str, Hashable]]
# The one refusal that changes state by design (docs/sync_protocol.md): a replayed seq carrying
# another op, or an op id used before, quarantines the device (its row only).
SIDE_EFFECTS = {"history_diverged": frozenset({"device"})}
WROTE = "wrote"
STEERS = ("chained json", "chained", "own", "as generated")  # how far Tamper helps a request along


@dataclass(frozen=True)
class Caller:
    """Who sends the fuzzed requests, and what a secured operation must answer them."""

    name: str
    headers: dict[str, str]
    must_answer: frozenset[int] | None  # None: any documented status
    device_id: str | None = None


@dataclass
class Tamper:
    """Turns some generated requests into ones that get past the first checks, so the fuzzing reaches
    deeper code: a fresh enrolment code, the caller's own device id and protocol, a well-formed chain.
    Keyed by body field names, not routes: a later route with such fields gets the same help. Only
    data that fits the document is tampered with (invalid data must stay invalid)."""

    new_code: Callable[[], str] | None = None
    chain_start: Callable[[], tuple[int, str]] | None = None
    reactivate: Callable[[], None] | None = None  # undoes a documented quarantine
    path_values: dict[str, str] = field(default_factory=dict)  # path parameter → a row that exists

    def apply(self, case: Any, caller: Caller, steer: str) -> None:
        if steer == "as generated":
            return
        for name in case.path_parameters or {}:
            if name in self.path_values:
                case.path_parameters[name] = self.path_values[name]
        body = case.body
        if not isinstance(body, dict):
            return
        _whole_numbers_as_int(body)
        if "enrolment_code" in body and self.new_code is not None:
            body["enrolment_code"] = self.new_code()
        if isinstance(body.get("staff_no"), str) and isinstance(body.get("password"), str):
            # An operator the server's own rules take (they are stricter than the document can say:
            # the hall's minimum password length is a setting): a new staff number, a long password.
            body["staff_no"] = "F" + sha256_hex(body["staff_no"])[:12].upper()
            body["password"] = (body["password"] + "fuzz-password")[:128]
            if isinstance(body.get("name"), str):
                body["name"] = body["name"][:20]
        if "device_id" in body and caller.device_id is not None:
            body["device_id"] = caller.device_id
            if "protocol_version" in body:
                body["protocol_version"] = PROTOCOL_MAX
            if self.chain_start is not None and steer != "own" and isinstance(body.get("ops"), list):
                _rechain(body["ops"], *self.chain_start(), as_json=steer == "chained json")


def _whole_numbers_as_int(value: Any) -> None:
    """JSON Schema's integer admits 918.0, which the strict server refuses (400); the PC never sends it."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in list(items):
        if isinstance(item, float) and item.is_integer():
            value[key] = int(item)
        else:
            _whole_numbers_as_int(item)


def _rechain(ops: list[Any], next_seq: int, head: str, *, as_json: bool) -> None:
    """Numbers the ops on from the device's position and hash-chains them as a PC does; ``as_json``
    wraps each generated payload in a JSON object, so the ops are applied (or stored), not refused."""
    for offset, op in enumerate(ops):
        if not isinstance(op, dict) or not isinstance(op.get("payload"), str):
            return
        if as_json:
            op["payload"] = canonical_json({"v": 1, "text": op["payload"]})
        op["device_seq"], op["prev_hash"] = next_seq + offset, head
        op["payload_hash"] = sha256_hex(op["payload"])
        if isinstance(op.get("op_id"), str):
            head = chain_hash(head, op["op_id"], op["payload_hash"])


def fuzz(
    operation: Any,
    caller: Caller,
    mode: GenerationMode,
    snapshot: Snapshot,
    *,
    tamper: Tamper | None = None,
    examples: int = EXAMPLES,
    shrink: bool = True,
) -> Counter[int | str]:
    """The harness: raises (after shrinking) on the first request that breaks a rule; else returns
    how often each status was answered, and under ``WROTE`` how many accepted requests wrote."""
    strategy = operation.as_strategy(generation_mode=mode, headers=dict(caller.headers) or None)
    secured = scheme_of(operation) is not None
    answered: Counter[int | str] = Counter()

    @settings(
        max_examples=examples,
        derandomize=not DEEP,
        database=None,
        deadline=None,
        print_blob=True,
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy, steer=st.sampled_from(STEERS))
    def one_request(case: Any, steer: str) -> None:
        if tamper is not None and mode.is_positive:
            tamper.apply(case, caller, steer)
        before = snapshot()
        try:
            response = case.call()
        except Exception as exc:  # the app answered 500 and re-raised its unexpected error
            raise AssertionError(f"500: {case.method} {case.path} raised {exc!r}") from exc
        status = response.status_code
        answered[status] += 1
        case.validate_response(response, checks=CHECKS)
        if secured and caller.must_answer is not None:
            assert status in caller.must_answer, f"{caller.name}: {status} {response.text[:300]}"
        after = snapshot()
        changed = {table for table in before.keys() | after.keys() if before.get(table) != after.get(table)}
        if status < 400 and case.method not in ("GET", "HEAD"):
            answered[WROTE] += bool(changed)
        else:
            error = _error_code(response)
            allowed = SIDE_EFFECTS.get(error, frozenset())
            assert changed <= allowed, (
                f"{case.method} {case.path} answered {status} {error} and changed {changed}"
            )
            if changed and tamper is not None and tamper.reactivate is not None:
                tamper.reactivate()  # so later examples still reach the push

    one_request()
    return answered


def _error_code(response: Any) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("error") if isinstance(body, dict) else None


def table_digest(engine: Engine) -> Snapshot:
    """Every table of the central database (those added later too): row count and content hash."""

    def snapshot() -> dict[str, Hashable]:
        with engine.connect() as conn:
            tables = conn.scalars(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    " AND tablename <> 'alembic_version' ORDER BY tablename"
                )
            ).all()
            query = " UNION ALL ".join(
                f"SELECT '{t}', count(*), md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), ''))"
                f' FROM "{t}" r'
                for t in tables
            )
            return {table: (count, digest) for table, count, digest in conn.execute(text(query))}

    return snapshot


def load_schema(app: Any) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)


def find(schema: Any, method: str, path: str) -> Any:
    for result in schema.get_all_operations():
        operation = result.ok()  # an operation the document describes wrongly fails here
        if (operation.method.upper(), operation.path) == (method, path):
            return operation
    raise AssertionError(f"{method} {path} is not in the loaded document")


def modes(operation: Any, caller: Caller) -> list[GenerationMode]:
    """Negative data needs something to break that the caller does not fix: a parameter or a body."""
    free = [p for p in operation.iter_parameters() if p.name not in caller.headers]
    if free or operation.body:
        return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    return [GenerationMode.POSITIVE]


@pytest.fixture(autouse=True, scope="module")
def hypothesis_as_it_was() -> Iterator[None]:
    """Schemathesis patches Hypothesis for the whole process the first time it builds a strategy (a
    printer that prints nothing, a larger buffer); the tests run after these get Hypothesis back."""
    from hypothesis import core
    from hypothesis.internal import entropy
    from hypothesis.internal.conjecture import engine
    from hypothesis.strategies._internal import collections
    from hypothesis.strategies._internal import core as strategies_core
    from schemathesis.generation import hypothesis as schemathesis_hypothesis

    patched = [
        (core, "RepresentationPrinter"),
        (core, "BUFFER_SIZE"),
        (engine, "BUFFER_SIZE"),
        (collections, "BUFFER_SIZE"),
        (strategies_core, "is_first_param_referenced_in_function"),
        (entropy, "register_random"),
    ]
    saved = [getattr(module, name) for module, name in patched]
    yield
    for (module, name), value in zip(patched, saved, strict=True):
        setattr(module, name, value)
    schemathesis_hypothesis.setup._is_patched = False  # type: ignore[attr-defined]


@pytest.fixture
def fuzz_app(central_url: str, sessions: Sessions) -> Any:
    app = create_app(central_url)
    yield app
    schemathesis.python.asgi.shutdown_lifespans()  # the app's engine is disposed before the drop


@dataclass(frozen=True)
class World:
    """The rows the fuzzing starts from: who calls under each security scheme, and rows that exist."""

    callers: dict[str | None, list[Caller]]
    device_id: str
    path_values: dict[str, str]
    sessions: Sessions

    def values_for(self, operation: Any) -> dict[str, str]:
        """Existing rows for the operation's path parameters, made when first needed (an operator
        costs a password hash)."""
        for parameter in operation.iter_parameters():
            name = parameter.name
            if parameter.location == "path" and name in PATH_SEEDS and name not in self.path_values:
                self.path_values[name] = PATH_SEEDS[name](self.sessions)
        return self.path_values


@pytest.fixture
def world(client, sessions: Sessions) -> World:  # type: ignore[no-untyped-def]
    active = enrol(client, sessions)
    revoked = enrol(client, sessions)
    revoke_device(sessions, revoked.device_id)
    anonymous = Caller("no or a made-up token", {}, frozenset({401}))
    callers: dict[str | None, list[Caller]] = {
        None: [Caller("anyone", {}, None)],
        "deviceToken": [
            anonymous,
            Caller("enrolled device", active.headers, None, active.device_id),
            Caller("revoked device", revoked.headers, frozenset({403})),
        ],
    }
    path_values = {"hall_id": HALL, "device": active.device_id}
    if "adminToken" in DOCUMENT["components"].get("securitySchemes", {}):
        callers["adminToken"] = [anonymous, *admin_callers(sessions, active)]
    return World(callers, active.device_id, path_values, sessions)


def admin_callers(sessions: Sessions, device: Enrolled) -> list[Caller]:
    """An administrator, one whose token was revoked, and a device: only the first gets through."""
    from hallapp.central.admin_auth import issue_admin_token, revoke_admin_token

    token = issue_admin_token(sessions, "fuzz")
    revoked = issue_admin_token(sessions, "fuzz-revoked")
    revoke_admin_token(sessions, "fuzz-revoked")
    return [
        Caller("a device token", device.headers, frozenset({401})),
        Caller("revoked admin token", {"Authorization": f"Bearer {revoked}"}, frozenset({401})),
        Caller("administrator", {"Authorization": f"Bearer {token}"}, None),
    ]


def seed_operator(sessions: Sessions) -> str:
    from hallapp.central.staff import add_operator

    return add_operator(sessions, HALL, "F001", "模糊测试", "clerk", "fuzz-Password-1").staff_no


PATH_SEEDS: dict[str, Callable[[Sessions], str]] = {"staff_no": seed_operator}


def scheme_of(operation: Any) -> str | None:
    schemes = {name for requirement in operation.definition.raw.get("security") or [] for name in requirement}
    assert len(schemes) <= 1, f"{operation.label}: one security scheme expected, got {schemes}"
    return next(iter(schemes), None)


def device_position(engine: Engine, device_id: str) -> Callable[[], tuple[int, str]]:
    def position() -> tuple[int, str]:
        with engine.connect() as conn:
            seq, head = conn.execute(
                text("SELECT last_acked_seq, last_chain_hash FROM device WHERE device_id = :d"),
                {"d": device_id},
            ).one()
        return seq + 1, head

    return position


def reactivation(engine: Engine, device_id: str) -> Callable[[], None]:
    def reactivate() -> None:
        with engine.begin() as conn:
            quarantined = conn.execute(
                text("UPDATE device SET status = 'active' WHERE device_id = :d AND status = 'quarantined'"),
                {"d": device_id},
            ).rowcount
        assert quarantined == 1, "history_diverged changed the device row but did not quarantine it"

    return reactivate


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_survives_fuzzing(
    method: str, path: str, fuzz_app: Any, world: World, central_url: str, sessions: Sessions
) -> None:
    engine = make_engine(central_url)
    try:
        operation = find(load_schema(fuzz_app), method, path)
        scheme = scheme_of(operation)
        if scheme not in world.callers:
            pytest.fail(
                f"{method} {path}: no callers for the security scheme {scheme!r}; add them to `world`"
            )
        snapshot = table_digest(engine)
        tamper = Tamper(
            new_code=lambda: create_enrolment_code(sessions, HALL).code,
            chain_start=device_position(engine, world.device_id),
            reactivate=reactivation(engine, world.device_id),
            path_values=world.values_for(operation),
        )
        accepted: Counter[int | str] = Counter()
        for caller in world.callers[scheme]:
            refused = caller.must_answer is not None
            # A caller refused before its request is read needs fewer examples to show it.
            examples = max(4, EXAMPLES // 8) if refused else EXAMPLES
            for mode in modes(operation, caller):
                answered = fuzz(operation, caller, mode, snapshot, tamper=tamper, examples=examples)
                if not refused:
                    accepted += answered
        # Not vacuous: some fuzzed requests got through to the operation's real work (and wrote).
        assert any(isinstance(status, int) and 200 <= status < 300 for status in accepted), accepted
        assert method == "GET" or accepted[WROTE], accepted
    finally:
        engine.dispose()


def test_the_document_lists_every_route_with_its_bodies_and_refusals() -> None:
    """The document says what the routes really take: fuzzing a route it describes wrongly finds little."""
    paths = DOCUMENT["paths"]
    assert {"/health", "/metrics", "/v1/devices/enroll", "/v1/sync/push", "/v1/sync/pull"} <= set(paths)
    push = paths["/v1/sync/push"]["post"]
    assert push["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PushBody"
    }
    assert {"400", "401", "403", "409", "413", "426"} <= set(push["responses"])
    assert push["security"] == [{"deviceToken": []}]
    assert "security" not in paths["/v1/devices/enroll"]["post"]
    assert DOCUMENT["components"]["schemas"]["OpBody"]["additionalProperties"] is False
    assert all("422" not in op["responses"] for methods in paths.values() for op in methods.values())


# Found while fuzzing the push below the HTTP layer: an op whose payload is JSON but not what its
# handler expects once raised in the handler, so the batch answered 500 on every retry and the
# device's queue was stuck behind it (a poison op). Each is acknowledged as ``rejected``.
PAYMENT = {
    "payment_id": "p1",
    "receipt_no": "R1",
    "account_no": "3201000001",
    "amount_fen": 100,
    "method": "cash",
    "business_date": "2026-11-20",
}
GOLDEN_OPS = Path(__file__).resolve().parent.parent / "data" / "ops"


def golden(op_type: str, **changes: Any) -> dict[str, Any]:
    """The golden v1 payload of ``op_type`` with ``changes`` (None: the field left out)."""
    op = json.loads((GOLDEN_OPS / f"{op_type}.v1.json").read_text(encoding="utf-8"))["op"]
    payload = json.loads(op["payload"]) | changes
    return {k: v for k, v in payload.items() if v is not None or k not in changes}


POISON = {
    "shift.close last_device_seq not a number": ("shift.close", {"last_device_seq": "abc"}),
    "shift.close last_device_seq beyond bigint": ("shift.close", {"last_device_seq": 10**30}),
    "shift.close by_method entry not an object": ("shift.close", {"by_method": {"cash": 5}}),
    "shift.close by_method a list": ("shift.close", {"by_method": [1]}),
    "shift.close payment_count a string": ("shift.close", {"payment_count": "3"}),
    "shift.close shift_id with NUL": ("shift.close", {"shift_id": "a\u0000b"}),
    "payment.record receipt_no with NUL": ("payment.record", {**PAYMENT, "receipt_no": "R\u0000"}),
    "payment.reverse of an id with NUL": ("payment.reverse", {**PAYMENT, "reverses_payment_id": "x\u0000"}),
    "customer.patch value with NUL": (
        "customer.patch",
        {"customer_id": "c1", "fields": {"phone": "1\u0000"}},
    ),
    "application.submit form with NUL": (
        "application.submit",
        {
            "application_id": "a1",
            "application_no": "A1",
            "kind": "name_change",
            "stage": "accepted",
            "applicant_name": "张三",
            "form": {"note": {"deep": ["x\u0000"]}},
        },
    ),
    # The hall facts of the central report (hallapp/central/hall_facts.py): a golden payload, one field broken.
    "ticket.event seq a string": ("ticket.event", golden("ticket.event", seq="1")),
    "ticket.event at without a time zone": ("ticket.event", golden("ticket.event", at="2026-11-20T01:30:00")),
    "ticket.event window_no negative": ("ticket.event", golden("ticket.event", window_no=-1)),
    "ticket.event rating out of range": (
        "ticket.event",
        golden("ticket.event", kind="rated", details={"score": 9}),
    ),
    "ticket.event display_no with NUL": ("ticket.event", golden("ticket.event", display_no="A\u0000")),
    "queue.log business_date not a date": ("queue.log", golden("queue.log", business_date="2026-13-01")),
    "queue.log at missing": ("queue.log", golden("queue.log", at=None)),
    "shift.open opened_at a number": ("shift.open", golden("shift.open", opened_at=1)),
    "shift.close counted cash a string": ("shift.close", golden("shift.close", counted_cash_fen="30000")),
    "complaint.receive version negative": ("complaint.receive", golden("complaint.receive", version=-1)),
    "complaint.close cause too long": ("complaint.close", golden("complaint.close", cause="x" * 25)),
    "consultation.record answered a string": (
        "consultation.record",
        golden("consultation.record", answered="yes"),
    ),
    "window.save number a string": ("window.save", golden("window.save", number="12")),
    "application.stage version missing": ("application.stage", golden("application.stage", version=None)),
}


@pytest.mark.parametrize(("op_type", "payload"), POISON.values(), ids=POISON.keys())
def test_a_malformed_payload_is_rejected_not_a_500(
    client, sessions, op_type: str, payload: dict[str, Any]
) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    chain = Chain()
    chain.op(op_type, op_type.partition(".")[0], "e1", payload)
    response = client.post("/v1/sync/push", json=batch(device, chain.ops), headers=device.headers)
    assert response.status_code == 200, response.text
    result = response.json()["results"][0]
    assert (result["status"], result["reason"]) == ("rejected", "invalid_payload"), result
    assert ("\\u0000" in json.dumps(payload)) == (result["field"] == "nul"), result
    assert response.json()["ack_up_to"] == 1  # acknowledged: the device's queue moves on


# Negative controls: the same harness on a small app that is wrong on purpose must fail.


class Thing(BaseModel):
    name: str
    count: int


def broken_app() -> tuple[FastAPI, dict[str, int]]:
    app, state = FastAPI(), {"writes": 0}

    @app.post("/boom")
    def boom(thing: Thing) -> dict[str, str]:
        if thing.count > 3:
            raise RuntimeError("a bug")
        return {"name": thing.name}

    @app.post("/internal")
    def internal(thing: Thing) -> JSONResponse:
        return JSONResponse({"error": "internal"}, 500 if thing.name else 200)

    @app.get("/leak", responses={400: {"description": "refused"}})
    def leak(n: int) -> JSONResponse:
        state["writes"] += 1  # a refused request that still writes
        return JSONResponse({"error": "malformed"}, 400)

    @app.get("/teapot")
    def teapot(request: Request) -> JSONResponse:
        return JSONResponse({"error": "undocumented"}, 418)

    return app, state


@pytest.mark.parametrize(
    ("path", "method", "expected"),
    [
        ("/boom", "POST", "raised RuntimeError('a bug')"),
        ("/internal", "POST", "Server error"),
        ("/leak", "GET", "and changed {'writes'}"),
        ("/teapot", "GET", "Undocumented status code"),
    ],
)
def test_the_harness_catches_a_broken_server(path: str, method: str, expected: str) -> None:
    app, state = broken_app()
    operation = find(load_schema(app), method, path)
    nobody = Caller("no token", {}, None)
    try:
        with pytest.raises(BaseException) as caught:  # a failure group or an assertion
            fuzz(
                operation, nobody, GenerationMode.POSITIVE, lambda: {"writes": state["writes"]}, shrink=False
            )
    finally:
        schemathesis.python.asgi.shutdown_lifespans()
    assert expected in _message(caught.value)


def _message(exc: BaseException) -> str:
    parts = [str(exc)]
    for inner in getattr(exc, "exceptions", ()):
        parts.append(_message(inner))
    return "\n".join(parts)
