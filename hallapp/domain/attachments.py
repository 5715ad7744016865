"""Scanned documents a clerk attaches to an application: which files are accepted, by content.

The type comes from the file's first bytes, never from its name, and a file cut short (a scanner
still writing it, a broken copy) is refused: its end marker is missing.
"""

from dataclasses import dataclass

from hallapp.domain.errors import InvalidInput
from hallapp.domain.text import has_control_chars

MAX_NAME = 200


@dataclass(frozen=True)
class FileKind:
    media_type: str
    extension: str
    magic: bytes
    end_marker: bytes | None  # must appear near the end (None: no reliable marker)


KINDS = (
    FileKind("application/pdf", ".pdf", b"%PDF-", b"%%EOF"),
    FileKind("image/png", ".png", b"\x89PNG\r\n\x1a\n", b"IEND"),
    FileKind("image/jpeg", ".jpg", b"\xff\xd8\xff", b"\xff\xd9"),
    FileKind("image/tiff", ".tif", b"II*\x00", None),
    FileKind("image/tiff", ".tif", b"MM\x00*", None),
)
TAIL = 1024  # PDFs may carry a few bytes of whitespace or an incremental update after %%EOF


def sniff(data: bytes) -> FileKind:
    """The kind of ``data``; InvalidInput("file", …) for an empty, unknown or truncated file."""
    if not data:
        raise InvalidInput("file", "attachment_empty")
    for kind in KINDS:
        if data.startswith(kind.magic):
            if kind.end_marker is not None and kind.end_marker not in data[-TAIL:]:
                raise InvalidInput("file", "attachment_truncated")
            return kind
    raise InvalidInput("file", "attachment_type")


def clean_file_name(raw: str) -> str:
    """The name shown in the list: the last path part, without control characters, not too long."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name or has_control_chars(name):
        raise InvalidInput("file", "attachment_name")
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) < 10 else name[:MAX_NAME]
    return name
