"""Enrolling a PC: a one-time code gives it the central server's device identity and token."""

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from hallapp.db.models import DeviceIdentity, NumberSeries, SyncState
from hallapp.demo.build import build_demo_database
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.services.hall_core import HallCore
from hallapp.sync.enrol import clean_code, enrol
from hallapp.sync.push import SyncUnavailable

CODE = "ABCD234567"


def fake_server(status: int = 201):  # type: ignore[no-untyped-def]
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append(body)
        if status != 201 or body["enrolment_code"] != CODE:
            return httpx.Response(403 if status == 201 else status, json={"error": "enrolment_code_invalid"})
        return httpx.Response(
            201,
            json={
                "device_id": "0190aaaa-0000-7000-8000-000000000001",
                "device_code": "H000207",
                "hall_id": "H0002",
                "device_token": "tok-secret",
                "server_epoch": "epoch-1",
            },
        )

    return httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(answer)), seen


@pytest.fixture
def new_pc(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "new-pc.sqlite"
    build_demo_database(path, 0)
    core = HallCore.open(path)
    yield core
    core.close()


def test_a_new_pc_takes_the_servers_identity_and_keeps_the_token_outside_the_database(new_pc) -> None:
    client, seen = fake_server()
    tokens = {}
    done = enrol(
        new_pc.db,
        client,
        "abcd-2345 67",
        hostname="counter-7",
        client_version="0.4.0",
        keep_token=tokens.__setitem__,
    )
    assert seen[0] == {"enrolment_code": CODE, "hostname": "counter-7", "client_version": "0.4.0"}
    assert tokens == {done.device_id: "tok-secret"}
    with new_pc.db.read() as s:
        identity = s.get(DeviceIdentity, 1)
        assert (identity.device_id, identity.device_code, identity.server_epoch) == (
            done.device_id,
            "H000207",
            "epoch-1",
        )
        assert {n.prefix for n in s.scalars(select(NumberSeries))} == {"H000207"}
        assert s.get(SyncState, "central_hall_id").value == "H0002"
    raw = Path(new_pc.db.path).read_bytes()
    assert b"tok-secret" not in raw


def test_a_wrong_code_changes_nothing(new_pc) -> None:
    client, _ = fake_server()
    with new_pc.db.read() as s:
        before = s.get(DeviceIdentity, 1).device_code
    with pytest.raises(InvalidInput) as caught:
        enrol(
            new_pc.db, client, "ZZZZ234567", hostname="x", client_version="0.4.0", keep_token=lambda *_: None
        )
    assert caught.value.reason == "enrolment_code_invalid"
    with new_pc.db.read() as s:
        assert s.get(DeviceIdentity, 1).device_code == before


def test_a_token_that_cannot_be_kept_leaves_the_pc_as_it_was(new_pc) -> None:
    client, _ = fake_server()

    def no_keyring(*_args) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("no keyring backend")

    with pytest.raises(RuntimeError):
        enrol(new_pc.db, client, CODE, hostname="x", client_version="0.4.0", keep_token=no_keyring)
    with new_pc.db.read() as s:
        assert s.get(DeviceIdentity, 1).device_code != "H000207"


def test_a_pc_that_issued_numbers_cannot_take_a_new_identity(core, clerk) -> None:
    from datetime import date

    from tests.core.accounts_for_tests import make_account, pay

    pay(core, clerk, make_account(core, [("202610", 5000, date(2026, 11, 12))]), 5000)
    client, seen = fake_server()
    with pytest.raises(ActionRefused) as caught:
        enrol(core.db, client, CODE, hostname="x", client_version="0.4.0", keep_token=lambda *_: None)
    assert caught.value.reason == "enrol_after_numbers" and seen == []


def test_the_server_being_away(new_pc) -> None:
    def down(_request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    client = httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(down))
    with pytest.raises(SyncUnavailable):
        enrol(new_pc.db, client, CODE, hostname="x", client_version="0.4.0", keep_token=lambda *_: None)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("ABC", "bad_enrolment_code"),
        ("ABCD23456O", "bad_enrolment_code"),
        ("AB\x00CD234567", "control_chars"),
    ],
)
def test_codes_are_checked_before_anything_is_sent(raw: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_code(raw)
    assert caught.value.reason == reason
