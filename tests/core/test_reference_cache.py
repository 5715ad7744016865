"""The hub's short cache of settings, types, windows and queue state: this process's own writes show at
once; a change made by another process shows within the cache's few seconds."""

import sqlite3

from hallapp.domain.records import WindowDef
from hallapp.services import reference_cache


def test_own_writes_show_at_once(core, admin, guide, clerk) -> None:
    core.queue.set_queue_open(guide, True)
    core.queue.issue(guide, "green")
    assert core.queue.call_next(clerk, 1) is None  # window 1 serves payments only
    core.windows.save(admin, WindowDef(1, "1号窗口", ("payment", "green")))
    assert core.queue.call_next(clerk, 1).business_type == "green"
    core.queue.set_window_paused(clerk, 2, True)
    assert core.queue.window(2).paused


def test_another_process_change_shows_after_the_ttl(core, demo_path, guide, monkeypatch) -> None:
    core.queue.set_queue_open(guide, True)
    assert core.queue.board().open
    with sqlite3.connect(demo_path) as raw:  # e.g. a second program on the same file closes issuing
        raw.execute("DELETE FROM queue_log")
    assert core.queue.board().open  # still the cached state
    monkeypatch.setattr(reference_cache, "TTL_SECONDS", 0.0)
    assert not core.queue.board().open
