"""Consultations, complaints and the knowledge base, as work for the DB thread.

Each function runs on the worker: plain values in, plain values out. Those that change something
end their result with ``Changes(service_desk=True)`` so every service-desk list refreshes.
"""

from datetime import datetime

from hallapp.domain.records import Actor, Changes
from hallapp.domain.service_desk import ComplaintStep
from hallapp.domain.service_desk_form import ComplaintDraft, ConsultationDraft, KnowledgeDraft
from hallapp.domain.service_desk_views import (
    ComplaintDetail,
    ComplaintReceived,
    ComplaintRow,
    ConsultationRecorded,
    ConsultationRow,
    KnowledgeRow,
)
from hallapp.services.hall_core import HallCore

CHANGED = Changes(service_desk=True)


def consultation_lists(core: HallCore, actor: Actor) -> tuple[list[ConsultationRow], list[ConsultationRow]]:
    """Today's consultations and the open callbacks."""
    return core.consultations.today(actor), core.consultations.open_callbacks(actor)


def callback_default(core: HallCore, actor: Actor) -> datetime:
    return core.consultations.callback_default(actor)


def record_consultation(
    core: HallCore, actor: Actor, draft: ConsultationDraft, request_id: str
) -> tuple[ConsultationRecorded, Changes]:
    return core.consultations.record(actor, draft, request_id=request_id), CHANGED


def record_callback(
    core: HallCore, actor: Actor, consultation_id: str, note: str
) -> tuple[ConsultationRow, Changes]:
    return core.consultations.record_callback(actor, consultation_id, note), CHANGED


def open_complaints(core: HallCore, actor: Actor) -> list[ComplaintRow]:
    return core.complaints.open_complaints(actor)


def complaint_detail(core: HallCore, actor: Actor, complaint_id: str) -> ComplaintDetail:
    return core.complaints.detail(actor, complaint_id)


def receive_complaint(
    core: HallCore, actor: Actor, draft: ComplaintDraft, request_id: str
) -> tuple[ComplaintReceived, Changes]:
    return core.complaints.receive(actor, draft, request_id=request_id), CHANGED


def complaint_step(
    core: HallCore,
    actor: Actor,
    complaint_id: str,
    step: ComplaintStep,
    *,
    version: int,
    note: str = "",
    satisfied: bool = False,
) -> tuple[ComplaintDetail, Changes]:
    """Record one step; the complaint comes back as it is now (closed ones too)."""
    service = core.complaints
    if step is ComplaintStep.CONTACTED:
        service.record_contact(actor, complaint_id, note, version=version)
    elif step is ComplaintStep.REPLIED:
        service.record_reply(actor, complaint_id, note, version=version)
    elif step is ComplaintStep.FOLLOWED_UP:
        service.record_followup(actor, complaint_id, note, satisfied=satisfied, version=version)
    elif step is ComplaintStep.CLOSED:
        service.close(actor, complaint_id, version=version)
    else:
        raise ValueError(f"{step} is not a step to record")
    return service.detail(actor, complaint_id), CHANGED


def search_knowledge(core: HallCore, actor: Actor, text: str) -> list[KnowledgeRow]:
    return core.knowledge.search(actor, text)


def save_knowledge(
    core: HallCore, actor: Actor, item_id: str, draft: KnowledgeDraft
) -> tuple[KnowledgeRow, Changes]:
    """A new entry when ``item_id`` is empty, else the entry edited."""
    if item_id:
        return core.knowledge.edit(actor, item_id, draft), CHANGED
    return core.knowledge.add(actor, draft), CHANGED


def deactivate_knowledge(core: HallCore, actor: Actor, item_id: str) -> Changes:
    core.knowledge.deactivate(actor, item_id)
    return CHANGED
