"""Conflicts between PCs (SYNC_DESIGN §4.2, scenarios C6 a–d of §4.14), for real: PCs of two halls
pull the same customer from the central server, change it offline, push in a known order and pull
again. Contact fields merge field by field (the later arrival wins, the loser is kept in history and
its hall is told); protected fields change only through applications (first arrival wins, the
second waits for review); money is never refused.
"""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from hallapp.central.enrolment import create_hall
from hallapp.central.master_import import import_accounts
from hallapp.central.schema import Account as CentralAccount
from hallapp.central.schema import Customer as CentralCustomer
from hallapp.central.schema import Payment as CentralPayment
from hallapp.central.schema_conflicts import CentralApplication, ConflictNotice, CustomerFieldHistory
from hallapp.db.models import Account, Customer, Outbox
from hallapp.demo.applications import on_account
from hallapp.demo.reference import DEMO_PASSWORD
from hallapp.domain.application_flow import FLOWS, ApplicationKind, Stage
from hallapp.domain.errors import InvalidForm
from hallapp.domain.ids import new_id
from hallapp.services.clock import FakeClock
from hallapp.services.hall_core import HallCore
from hallapp.sync.pull import Puller
from hallapp.sync.push import Pusher
from tests.core.accounts_for_tests import pay
from tests.server.test_central_import import accounts_file, person
from tests.server.test_central_support import (  # noqa: F401 - fixtures
    HALL,
    central_url,
    client,
    enrolled_demo_pc,
    new_code,
    pg_url,
    sessions,
)

pytestmark = pytest.mark.pg
HALL2 = "H0002"
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SHARED = "C000000001"  # one customer with an account in each hall
ACCOUNT_1, ACCOUNT_2, ACCOUNT_3 = "3200000001", "3200000002", "3200000003"


@dataclass
class PC:
    core: HallCore
    token: str
    client: Any
    sessions: Any

    @property
    def clerk(self):  # type: ignore[no-untyped-def]
        return self.core.auth.login("C001", DEMO_PASSWORD)

    @property
    def supervisor(self):  # type: ignore[no-untyped-def]
        return self.core.auth.login("S001", DEMO_PASSWORD)

    def pusher(self) -> Pusher:
        return Pusher(
            self.core.db, self.client, self.core.device.device_id, self.token, now=self.core.clock.now
        )

    def sync(self) -> None:
        self.pusher().push_all()
        settle(self.sessions)
        Puller(self.core.db, self.client, self.token).pull_all()

    def push(self) -> None:
        self.pusher().push_all()

    def account_id(self, account_no: str) -> str:
        with self.core.db.read() as s:
            return s.scalars(select(Account.account_id).where(Account.account_no == account_no)).one()

    def customer(self, customer_id: str) -> Customer:
        with self.core.db.read() as s:
            return s.get_one(Customer, customer_id)

    def results(self, op_type: str) -> list[str]:
        with self.core.db.read() as s:
            return list(s.scalars(select(Outbox.server_result).where(Outbox.op_type == op_type)))


@pytest.fixture
def master(tmp_path: Path, sessions) -> None:  # type: ignore[no-untyped-def]
    create_hall(sessions, HALL2, "城西供电营业厅")
    rows = [
        person(1, account_no=ACCOUNT_1, customer_id=SHARED),
        person(1, account_no=ACCOUNT_2, customer_id=SHARED, hall_id=HALL2),
        person(3, account_no=ACCOUNT_3),
    ]
    import_accounts(sessions, accounts_file(tmp_path, rows))


@pytest.fixture
def make_pc(tmp_path: Path, client, sessions, master) -> Iterator[Callable[[str], PC]]:  # type: ignore[no-untyped-def]
    opened: list[HallCore] = []

    def make(hall_id: str, clock: FakeClock | None = None) -> PC:
        path = tmp_path / f"pc-{len(opened)}.sqlite"
        core, token = enrolled_demo_pc(path, clock or FakeClock(START), client, sessions, hall_id)
        opened.append(core)
        pc = PC(core, token, client, sessions)
        pc.sync()
        return pc

    yield make
    for core in opened:
        core.close()


