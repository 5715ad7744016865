"""The central administration API on the real PostgreSQL: admin tokens (and only they) open it,
each route does its work, and every refusal answers 4xx with an ``error`` and changes nothing."""

from collections.abc import Hashable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from hallapp.central.admin_auth import issue_admin_token, revoke_admin_token
from hallapp.central.db import Sessions
from hallapp.central.enrolment import MAX_CODE_MINUTES, create_hall
from hallapp.central.schema import ChangeLog, Device, EnrolmentCode, Hall
from hallapp.central.schema_admin import AdminToken
from hallapp.central.schema_staff import Operator
from hallapp.central.staff import add_operator, set_setting
from hallapp.cli import main
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    central_url,
    client,
    enrol,
    enrol_body,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg

PASSWORD = "Counter#2026"
OPERATOR = {"staff_no": "c101", "name": "王芳", "role": "clerk", "password": PASSWORD}


@pytest.fixture
def admin(sessions: Sessions) -> dict[str, str]:
    return {"Authorization": f"Bearer {issue_admin_token(sessions, 'ops-team')}"}


def state(sessions: Sessions) -> Hashable:
    """Everything an admin route could change."""
    with sessions() as s:
        return (
            tuple(s.execute(select(Hall.hall_id, Hall.name).order_by(Hall.hall_id)).all()),
            s.scalar(select(func.count()).select_from(EnrolmentCode)),
            tuple(s.execute(select(Device.device_id, Device.status, Device.status_note)).all()),
            tuple(s.execute(select(Operator.staff_no, Operator.active, Operator.version)).all()),
            s.scalar(select(func.count()).select_from(ChangeLog)),
            tuple(s.execute(select(AdminToken.name, AdminToken.revoked_at)).all()),
        )


def refused(response: Any, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == error, body
    return body


ROUTES = [
    ("GET", "/v1/admin/halls", None),
    ("POST", "/v1/admin/halls", {"hall_id": "H0002", "name": "城西供电营业厅"}),
    ("POST", f"/v1/admin/halls/{HALL}/enrolment-codes", {"minutes": 30}),
    ("GET", "/v1/admin/devices", None),
    ("POST", "/v1/admin/devices/H000001/revoke", {"note": "stolen"}),
    ("GET", f"/v1/admin/halls/{HALL}/operators", None),
    ("POST", f"/v1/admin/halls/{HALL}/operators", OPERATOR),
    ("POST", f"/v1/admin/halls/{HALL}/operators/C900/deactivate", None),
]


def test_only_a_valid_admin_token_opens_the_admin_routes(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    device = enrol(client, sessions)
    add_operator(sessions, HALL, "C900", "李明", "clerk", PASSWORD)
    revoked = issue_admin_token(sessions, "former")
    revoke_admin_token(sessions, "former")
    before = state(sessions)
    callers = {
        "no header": {},
        "not bearer": {"Authorization": admin["Authorization"].replace("Bearer", "Basic")},
        "made up": {"Authorization": "Bearer hadm_made-up"},
        "too long": {"Authorization": "Bearer " + "x" * 500},
        "device token": device.headers,
        "revoked admin token": {"Authorization": f"Bearer {revoked}"},
    }
    for method, path, body in ROUTES:
        for who, headers in callers.items():
            response = client.request(method, path, json=body, headers=headers)
            assert response.status_code == 401, (who, method, path, response.text)
            assert response.json() == {"error": "unauthenticated"}
    assert state(sessions) == before
    # and the other way round: an admin token is not a device token
    refused(client.get("/v1/sync/meta", headers=admin), 401, "unauthenticated")
    assert client.get("/v1/sync/meta", headers=device.headers).status_code == 200


def test_halls_are_listed_and_added(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    enrol(client, sessions)
    add_operator(sessions, HALL, "C900", "李明", "clerk", PASSWORD)
    added = client.post(
        "/v1/admin/halls", json={"hall_id": "H0002", "name": " 城西供电营业厅 "}, headers=admin
    )
    assert added.status_code == 201, added.text
    assert added.json() | {"created_at": "x"} == {
        "hall_id": "H0002",
        "name": "城西供电营业厅",
        "created_at": "x",
        "active_devices": 0,
        "active_operators": 0,
    }
    listed = client.get("/v1/admin/halls", headers=admin).json()["halls"]
    assert [(h["hall_id"], h["active_devices"], h["active_operators"]) for h in listed] == [
        (HALL, 1, 1),
        ("H0002", 0, 0),
    ]


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"hall_id": HALL, "name": "重复"}, 409, "hall_exists"),
        ({"hall_id": "H 3", "name": "空格"}, 400, "malformed"),
        ({"hall_id": "H" * 17, "name": "太长"}, 400, "malformed"),
        ({"hall_id": "H0003", "name": "   "}, 400, "invalid_hall"),
        ({"hall_id": "H0003", "name": "x" * 101}, 400, "malformed"),
        ({"hall_id": "H0003", "name": "换行\n"}, 400, "malformed"),
        ({"hall_id": "H0003", "name": "多余", "region": "苏州"}, 400, "malformed"),
        ({"hall_id": 3, "name": "数字"}, 400, "malformed"),
        ({"hall_id": "H0003", "name": "y" * 20_000}, 413, "body_too_large"),
    ],
)
def test_a_bad_hall_is_refused_and_nothing_is_added(client, sessions, admin, body, status, error) -> None:  # type: ignore[no-untyped-def]
    before = state(sessions)
    refused(client.post("/v1/admin/halls", json=body, headers=admin), status, error)
    assert state(sessions) == before


