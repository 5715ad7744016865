"""The PC's puller against a scripted feed: pages with their cursor in one transaction, newer
versions only, a restored server (new epoch or 410) starting over and dropping what it no longer
has, local payments kept on bills, the set-based apply of customer/account/bill runs, and the
row-by-row path for the other entities."""

import json
import threading
from datetime import date

import httpx
import pytest
from sqlalchemy import select

from hallapp import failpoints
from hallapp.db.models import Account, Bill, Customer, SyncState
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.errors import SyncUnavailable
from hallapp.sync.pull import MID_PAGE, Page, Puller


def customer(n: int, version: int = 1, name: str = "张三") -> dict:
    return {
        "entity": "customer",
        "entity_id": f"cust-{n}",
        "entity_version": version,
        "op": "upsert",
        "data": {"customer_id": f"cust-{n}", "kind": "person", "name": name, "phone": "13912345678"},
    }


def account(n: int, version: int = 1) -> dict:
    return {
        "entity": "account",
        "entity_id": f"acct-{n}",
        "entity_version": version,
        "op": "upsert",
        "data": {
            "account_id": f"acct-{n}",
            "account_no": f"77{n:08d}",
            "customer_id": f"cust-{n}",
            "hall_id": "H0001",
            "address": f"示例市拉取路{n}号",
            "tariff": "resident",
            "voltage": "220V",
            "status": "active",
            "opened_on": "2020-01-01",
        },
    }


def bill(n: int, paid: int = 0, version: int = 1) -> dict:
    return {
        "entity": "bill",
        "entity_id": f"bill-{n}",
        "entity_version": version,
        "op": "upsert",
        "data": {
            "bill_id": f"bill-{n}",
            "account_id": f"acct-{n}",
            "account_no": f"77{n:08d}",
            "period": "202610",
            "kwh": 100,
            "amount_fen": 5000,
            "paid_fen": paid,
            "issued_on": "2026-10-20",
            "due_date": "2026-11-12",
        },
    }


class Feed:
    """Serves ``changes`` in pages; the cursor is the index of the next change."""

    def __init__(self, changes: list[dict], epoch: str = "e1", page: int = 2) -> None:
        self.changes, self.epoch, self.calls, self.page = changes, epoch, [], page
        self.fail_at: int | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor", "")
        self.calls.append(cursor)
        if cursor and not cursor.startswith(self.epoch + ":"):
            return httpx.Response(410, json={"error": "cursor_expired"})
        start = int(cursor.split(":")[1]) if cursor else 0
        if self.fail_at is not None and start >= self.fail_at:
            return httpx.Response(503, json={"error": "db_unavailable"})
        limit = min(self.page, int(request.url.params["limit"]))
        page = self.changes[start : start + limit]
        end = start + len(page)
        return httpx.Response(
            200,
            content=json.dumps(
                {
                    "changes": page,
                    "next_cursor": f"{self.epoch}:{end}",
                    "has_more": end < len(self.changes),
                    "server_epoch": self.epoch,
                }
            ),
        )


def puller(core, feed: Feed) -> Puller:  # type: ignore[no-untyped-def]
    return Puller(
        core.db, httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(feed)), "t"
    )


def test_a_full_pull_lands_customers_accounts_and_bills(core, clerk) -> None:
    feed = Feed([customer(1), account(1), bill(1), customer(2), account(2), bill(2)])
    outcome = puller(core, feed).pull_all()
    assert (outcome.pages, outcome.changes, outcome.applied) == (3, 6, 6)
    hits = core.accounts.search(clerk, "7700000001")
    assert [h.account_no for h in hits] == ["7700000001"]
    detail = core.accounts.open(clerk, hits[0].account_id)
    assert detail.holder == "张三" and [b.period for b in detail.bills] == ["202610"]
    assert hits[0].account_id == "acct-1"  # the server's id: the same on every PC


