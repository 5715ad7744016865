"""Printing fixtures: fake printers by default, and QSettings of this test only."""

import itertools

import pytest
from PySide6.QtCore import QSettings

from ui.printing import reset_fake_printers

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fake_printers(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HALLAPP_PRINTER", "fake")
    reset_fake_printers()
    yield
    reset_fake_printers()


@pytest.fixture
def printing_settings(hall_qapp):  # type: ignore[no-untyped-def]
    """A QSettings file of this test alone (under the session's temporary QSettings folder)."""
    name = hall_qapp.applicationName()
    hall_qapp.setApplicationName(f"HallAppPrintingTests{next(_numbers)}")
    QSettings().clear()
    yield QSettings()
    QSettings().clear()
    hall_qapp.setApplicationName(name)
