"""The table-model template passes Qt's tester; garbage is collected on the GUI thread only.

The display board and the guide's page that opens it are tested in test_display_board.py.
"""

from datetime import date

from hallapp.domain.enums import BillState
from hallapp.domain.records import BillRow
from ui.counter.account_tables import bill_columns
from ui.widgets.record_table_model import RecordTableModel


def test_record_table_model_passes_qt_model_tester(qtmodeltester, hall_qapp) -> None:  # type: ignore[no-untyped-def]
    model = RecordTableModel(bill_columns())
    model.set_records(
        [
            BillRow("b1", "202610", 120, 6456, 0, date(2026, 11, 12), BillState.UNPAID),
            BillRow("b2", "202609", 80, 4304, 4304, date(2026, 10, 12), BillState.PAID),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "¥64.56"


def test_garbage_is_collected_on_the_gui_thread_only(hall_qapp) -> None:  # type: ignore[no-untyped-def]
    import gc

    from ui import gc_guard

    collector = gc_guard.install(hall_qapp)
    assert not gc.isenabled()
    for _ in range(collector.threshold[0] + 10):
        cycle: list = []
        cycle.append(cycle)
    before = gc.get_count()[0]
    collector.check()
    assert gc.get_count()[0] < before


def test_a_long_cell_shows_its_whole_text_on_hover() -> None:
    from PySide6.QtCore import Qt

    from ui.widgets.record_table_model import TOOLTIP_FROM, Column

    model = RecordTableModel([Column("Note", lambda text: text)])
    long, short = "营" * (TOOLTIP_FROM + 1), "营" * TOOLTIP_FROM
    model.set_records([long, short])
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == long
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None
