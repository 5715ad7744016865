"""The selected clerk's card: each item's weight, figures, rule and points, and the records behind
the selected item (tickets, payments, applications through ``core.daily_log``; complaints and
cash-ups from the card itself)."""

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from hallapp.domain.scorecard_values import ClerkCard, ItemScore, Records
from ui.supervisor.scorecard_messages import scorecard_message
from ui.supervisor.scorecard_text import (
    application_kind,
    application_stage,
    cause_label,
    clerk_name,
    figure_text,
    item_name,
    item_points,
    rule_text,
    ticket_text,
    total_text,
)
from ui.widgets.formatting import day, money
from ui.widgets.labels import say, styled
from ui.widgets.record_table_model import CENTER, RIGHT, Column, RecordTableModel
from ui.widgets.table_view import RecordTableView

translate = QCoreApplication.translate


@dataclass(frozen=True)
class DrillLine:
    """One record behind a figure, whatever its kind."""

    when: str
    number: str
    what: str
    who: str


def item_columns() -> list[Column[ItemScore]]:
    return [
        Column(translate("Scorecard", "Item"), lambda i: item_name(i.item)),
        Column(translate("Scorecard", "Figures"), figure_text),
        Column(translate("Scorecard", "Rule"), rule_text),
        Column(
            translate("Scorecard", "Points"),
            lambda i: f"{item_points(i)} / {i.weight}",
            RIGHT,
            tone=lambda i: "owed" if i.deductions else None,
        ),
    ]