def test_a_pull_resumes_after_the_last_whole_page(core) -> None:
    feed = Feed([customer(1), account(1), bill(1), customer(2), account(2), bill(2)])
    feed.fail_at = 4
    with pytest.raises(SyncUnavailable):
        puller(core, feed).pull_all()
    with core.db.read() as s:
        assert s.get(SyncState, "pull_cursor").value == "e1:4"
        assert s.get(Customer, "cust-2") is not None and s.get(Bill, "bill-2") is None
    feed.fail_at = None
    outcome = puller(core, feed).pull_all()
    assert outcome.changes == 2 and feed.calls[-1] == "e1:4"


def test_only_newer_versions_are_written(core) -> None:
    feed = Feed([customer(1, version=3, name="新名")])
    puller(core, feed).pull_all()
    feed2 = Feed([customer(1, version=2, name="旧名"), customer(1, version=3, name="旧名")], epoch="e1")
    with core.db.write() as s:
        s.get(SyncState, "pull_cursor").value = ""
    assert puller(core, feed2).pull_all().applied == 0
    with core.db.read() as s:
        assert s.get(Customer, "cust-1").name == "新名"


def test_local_payments_on_a_bill_are_not_undone_by_the_billing_copy(core) -> None:
    puller(core, Feed([customer(1), account(1), bill(1)])).pull_all()
    with core.db.write() as s:
        s.get(Bill, "bill-1").paid_fen = 5000  # paid here; billing has not seen it yet
    with core.db.write() as s:
        s.get(SyncState, "pull_cursor").value = ""
    puller(core, Feed([bill(1, paid=0, version=2)])).pull_all()
    with core.db.read() as s:
        assert s.get(Bill, "bill-1").paid_fen == 5000 and s.get(Bill, "bill-1").server_version == 2


def test_a_restored_server_makes_the_pull_start_over(core) -> None:
    puller(core, Feed([customer(1), account(1)])).pull_all()
    restored = Feed([customer(1, version=1), account(1), customer(3), account(3)], epoch="e2")
    outcome = puller(core, restored).pull_all()
    assert restored.calls[0] == "e1:2" and restored.calls[1] == ""  # 410, then from the beginning
    with core.db.read() as s:
        assert s.get(SyncState, "pull_epoch").value == "e2"
        assert s.scalars(select(Account).where(Account.account_no == "7700000003")).first() is not None
    assert outcome.changes == 4


def test_unknown_entities_are_skipped(core) -> None:
    feed = Feed(
        [{"entity": "tariff_table", "entity_id": "x", "entity_version": 1, "op": "upsert", "data": {}}]
    )
    assert puller(core, feed).pull_all().applied == 0


def gone(change: dict) -> dict:
    return {**change, "op": "delete", "data": None, "entity_version": change["entity_version"] + 1}


def test_an_account_that_left_the_hall_goes_unless_payments_here_refer_to_it(core, clerk) -> None:

    from tests.core.accounts_for_tests import pay

    puller(core, Feed([customer(1), account(1), bill(1), customer(2), account(2), bill(2)])).pull_all()
    pay(core, clerk, "acct-2", 5000)  # taken here before the account moved
    with core.db.write() as s:
        s.get(SyncState, "pull_cursor").value = ""
    moved = [
        gone(bill(1)),
        gone(account(1)),
        gone(customer(1)),
        gone(bill(2)),
        gone(account(2)),
        gone(customer(2)),
    ]
    puller(core, Feed(moved)).pull_all()
    with core.db.read() as s:
        assert s.get(Account, "acct-1") is None and s.get(Customer, "cust-1") is None
        kept = s.get(Account, "acct-2")
        assert kept is not None and kept.status == "closed"  # its payment still refers to it


# -- the set-based apply ------------------------------------------------------------------------------


def rows(core, model, *columns):  # type: ignore[no-untyped-def]
    """The pulled rows (the feed's ids; the demo database has its own) with these columns."""
    key = model.__mapper__.primary_key[0]
    pulled = key.like("cust-%") | key.like("acct-%") | key.like("bill-%")
    with core.db.read() as s:
        return sorted(
            tuple(r) for r in s.execute(select(*(getattr(model, c) for c in columns)).where(pulled))
        )


