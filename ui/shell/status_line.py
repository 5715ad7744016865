"""The status bar every workspace shows: hall and PC, operator, business date, sync, hub, printer."""

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from hallapp.domain.hall_time import HALL_TZ
from hallapp.domain.queue_views import HubMode, HubStatus, QueueEvent
from hallapp.domain.records import Actor
from hallapp.sync.worker import SyncState, SyncStatus
from ui.ops import CoreOps
from ui.printing import DocumentKind, printer_for

REFRESH_MS = 30_000
translate = QCoreApplication.translate


class StatusLine(QObject):
    """A QObject child of the bar, so its connection to the ops broadcast dies with the window."""

    def __init__(
        self, bar: QStatusBar, ops: CoreOps, actor: Actor, *, hall_name: str, device_code: str
    ) -> None:
        super().__init__(bar)
        self.bar = bar
        self.ops = ops
        self.hall = self._label(
            translate("StatusLine", "{hall} · PC {device}").format(hall=hall_name, device=device_code)
        )
        self.operator = self._label(
            translate("StatusLine", "{name} ({staff_no})").format(name=actor.name, staff_no=actor.staff_no)
        )
        self.business_date = self._label("")
        self.sync = self._label("")
        self.hub = self._label("")
        self.printer = self._label("")
        self._timer = QTimer(bar)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        ops.sig_operation_did_execute.connect(self._on_operation)
        ops.queue_events.sig_event.connect(self._on_queue_event)
        ops.sync.sig_status.connect(self._show_sync)
        self.sync_status: SyncStatus | None = ops.sync.status
        self.refresh()

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        self.bar.addWidget(label)
        return label

    def _on_operation(self, _changes: object, _initiator: object) -> None:
        self.refresh()

    def _on_queue_event(self, event: QueueEvent) -> None:
        if event.kind in ("connected", "disconnected"):
            self.refresh()

    def refresh(self) -> None:
        receipts = printer_for(DocumentKind.RECEIPT)
        name, ready = receipts.name(), receipts.is_ready()
        self.printer.setText(
            translate("StatusLine", "Printer: {name}").format(name=name)
            if name
            else translate("StatusLine", "Printer: not set up")
        )
        self.printer.setProperty("tone", "ok" if name and ready else "warn")
        self.ops.run(
            lambda core: (core.pending_outbox(), core.clock.business_date(), core.queue.status()),
            on_success=self._show_pending,
            owner=self.bar,
        )

    def _show_pending(self, figures: tuple) -> None:
        pending, business_date, hub = figures
        self._show_hub(hub)
        self.business_date.setText(
            translate("StatusLine", "Business day {date}").format(date=business_date.isoformat())
        )
        if self.sync_status is None:
            self.sync.setText(
                translate("StatusLine", "Sync: standalone, {count} to upload").format(count=pending)
            )
            self.sync.setProperty("tone", "warn")
        for label in (self.sync, self.printer, self.hub):
            label.style().unpolish(label)
            label.style().polish(label)

    def _show_sync(self, status: SyncStatus) -> None:
        self.sync_status = status
        last = (
            status.last_success_at.astimezone(HALL_TZ).strftime("%H:%M")
            if status.last_success_at
            else translate("StatusLine", "never")
        )
        if status.state is SyncState.ONLINE:
            text = translate("StatusLine", "Sync: online, {count} to upload, last {time}")
        elif status.state is SyncState.OFFLINE:
            text = translate("StatusLine", "Sync: offline, {count} waiting, last {time}; retrying")
        else:
            text = translate("StatusLine", "Sync: stopped, {count} waiting; call the administrator")
        text = text.format(count=status.pending, time=last)
        if status.clock_skewed and status.clock_offset_s is not None:
            text += translate(
                "StatusLine", "; this PC's clock is {minutes} min off the server's: ask to have it set"
            ).format(minutes=round(abs(status.clock_offset_s) / 60))
        self.sync.setText(text)
        good = status.state is SyncState.ONLINE and not status.clock_skewed
        self.sync.setProperty("tone", "ok" if good else "warn")
        self.sync.style().unpolish(self.sync)
        self.sync.style().polish(self.sync)

    def _show_hub(self, status: HubStatus) -> None:
        if status.mode is HubMode.EMBEDDED:
            text, tone = translate("StatusLine", "Queue hub: this PC"), "ok"
        elif status.mode is HubMode.ONLINE:
            text, tone = translate("StatusLine", "Queue hub: connected"), "ok"
        elif status.since is None:
            text, tone = translate("StatusLine", "Queue hub: connecting…"), "warn"
        else:
            since = status.since.astimezone(HALL_TZ).strftime("%H:%M")
            text, tone = (
                translate("StatusLine", "Queue hub: unreachable since {time}").format(time=since),
                "warn",
            )
        if status.manual_waiting:
            text += translate("StatusLine", ", {n} manual tickets to hand over").format(
                n=status.manual_waiting
            )
        self.hub.setText(text)
        self.hub.setProperty("tone", tone)
