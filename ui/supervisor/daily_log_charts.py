"""The daily log as charts (pyqtgraph; PySide6-Essentials has no QtCharts): queue length and waits
through the day, customers served per window, satisfaction and collections by hour (by day for a
period). Static pictures: no zooming or panning; text in the app's bundled CJK font."""

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

from hallapp.domain.kpi_values import DailyLog, SeriesPoint

translate = QCoreApplication.translate

# The theme's palette (resources/theme/hallapp.qss): pyqtgraph paints outside the style sheet.
ACCENT = "#006B5E"
ACCENT_LIGHT = "#8FB9B1"
DANGER = "#C62828"
WARN = "#E5A000"
INK = "#33423F"
GRID = "#D5DCDA"
TICK_PX = 12
TITLE_PT = "11pt"
BAR_WIDTH = 0.6
MAX_TICKS = 12
SECONDS_PER_MINUTE = 60


class YuanAxis(pg.AxisItem):
    """Amounts are plotted in fen (integers) and labelled in whole yuan."""

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        return [f"¥{int(v) // 100:,}" for v in values]


def chart_font() -> QFont:
    font = QFont(QApplication.font().family())
    font.setPixelSize(TICK_PX)
    return font


def make_plot(title: str, *, yuan: bool = False) -> pg.PlotWidget:
    axes = {"left": YuanAxis("left")} if yuan else {}
    plot = pg.PlotWidget(background="w", axisItems=axes)
    item = plot.getPlotItem()
    item.setTitle(title, color=INK, size=TITLE_PT)
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    item.showGrid(x=False, y=True, alpha=0.25)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setStyle(tickFont=chart_font(), tickTextOffset=4)
        axis.setPen(pg.mkPen(GRID))
        axis.setTextPen(pg.mkPen(INK))
    plot.setMinimumSize(260, 180)
    return plot


def category_ticks(plot: pg.PlotWidget, labels: Sequence[str]) -> None:
    """Name the bars 0, 1, … below the plot, thinning the labels when there are many."""
    step = max(1, -(-len(labels) // MAX_TICKS))
    ticks = [(i, text) for i, text in enumerate(labels) if i % step == 0]
    plot.getPlotItem().getAxis("bottom").setTicks([ticks, []])
    plot.getPlotItem().setXRange(-0.6, max(len(labels), 1) - 0.4, padding=0)


def bars(plot: pg.PlotWidget, heights: Sequence[float], colours: Sequence[str] | str) -> pg.BarGraphItem:
    brushes = [pg.mkBrush(c) for c in colours] if not isinstance(colours, str) else None
    item = pg.BarGraphItem(
        x=list(range(len(heights))),
        height=list(heights),
        width=BAR_WIDTH,
        brush=None if brushes else pg.mkBrush(colours),
        brushes=brushes,
        pen=pg.mkPen(None),
    )
    plot.addItem(item)
    plot.getPlotItem().setYRange(0, max([*heights, 1]) * 1.1, padding=0)
    return item


def point_label(point: SeriesPoint, daily: bool) -> str:
    return point.start.strftime("%m-%d") if daily else point.start.strftime("%H")


class DailyLogCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = make_plot(self.tr("Most customers waiting"))
        self.waits = make_plot(self.tr("Waits (minutes)"))
        self.load = make_plot(self.tr("Customers served per window"))
        self.satisfaction = make_plot(self.tr("Satisfaction ratings"))
        self.collections = make_plot(self.tr("Money collected (net)"), yuan=True)
        self.traffic = make_plot(self.tr("Tickets issued and called"))
        self.legends = [
            self.waits.getPlotItem().addLegend(offset=(-8, 8)),
            self.traffic.getPlotItem().addLegend(offset=(-8, 8)),
        ]
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setSpacing(8)
        for n, plot in enumerate(
            (self.queue, self.waits, self.traffic, self.load, self.satisfaction, self.collections)
        ):
            grid.addWidget(plot, n // 3, n % 3)

    @property
    def plots(self) -> tuple[pg.PlotWidget, ...]:
        return (self.queue, self.waits, self.traffic, self.load, self.satisfaction, self.collections)

    def set_log(self, log: DailyLog) -> None:
        for plot in self.plots:
            plot.getPlotItem().clear()
        daily = log.first_day != log.last_day
        series = log.series
        hours = [point_label(p, daily) for p in series]
        unit = self.tr("day") if daily else self.tr("hour")
        for plot in (self.queue, self.waits, self.traffic, self.collections):
            plot.getPlotItem().setLabel("bottom", unit)
        bars(self.queue, [p.queue_max for p in series], ACCENT)
        category_ticks(self.queue, hours)
        waits = (
            (self.tr("mean"), ACCENT, [_minutes(p.wait_mean_s) for p in series]),
            (self.tr("longest"), DANGER, [_minutes(p.wait_max_s) for p in series]),
        )
        draw_lines(self.waits, hours, waits, floor=log.wait_target_minutes)
        dashed = pg.mkPen(WARN, width=1, style=Qt.PenStyle.DashLine)
        self.waits.addItem(pg.InfiniteLine(pos=log.wait_target_minutes, angle=0, pen=dashed))
        draw_lines(
            self.traffic,
            hours,
            (
                (self.tr("issued"), ACCENT_LIGHT, [float(p.issued) for p in series]),
                (self.tr("called"), ACCENT, [float(p.called) for p in series]),
            ),
        )
        windows = [w for w in log.windows if w.figures.tickets.served]
        bars(self.load, [len(w.figures.tickets.served) for w in windows], ACCENT)
        category_ticks(self.load, [w.name for w in windows])
        ratings = log.hall.satisfaction.distribution
        bars(
            self.satisfaction,
            [len(r.ticket_ids) for r in ratings],
            [DANGER if r.score <= 2 else ACCENT for r in ratings],
        )
        category_ticks(self.satisfaction, [self.tr("{score} pts").format(score=r.score) for r in ratings])
        bars(self.collections, [p.collected_fen for p in series], ACCENT)
        category_ticks(self.collections, hours)


def _minutes(seconds: float | None) -> float:
    return float("nan") if seconds is None else seconds / SECONDS_PER_MINUTE


def draw_lines(
    plot: pg.PlotWidget,
    labels: Sequence[str],
    lines: Sequence[tuple[str, str, list[float]]],
    *,
    floor: float = 1.0,
) -> None:
    """Lines over category ticks (a NaN leaves a gap), the y axis from 0 to a little above the top."""
    highest = floor
    for name, colour, values in lines:
        if all(math.isnan(v) for v in values):
            continue
        plot.plot(
            list(range(len(values))),
            values,
            name=name,
            pen=pg.mkPen(colour, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=colour,
            symbolPen=None,
            connect="finite",
        )
        highest = max([highest, *[v for v in values if not math.isnan(v)]])
    category_ticks(plot, labels)
    plot.getPlotItem().setYRange(0, highest * 1.15, padding=0)
