"""The daily counter log written to a file the supervisor chose: Excel (openpyxl) or PDF (reportlab).

The log is read again from the database, not taken from the screen. The file is written beside its
final name and renamed into place, so a refused folder or a full disk leaves nothing half-written.
"""

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hallapp.domain.errors import ActionRefused
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.records import Actor
from hallapp.printing.daily_log_pdf import render_daily_log_pdf
from hallapp.printing.daily_log_tables import DailyLogReport
from hallapp.services.context import ServiceBase
from hallapp.services.daily_log_service import DailyLogService
from hallapp.services.daily_log_xlsx import daily_log_workbook
from hallapp.services.reference_service import ReferenceService
from hallapp.services.settings_service import SettingsService

DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class DailyLogExport(ServiceBase):
    def excel(self, actor: Actor, first_day: date, last_day: date, path: Path) -> Path:
        return self._export(actor, first_day, last_day, path, daily_log_workbook)

    def pdf(self, actor: Actor, first_day: date, last_day: date, path: Path) -> Path:
        return self._export(actor, first_day, last_day, path, render_daily_log_pdf)

    def report(self, actor: Actor, first_day: date, last_day: date) -> DailyLogReport:
        """What the files hold: the log (same checks as the screen) with the hall's letterhead."""
        common = (self.db, self.clock, self.device)
        logs = DailyLogService(*common)
        log = logs.day(actor, first_day) if first_day == last_day else logs.range(actor, first_day, last_day)
        values = SettingsService(*common).values()
        names = {t.code: t.name for t in ReferenceService(*common).business_types()}
        return DailyLogReport(
            unit_name=values["hall.unit_name"],
            hall_name=values["hall.name"],
            made_at=to_hall_time(self.clock.now()).replace(microsecond=0),
            type_names=names,
            log=log,
        )

    def _export(
        self,
        actor: Actor,
        first_day: date,
        last_day: date,
        path: Path,
        render: Callable[[DailyLogReport], bytes],
    ) -> Path:
        data = render(self.report(actor, first_day, last_day))
        write_atomically(Path(path), data)
        return Path(path)


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` at ``path`` in full, or nothing new there: a temporary file in the same folder, then a rename."""
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        reason = "export_disk_full" if exc.errno in DISK_FULL else "export_not_writable"
        raise ActionRefused(reason, folder=str(path.parent)) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
