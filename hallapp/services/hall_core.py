"""The core facade: open a hall database and reach every service through one object.

core = HallCore.open(path)
actor = core.auth.login("C001", "…")
hits = core.accounts.search(actor, "3201000001")
"""

import os
from pathlib import Path

from hallapp.db.engine import Database, check_file, make_engine
from hallapp.db.migrate import upgrade
from hallapp.db.models import DeviceIdentity
from hallapp.domain.errors import DatabaseUnavailable
from hallapp.services import audit
from hallapp.services.account_service import AccountService
from hallapp.services.application_docs import ApplicationDocs
from hallapp.services.application_files import ApplicationFiles
from hallapp.services.application_reads import ApplicationReads
from hallapp.services.application_service import ApplicationService
from hallapp.services.approval_service import ApprovalService
from hallapp.services.audit_trail_service import AuditTrailService
from hallapp.services.auth_service import AuthService
from hallapp.services.central_admin_service import CentralAdminService
from hallapp.services.clock import Clock
from hallapp.services.complaint_service import ComplaintService
from hallapp.services.consultation_service import ConsultationService
from hallapp.services.context import DeviceInfo
from hallapp.services.customer_service import CustomerService
from hallapp.services.daily_log_export import DailyLogExport
from hallapp.services.daily_log_service import DailyLogService
from hallapp.services.knowledge_service import KnowledgeService
from hallapp.services.notice_service import NoticeService
from hallapp.services.payment_service import PaymentService
from hallapp.services.queue_port import QueuePort
from hallapp.services.queue_service import QueueService
from hallapp.services.reference_service import ReferenceService
from hallapp.services.retention_service import RetentionService
from hallapp.services.reversal_service import ReversalService
from hallapp.services.scorecard_service import ScorecardService
from hallapp.services.settings_service import SettingsService
from hallapp.services.shift_service import ShiftService
from hallapp.services.sync_notice_service import SyncNoticeService
from hallapp.services.window_service import WindowService
from hallapp.sync import outbox
from hallapp.sync.first_download import restore_deferred


