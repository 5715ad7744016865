"""Saving the shown daily log as Excel or PDF: ask where (starting in the folder used last), let the
core write the file off the GUI thread, say in one sentence how it went."""

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from hallapp.domain.records import Actor
from ui.supervisor.daily_log_messages import daily_log_message
from ui.widgets.labels import say

FOLDER_KEY = "daily_log/export_folder"
SUFFIXES = {"excel": ".xlsx", "pdf": ".pdf"}
translate = QCoreApplication.translate


def ask_save_path(parent: QWidget, kind: str, suggested: Path) -> Path | None:
    """The file the supervisor chose, or None when they cancelled (tests replace this)."""
    caption = (
        translate("DailyLogExport", "Save the counter log as Excel")
        if kind == "excel"
        else translate("DailyLogExport", "Save the counter log as PDF")
    )
    pattern = (
        translate("DailyLogExport", "Excel workbook (*.xlsx)")
        if kind == "excel"
        else translate("DailyLogExport", "PDF document (*.pdf)")
    )
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), pattern)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == SUFFIXES[kind] else path.with_name(path.name + SUFFIXES[kind])


def last_folder() -> Path:
    saved = QSettings().value(FOLDER_KEY, "")
    folder = Path(saved) if saved else Path.home()
    return folder if folder.is_dir() else Path.home()


def _export(core, actor: Actor, kind: str, first, last, path: Path) -> Path:  # type: ignore[no-untyped-def]
    exporter = core.daily_log_export
    write = exporter.excel if kind == "excel" else exporter.pdf
    return write(actor, first, last, path)


class ExportFlow(QObject):
    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        super().__init__(page)
        self.page = page
        self.busy = False

    def start(self, kind: str) -> None:
        log = self.page.log
        if self.busy or log is None:
            return
        period = (
            log.first_day.isoformat() if log.first_day == log.last_day else f"{log.first_day}_{log.last_day}"
        )
        name = translate("DailyLogExport", "Counter log {period}").format(period=period) + SUFFIXES[kind]
        path = ask_save_path(self.page, kind, last_folder() / name)
        if path is None:
            return
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        self.busy = True
        say(self.page.message, translate("DailyLogExport", "Saving {name}…").format(name=path.name), ok=True)
        work = partial(
            _export, actor=self.page.actor, kind=kind, first=log.first_day, last=log.last_day, path=path
        )
        self.page.ops.run(work, on_success=self._on_saved, on_failure=self._on_failed, owner=self)

    def _on_saved(self, path: Path) -> None:
        self.busy = False
        say(self.page.message, translate("DailyLogExport", "Saved {path}.").format(path=path), ok=True)

    def _on_failed(self, exc: Exception) -> None:
        self.busy = False
        say(self.page.message, daily_log_message(exc), ok=False)
