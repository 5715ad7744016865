"""One application: where it stands, what may happen next, its history, documents and printouts.

Alt+1…4 move it to the stages offered (in the order shown); Ctrl+J records a 催办; Ctrl+O attaches
a scan; F8 prints the 登记表 again (the 回执 and the 一次性告知书 have buttons).
"""

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.application_flow import ApplicationKind, Hold, Stage
from hallapp.domain.application_views import ApplicationDetail, AttachmentRow
from hallapp.domain.queue_views import RATING_LEVELS
from ui.counter.application_tables import days_left_text, enum_text, event_columns
from ui.counter.attachment_strip import AttachmentStrip, AttachmentViewer
from ui.widgets.formatting import day
from ui.widgets.labels import styled
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.table_view import RecordTableView

SCAN_FOLDER_KEY = "applications/scan_folder"
MAX_NOTE = 200
MAX_STAGE_KEYS = 4


class ApplicationDetailPane(QFrame):
    sig_advance = Signal(str, object, str, bool)  # application id, Stage, note, arrears assumed
    sig_expedite = Signal(str, str)
    sig_rate = Signal(str, int, str)
    sig_attach = Signal(str, str)  # application id, file path
    sig_print = Signal(str, str)  # application id, "form" | "receipt" | "notice"
    sig_view = Signal(object)  # AttachmentRow
    sig_correct = Signal(str, str, object)  # application id, credit code, reason for the queue or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.detail: ApplicationDetail | None = None
        self.title = styled("", "section")
        self.status = styled("", "muted", wrap=True)
        self.warnings = styled("", "error", wrap=True)
        self.hold = styled("", "error", wrap=True)
        self.correction = _CorrectionRow()
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Note or reason (required to return or cancel)"))
        self.stage_row = QHBoxLayout()
        self.stage_buttons: list[QPushButton] = []
        self.assume = QPushButton(self.tr("New holder takes on the arrears"))
        self.assume.setCheckable(True)
        self.expedite = QPushButton(self.tr("Expedite request (Ctrl+J)"))
        self.attach = QPushButton(self.tr("Attach scan (Ctrl+O)"))
        self.rating = QComboBox()
        for level in RATING_LEVELS:
            self.rating.addItem("★" * level, level)
        self.rate = QPushButton(self.tr("Record rating"))
        self.print_button = QPushButton(self.tr("Print…"))
        menu = QMenu(self.print_button)
        self.prints = {
            "form": menu.addAction(self.tr("Application form (F8)")),
            "receipt": menu.addAction(self.tr("Acceptance receipt")),
            "notice": menu.addAction(self.tr("One-time notice")),
        }
        self.print_button.setMenu(menu)
        self.events = RecordTableModel(event_columns(), self)
        self.strip = AttachmentStrip()
        self._layout()
        self.expedite.clicked.connect(self._expedite)
        self.attach.clicked.connect(self._attach)
        self.rate.clicked.connect(self._rate)
        self.strip.sig_open.connect(self.sig_view)
        self.correction.button.clicked.connect(self._correct)
        self.correction.code.returnPressed.connect(self._correct)
        for key, action in self.prints.items():
            action.triggered.connect(lambda _=False, k=key: self._print(k))
        for n in range(1, MAX_STAGE_KEYS + 1):
            QShortcut(QKeySequence(f"Alt+{n}"), self, lambda n=n: self._stage_key(n))
        for keys, button in (("Ctrl+J", self.expedite), ("Ctrl+O", self.attach)):
            # QShortcuts, not button shortcuts: the buttons are rebuilt and disabled as the file changes
            QShortcut(QKeySequence(keys), self, lambda b=button: b.isEnabled() and b.click())
        self.show_detail(None)

    def _stage_key(self, n: int) -> None:
        if self.detail is not None and n <= len(self.detail.allowed):
            self._advance(self.detail.allowed[n - 1])

    def _layout(self) -> None:
        self.stage_row.addStretch(1)
        self.stage_row.addWidget(self.rating)  # only an archived application is rated: no stage buttons then
        self.stage_row.addWidget(self.rate)
        actions = QHBoxLayout()
        actions.addWidget(self.expedite)
        actions.addWidget(self.attach)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.warnings)
        layout.addWidget(self.hold)
        layout.addWidget(self.correction)
        layout.addWidget(self.note)
        layout.addLayout(self.stage_row)
        layout.addWidget(self.assume)
        layout.addLayout(actions)
        layout.addWidget(styled(self.tr("Documents"), "caption"))
        layout.addWidget(self.strip)
        layout.addWidget(styled(self.tr("History"), "caption"))
        layout.addWidget(RecordTableView(self.events, stretch_column=4, sortable=False), 1)

    def show_detail(self, detail: ApplicationDetail | None) -> None:
        self.detail = detail
        for widget in (self.note, self.expedite, self.attach, self.rating, self.rate, self.print_button):
            widget.setEnabled(detail is not None)
        for button in self.stage_buttons:
            self.stage_row.removeWidget(button)
            button.deleteLater()
        self.stage_buttons = []
        if detail is None:
            self.title.setText(self.tr("Choose an application from the list, or press Ctrl+N for a new one."))
            self.status.clear()
            self.warnings.hide()
            self.hold.hide()
            self.correction.hide()
            self.assume.hide()
            self.rating.hide()
            self.rate.hide()
            self.events.set_records([])
            self.strip.show_rows(())
            return
        row = detail.row
        self.title.setText(f"{row.application_no}　{enum_text(row.kind)}　{row.applicant_name}")
        self.status.setText(
            self.tr(
                "Stage: {stage} · accepted {accepted} · committed by {due} · this stage due {stage_due} ({left})"
            ).format(
                stage=enum_text(row.stage),
                accepted=day(row.accepted_on),
                due=day(row.due_on),
                stage_due=day(row.stage_due_on),
                left=days_left_text(row),
            )
        )
        texts = [self._warning_text(w) for w in detail.warnings]
        if detail.to_bring:
            texts.append(self.tr("Documents still to bring: {n}").format(n=len(detail.to_bring)))
        self.warnings.setText("　".join(t for t in texts if t))
        self.warnings.setVisible(bool(texts))
        self._show_hold(detail)
        for n, stage in enumerate(detail.allowed, start=1):
            button = QPushButton(self.tr("→ {stage} (Alt+{n})").format(stage=enum_text(stage), n=n))
            button.clicked.connect(lambda _=False, s=stage: self._advance(s))
            self.stage_row.insertWidget(n - 1, button)
            self.stage_buttons.append(button)
        self.assume.setVisible(row.kind is ApplicationKind.TRANSFER and row.stage is Stage.ARREARS_CHECK)
        archived = row.stage is Stage.ARCHIVED
        self.rating.setVisible(archived and detail.rating is None)
        self.rate.setVisible(archived and detail.rating is None)
        open_ = bool(detail.allowed)
        self.expedite.setEnabled(open_)
        self.attach.setEnabled(open_)
        self.prints["notice"].setEnabled(bool(detail.to_bring))
        self.events.set_records(detail.events)
        self.strip.show_rows(detail.attachments)

    def _warning_text(self, code: str) -> str:
        return {
            "id_region": self.tr("The ID number's region code is unknown: check the card."),
            "credit_code_override": self.tr(
                "Credit code confirmed by a supervisor despite its check character."
            ),
            "real_name_missing": self.tr("Real-name verification was not done at acceptance."),
        }.get(code, "")

    def _show_hold(self, detail: ApplicationDetail) -> None:
        hold, code = detail.row.hold, detail.form.get("credit_code", "")
        if hold == Hold.CREDIT_CODE_PENDING:
            text = self.tr(
                "Credit code {code} is waiting in the supervisor's queue; the application stays in "
                "acceptance until it is approved."
            ).format(code=code)
        elif hold == Hold.CREDIT_CODE_REFUSED:
            text = self.tr("{supervisor} refused credit code {code}: {note} Correct the code below.").format(
                supervisor=detail.hold_by, code=code, note=detail.hold_note
            )
        else:
            text = ""
        self.hold.setText(text)
        self.hold.setVisible(bool(text))
        self.correction.setVisible(hold == Hold.CREDIT_CODE_REFUSED)
        if hold == Hold.CREDIT_CODE_REFUSED and not self.correction.code.text():
            self.correction.code.setText(code)

    def _correct(self) -> None:
        if self.detail is not None and self.correction.isVisible():
            reason = self.correction.reason.text().strip()
            self.sig_correct.emit(self.detail.row.application_id, self.correction.code.text(), reason or None)

    def print_form(self) -> bool:
        if self.detail is None:
            return False
        self._print("form")
        return True

    def _advance(self, stage: Stage) -> None:
        if self.detail is not None:
            self.sig_advance.emit(
                self.detail.row.application_id, stage, self.note.text(), self.assume.isChecked()
            )

    def _expedite(self) -> None:
        if self.detail is not None:
            self.sig_expedite.emit(self.detail.row.application_id, self.note.text())

    def _rate(self) -> None:
        if self.detail is not None:
            self.sig_rate.emit(self.detail.row.application_id, self.rating.currentData(), self.note.text())

    def _print(self, which: str) -> None:
        if self.detail is not None:
            self.sig_print.emit(self.detail.row.application_id, which)

    def _attach(self) -> None:
        if self.detail is None:
            return
        settings = QSettings()
        folder = str(settings.value(SCAN_FOLDER_KEY, ""))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a scanned document"),
            folder,
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"),
        )
        if path:
            settings.setValue(SCAN_FOLDER_KEY, path.rsplit("/", 1)[0])
            self.sig_attach.emit(self.detail.row.application_id, path)

    def view(self, row: AttachmentRow, data: bytes) -> None:
        AttachmentViewer(row, data, self).show()

    def clear_note(self) -> None:
        self.note.clear()
        self.assume.setChecked(False)
        self.correction.code.clear()
        self.correction.reason.clear()


class _CorrectionRow(QWidget):
    """The corrected credit code; a reason sends it to the supervisor's queue again if it still fails."""

    def __init__(self) -> None:
        super().__init__()
        self.code = QLineEdit()
        self.code.setMaxLength(18)
        self.code.setAccessibleName(self.tr("Corrected credit code"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_NOTE)
        self.reason.setPlaceholderText(self.tr("Reason, only if it must go to the supervisor again"))
        self.button = QPushButton(self.tr("Correct credit code"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.code, 2)
        row.addWidget(self.reason, 3)
        row.addWidget(self.button)
        self.hide()
