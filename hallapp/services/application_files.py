"""Scanned documents attached to an application, kept next to the database by content hash.

The file is written (atomically) before the row commits; a row never points at a missing file. A
file whose row did not commit is harmless: the same content reuses it.
"""

import hashlib
import os
from pathlib import Path

from sqlalchemy import select

from hallapp.db.models import Application, ApplicationAttachment
from hallapp.domain.application_flow import CLOSED, Stage
from hallapp.domain.application_views import AttachmentRow
from hallapp.domain.attachments import KINDS, clean_file_name, sniff
from hallapp.domain.errors import ActionRefused, InvalidInput, NotFound
from hallapp.domain.ids import new_id
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.services.application_reads import attachment_rows
from hallapp.services.application_record import Step, record_step
from hallapp.services.context import ServiceBase
from hallapp.services.settings_service import values_in

MB = 1024 * 1024


class ApplicationFiles(ServiceBase):
    def store_dir(self) -> Path:
        base = self.db.path.parent if self.db.path is not None else Path.cwd()
        return base / "attachments"

    def attach(self, actor: Actor, application_id: str, path: Path) -> tuple[AttachmentRow, ...]:
        """Attach the file at ``path``; returns the application's attachments after it."""
        require(actor.role, Permission.TAKE_APPLICATION)
        name = clean_file_name(str(path))
        with self.db.read() as s:
            limit_mb = values_in(s)["applications.attachment_max_mb"]
        data = _read(path, limit_mb * MB)
        kind = sniff(data)
        digest = hashlib.sha256(data).hexdigest()
        now = self.clock.now()
        with self.db.write() as s:
            app = s.get(Application, application_id)
            if app is None:
                raise NotFound(application_id=application_id)
            if Stage(app.status) in CLOSED:
                raise ActionRefused("application_closed", application_no=app.application_no)
            same = s.scalars(
                select(ApplicationAttachment).where(
                    ApplicationAttachment.application_id == application_id,
                    ApplicationAttachment.sha256 == digest,
                )
            ).first()
            if same is not None:
                raise ActionRefused("attachment_duplicate", name=same.file_name)
            self._keep(digest, kind.extension, data)
            s.add(
                ApplicationAttachment(
                    attachment_id=new_id(),
                    application_id=application_id,
                    file_name=name,
                    media_type=kind.media_type,
                    size_bytes=len(data),
                    sha256=digest,
                    added_at=now,
                    operator_id=actor.operator_id,
                )
            )
            s.flush()
            record_step(
                s,
                app,
                actor,
                Step(
                    "attachment",
                    "application.attach",
                    app.status,
                    name,
                    {"file": name, "sha256": digest, "bytes": len(data)},
                ),
                at=now,
                base_version=None,
            )
            return attachment_rows(s, application_id)

    def content(self, actor: Actor, attachment_id: str) -> bytes:
        """The stored file's bytes, checked against its hash (a damaged copy is refused)."""
        require(actor.role, Permission.TAKE_APPLICATION)
        with self.db.read() as s:
            row = s.get(ApplicationAttachment, attachment_id)
            if row is None:
                raise NotFound(attachment_id=attachment_id)
            digest, media_type = row.sha256, row.media_type
        path = self._path(digest, _extension(media_type))
        try:
            data = path.read_bytes()
        except OSError:
            raise ActionRefused("attachment_missing") from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise ActionRefused("attachment_damaged")
        return data

    def _path(self, digest: str, extension: str) -> Path:
        return self.store_dir() / digest[:2] / f"{digest}{extension}"

    def _keep(self, digest: str, extension: str, data: bytes) -> None:
        path = self._path(digest, extension)
        if path.exists() and path.stat().st_size == len(data):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(path.suffix + f".{new_id()}.part")
        with open(temp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidInput("file", "attachment_too_large", limit=limit // MB)
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except (OSError, ValueError):
        raise InvalidInput("file", "attachment_unreadable") from None
    if len(data) > limit:
        raise InvalidInput("file", "attachment_too_large", limit=limit // MB)
    return data


def _extension(media_type: str) -> str:
    return next(k.extension for k in KINDS if k.media_type == media_type)
