"""Scans attached to applications: accepted by content, kept by hash, refused with a reason."""

import hashlib
import os
from pathlib import Path

import pytest

from hallapp.db.models import ApplicationAttachment
from hallapp.demo.applications import person_new
from hallapp.domain.application_flow import FLOWS, ApplicationKind
from hallapp.domain.attachments import clean_file_name, sniff
from hallapp.domain.errors import ActionRefused, InvalidInput
from hallapp.domain.ids import new_id
from tests.core.helpers import count_rows, outbox_rows, write_counts

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IEND\xaeB`\x82"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\x01" * 100 + b"\xff\xd9"


@pytest.fixture
def application(core, clerk):  # type: ignore[no-untyped-def]
    return core.applications.submit(clerk, person_new(), request_id=new_id()).application_id


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_scan_is_kept_by_hash_and_read_back(core, clerk, application, tmp_path) -> None:
    rows = core.attachments.attach(clerk, application, write(tmp_path, "身份证.png", PNG))
    assert [(r.file_name, r.media_type, r.size_bytes) for r in rows] == [
        ("身份证.png", "image/png", len(PNG))
    ]
    digest = hashlib.sha256(PNG).hexdigest()
    stored = core.attachments.store_dir() / digest[:2] / f"{digest}.png"
    assert stored.read_bytes() == PNG
    assert core.attachments.content(clerk, rows[0].attachment_id) == PNG
    assert outbox_rows(core, "application.attach")[0].entity_id == application
    events = core.application_reads.detail(clerk, application).events
    assert events[-1].kind == "attachment" and events[-1].note == "身份证.png"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.pdf", b"", "attachment_empty"),
        ("notes.txt", b"hello", "attachment_type"),
        ("fake.pdf", b"MZ\x90\x00" + b"\x00" * 50, "attachment_type"),
        ("cut.pdf", PDF[:-8], "attachment_truncated"),
        ("cut.jpg", JPEG[:-2], "attachment_truncated"),
    ],
)
def test_bad_files_are_refused_and_change_nothing(
    core, clerk, application, tmp_path, name, data, reason
) -> None:
    before = write_counts(core), count_rows(core, ApplicationAttachment)
    with pytest.raises(InvalidInput) as caught:
        core.attachments.attach(clerk, application, write(tmp_path, name, data))
    assert caught.value.reason == reason and caught.value.field == "file"
    assert (write_counts(core), count_rows(core, ApplicationAttachment)) == before


def test_a_huge_file_is_refused_before_it_is_read(core, clerk, admin, application, tmp_path) -> None:
    core.settings.update(admin, {"applications.attachment_max_mb": "1"})
    big = tmp_path / "big.pdf"
    with open(big, "wb") as f:
        f.write(PDF[:9])
        f.seek(2 * 1024 * 1024)
        f.write(b"%%EOF\n")
    with pytest.raises(InvalidInput) as caught:
        core.attachments.attach(clerk, application, big)
    assert caught.value.reason == "attachment_too_large" and caught.value.params["limit"] == 1


def test_an_unreadable_or_missing_file(core, clerk, application, tmp_path) -> None:
    with pytest.raises(InvalidInput) as caught:
        core.attachments.attach(clerk, application, tmp_path / "gone.pdf")
    assert caught.value.reason == "attachment_unreadable"
    if os.geteuid() != 0:  # root reads anything
        locked = write(tmp_path, "locked.pdf", PDF)
        locked.chmod(0)
        with pytest.raises(InvalidInput):
            core.attachments.attach(clerk, application, locked)


def test_the_same_scan_twice_is_refused(core, clerk, application, tmp_path) -> None:
    core.attachments.attach(clerk, application, write(tmp_path, "a.pdf", PDF))
    with pytest.raises(ActionRefused) as caught:
        core.attachments.attach(clerk, application, write(tmp_path, "b.pdf", PDF))
    assert caught.value.reason == "attachment_duplicate" and caught.value.params["name"] == "a.pdf"
    assert count_rows(core, ApplicationAttachment) == 1


def test_the_same_scan_on_two_applications_is_stored_once(core, clerk, application, tmp_path) -> None:
    other = core.applications.submit(clerk, person_new(), request_id=new_id()).application_id
    core.attachments.attach(clerk, application, write(tmp_path, "a.jpg", JPEG))
    core.attachments.attach(clerk, other, write(tmp_path, "a.jpg", JPEG))
    assert len(list(core.attachments.store_dir().rglob("*.jpg"))) == 1


def test_a_damaged_or_missing_stored_copy_is_reported(core, clerk, application, tmp_path) -> None:
    row = core.attachments.attach(clerk, application, write(tmp_path, "a.png", PNG))[0]
    stored = core.attachments.store_dir() / row.sha256[:2] / f"{row.sha256}.png"
    stored.write_bytes(PNG[:-1] + b"X")
    with pytest.raises(ActionRefused) as caught:
        core.attachments.content(clerk, row.attachment_id)
    assert caught.value.reason == "attachment_damaged"
    stored.unlink()
    with pytest.raises(ActionRefused) as caught:
        core.attachments.content(clerk, row.attachment_id)
    assert caught.value.reason == "attachment_missing"


def test_a_closed_application_takes_no_more_scans(core, clerk, application, tmp_path) -> None:
    version = 1
    for stage in FLOWS[ApplicationKind.RESIDENT_NEW][1:]:
        version = core.applications.advance(clerk, application, stage, version=version)
    with pytest.raises(ActionRefused) as caught:
        core.attachments.attach(clerk, application, write(tmp_path, "late.png", PNG))
    assert caught.value.reason == "application_closed"


def test_guides_cannot_attach(core, guide, application, tmp_path) -> None:
    from hallapp.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        core.attachments.attach(guide, application, write(tmp_path, "a.png", PNG))


def test_file_names_and_sniffing() -> None:
    assert clean_file_name("C:\\扫描\\身份证 正面.JPG") == "身份证 正面.JPG"
    assert len(clean_file_name("长" * 300 + ".pdf")) == 200 and clean_file_name("长" * 300 + ".pdf").endswith(
        ".pdf"
    )
    with pytest.raises(InvalidInput):
        clean_file_name("bad\x07name.pdf")
    assert sniff(b"II*\x00" + b"\x00" * 10).media_type == "image/tiff"