def restart(core) -> None:  # type: ignore[no-untyped-def]
    with core.db.write() as s:
        s.get(SyncState, "pull_cursor").value = ""


def test_a_page_is_applied_in_feed_order_and_only_newer_versions_count(core) -> None:
    """Runs of one entity go to SQLite as one statement each; within a run and against the stored
    rows only a newer version writes, in the feed's order."""
    changes = [
        customer(1, version=1, name="一"),
        customer(1, version=3, name="三"),
        customer(1, version=2, name="二"),  # older than what came just before it in the same page
        account(1),
        bill(1),
        customer(2),
        account(2, version=2),
        account(2, version=1),
    ]
    outcome = puller(core, Feed(changes, page=500)).pull_all()
    assert (outcome.pages, outcome.changes, outcome.applied) == (1, 8, 6)
    assert rows(core, Customer, "customer_id", "name", "server_version") == [
        ("cust-1", "三", 3),
        ("cust-2", "张三", 1),
    ]
    assert rows(core, Account, "account_id", "server_version") == [("acct-1", 1), ("acct-2", 2)]
    restart(core)
    assert puller(core, Feed(changes, page=500)).pull_all().applied == 0  # all already there


def test_every_column_the_pc_keeps_is_pulled_and_the_prepaid_balance_only_at_first(core) -> None:
    first = account(1)
    first["data"] |= {"key_customer": True, "vulnerable": True, "prepaid_fen": 1500, "credit_rating": "B"}
    person = customer(1)
    person["data"] |= {
        "id_type": "id_card",
        "id_number": "320102199001010011",
        "contact_verified_on": "2026-03-01",
    }
    puller(core, Feed([person, first])).pull_all()
    changed = account(1, version=2)
    changed["data"] |= {"prepaid_fen": 0, "status": "suspended", "supply_relation": "", "load_class": None}
    restart(core)
    puller(core, Feed([changed])).pull_all()
    with core.db.read() as s:
        row = s.get(Account, "acct-1")
        held = s.get(Customer, "cust-1")
        assert (row.key_customer, row.vulnerable, row.credit_rating) == (False, False, "A")  # v2 has none
        assert (row.status, row.supply_relation, row.load_class) == ("suspended", "direct", "3")
        assert row.prepaid_fen == 1500  # prepayments taken here are not undone by billing's copy
        assert (held.id_type, held.id_number, held.contact_verified_on) == (
            "id_card",
            "320102199001010011",
            date(2026, 3, 1),
        )


def test_an_organisations_credit_code_is_its_id_number_here(core) -> None:
    org = customer(1)
    org["data"] |= {"kind": "organisation", "id_number": None, "credit_code": "91320100MA1XYW123X"}
    puller(core, Feed([org])).pull_all()
    assert rows(core, Customer, "kind", "id_number") == [("organisation", "91320100MA1XYW123X")]


def test_a_corrected_bill_below_what_was_paid_here_does_not_stop_the_pull(core) -> None:
    puller(core, Feed([customer(1), account(1), bill(1, paid=5000)])).pull_all()
    corrected = bill(1, paid=0, version=2)
    corrected["data"]["amount_fen"] = 3000  # billing lowered the bill after it was paid in full
    restart(core)
    outcome = puller(core, Feed([corrected, customer(2)])).pull_all()
    assert outcome.applied == 2
    assert rows(core, Bill, "amount_fen", "paid_fen", "server_version") == [(3000, 3000, 2)]


