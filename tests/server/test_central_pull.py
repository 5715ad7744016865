"""The pull feed (GET /v1/sync/pull, SYNC_DESIGN §4.5/§4.7) on the real PostgreSQL: pages of any size
give the same changes as one full pull, a pull resumes from its cursor, a device sees only its hall
(and the global scope), a transaction that commits late is never skipped (§4.14 C7, under concurrent
writers), and a cursor of another epoch, a malformed one or a missing token are refused.
"""

import base64
import json
import random
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from hallapp.central.enrolment import create_hall, revoke_device
from hallapp.central.master_import import import_accounts, import_bills
from hallapp.central.pull import MAX_LIMIT
from hallapp.central.schema import ChangeLog, ServerMeta
from tests.server.test_central_import import (
    HALL2,
    TODAY,
    accounts_file,
    big_files,
    bill,
    bills_file,
    organisation,
    person,
)
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    Enrolled,
    TestClient,
    central_url,
    client,
    enrol,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
PULL = "/v1/sync/pull"
PROBE = (
    "INSERT INTO change_log (scope, entity, entity_id, entity_version, op, data)"
    " VALUES (%s, 'probe', %s, 1, 'upsert', '{}'::jsonb)"
)


@pytest.fixture
def halls(sessions):  # type: ignore[no-untyped-def]
    create_hall(sessions, HALL2, "城西供电营业厅")
    return sessions


@pytest.fixture
def device(client, halls) -> Enrolled:  # type: ignore[no-untyped-def]
    return enrol(client, halls)


@pytest.fixture
def loaded(tmp_path: Path, halls):  # type: ignore[no-untyped-def]
    """Forty accounts over two halls with two bills each, imported in batches of seven."""
    rows = [
        (person(i) if i % 4 else organisation(i)) | {"hall_id": HALL if i % 3 else HALL2}
        for i in range(1, 41)
    ]
    import_accounts(halls, accounts_file(tmp_path, rows), today=TODAY, batch_rows=7)
    bills = [bill(r["account_no"], p) for r in rows for p in ("202609", "202610")]
    import_bills(halls, bills_file(tmp_path, bills), batch_rows=7)
    return rows


def get(client: TestClient, device: Enrolled, cursor: str | None = None, limit: int | None = None) -> Any:
    params: dict[str, Any] = {}
    if cursor is not None:
        params["cursor"] = cursor
    if limit is not None:
        params["limit"] = limit
    return client.get(PULL, params=params, headers=device.headers)


def page(client: TestClient, device: Enrolled, cursor: str | None = None, limit: int | None = None) -> Any:
    response = get(client, device, cursor, limit)
    assert response.status_code == 200, response.text
    return response.json()


def pull_all(
    client: TestClient, device: Enrolled, sizes: Any = lambda: 1000, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    changes: list[dict[str, Any]] = []
    while True:
        body = page(client, device, cursor, sizes())
        changes += body["changes"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return changes, cursor


def in_db(sessions, *scopes: str) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        rows = s.scalars(
            select(ChangeLog).where(ChangeLog.scope.in_(scopes)).order_by(ChangeLog.xid, ChangeLog.id)
        )
        return [
            {
                "entity": r.entity,
                "entity_id": r.entity_id,
                "entity_version": r.entity_version,
                "op": r.op,
                "data": r.data,
            }
            for r in rows
        ]


def decode(cursor: str) -> dict[str, Any]:
    return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))


def encode(body: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(body).encode()).rstrip(b"=").decode()


# -- the feed ---------------------------------------------------------------------------------------


def test_a_page_has_the_documented_shape(client, halls, device, loaded) -> None:
    body = page(client, device, limit=3)

    assert set(body) == {"changes", "next_cursor", "has_more", "server_epoch"}
    assert body["has_more"] is True and len(body["changes"]) == 3
    assert [c["entity"] for c in body["changes"]] == ["customer"] * 3  # the first batch starts with customers
    assert all(set(c) == {"entity", "entity_id", "entity_version", "op", "data"} for c in body["changes"])
    with halls() as s:
        epoch = str(s.scalar(select(ServerMeta.epoch)))
    assert body["server_epoch"] == epoch
    cursor = decode(body["next_cursor"])
    assert set(cursor) == {"epoch", "xid", "id"} and cursor["epoch"] == epoch
    assert isinstance(cursor["xid"], int) and isinstance(cursor["id"], int)
    assert page(client, device)["has_more"] is False  # default limit 500 takes all of it


