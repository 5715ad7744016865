"""Guards against Qt binding bugs that crash a long-running counter PC."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    sig_value_changed = Signal(object)


def test_emitting_signals_does_not_leak_references_to_true(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6-Essentials 6.12.0 lost a reference to True on every emit(); after a few thousand the
    interpreter aborts (bool_dealloc). CoreOps emits once per database call, so a busy day would crash."""
    emitter = _Emitter()
    received: list[object] = []
    emitter.sig_value_changed.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(300):
        emitter.sig_value_changed.emit(i)
    assert len(received) == 300
    assert abs(sys.getrefcount(True) - before) < 10
