"""Consultations and complaints (业务咨询与投诉): three tabs, each worked from the keyboard.

Alt+1 consultations, Alt+2 complaints, Alt+3 the knowledge base; Ctrl+F searches the knowledge base
from any tab. Every change (a consultation, callback, complaint step or knowledge entry) is
broadcast as ``Changes(service_desk=True)`` and all three tabs refresh.
"""

from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout

from hallapp.domain.records import Changes
from ui.counter.service_desk_common import on_keys
from ui.counter.service_desk_complaints import ComplaintTab
from ui.counter.service_desk_consultations import ConsultationTab
from ui.counter.service_desk_knowledge import KnowledgeTab
from ui.widgets.labels import styled
from ui.widgets.page import WorkspacePage

CONSULTATIONS, COMPLAINTS, KNOWLEDGE = range(3)


class ServiceDeskPage(WorkspacePage):
    fkeys = frozenset({"Esc"})

    def __init__(self, ops, actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ops, actor)
        self.setObjectName("ServiceDeskPage")
        self.consultations = ConsultationTab(ops, actor)
        self.complaints = ComplaintTab(ops, actor)
        self.knowledge = KnowledgeTab(ops, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.consultations, self.tr("Consultations (Alt+1)"))
        self.tabs.addTab(self.complaints, self.tr("Complaints (Alt+2)"))
        self.tabs.addTab(self.knowledge, self.tr("Knowledge base (Alt+3)"))
        top = QHBoxLayout()
        top.addWidget(styled(self.tr("Consultations and complaints"), "page-title"))
        top.addStretch(1)
        top.addWidget(
            styled(self.tr("Enter moves to the next field · Ctrl+Enter saves · Esc clears messages"), "muted")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        on_keys(self, ("Alt+1",), self.show_consultations)
        on_keys(self, ("Alt+2",), self.show_complaints)
        on_keys(self, ("Alt+3",), self.show_knowledge)
        on_keys(self, ("Ctrl+F",), self.search_knowledge)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.consultations.sig_to_knowledge.connect(self.add_to_knowledge)
        self.ops.sig_operation_did_execute.connect(self._on_changes)
        self.setFocusProxy(self.tabs)
        self.refresh()

    def refresh(self) -> None:
        self.consultations.refresh()
        self.complaints.refresh()
        self.knowledge.refresh()

    def activate(self) -> None:
        self.refresh()
        self.tabs.currentWidget().setFocus()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.service_desk:
            self.refresh()

    def _on_tab_changed(self, _index: int) -> None:
        self.tabs.currentWidget().setFocus()

    def show_consultations(self) -> None:
        self.tabs.setCurrentIndex(CONSULTATIONS)

    def show_complaints(self) -> None:
        self.tabs.setCurrentIndex(COMPLAINTS)

    def show_knowledge(self) -> None:
        self.tabs.setCurrentIndex(KNOWLEDGE)

    def search_knowledge(self) -> None:
        self.show_knowledge()
        self.knowledge.focus_search()

    def add_to_knowledge(self, question: str, answer: str) -> None:
        """From a consultation: a new knowledge-base entry with its question and answer filled in."""
        self.show_knowledge()
        self.knowledge.new_entry(question, answer)

    def handle_escape(self) -> bool:
        tab = self.tabs.currentWidget()
        return tab.escape()  # type: ignore[attr-defined]