def test_an_account_made_here_under_its_own_id_is_updated_by_its_number(core) -> None:
    """The server's copy of an account this PC already holds under a local id (made before it
    enrolled): the row is kept and updated, and the server's bills find it by number."""
    from tests.core.accounts_for_tests import make_account

    local_id = make_account(core, [])
    with core.db.read() as s:
        local = s.get(Account, local_id)
        number, holder = local.account_no, local.customer_id
    server = account(1, version=4)
    server["data"] |= {"account_no": number, "customer_id": holder, "address": "示例市新地址1号"}
    mine = bill(1)
    mine["data"]["account_no"] = number
    outcome = puller(core, Feed([server, mine])).pull_all()
    assert outcome.applied == 2
    with core.db.read() as s:
        assert s.get(Account, "acct-1") is None
        kept = s.get(Account, local_id)
        assert (kept.address, kept.server_version) == ("示例市新地址1号", 4)
        assert s.get(Bill, "bill-1").account_id == local_id
    hits = core.accounts.search(core.auth.login("C001", DEMO_PASSWORD), "新地址")  # the text index followed
    assert [h.account_id for h in hits] == [local_id]


def test_a_bill_whose_account_is_not_here_is_skipped(core) -> None:
    outcome = puller(core, Feed([bill(9)])).pull_all()
    assert (outcome.changes, outcome.applied) == (1, 0)
    assert rows(core, Bill, "bill_id") == []


def test_a_crash_in_the_middle_of_a_page_leaves_nothing_of_it(core) -> None:
    changes = [customer(1), account(1), bill(1), customer(2), account(2), bill(2)]
    feed = Feed(changes, page=3)
    failpoints.activate(f"{MID_PAGE}=raise@5")  # the second run of the second page
    try:
        with pytest.raises(failpoints.FailpointHit):
            puller(core, feed).pull_all()
    finally:
        failpoints.activate("")
    assert rows(core, Customer, "customer_id") == [("cust-1",)]  # page 1 only
    assert rows(core, Bill, "bill_id") == [("bill-1",)]
    with core.db.read() as s:
        assert s.get(SyncState, "pull_cursor").value == "e1:3"
    assert puller(core, feed).pull_all().applied == 3
    assert rows(core, Bill, "bill_id") == [("bill-1",), ("bill-2",)]


def test_the_next_page_is_fetched_while_one_is_applied(core) -> None:
    """One page ahead: page n is written only once page n+1 has been asked for."""
    feed = Feed([customer(n) for n in range(1, 7)], page=2)
    asked = {cursor: threading.Event() for cursor in ("", "e1:2", "e1:4", "e1:6")}

    def watched(request: httpx.Request) -> httpx.Response:
        asked[request.url.params.get("cursor", "")].set()
        return feed(request)

    client = httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(watched))
    puller = Puller(core.db, client, "t")
    apply = puller._apply

    def apply_once_the_next_is_asked_for(page: Page) -> int:
        if page.has_more:
            assert asked[page.next_cursor].wait(5), (
                "the next page was not asked for before this one was written"
            )
        return apply(page)

    puller._apply = apply_once_the_next_is_asked_for  # type: ignore[method-assign]
    assert puller.pull_all().pages == 3
    assert feed.calls == ["", "e1:2", "e1:4"]  # and never beyond the last page
    assert rows(core, Customer, "customer_id") == sorted((f"cust-{n}",) for n in range(1, 7))


def test_other_entities_go_row_by_row_through_their_appliers(core, monkeypatch) -> None:
    from hallapp.sync import pull

    applied: list[tuple[str, int]] = []

    def note(_s, change: dict) -> int:  # type: ignore[no-untyped-def]
        applied.append((change["entity_id"], change["entity_version"]))
        return 1

    monkeypatch.setitem(pull.APPLY, "notice", note)
    notice = {"entity": "notice", "entity_version": 1, "op": "upsert", "data": {}}
    changes = [customer(1), {**notice, "entity_id": "n1"}, {**notice, "entity_id": "n2"}, account(1)]
    changes.append({**notice, "entity_id": "n1", "op": "delete", "data": None})  # not theirs: skipped
    outcome = puller(core, Feed(changes, page=500)).pull_all()
    assert applied == [("n1", 1), ("n2", 1)]
    assert outcome.applied == 4


# -- a restored server ------------------------------------------------------------------------------


