"""The company's series on the report tab: customers issued and called, and money collected (net),
by hour for one day and by day for a period. The pictures of the PC's daily log
(``ui.supervisor.daily_log_charts``), over the report's series."""

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from hallapp.domain.kpi_values import SeriesPoint
from ui.supervisor.daily_log_charts import (
    ACCENT,
    ACCENT_LIGHT,
    bars,
    category_ticks,
    draw_lines,
    make_plot,
    point_label,
)

translate = QCoreApplication.translate
PLOT_HEIGHT = (140, 220)  # the table of halls above gets the rest of the tab
CONTEXT = "DailyLogCharts"  # the same charts as the PC's daily log: the same words


class CompanyCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.traffic = make_plot(translate(CONTEXT, "Tickets issued and called"))
        self.collections = make_plot(translate(CONTEXT, "Money collected (net)"), yuan=True)
        self.legend = self.traffic.getPlotItem().addLegend(offset=(-8, 8))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(8)
        for plot in self.plots:
            plot.setMinimumHeight(PLOT_HEIGHT[0])
            plot.setMaximumHeight(PLOT_HEIGHT[1])
            row.addWidget(plot)

    @property
    def plots(self) -> tuple[pg.PlotWidget, ...]:
        return (self.traffic, self.collections)

    def set_series(self, series: tuple[SeriesPoint, ...], *, daily: bool) -> None:
        for plot in self.plots:
            plot.getPlotItem().clear()
            plot.getPlotItem().setLabel("bottom", translate(CONTEXT, "day" if daily else "hour"))
        labels = [point_label(p, daily) for p in series]
        draw_lines(
            self.traffic,
            labels,
            [
                (translate(CONTEXT, "issued"), ACCENT_LIGHT, [float(p.issued) for p in series]),
                (translate(CONTEXT, "called"), ACCENT, [float(p.called) for p in series]),
            ],
        )
        bars(self.collections, [p.collected_fen for p in series], ACCENT)
        category_ticks(self.collections, labels)
