"""The PC's puller against a scripted feed: pages with their cursor in one transaction, newer
versions only, a restored server (new epoch or 410) starting over, local payments kept on bills."""

import json

import httpx
import pytest
from sqlalchemy import select

from hallapp.db.models import Account, Bill, Customer, SyncState
from hallapp.domain.errors import SyncUnavailable
from hallapp.sync.pull import Puller


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

    def __init__(self, changes: list[dict], epoch: str = "e1") -> None:
        self.changes, self.epoch, self.calls = changes, epoch, []
        self.fail_at: int | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor", "")
        self.calls.append(cursor)
        if cursor and not cursor.startswith(self.epoch + ":"):
            return httpx.Response(410, json={"error": "cursor_expired"})
        start = int(cursor.split(":")[1]) if cursor else 0
        if self.fail_at is not None and start >= self.fail_at:
            return httpx.Response(503, json={"error": "db_unavailable"})
        limit = 2
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
