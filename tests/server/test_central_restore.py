"""After a restore into a new cluster the feed moves again and every PC downloads afresh (restore.py)."""

import pytest
from sqlalchemy import text

from hallapp.central.enrolment import server_epoch
from hallapp.central.restore import after_restore
from tests.server.test_central_pull import device, halls, loaded, page, pull_all  # noqa: F401 - fixtures
from tests.server.test_central_support import central_url, client, pg_url, sessions  # noqa: F401

pytestmark = pytest.mark.pg
OLD_CLUSTER = 5 << 32  # xids of a cluster that had run far longer than this one


def test_a_feed_from_an_older_cluster_moves_again(client, halls, device, loaded) -> None:  # type: ignore[no-untyped-def]
    before, old_cursor = pull_all(client, device)
    with halls.begin() as s:  # what a restore into a fresh cluster leaves: xids far ahead of its own
        s.execute(
            text("UPDATE change_log SET xid = (xid::text::numeric + :ahead)::text::xid8"),
            {"ahead": OLD_CLUSTER},
        )
    stuck, _ = pull_all(client, device)
    assert stuck == []  # above the horizon: nothing can be read
    epoch = server_epoch(halls)
    with halls() as s:
        rows = s.scalar(text("SELECT count(*) FROM change_log"))

    done = after_restore(halls)

    assert (done.rebased_rows, done.epoch != epoch) == (rows, True)
    assert server_epoch(halls) == done.epoch
    expired = client.get("/v1/sync/pull", params={"cursor": old_cursor}, headers=device.headers)
    assert expired.status_code == 410 and expired.json()["error"] == "cursor_expired"
    with halls.begin() as s:  # a change made after the restore comes after everything restored
        s.execute(
            text(
                "INSERT INTO change_log (scope, entity, entity_id, entity_version, op, data) VALUES ('hall:H0001', 'probe', 'p1', 1, 'upsert', '{}'::jsonb)"
            )
        )
    again, _ = pull_all(client, device)
    assert [c["entity_id"] for c in again[:-1]] == [c["entity_id"] for c in before]
    assert again[-1]["entity"] == "probe"
    assert after_restore(halls).rebased_rows == 0  # a second run changes the epoch only


def test_the_command_gives_a_new_epoch(central_url, halls, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.server.test_central_staff import run

    epoch = server_epoch(halls)
    code, out, _ = run(central_url, monkeypatch, capsys, "after-restore")
    assert code == 0 and server_epoch(halls) != epoch and server_epoch(halls) in out
