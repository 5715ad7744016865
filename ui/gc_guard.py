"""Cyclic garbage collection only on the GUI thread.

Python's collector runs in whichever thread happens to allocate when a threshold is crossed. If that
is the DB worker thread and a cycle holds Qt wrappers, Qt objects get deleted off the GUI thread and
the process crashes. So automatic collection is off and the GUI thread collects on a timer, the
recipe Anki and the PyQt community use.
"""

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect each generation whose allocation count passed its threshold, as gc would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


_collector: GuiThreadCollector | None = None


def install(app: QObject) -> GuiThreadCollector:
    """Once per application; safe to call again."""
    global _collector  # noqa: PLW0603 - one collector per process
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