def test_malformed_json_is_refused(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    before = state(sessions)
    for path in (
        "/v1/admin/halls",
        f"/v1/admin/halls/{HALL}/operators",
        f"/v1/admin/halls/{HALL}/enrolment-codes",
    ):
        response = client.post(path, content=b'{"hall_id": "H0009",', headers=admin)
        refused(response, 400, "malformed")
    assert state(sessions) == before


def test_an_enrolment_code_is_shown_once_and_enrols_a_pc(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    started = datetime.now(UTC)
    answer = client.post(f"/v1/admin/halls/{HALL}/enrolment-codes", json={"minutes": 90}, headers=admin)
    assert answer.status_code == 201, answer.text
    issued = answer.json()
    assert issued["hall_id"] == HALL and issued["minutes"] == 90 and len(issued["code"]) == 10
    expires = datetime.fromisoformat(issued["expires_at"])
    assert started + timedelta(minutes=89) < expires < started + timedelta(minutes=91)
    with sessions() as s:  # the server keeps the code's hash, never the code
        assert s.scalar(select(EnrolmentCode.code_hash)) != issued["code"]
    enrolled = client.post("/v1/devices/enroll", json=enrol_body(issued["code"]))
    assert enrolled.status_code == 201 and enrolled.json()["hall_id"] == HALL
    again = client.post("/v1/devices/enroll", json=enrol_body(issued["code"]))
    assert again.status_code == 403


@pytest.mark.parametrize(
    ("hall", "body", "status", "error"),
    [
        ("H0404", {"minutes": 15}, 404, "unknown_hall"),
        (HALL, {"minutes": 0}, 400, "malformed"),
        (HALL, {"minutes": MAX_CODE_MINUTES + 1}, 400, "malformed"),
        (HALL, {"minutes": "15"}, 400, "malformed"),
        (HALL, {"minutes": 1.5}, 400, "malformed"),
        ("H%20X", {"minutes": 15}, 400, "malformed"),
    ],
)
def test_a_bad_code_request_issues_nothing(client, sessions, admin, hall, body, status, error) -> None:  # type: ignore[no-untyped-def]
    before = state(sessions)
    refused(client.post(f"/v1/admin/halls/{hall}/enrolment-codes", json=body, headers=admin), status, error)
    assert state(sessions) == before


def test_devices_are_listed_by_hall_and_revoked_with_a_note(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    create_hall(sessions, "H0002", "城西供电营业厅")
    first, other = enrol(client, sessions), enrol(client, sessions, "H0002")
    every = client.get("/v1/admin/devices", headers=admin).json()["devices"]
    assert [(d["hall_id"], d["device_code"], d["status"]) for d in every] == [
        (HALL, first.device_code, "active"),
        ("H0002", other.device_code, "active"),
    ]
    assert every[0]["hostname"] == "counter-01" and every[0]["last_acked_seq"] == 0
    of_hall = client.get("/v1/admin/devices", params={"hall_id": "H0002"}, headers=admin).json()["devices"]
    assert [d["device_id"] for d in of_hall] == [other.device_id]
    refused(client.get("/v1/admin/devices", params={"hall_id": "H0404"}, headers=admin), 404, "unknown_hall")

    revoked = client.post(
        f"/v1/admin/devices/{first.device_code}/revoke", json={"note": "电脑报废"}, headers=admin
    )
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["status"] == "revoked"
    assert revoked.json()["status_note"] == "电脑报废 (ops-team)"  # who did it, for the record
    refused(client.get("/v1/sync/meta", headers=first.headers), 403, "device_revoked")
    assert client.get("/v1/sync/meta", headers=other.headers).status_code == 200

    before = state(sessions)
    again = client.post(f"/v1/admin/devices/{first.device_id}/revoke", json={"note": "再次"}, headers=admin)
    refused(again, 409, "device_already_revoked")
    refused(
        client.post("/v1/admin/devices/H999999/revoke", json={"note": "x"}, headers=admin),
        404,
        "unknown_device",
    )
    refused(
        client.post(f"/v1/admin/devices/{other.device_code}/revoke", json={"note": ""}, headers=admin),
        400,
        "malformed",
    )
    refused(
        client.post(f"/v1/admin/devices/{other.device_code}/revoke", json={}, headers=admin), 400, "malformed"
    )
    assert state(sessions) == before


def test_operators_of_a_hall_are_added_listed_and_deactivated(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    added = client.post(f"/v1/admin/halls/{HALL}/operators", json=OPERATOR, headers=admin)
    assert added.status_code == 201, added.text
    assert {k: added.json()[k] for k in ("staff_no", "name", "role", "active", "hall_id")} == {
        "staff_no": "C101",
        "name": "王芳",
        "role": "clerk",
        "active": True,
        "hall_id": HALL,
    }
    assert "password" not in added.text and "argon2" not in added.text
    with sessions() as s:  # published to the hall's PCs with its verifier
        feed = s.scalars(select(ChangeLog).where(ChangeLog.entity == "operator")).all()
    assert [(c.scope, c.data["staff_no"], c.data["verifier"][:9]) for c in feed] == [
        (f"hall:{HALL}", "C101", "$argon2id")
    ]
    listed = client.get(f"/v1/admin/halls/{HALL}/operators", headers=admin).json()["operators"]
    assert [(o["staff_no"], o["active"]) for o in listed] == [("C101", True)]

    off = client.post(f"/v1/admin/halls/{HALL}/operators/c101/deactivate", headers=admin)
    assert off.status_code == 200, off.text
    assert off.json()["active"] is False and off.json()["version"] == 2
    listed = client.get(f"/v1/admin/halls/{HALL}/operators", headers=admin).json()["operators"]
    assert [(o["staff_no"], o["active"]) for o in listed] == [("C101", False)]


def test_an_operator_is_deactivated_only_through_their_own_hall(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    create_hall(sessions, "H0002", "城西供电营业厅")
    add_operator(sessions, "H0002", "C200", "赵强", "clerk", PASSWORD)
    before = state(sessions)
    wrong_hall = client.post(f"/v1/admin/halls/{HALL}/operators/C200/deactivate", headers=admin)
    refused(wrong_hall, 404, "unknown_operator")
    refused(
        client.post("/v1/admin/halls/H0404/operators/C200/deactivate", headers=admin), 404, "unknown_hall"
    )
    refused(
        client.post(f"/v1/admin/halls/{HALL}/operators/C-2/deactivate", headers=admin), 400, "bad_staff_no"
    )
    refused(client.get("/v1/admin/halls/H0404/operators", headers=admin), 404, "unknown_hall")
    assert state(sessions) == before


@pytest.mark.parametrize(
    ("hall", "change", "status", "error"),
    [
        (HALL, {"password": "short"}, 400, "weak_password"),
        (HALL, {"staff_no": "C-101"}, 400, "bad_staff_no"),
        (HALL, {"staff_no": "C900"}, 409, "staff_no_taken"),
        (HALL, {"name": "   "}, 400, "bad_name"),
        (HALL, {"role": "director"}, 400, "malformed"),
        (HALL, {"password": "x" * 129}, 400, "malformed"),
        (HALL, {"name": "x" * 81}, 400, "malformed"),
        (HALL, {"shift": "early"}, 400, "malformed"),
        ("H0404", {}, 404, "unknown_hall"),
    ],
)
def test_a_bad_operator_is_refused_and_nothing_is_published(
    client, sessions, admin, hall, change, status, error
) -> None:  # type: ignore[no-untyped-def]
    add_operator(sessions, HALL, "C900", "李明", "clerk", PASSWORD)
    before = state(sessions)
    response = client.post(f"/v1/admin/halls/{hall}/operators", json=OPERATOR | change, headers=admin)
    body = refused(response, status, error)
    if error == "weak_password":  # the staff rules' own sentence comes with the code
        assert body["minimum"] == 8 and "至少 8 位" in body["message"]
    assert state(sessions) == before


def test_the_password_rule_is_the_halls_setting(client, sessions, admin) -> None:  # type: ignore[no-untyped-def]
    set_setting(sessions, "security.min_password_length", "14", hall_id=HALL)
    before = state(sessions)
    body = refused(
        client.post(f"/v1/admin/halls/{HALL}/operators", json=OPERATOR, headers=admin), 400, "weak_password"
    )
    assert body["minimum"] == 14
    assert state(sessions) == before
    longer = OPERATOR | {"password": "Counter#2026-long"}
    assert client.post(f"/v1/admin/halls/{HALL}/operators", json=longer, headers=admin).status_code == 201


def test_the_cli_makes_lists_and_revokes_admin_tokens(client, sessions, central_url, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["central", "admin-token", "--db-url", central_url, "--name", "zhang.wei"]) == 0
    token = capsys.readouterr().out.strip()
    assert token.startswith("hadm_")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/v1/admin/halls", headers=headers).status_code == 200
    with sessions() as s:  # only the SHA-256 is kept
        assert token not in s.scalars(select(AdminToken.token_hash)).all()

    assert main(["central", "admin-token", "--db-url", central_url, "--name", "zhang.wei"]) == 1
    assert "--revoke" in capsys.readouterr().err
    assert main(["central", "admin-token", "--db-url", central_url, "--name", "bad name"]) == 1
    assert main(["central", "admin-token", "--db-url", central_url, "--list"]) == 0
    assert capsys.readouterr().out.startswith("zhang.wei\t")

    assert main(["central", "admin-token", "--db-url", central_url, "--revoke", "zhang.wei"]) == 0
    assert "已吊销" in capsys.readouterr().out
    refused(client.get("/v1/admin/halls", headers=headers), 401, "unauthenticated")
    assert main(["central", "admin-token", "--db-url", central_url, "--revoke", "zhang.wei"]) == 1
    assert "--list" in capsys.readouterr().err

    assert main(["central", "admin-token", "--db-url", central_url, "--name", "zhang.wei"]) == 0
    renewed = capsys.readouterr().out.strip()
    assert renewed != token
    assert client.get("/v1/admin/halls", headers={"Authorization": f"Bearer {renewed}"}).status_code == 200
    refused(client.get("/v1/admin/halls", headers=headers), 401, "unauthenticated")  # the old one stays dead


def test_the_document_describes_the_admin_routes(client) -> None:  # type: ignore[no-untyped-def]
    document = client.get("/openapi.json").json()
    admin_ops = [
        op for path, ops in document["paths"].items() if path.startswith("/v1/admin/") for op in ops.values()
    ]
    assert len(admin_ops) == 10  # with GET /v1/admin/report and /v1/admin/report/hall/{hall_id}
    assert all(op["security"] == [{"adminToken": []}] for op in admin_ops)
    assert all("401" in op["responses"] and "422" not in op["responses"] for op in admin_ops)
    assert document["components"]["securitySchemes"]["adminToken"] == {"type": "http", "scheme": "bearer"}
    assert document["components"]["securitySchemes"]["deviceToken"] == {"type": "http", "scheme": "bearer"}
    assert document["components"]["schemas"]["OperatorBody"]["additionalProperties"] is False
    add = document["paths"]["/v1/admin/halls"]["post"]
    assert add["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/HallBody"
    }
