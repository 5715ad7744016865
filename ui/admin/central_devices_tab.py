"""The PCs enrolled with the central server: their hall, host name, status, when they were last seen
and how far their uploads are acknowledged; a lost or replaced PC is revoked from here."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hallapp.sync.admin_client import CentralDevice, CentralHall
from ui.admin.central_form import fill_halls, local_time
from ui.admin.central_messages import central_message
from ui.admin.central_ops import CentralLink
from ui.admin.central_revoke_dialog import CentralRevokeDialog
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


def status_label(status: str) -> str:
    return {
        "active": translate("CentralDevicesTab", "Active"),
        "suspended": translate("CentralDevicesTab", "Suspended"),
        "revoked": translate("CentralDevicesTab", "Revoked"),
        "quarantined": translate("CentralDevicesTab", "Quarantined"),
    }.get(status, status)


def _columns() -> list[Column[CentralDevice]]:
    return [
        Column(translate("CentralDevicesTab", "Hall"), lambda d: d.hall_id, CENTER),
        Column(translate("CentralDevicesTab", "Device"), lambda d: d.device_code, CENTER),
        Column(translate("CentralDevicesTab", "Host name"), lambda d: d.hostname),
        Column(
            translate("CentralDevicesTab", "Status"),
            lambda d: status_label(d.status),
            CENTER,
            tone=lambda d: None if d.status == "active" else "owed",
        ),
        Column(translate("CentralDevicesTab", "Last seen"), lambda d: local_time(d.last_seen_at), CENTER),
        Column(
            translate("CentralDevicesTab", "Uploaded up to"),
            lambda d: str(d.last_acked_seq),
            RIGHT,
            sort_key=lambda d: d.last_acked_seq,
        ),
        Column(translate("CentralDevicesTab", "Note"), lambda d: d.status_note),
    ]


class CentralDevicesTab(QWidget):
    def __init__(self, link: CentralLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.revoke_dialog: CentralRevokeDialog | None = None
        self.hall = QComboBox()
        self.hall.setMinimumWidth(260)
        self.model: RecordTableModel[CentralDevice] = RecordTableModel(_columns(), self)
        self.table = RecordTableView(self.model, stretch_column=6)
        self.revoke_button = QPushButton(self.tr("Re&voke device…"))
        self.reload_button = QPushButton(self.tr("&Update list"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        caption = QLabel(self.tr("Show ha&ll:"))
        caption.setBuddy(self.hall)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.hall)
        top.addStretch(1)
        top.addWidget(self.reload_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.hall.currentIndexChanged.connect(self.refresh)
        self.reload_button.clicked.connect(self.refresh)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._on_current_changed()

    def set_halls(self, halls: list[CentralHall]) -> None:
        fill_halls(self.hall, halls, all_halls=self.tr("All halls"))

    def refresh(self, *_args: object) -> None:
        self.link.run(
            "devices",
            self.hall.currentData() or None,
            owner=self,
            on_success=self._loaded,
            on_failure=lambda exc: say(self.message, central_message(exc), ok=False),
        )

    def _loaded(self, devices: list[CentralDevice]) -> None:
        self.model.set_records(devices)
        self.table.select_first()
        self._on_current_changed()

    def _on_current_changed(self, *_indexes: object) -> None:
        device: CentralDevice | None = self.table.current_record()
        self.revoke_button.setEnabled(device is not None and device.status != "revoked")

    def ask_revoke(self) -> None:
        device: CentralDevice | None = self.table.current_record()
        if device is None or device.status == "revoked":
            return
        self.revoke_dialog = CentralRevokeDialog(self.link, device, self)
        self.revoke_dialog.sig_revoked.connect(self._revoked)
        self.revoke_dialog.open()

    def _revoked(self, device: CentralDevice) -> None:
        say(
            self.message,
            self.tr("Device {code} is revoked; the central server refuses it from now on.").format(
                code=device.device_code
            ),
            ok=True,
        )
        self.refresh()
