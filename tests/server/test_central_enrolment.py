"""Enrolment and device authentication on the central server (docs/sync_protocol.md), real PostgreSQL."""

from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from sqlalchemy import select, update

from hallapp.central.enrolment import CODE_ALPHABET, CODE_LENGTH, create_hall, revoke_device
from hallapp.central.schema import Device, EnrolmentCode
from hallapp.domain.canonical import sha256_hex
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    Chain,
    batch,
    central_url,
    client,
    counts,
    device_row,
    enrol,
    enrol_body,
    new_code,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
ENROLL = "/v1/devices/enroll"
INVALID = {"error": "enrolment_code_invalid"}


def devices(sessions) -> list[Device]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return list(s.scalars(select(Device).order_by(Device.device_code)))


def test_a_code_enrols_one_device_once(client, sessions) -> None:
    code = new_code(sessions)
    assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    first = client.post(ENROLL, json=enrol_body(code))
    assert first.status_code == 201
    body = first.json()
    assert set(body) == {"device_id", "device_code", "hall_id", "device_token", "server_epoch"}
    assert body["hall_id"] == "H0001" and body["device_code"] == "H000001"
    again = client.post(ENROLL, json=enrol_body(code))
    assert (again.status_code, again.json()) == (403, INVALID)
    assert len(devices(sessions)) == 1


def test_the_code_is_typed_loosely(client, sessions) -> None:
    code = new_code(sessions)
    typed = f" {code[:5].lower()}-{code[5:]} "
    assert client.post(ENROLL, json=enrol_body(typed)).status_code == 201


def test_unknown_expired_and_used_codes_get_one_answer(client, sessions) -> None:
    expired, used = new_code(sessions), new_code(sessions)
    with sessions.begin() as s:
        s.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.code_hash == sha256_hex(expired))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    assert client.post(ENROLL, json=enrol_body(used)).status_code == 201
    for code in ("ABCDEFGHJK", expired, used, "x"):
        refused = client.post(ENROLL, json=enrol_body(code))
        assert (refused.status_code, refused.json()) == (403, INVALID), code
    assert len(devices(sessions)) == 1


def test_a_code_binds_its_hall_and_device_codes_increase(client, sessions) -> None:
    create_hall(sessions, "H0002", "城西供电营业厅")
    halls = ["H0002", "H0001", "H0002"]
    made = [enrol(client, sessions, hall) for hall in halls]
    rows = {row.device_id: row for row in devices(sessions)}
    assert [rows[d.device_id].hall_id for d in made] == halls
    assert [d.device_code for d in made] == ["H000001", "H000002", "H000003"]
    assert len({d.token for d in made}) == 3


def test_the_token_is_stored_hashed(client, sessions, central_url) -> None:
    device = enrol(client, sessions)
    assert device_row(sessions, device.device_id).token_hash == sha256_hex(device.token)
    with psycopg.connect(central_url) as conn:  # the clear token and code appear nowhere
        dump = conn.execute(
            "SELECT string_agg(t::text, '|') FROM (SELECT * FROM device) t"
            " UNION ALL SELECT string_agg(t::text, '|') FROM (SELECT * FROM enrolment_code) t"
        ).fetchall()
    assert device.token not in str(dump)


def test_a_missing_or_wrong_token_is_401_and_changes_nothing(client, sessions) -> None:
    device = enrol(client, sessions)
    ops = Chain().payment("3201000001", 100)
    cases = [
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": device.token},
        {"Authorization": "Basic x"},
    ]
    for headers in cases:
        assert client.get("/v1/sync/meta", headers=headers).status_code == 401
        refused = client.post("/v1/sync/push", json=batch(device, [ops]), headers=headers)
        assert (refused.status_code, refused.json()) == (401, {"error": "unauthenticated"})
    assert counts(sessions) == (0, 0)
    assert device_row(sessions, device.device_id).last_seen_at is None


def test_a_revoked_device_is_refused_and_nothing_changes(client, sessions) -> None:
    device = enrol(client, sessions)
    chain = Chain()
    chain.payment("3201000001", 100)
    assert (
        client.post("/v1/sync/push", json=batch(device, chain.ops), headers=device.headers).status_code == 200
    )
    revoke_device(sessions, device.device_code)  # by the code printed on its receipts
    before = device_row(sessions, device.device_id)
    chain.payment("3201000001", 200)
    for response in (
        client.get("/v1/sync/meta", headers=device.headers),
        client.post("/v1/sync/push", json=batch(device, chain.ops), headers=device.headers),
    ):
        assert response.status_code == 403
        assert response.json()["error"] == "device_revoked"
    after = device_row(sessions, device.device_id)
    assert counts(sessions) == (1, 1)
    assert (after.status, after.last_acked_seq, after.last_seen_at) == ("revoked", 1, before.last_seen_at)


def test_meta_tells_the_device_where_it_stands(client, sessions) -> None:
    device = enrol(client, sessions)
    meta = client.get("/v1/sync/meta", headers=device.headers).json()
    assert meta["device_id"] == device.device_id
    assert (meta["device_status"], meta["last_acked_seq"], meta["last_chain_hash"]) == ("active", 0, "0" * 64)
    assert (meta["protocol_min"], meta["protocol_max"]) == (1, 1)
    enrolled_epoch = client.post(ENROLL, json=enrol_body(new_code(sessions))).json()["server_epoch"]
    assert meta["server_epoch"] == enrolled_epoch
    assert datetime.fromisoformat(meta["server_time"]).tzinfo is not None


def test_malformed_enrolment_is_400_and_uses_no_code(client, sessions) -> None:
    code = new_code(sessions)
    good = enrol_body(code)
    bad_bodies = [
        {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "hostname"},
        {**good, "hostname": 7},
        {**good, "enrolment_code": "A" * 33},
        {**good, "client_version": "v" * 41},
        [good],
    ]
    for body in bad_bodies:
        refused = client.post(ENROLL, json=body)
        assert (refused.status_code, refused.json()) == (400, {"error": "malformed"}), body
    assert client.post(ENROLL, content=b"{not json").status_code == 400
    assert client.post(ENROLL, content=b"x" * 20_000).status_code == 413
    assert client.post(ENROLL, json=good).status_code == 201  # the code was still unused


def test_the_admin_commands_say_what_is_wrong(central_url, capsys, monkeypatch) -> None:
    from hallapp.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["central", *args])
        out = capsys.readouterr()
        return code, out.out.strip(), out.err

    monkeypatch.delenv("HALLAPP_CENTRAL_URL", raising=False)
    assert run("init-db")[0] == 2  # no database named
    monkeypatch.setenv("HALLAPP_CENTRAL_URL", central_url)
    assert run("add-hall", "--hall", "H0009", "--name", "城北供电营业厅")[0] == 0
    assert run("add-hall", "--hall", "H0009", "--name", "again")[:2] == (1, "")
    assert run("enrolment-code", "--hall", "H9999")[0] == 1
    assert run("enrolment-code", "--hall", "H0009", "--minutes", "0")[0] == 1
    code, printed, _ = run("enrolment-code", "--hall", "H0009")
    assert code == 0 and len(printed) == CODE_LENGTH
    assert run("revoke-device", "--device", "H123456")[0] == 1
    unreachable = "postgresql://postgres@127.0.0.1:1/nowhere"
    assert run("init-db", "--db-url", unreachable)[0] == 3
