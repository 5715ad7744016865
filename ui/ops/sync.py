"""The sync worker's state as a Qt signal (it reports from its own thread), and the worker woken
whenever an operation wrote something (so a payment goes up within seconds when online)."""

from PySide6.QtCore import QObject, Signal

from hallapp.sync.worker import SyncStatus


class SyncBridge(QObject):
    sig_status = Signal(object)  # SyncStatus, delivered on the GUI thread (queued across threads)

    def __init__(self, ops, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.status: SyncStatus | None = None
        self.worker = ops.core.sync_worker(self._report)
        if self.worker is not None:
            ops.sig_operation_did_execute.connect(lambda *_: self.worker.wake())
            self.worker.start()

    @property
    def enabled(self) -> bool:
        return self.worker is not None

    def _report(self, status: SyncStatus) -> None:  # the worker's thread
        self.sig_status.emit(status)

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