def test_after_a_restore_the_pc_follows_the_restored_server_even_to_older_versions(core, clerk) -> None:
    """New epoch: the rows pulled before await confirmation; the restored server's copy wins whatever
    its version, and what it no longer has leaves (or is closed when a payment here refers to it)."""
    from tests.core.accounts_for_tests import pay

    before = [customer(n, version=3, name="新") for n in (1, 2, 3)]
    before += [account(n, version=3) for n in (1, 2, 3)] + [bill(n, version=3) for n in (1, 2, 3)]
    puller(core, Feed(before, page=500)).pull_all()
    pay(core, clerk, "acct-3", 5000)  # taken here: account 3 must stay
    restored = [customer(1, version=1, name="旧"), account(1, version=1), bill(1, version=1)]
    feed = Feed(restored, epoch="e2", page=2)
    puller(core, feed).pull_all()
    assert rows(core, Customer, "customer_id", "name", "server_version") == [
        ("cust-1", "旧", 1),
        ("cust-3", "新", 0),
    ]
    assert rows(core, Account, "account_id", "status", "server_version") == [
        ("acct-1", "active", 1),
        ("acct-3", "closed", 0),
    ]
    assert rows(core, Bill, "bill_id", "server_version") == [("bill-1", 1), ("bill-3", 0)]
    with core.db.read() as s:
        assert s.get(SyncState, "pull_resync").value == ""
    assert puller(core, Feed(restored, epoch="e2")).pull_all().applied == 0  # and nothing is dropped again


def test_a_restore_seen_in_the_middle_of_the_download_starts_it_over(core) -> None:
    puller(core, Feed([customer(1, version=2), customer(2, version=2)])).pull_all()
    feed = Feed([customer(1), customer(3), customer(4)], epoch="e2", page=1)
    failpoints.activate(f"{MID_PAGE}=raise@2")  # the restored feed's second page fails
    try:
        with pytest.raises(failpoints.FailpointHit):
            puller(core, feed).pull_all()
    finally:
        failpoints.activate("")
    assert rows(core, Customer, "customer_id", "server_version") == [("cust-1", 1), ("cust-2", -2)]
    puller(core, feed).pull_all()
    assert rows(core, Customer, "customer_id", "server_version") == [
        ("cust-1", 1),
        ("cust-3", 1),
        ("cust-4", 1),
    ]


def test_the_bigger_page_cache_lasts_only_while_a_page_is_applied(core, monkeypatch) -> None:
    from hallapp.sync import pull

    def pragmas(s) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        conn = s.connection()
        return tuple(
            conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in ("cache_size", "wal_autocheckpoint")
        )

    seen: list[tuple[int, int]] = []
    monkeypatch.setitem(pull.APPLY, "probe", lambda s, _change: seen.append(pragmas(s)) or 0)
    with core.db.write() as s:
        before = pragmas(s)
    probe = {"entity": "probe", "entity_id": "p", "entity_version": 1, "op": "upsert", "data": {}}
    puller(core, Feed([probe, probe, probe], page=1)).pull_all()
    assert seen == [(-pull.PULL_CACHE_KIB, pull.PULL_CHECKPOINT_PAGES)] * 3
    for _ in range(6):  # every pooled connection has its own settings back
        with core.db.write() as s:
            assert pragmas(s) == before


def test_an_older_server_that_refuses_big_pages_is_asked_for_its_own_largest(core) -> None:
    from hallapp.sync.pull import LEGACY_PAGE, PAGE

    feed = Feed([customer(n) for n in range(1, 4)], page=500)
    limits: list[int] = []

    def old_server(request: httpx.Request) -> httpx.Response:
        limits.append(int(request.url.params["limit"]))
        if limits[-1] > LEGACY_PAGE:
            return httpx.Response(400, json={"error": "malformed", "field": "limit"})
        return feed(request)

    client = httpx.Client(base_url="http://central.test", transport=httpx.MockTransport(old_server))
    assert Puller(core.db, client, "t").pull_all().applied == 3
    assert limits == [PAGE, LEGACY_PAGE]