def test_pages_of_random_sizes_give_exactly_one_full_pull(client, halls, device, loaded) -> None:
    full, _ = pull_all(client, device)
    rng = random.Random(6)
    paged, _ = pull_all(client, device, sizes=lambda: rng.randint(1, 9))

    assert paged == full == in_db(halls, f"hall:{HALL}", "global")
    accounts = {c["data"]["account_no"] for c in full if c["entity"] == "account"}
    assert accounts == {r["account_no"] for r in loaded if r["hall_id"] == HALL}
    bills = [c for c in full if c["entity"] == "bill"]
    assert len(bills) == 2 * len(accounts)
    assert all(c["data"]["account_id"] for c in bills)


def test_a_pull_resumes_from_its_cursor_and_then_gets_only_what_is_new(
    tmp_path, client, halls, device, loaded
) -> None:
    full, _ = pull_all(client, device)
    first = page(client, device, limit=11)
    first_half = first["changes"]
    # the PC stored the cursor with the page, then crashed; it starts again from that cursor
    rest, end = pull_all(client, device, sizes=lambda: 5, cursor=first["next_cursor"])
    assert first_half + rest == full

    idle = page(client, device, end)
    assert (idle["changes"], idle["next_cursor"], idle["has_more"]) == ([], end, False)

    changed = [loaded[0] | {"phone": "13912345678"}, person(99)]
    import_accounts(halls, accounts_file(tmp_path, changed, name="more.csv"), today=TODAY)
    new, _ = pull_all(client, device, cursor=end)
    assert [(c["entity"], c["entity_id"], c["entity_version"]) for c in new] == [
        ("customer", loaded[0]["customer_id"], 2),
        ("customer", "C000000099", 1),
        ("account", new[2]["entity_id"], 1),
    ]


def test_a_device_sees_only_its_hall_and_the_global_scope(client, halls, device, loaded, central_url) -> None:
    other = enrol(client, halls, HALL2)
    with psycopg.connect(central_url) as conn:
        conn.execute(PROBE, ("global", "tariffs-2027"))

    mine, _ = pull_all(client, device)
    theirs, _ = pull_all(client, other)

    assert mine == in_db(halls, f"hall:{HALL}", "global")
    assert theirs == in_db(halls, f"hall:{HALL2}", "global")
    ids = {c["entity_id"] for c in mine}
    assert not ids & {c["entity_id"] for c in theirs if c["entity"] != "probe"}
    assert mine[-1]["entity_id"] == theirs[-1]["entity_id"] == "tariffs-2027"
    halls_of_accounts = {c["data"]["hall_id"] for c in theirs if c["entity"] == "account"}
    assert halls_of_accounts == {HALL2}


# -- never skip a late committer ----------------------------------------------------------------------


NAIVE = "SELECT id, entity_id FROM change_log WHERE scope = 'hall:H0001' AND id > %s ORDER BY id"


def test_a_transaction_that_commits_late_is_not_skipped(client, device, central_url) -> None:
    early = psycopg.connect(central_url)
    try:
        early.execute(PROBE, (f"hall:{HALL}", "early"))  # takes its id and xid first, commits last
        with psycopg.connect(central_url) as late:
            late.execute(PROBE, (f"hall:{HALL}", "late"))

        held = page(client, device)
        assert held["changes"] == [] and held["has_more"] is False  # 'late' waits behind 'early'
        with psycopg.connect(central_url) as reader:  # what `id > cursor` would have handed out
            naive = reader.execute(NAIVE, (0,)).fetchall()
        assert [entity for _, entity in naive] == ["late"]
        naive_cursor = naive[-1][0]

        early.commit()
    finally:
        early.close()
    after = page(client, device, held["next_cursor"])
    assert [c["entity_id"] for c in after["changes"]] == ["early", "late"]
    with psycopg.connect(central_url) as reader:
        assert reader.execute(NAIVE, (naive_cursor,)).fetchall() == []  # the naive feed lost 'early'


