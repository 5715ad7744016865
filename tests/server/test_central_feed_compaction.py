"""Compacting the pull feed changes nothing any PC ends with, whatever its cursor (feed_compaction)."""

from typing import Any

import pytest

from hallapp.central.feed_compaction import compact_feed
from hallapp.central.master_import import import_accounts
from tests.server.test_central_import import TODAY, accounts_file
from tests.server.test_central_pull import (  # noqa: F401 - fixtures
    HALL2,
    device,
    halls,
    loaded,
    pull_all,
)
from tests.server.test_central_support import central_url, client, pg_url, sessions  # noqa: F401

pytestmark = pytest.mark.pg


def what_a_pc_holds(changes: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[int, Any]]:
    """Each entity as a PC ends with it (``hallapp.sync.pull``): a delete removes it, an upsert
    writes it when the PC has none or an older version."""
    held: dict[tuple[str, str], tuple[int, Any]] = {}
    for c in changes:
        key = (c["entity"], c["entity_id"])
        if c["op"] == "delete":
            held.pop(key, None)
        elif key not in held or c["entity_version"] > held[key][0]:
            held[key] = (c["entity_version"], c["data"])
    return held


def test_compaction_keeps_what_every_cursor_ends_with(tmp_path, client, halls, device, loaded) -> None:  # type: ignore[no-untyped-def]
    early, mid = pull_all(client, device)
    # The billing system changes phones, and moves some accounts to the other hall (deletes here).
    changed = [
        r | {"phone": f"1390000{i:04d}"} | ({"hall_id": HALL2} if i % 5 == 0 else {})
        for i, r in enumerate(loaded)
    ]
    import_accounts(halls, accounts_file(tmp_path, changed), today=TODAY)
    import_accounts(halls, accounts_file(tmp_path, [r | {"email": "a@b.cn"} for r in changed]), today=TODAY)
    everything, _ = pull_all(client, device)
    tail, _ = pull_all(client, device, cursor=mid)
    final = what_a_pc_holds(everything)
    assert what_a_pc_holds(early + tail) == final
    assert len(everything) > len({(c["entity"], c["entity_id"]) for c in everything})  # something to do

    done = compact_feed(halls)

    assert done.deleted > 0 and done.scopes >= 2
    after, _ = pull_all(client, device)
    assert what_a_pc_holds(after) == final  # a new PC
    assert len(after) == len({(c["entity"], c["entity_id"]) for c in after})  # one row per entity
    assert len(everything) - len(after) <= done.deleted
    after_tail, _ = pull_all(client, device, cursor=mid)  # the old cursor still works
    assert what_a_pc_holds(early + after_tail) == final  # a PC that was half-way
    assert compact_feed(halls).deleted == 0  # nothing left to do


def test_the_command_compacts_and_says_what_it_did(
    tmp_path, central_url, halls, loaded, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from tests.server.test_central_staff import run

    changed = [r | {"phone": f"1390000{i:04d}"} for i, r in enumerate(loaded)]
    import_accounts(halls, accounts_file(tmp_path, changed), today=TODAY)
    code, out, _ = run(central_url, monkeypatch, capsys, "compact-feed")
    assert code == 0 and "同步变更日志已压缩" in out and "删除 0 行" not in out
    code, out, _ = run(central_url, monkeypatch, capsys, "compact-feed")
    assert code == 0 and "删除 0 行" in out