def settle(sessions, timeout_s: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until every transaction that began before now has ended anywhere in the cluster: the
    pull feed shows only what lies below that horizon (§4.7), and the test machine's cluster may be
    busy with other databases' transactions."""
    with sessions.begin() as s:
        mark = int(s.scalar(text("SELECT pg_current_xact_id()::text")))
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with sessions() as s:
            if int(s.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text"))) > mark:
                return
        time.sleep(0.05)
    raise AssertionError("a transaction of the cluster stayed open: the pull horizon did not move")


def central_customer(sessions, customer_id: str = SHARED) -> CentralCustomer:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return s.get_one(CentralCustomer, customer_id)


def test_both_halls_pulled_the_shared_customer(make_pc) -> None:  # type: ignore[no-untyped-def]
    east, west = make_pc(HALL), make_pc(HALL2)
    assert east.customer(SHARED).name == west.customer(SHARED).name
    assert east.customer(SHARED).server_version == west.customer(SHARED).server_version == 1


def test_a_different_fields_edited_in_two_halls_both_stand(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    east, west = make_pc(HALL), make_pc(HALL2)
    east.core.customers.update_contact(east.clerk, east.account_id(ACCOUNT_1), {"phone": "13900000001"})
    west.core.customers.update_contact(west.clerk, west.account_id(ACCOUNT_2), {"email": "li@example.cn"})
    east.push()
    west.push()
    east.sync()
    west.sync()
    server = central_customer(sessions)
    assert (server.phone, server.email) == ("13900000001", "li@example.cn")
    for pc in (east, west):
        mine = pc.customer(SHARED)
        assert (mine.phone, mine.email, mine.server_version) == (
            "13900000001",
            "li@example.cn",
            server.version,
        )
    with sessions() as s:
        assert s.scalars(select(ConflictNotice)).all() == []
        assert not any(h.overwrote_concurrent for h in s.scalars(select(CustomerFieldHistory)))
    assert east.core.sync_notices.notices(east.supervisor) == []


def test_b_the_same_field_the_later_arrival_wins_and_the_loser_is_told(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    east, west = make_pc(HALL), make_pc(HALL2)
    east.core.customers.update_contact(east.clerk, east.account_id(ACCOUNT_1), {"phone": "13900000001"})
    west.core.customers.update_contact(west.clerk, west.account_id(ACCOUNT_2), {"phone": "13900000002"})
    east.push()
    west.push()  # arrives second: wins
    east.sync()
    west.sync()
    assert central_customer(sessions).phone == "13900000002"
    assert east.customer(SHARED).phone == west.customer(SHARED).phone == "13900000002"
    with sessions() as s:
        history = s.scalars(select(CustomerFieldHistory).order_by(CustomerFieldHistory.id)).all()
        assert [(h.hall_id, h.new_value, h.overwrote_concurrent) for h in history] == [
            (HALL, "13900000001", False),
            (HALL2, "13900000002", True),
        ]
        assert history[1].old_value == "13900000001" and history[1].old_source["hall"] == HALL
        notices = s.scalars(select(ConflictNotice)).all()
        assert [(n.hall_id, n.field, n.lost_value, n.won_value) for n in notices] == [
            (HALL, "phone", "13900000001", "13900000002")
        ]
    told = east.core.sync_notices.notices(east.supervisor)
    assert [(n.kind, n.field, n.lost_value, n.won_value, n.won_hall_id) for n in told] == [
        ("contact_overwritten", "phone", "13900000001", "13900000002", HALL2)
    ]
    assert west.core.sync_notices.notices(west.supervisor) == []
    east.core.sync_notices.mark_read(east.supervisor, told[0].notice_id)
    assert east.core.sync_notices.notices(east.supervisor) == []
    assert east.core.sync_notices.notices(east.supervisor, include_read=True)[0].read


def test_the_same_value_from_both_halls_is_no_conflict(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    east, west = make_pc(HALL), make_pc(HALL2)
    for pc, account in ((east, ACCOUNT_1), (west, ACCOUNT_2)):
        pc.core.customers.update_contact(pc.clerk, pc.account_id(account), {"phone": "13900000009"})
        pc.push()
    with sessions() as s:
        assert s.scalars(select(ConflictNotice)).all() == []
        assert len(s.scalars(select(CustomerFieldHistory)).all()) == 1
    assert '"changed":[]' in west.results("customer.patch")[0]


def test_a_later_billing_import_does_not_undo_a_counter_edit(make_pc, sessions, tmp_path) -> None:  # type: ignore[no-untyped-def]
    east = make_pc(HALL)
    east.core.customers.update_contact(east.clerk, east.account_id(ACCOUNT_1), {"phone": "13900000001"})
    east.sync()
    rows = [
        person(1, account_no=ACCOUNT_1, customer_id=SHARED),
        person(1, account_no=ACCOUNT_2, customer_id=SHARED, hall_id=HALL2),
    ]
    import_accounts(sessions, accounts_file(tmp_path, rows, name="again.csv"))  # the same, stale export
    assert central_customer(sessions).phone == "13900000001"
    rows[0]["phone"] = rows[1]["phone"] = "13700000007"  # the billing system changed it
    import_accounts(sessions, accounts_file(tmp_path, rows, name="changed.csv"))
    server = central_customer(sessions)
    assert server.phone == "13700000007" and server.field_meta["phone"].get("hall") is None
    east.sync()
    assert east.customer(SHARED).phone == "13700000007"


def test_an_edit_based_on_an_old_version_overwrites_the_billing_change_and_keeps_it(
    make_pc, sessions, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    east = make_pc(HALL)
    rows = [
        person(1, account_no=ACCOUNT_1, customer_id=SHARED, phone="13700000007"),
        person(1, account_no=ACCOUNT_2, customer_id=SHARED, hall_id=HALL2, phone="13700000007"),
    ]
    import_accounts(sessions, accounts_file(tmp_path, rows, name="changed.csv"))
    east.core.customers.update_contact(east.clerk, east.account_id(ACCOUNT_1), {"phone": "13900000001"})
    east.push()  # based on version 1; the import made version 2
    with sessions() as s:
        last = s.scalars(select(CustomerFieldHistory)).one()
        assert (last.old_value, last.new_value, last.overwrote_concurrent) == (
            "13700000007",
            "13900000001",
            True,
        )
        assert s.scalars(select(ConflictNotice)).all() == []  # the billing system is no hall to tell
    assert central_customer(sessions).phone == "13900000001"


def test_protected_fields_are_refused_at_the_counter_and_on_the_server(make_pc, client, sessions) -> None:  # type: ignore[no-untyped-def]
    east = make_pc(HALL)
    with pytest.raises(InvalidForm) as caught:
        east.core.customers.update_contact(east.clerk, east.account_id(ACCOUNT_1), {"name": "改名"})
    assert caught.value.errors["name"].reason == "protected_field"
    with pytest.raises(InvalidForm):
        east.core.customers.update_contact(east.clerk, east.account_id(ACCOUNT_1), {"phone": "12345"})
    with east.core.db.read() as s:
        assert s.scalars(select(Outbox).where(Outbox.op_type == "customer.patch")).all() == []
    from hallapp.services.trace import trace

    clerk = east.clerk
    with east.core.db.write() as s:  # a PC of another version sends what this one never would
        trace(
            s,
            clerk,
            at=START,
            op_type="customer.patch",
            entity="customer",
            entity_id=SHARED,
            target="x",
            payload={"customer_id": SHARED, "fields": {"name": "改名", "phone": "13900000001"}},
            details={},
            base_version=1,
        )
        trace(
            s,
            clerk,
            at=START,
            op_type="customer.patch",
            entity="customer",
            entity_id="no-such-customer",
            target="x",
            payload={"customer_id": "no-such-customer", "fields": {"phone": "13900000001"}},
            details={},
            base_version=1,
        )
    east.push()
    results = east.results("customer.patch")
    assert '"reason":"protected_field"' in results[0] and '"status":"rejected"' in results[0]
    assert '"reason":"customer_unknown"' in results[1]
    server = central_customer(sessions)
    assert server.phone != "13900000001" and server.name != "改名" and server.version == 1


def submit(pc: PC, kind: ApplicationKind, account_no: str, **changes: Any) -> str:
    draft = on_account(kind, account_no, real_name_verified=True, **changes)
    return pc.core.applications.submit(pc.clerk, draft, request_id=new_id()).application_id


def walk_to_archive(pc: PC, application_id: str, kind: ApplicationKind) -> None:
    clerk = pc.clerk
    for stage in FLOWS[kind][1:]:
        version = pc.core.application_reads.detail(clerk, application_id).row.version
        pc.core.applications.advance(clerk, application_id, stage, version=version)


def test_c_two_transfers_of_one_account_the_first_wins_the_second_waits(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    first, second = make_pc(HALL), make_pc(HALL)
    one = submit(first, ApplicationKind.TRANSFER, ACCOUNT_3, name="新户主甲")
    two = submit(second, ApplicationKind.TRANSFER, ACCOUNT_3, name="新户主乙")
    first.push()
    second.push()
    with sessions() as s:
        apps = {a.application_id: a for a in s.scalars(select(CentralApplication))}
        assert apps[one].review == "none"
        assert (apps[two].review, apps[two].review_reason) == ("needs_review", "open_application")
        assert apps[two].blocking_application_no == apps[one].application_no
    assert '"status":"conflict"' in second.results("application.submit")[0]
    second.sync()
    told = second.core.sync_notices.notices(second.supervisor)
    assert [(n.kind, n.reason, n.blocking_application_no) for n in told] == [
        ("application_review", "open_application", apps[one].application_no)
    ]
    # the first completes: the account's holder changes on the server and on every PC of the hall
    walk_to_archive(first, one, ApplicationKind.TRANSFER)
    first.sync()
    second.sync()
    with sessions() as s:
        account = s.get_one(CentralAccount, ACCOUNT_3)
        holder = s.get_one(CentralCustomer, account.customer_id)
        assert holder.name == "新户主甲" and holder.customer_id != "C000000003"
    for pc in (first, second):
        with pc.core.db.read() as s:
            local = s.scalars(select(Account).where(Account.account_no == ACCOUNT_3)).one()
            assert s.get_one(Customer, local.customer_id).name == "新户主甲"
    # the second was taken for the old holder: it stays under review, and its hall is told why
    told = second.core.sync_notices.notices(second.supervisor)
    assert [(n.reason, n.application_no) for n in told if n.reason == "holder_changed"] == [
        ("holder_changed", apps[two].application_no)
    ]
    # it changes nothing when it is walked through
    walk_to_archive(second, two, ApplicationKind.TRANSFER)
    second.push()
    with sessions() as s:
        assert s.get_one(CentralCustomer, s.get_one(CentralAccount, ACCOUNT_3).customer_id).name == "新户主甲"
        assert (s.get_one(CentralApplication, two).review_reason) == "holder_changed"


def test_an_application_waiting_behind_a_cancelled_one_goes_on(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    first, second = make_pc(HALL), make_pc(HALL)
    one = submit(first, ApplicationKind.RESIDENT_INCREASE, ACCOUNT_3)
    two = submit(second, ApplicationKind.RESIDENT_INCREASE, ACCOUNT_3)
    three = submit(second, ApplicationKind.RESIDENT_INCREASE, ACCOUNT_3)
    first.push()
    second.push()
    version = first.core.application_reads.detail(first.clerk, one).row.version
    first.core.applications.advance(first.clerk, one, Stage.CANCELLED, version=version, note="客户撤回")
    first.push()
    second.sync()
    with sessions() as s:
        apps = {a.application_id: a for a in s.scalars(select(CentralApplication))}
        assert (apps[two].review, apps[two].blocking_application_no) == ("none", None)
        assert (apps[three].review, apps[three].blocking_application_no) == (
            "needs_review",
            apps[two].application_no,
        )
    told = [n for n in second.core.sync_notices.notices(second.supervisor) if n.reason == "released"]
    assert [(n.application_no, n.blocking_application_no) for n in told] == [
        (apps[two].application_no, apps[one].application_no)
    ]


def test_a_name_change_renames_the_holder_once_archived(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    east = make_pc(HALL)
    done = submit(east, ApplicationKind.NAME_CHANGE, ACCOUNT_1, name="王更名")
    east.sync()
    assert central_customer(sessions).name != "王更名"
    walk_to_archive(east, done, ApplicationKind.NAME_CHANGE)
    east.sync()
    assert central_customer(sessions).name == "王更名"
    assert east.customer(SHARED).name == "王更名"


def test_d_a_payment_on_an_account_closed_meanwhile_is_kept_in_suspense(make_pc, sessions, tmp_path) -> None:  # type: ignore[no-untyped-def]
    east = make_pc(HALL)
    import_accounts(
        sessions, accounts_file(tmp_path, [person(3, account_no=ACCOUNT_3, status="closed")], name="c.csv")
    )
    pay(east.core, east.clerk, east.account_id(ACCOUNT_3), 5000)  # the PC has not pulled the closure
    east.push()
    with sessions() as s:
        payment = s.scalars(select(CentralPayment).where(CentralPayment.account_no == ACCOUNT_3)).one()
        assert payment.posting_status == "suspense" and payment.amount_fen == 5000
    assert '"reason":"account_closed"' in east.results("payment.record")[0]


# -- C8: clock skew ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shift", "skewed"),
    [(timedelta(days=-1), True), (timedelta(minutes=10), True), (timedelta(seconds=20), False)],
)
def test_c8_a_wrong_clock_is_reported_and_its_payments_are_still_taken(
    make_pc, sessions, shift, skewed
) -> None:  # type: ignore[no-untyped-def]
    from hallapp.sync.worker import SyncState, SyncWorker

    pc = make_pc(HALL, FakeClock(datetime.now(UTC) + shift))
    pay(pc.core, pc.clerk, pc.account_id(ACCOUNT_3), 5000)
    seen = []
    worker = SyncWorker(pc.pusher(), seen.append, puller=Puller(pc.core.db, pc.client, pc.token))
    worker.run_once()
    status = seen[-1]
    assert status.state is SyncState.ONLINE and status.pending == 0
    assert status.clock_skewed is skewed
    assert status.clock_offset_s is not None and abs(status.clock_offset_s + shift.total_seconds()) < 60
    with sessions() as s:
        payment = s.scalars(select(CentralPayment).where(CentralPayment.account_no == ACCOUNT_3)).one()
        assert payment.posting_status == "posted"
        assert abs((payment.device_time - payment.received_at) - shift) < timedelta(minutes=1)


def test_c8_device_time_never_decides_a_conflict(make_pc, sessions) -> None:  # type: ignore[no-untyped-def]
    ahead = make_pc(HALL, FakeClock(START + timedelta(days=1)))  # its edit looks a day newer
    right = make_pc(HALL2)
    right.core.customers.update_contact(right.clerk, right.account_id(ACCOUNT_2), {"phone": "13900000002"})
    ahead.core.customers.update_contact(ahead.clerk, ahead.account_id(ACCOUNT_1), {"phone": "13900000001"})
    ahead.push()
    right.push()  # arrives later: wins, whatever the clocks said
    assert central_customer(sessions).phone == "13900000002"
    with sessions() as s:
        assert [n.hall_id for n in s.scalars(select(ConflictNotice))] == [HALL]