def test_no_change_is_skipped_under_concurrent_writers(client, device, central_url) -> None:
    """SYNC_DESIGN §4.14 C7: writers hold their transaction open 0–0.5 s after writing while a tight
    loop pulls in small pages. Every committed change arrives once; a rolled-back one never does.
    With ``id > cursor`` (or ``(xid, id) > cursor`` without the xmin horizon) this fails."""
    writers, committed, rolled_back = 40, set(), set()
    lock = threading.Lock()
    done = threading.Event()

    def write(n: int) -> None:
        rng = random.Random(n)
        time.sleep(rng.uniform(0, 0.3))
        with psycopg.connect(central_url) as conn:
            ids = [f"w{n:02d}-{k}" for k in range(rng.randint(1, 3))]
            for entity_id in ids:
                conn.execute(PROBE, (f"hall:{HALL}", entity_id))
            time.sleep(rng.uniform(0, 0.5))
            keep = rng.random() > 0.1
            if keep:
                conn.commit()
            else:
                conn.rollback()
        with lock:
            (committed if keep else rolled_back).update(ids)

    def run_all() -> None:
        threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        done.set()

    watcher = threading.Thread(target=run_all)
    watcher.start()
    rng, seen, cursor, pages = random.Random(7), [], None, 0
    while not done.is_set():
        body = page(client, device, cursor, rng.randint(1, 4))
        seen += [c["entity_id"] for c in body["changes"]]
        cursor, pages = body["next_cursor"], pages + 1
    watcher.join()
    rest, _ = pull_all(client, device, cursor=cursor)
    seen += [c["entity_id"] for c in rest]

    assert pages > 20  # the loop really ran while the writers did
    assert len(seen) == len(set(seen)), "a change was served twice"
    assert set(seen) == committed, f"skipped: {sorted(committed - set(seen))}"
    assert not set(seen) & rolled_back
    assert rolled_back  # the seed makes some writers roll back


# -- refusals ---------------------------------------------------------------------------------------


def test_a_cursor_of_another_epoch_is_expired(client, halls, device, loaded) -> None:
    cursor = page(client, device, limit=5)["next_cursor"]
    with halls.begin() as s:
        s.execute(text("UPDATE server_meta SET epoch = gen_random_uuid()"))  # the database was restored
        epoch = str(s.scalar(select(ServerMeta.epoch)))

    response = get(client, device, cursor)

    assert response.status_code == 410
    assert response.json() == {"error": "cursor_expired", "server_epoch": epoch}
    again = page(client, device)
    assert again["server_epoch"] == epoch and decode(again["next_cursor"])["epoch"] == epoch


def test_a_cursor_beyond_the_databases_history_is_expired(client, halls, device) -> None:
    epoch = page(client, device)["server_epoch"]
    response = get(client, device, encode({"epoch": epoch, "xid": 2**62, "id": 1}))
    assert response.status_code == 410 and response.json()["error"] == "cursor_expired"


def test_a_malformed_cursor_or_limit_is_refused(client, halls, device) -> None:
    epoch = page(client, device)["server_epoch"]
    cursors = [
        "not a cursor!",
        "%%%",
        encode([1, 2]),
        encode({"epoch": epoch, "xid": 1}),
        encode({"epoch": epoch, "xid": "1", "id": 0}),
        encode({"epoch": epoch, "xid": -1, "id": 0}),
        encode({"epoch": epoch, "xid": True, "id": 0}),
        encode({"epoch": 5, "xid": 1, "id": 0}),
        encode({"epoch": epoch, "xid": 1, "id": 0, "more": 1}),
        "A" * 201,
    ]
    for cursor in cursors:
        response = get(client, device, cursor)
        assert (response.status_code, response.json()) == (400, {"error": "malformed", "field": "cursor"}), (
            cursor
        )
    for limit in (0, MAX_LIMIT + 1, -1):
        assert get(client, device, limit=limit).json() == {"error": "malformed"}
    bad = client.get(PULL, params={"limit": "ten"}, headers=device.headers)
    assert (bad.status_code, bad.json()) == (400, {"error": "malformed"})
    assert page(client, device, limit=MAX_LIMIT)["changes"] == page(client, device, limit=1)["changes"] == []


def test_pulling_needs_a_valid_token_of_a_device_in_service(client, halls, device) -> None:
    assert client.get(PULL).status_code == 401
    wrong = client.get(PULL, headers={"Authorization": "Bearer nope"})
    assert (wrong.status_code, wrong.json()) == (401, {"error": "unauthenticated"})
    revoke_device(halls, device.device_id)
    refused = get(client, device)
    assert (refused.status_code, refused.json()["error"]) == (403, "device_revoked")