class TipTableModel(RecordTableModel):
    """Shows each cell's whole text as its tooltip: long figures and rules do not fit their column."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


def drill_columns() -> list[Column[DrillLine]]:
    return [
        Column(translate("Scorecard", "When"), lambda d: d.when, CENTER),
        Column(translate("Scorecard", "Number"), lambda d: d.number),
        Column(translate("Scorecard", "Details"), lambda d: d.what),
        Column(translate("Scorecard", "Staff"), lambda d: d.who),
    ]


def role_name(records: Records) -> str:
    return {
        "over_target": translate("Scorecard", "Waits over the target"),
        "counted": translate("Scorecard", "All waits counted"),
        "over_limit": translate("Scorecard", "Handling over the limit"),
        "handled": translate("Scorecard", "All customers handled"),
        "bad_ratings": translate("Scorecard", "Bad ratings"),
        "rated": translate("Scorecard", "All ratings"),
        "attributed": translate("Scorecard", "Complaints about the clerk"),
        "reversals": translate("Scorecard", "Reversed payments"),
        "reprinted": translate("Scorecard", "Reprinted receipts"),
        "cash_differences": translate("Scorecard", "Cash-ups with a difference"),
        "collected": translate("Scorecard", "Payments taken"),
    }.get(records.role, records.role)


def _lines(core, actor, records: Records) -> list[DrillLine]:  # type: ignore[no-untyped-def]
    if records.kind == "ticket":
        names = {b.code: b.name for b in core.reference.business_types()}
        seconds = dict(zip(records.ids, records.seconds, strict=False))
        return [
            DrillLine(
                t.issued_at.strftime("%m-%d %H:%M"),
                t.display_no,
                ticket_text(
                    names.get(t.business_type, t.business_type),
                    seconds.get(t.ticket_id),
                    t.rating,
                    t.rating_reason,
                ),
                t.first_contact_staff_no or "",
            )
            for t in core.daily_log.tickets(actor, records.ids)
        ]
    if records.kind == "payment":
        return [
            DrillLine(
                p.paid_at.strftime("%m-%d %H:%M"),
                p.receipt_no,
                f"{p.account_no} {money(p.amount_fen)}",
                p.staff_no,
            )
            for p in core.daily_log.payments(actor, records.ids)
        ]
    return [
        DrillLine(
            day(a.accepted_on),
            a.application_no,
            f"{application_kind(a.kind)} · {application_stage(a.status)} · {day(a.due_on)}",
            a.staff_no,
        )
        for a in core.daily_log.applications(actor, records.ids)
    ]


class CardDetail(QWidget):
    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ops, self.actor = ops, actor
        self.card: ClerkCard | None = None
        self.title = styled("", "section")
        self.note = styled("", "caption", wrap=True)
        self.items = TipTableModel(item_columns(), self)
        self.item_table = RecordTableView(self.items, stretch_column=2, sortable=False)
        self.item_table.setAccessibleName(self.tr("Items of the scorecard"))
        self.item_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.explain = styled("", "caption", wrap=True)  # the current item's figures and rule in full
        self.group = QComboBox()
        group_caption = QLabel(self.tr("&Records"))
        group_caption.setBuddy(self.group)
        self.lines = TipTableModel(drill_columns(), self)
        self.line_table = RecordTableView(self.lines, stretch_column=2)
        self.line_table.setAccessibleName(self.tr("Records behind the item"))
        self.message = styled("", "muted", wrap=True)
        self.message.hide()
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.note, 1)
        pick = QHBoxLayout()
        pick.addWidget(group_caption)
        pick.addWidget(self.group, 1)
        drill = QWidget()
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addLayout(pick)
        drill_layout.addWidget(self.line_table, 1)
        drill_layout.addWidget(self.message)
        items = QWidget()
        items_layout = QVBoxLayout(items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.item_table, 1)
        items_layout.addWidget(self.explain)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(items)
        split.addWidget(drill)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([620, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(split, 1)
        self.item_table.selectionModel().currentRowChanged.connect(self._on_item)
        self.group.currentIndexChanged.connect(self._on_group)

    def show_card(self, card: ClerkCard | None) -> None:
        self.card = card
        self.items.set_records(card.items if card else ())
        self.lines.set_records(())
        self.group.clear()
        if card is None:
            self.title.setText(self.tr("Choose a clerk to see their card."))
            self.note.clear()
            return
        self.title.setText(
            self.tr("{name} ({staff_no}): {total}").format(
                name=clerk_name(card), staff_no=card.staff_no, total=total_text(card)
            )
        )
        if not card.worked:
            self.note.setText(self.tr("No activity this month: the clerk is not scored."))
        elif card.scored_weight != 100:
            self.note.setText(
                self.tr("Total = points earned × 100 ÷ {weight}, the weights of the items scored.").format(
                    weight=card.scored_weight
                )
            )
        else:
            self.note.setText(self.tr("Total = the points of the six items."))
        self.item_table.select_first()

    def current_item(self) -> ItemScore | None:
        return self.item_table.current_record()

    def _on_item(self, *_indexes: object) -> None:
        score = self.current_item()
        self.explain.setText(
            self.tr("{item}: {figures}. {rule}.").format(
                item=item_name(score.item), figures=figure_text(score), rule=rule_text(score)
            )
            if score
            else ""
        )
        self.group.blockSignals(True)
        self.group.clear()
        for records in score.records if score else ():
            self.group.addItem(f"{role_name(records)} ({len(records.ids)})", records)
        self.group.blockSignals(False)
        self._on_group()

    def _on_group(self, *_args: object) -> None:
        records: Records | None = self.group.currentData()
        self.message.hide()
        if records is None or not records.ids:
            self.lines.set_records(())
        elif records.kind == "complaint":
            self.lines.set_records(
                [_complaint(c) for c in self.card.complaints if c.complaint_id in records.ids]
            )  # type: ignore[union-attr]
        elif records.kind == "shift":
            self.lines.set_records([_shift(s) for s in self.card.shifts if s.shift_id in records.ids])  # type: ignore[union-attr]
        else:
            work = partial(_lines, actor=self.actor, records=records)
            self.ops.run(work, on_success=self._on_lines, on_failure=self._on_failed, owner=self)

    def _on_lines(self, lines: list[DrillLine]) -> None:
        self.lines.set_records(lines)

    def _on_failed(self, exc: Exception) -> None:
        say(self.message, scorecard_message(exc), ok=False)


def _complaint(c) -> DrillLine:  # type: ignore[no-untyped-def]
    return DrillLine(day(c.business_date), c.complaint_no, cause_label(c.cause), c.staff_no)


def _shift(s) -> DrillLine:  # type: ignore[no-untyped-def]
    return DrillLine(
        day(s.business_date), "", f"{money(s.difference_fen or 0)} {s.difference_reason}".strip(), s.staff_no
    )