class HallCore:
    def __init__(self, db: Database, clock: Clock, device: DeviceInfo) -> None:
        self.db = db
        self.clock = clock
        self.device = device
        common = (db, clock, device)
        self.settings = SettingsService(*common)
        self.reference = ReferenceService(*common)
        self.auth = AuthService(*common, settings=self.settings)
        self.accounts = AccountService(*common)
        self.customers = CustomerService(*common)
        self.payments = PaymentService(*common)
        self.applications = ApplicationService(*common, auth=self.auth)
        self.application_reads = ApplicationReads(*common)
        self.application_docs = ApplicationDocs(*common)
        self.attachments = ApplicationFiles(*common)
        self.reversals = ReversalService(*common, auth=self.auth)
        self.shifts = ShiftService(*common)
        self.notices = NoticeService(*common)
        self.windows = WindowService(*common)
        self.consultations = ConsultationService(*common)
        self.complaints = ComplaintService(*common)
        self.knowledge = KnowledgeService(*common)
        self.sync_notices = SyncNoticeService(*common)
        self.daily_log = DailyLogService(*common)
        self.daily_log.central = self.central_link  # type: ignore[method-assign]
        self.daily_log_export = DailyLogExport(*common)
        self.approvals = ApprovalService(*common)
        self.scorecard = ScorecardService(*common)
        self.audit = AuditTrailService(*common)
        self.retention = RetentionService(*common)
        self.central_admin = CentralAdminService(*common, settings=self.settings)
        self.queue_local = QueueService(*common)
        self.queue: QueuePort = self.queue_local  # or a HubClient: see connect_hub

    def connect_hub(self, url: str, *, hall_key: str | None = None) -> None:
        """Use the hall hub at ``url`` for the queue instead of this PC's database."""
        from hallapp.sync.hub_client import HubClient

        self.queue = HubClient(url, self.queue_local, self.clock, hall_key=hall_key)

    def use_hall_hub(self) -> None:
        """Connect to the hall hub if this hall has one (a one-PC hall runs its queue here)."""
        url = self.hub_url()
        if url:
            self.connect_hub(url, hall_key=self.hall_key())

    def hall_key(self) -> str | None:
        """The hall's LAN key: HALLAPP_HALL_KEY, else the OS keyring (never SQLite or a plain file)."""
        key = os.environ.get("HALLAPP_HALL_KEY")
        if key:
            return key
        try:
            import keyring

            return keyring.get_password("hallapp", f"hall-key:{self.device.hall_id}")
        except Exception:  # no keyring backend on this machine: the hub then runs without a key
            return None

    def central_url(self) -> str:
        """The central server: HALLAPP_SERVER_URL, else the setting, else where this PC enrolled;
        "" = standalone (no sync)."""
        from hallapp.sync import state
        from hallapp.sync.enrol import SERVER_URL

        with self.db.read() as s:
            enrolled = state.get(s, SERVER_URL)
        return os.environ.get("HALLAPP_SERVER_URL") or self.settings.get("sync.server_url") or enrolled

    def central_link(self):  # type: ignore[no-untyped-def]
        """A client factory for the central server and this PC's device token, or None when it is
        standalone or not enrolled (for reads that ask the server directly)."""
        from hallapp.sync.device_token import load_token

        url, token = self.central_url(), load_token(self.device.device_id)
        if not url or not token:
            return None
        import httpx

        from hallapp.sync.push import TIMEOUT_S

        return (lambda: httpx.Client(base_url=url, timeout=TIMEOUT_S)), token

    def sync_worker(self, on_status):  # type: ignore[no-untyped-def]
        """The background pusher and puller for this PC, or None when it is standalone or not
        enrolled (no token)."""
        link = self.central_link()
        if link is None:
            return None
        from hallapp.sync.pull import Puller
        from hallapp.sync.push import Pusher
        from hallapp.sync.worker import SyncWorker

        connect, token = link
        client = connect()  # one client for the worker's life: pushes and pulls share its connections
        pusher = Pusher(self.db, client, self.device.device_id, token, now=self.clock.now)
        return SyncWorker(
            pusher,
            on_status,
            puller=Puller(self.db, client, token),
            skew_warn_s=self.settings.get("sync.clock_skew_warn_seconds"),
        )

    def hub_url(self) -> str:
        """Where this PC finds the hall hub: HALLAPP_HUB_URL, else the hall's setting; "" = embedded."""
        return os.environ.get("HALLAPP_HUB_URL") or self.settings.get("queue.hub_url")

    @classmethod
    def open(cls, path: Path, *, clock: Clock | None = None) -> "HallCore":
        """Check, migrate and open the database at ``path``. It must exist and have a device identity."""
        if not path.exists():
            raise DatabaseUnavailable(reason="missing", path=str(path))
        check_file(path)
        engine = make_engine(path)
        try:
            upgrade(engine)
            db = Database(engine, path)
            restore_deferred(db)  # indexes a first download dropped, if the process died in it
            device = read_device(db)
        except Exception:
            engine.dispose()
            raise
        return cls(db, clock or Clock(), device)

    def pending_outbox(self) -> int:
        with self.db.read() as s:
            return outbox.pending_count(s)

    def verify_audit_chain(self) -> int | None:
        with self.db.read() as s:
            return audit.verify_chain(s)

    def close(self) -> None:
        if self.queue is not self.queue_local:
            self.queue.close()
        self.db.close()


def read_device(db: Database) -> DeviceInfo:
    with db.read() as s:
        row = s.get(DeviceIdentity, 1)
    if row is None:
        raise DatabaseUnavailable(reason="not_set_up")
    return DeviceInfo(row.device_id, row.device_code, row.hall_id)