def test_pulls_are_counted_and_the_oldest_transaction_is_exposed(client, halls, device, central_url) -> None:
    page(client, device)
    get(client, device, "bad")
    with psycopg.connect(central_url) as holder:
        holder.execute(PROBE, (f"hall:{HALL}", "held"))
        time.sleep(0.2)
        metrics = client.get("/metrics").text
    assert 'hallapp_central_pulls_total{outcome="ok"' in metrics
    assert 'hallapp_central_pulls_total{outcome="malformed"' in metrics
    oldest = next(
        line for line in metrics.splitlines() if line.startswith("hallapp_central_oldest_xact_seconds ")
    )
    assert float(oldest.split()[1]) >= 0.2


# -- 100,000 accounts -------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_hall_of_50k_accounts_pulls_in_reasonable_time(tmp_path, client, halls, device) -> None:
    accounts, bills = big_files(tmp_path, 100_000)
    import_accounts(halls, accounts, today=TODAY)
    import_bills(halls, bills)
    started = time.perf_counter()
    changes, _ = pull_all(client, device)
    seconds = time.perf_counter() - started
    assert len(changes) == len(in_db(halls, f"hall:{HALL}", "global"))
    print(
        f"\npulled {len(changes)} changes of one hall in pages of 1000: {seconds:.1f} s ({len(changes) / seconds:,.0f}/s)"
    )


# -- the pull benchmark's fixture ---------------------------------------------------------------------


def _feed_rows(sessions) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    """The change log in feed order, each image without ``updated_at`` (the time it was written)."""
    with sessions() as s:
        rows = s.scalars(select(ChangeLog).order_by(ChangeLog.xid, ChangeLog.id)).all()
        return [
            (r.scope, r.entity, r.entity_id, r.entity_version, r.op, {**r.data, "updated_at": None})
            for r in rows
        ]


def test_the_benchmarks_fast_load_writes_the_change_log_the_import_writes(
    tmp_path, halls, central_url
) -> None:
    """bench/central_setup.py COPYs the rows and makes their change_log itself (a million accounts
    would take minutes through the import): row for row, in the same order, it must be the importer's."""
    from bench.central_setup import load_master, write_import_files

    n, batch = 47, 10  # several importer batches, a partial last one, shared customers, organisations
    with psycopg.connect(central_url) as conn:
        loaded = load_master(conn, HALL, n, batch_rows=batch, batches_per_transaction=2)
    fast = _feed_rows(halls)
    with halls.begin() as s:
        s.execute(text("TRUNCATE bill, account, customer, change_log"))
    accounts, bills = write_import_files(tmp_path, n, HALL)
    first = import_accounts(halls, accounts, today=TODAY, batch_rows=batch)
    billed = import_bills(halls, bills, batch_rows=batch)
    assert first.ok and billed.ok, first.summary_lines() + billed.summary_lines()

    imported = _feed_rows(halls)
    assert loaded.changes == len(imported) == len(fast)
    assert fast == imported
    assert {entity for _, entity, *_ in fast} == {"customer", "account", "bill"}


def test_the_page_is_valid_json_whatever_the_ids_and_data_hold(client, halls, device, central_url) -> None:
    """The body is written as text around each row's stored JSON (``pull_json``): an id that needs
    escaping, a delete's null data and text of any script come back exactly as stored."""
    odd = ['quote"and\\backslash', "客户/编号 1", "tab\there"]
    with psycopg.connect(central_url) as conn:
        for n, entity_id in enumerate(odd):
            conn.execute(
                "INSERT INTO change_log (scope, entity, entity_id, entity_version, op, data) VALUES (%s, %s, %s, %s, %s, %s)",
                (
                    f"hall:{HALL}",
                    "customer",
                    entity_id,
                    n + 1,
                    "upsert" if n else "delete",
                    None
                    if n == 0
                    else psycopg.types.json.Jsonb(
                        {"name": '张"三"\n', "n": n, "nested": {"ok": True, "none": None}}
                    ),
                ),
            )
    body = page(client, device)
    assert [c["entity_id"] for c in body["changes"]] == odd
    assert body["changes"][0]["data"] is None and body["changes"][0]["op"] == "delete"
    assert body["changes"][1]["data"] == {"name": '张"三"\n', "n": 1, "nested": {"ok": True, "none": None}}
    assert body["changes"] == in_db(halls, f"hall:{HALL}", "global")
