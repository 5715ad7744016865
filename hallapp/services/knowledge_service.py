"""电力知识库 (H-03): typical questions and their answers, added and kept up to date at the counter.

A small table (hundreds of entries), so a search reads the active entries and matches them after
normalising both sides (full-width letters, case), which SQL LIKE cannot do.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hallapp.db.models import KnowledgeItem
from hallapp.domain.errors import ActionRefused, NotFound
from hallapp.domain.hall_time import to_hall_time
from hallapp.domain.ids import new_id
from hallapp.domain.permissions import Permission, require
from hallapp.domain.records import Actor
from hallapp.domain.service_desk import knowledge_rank, search_terms
from hallapp.domain.service_desk_form import KnowledgeDraft, clean_knowledge
from hallapp.domain.service_desk_views import KnowledgeRow
from hallapp.domain.text import normalize
from hallapp.services.context import ServiceBase
from hallapp.services.trace import trace

SEARCH_LIMIT = 50


class KnowledgeService(ServiceBase):
    def search(self, actor: Actor, text: str = "") -> list[KnowledgeRow]:
        """Active entries holding every word of ``text``: question matches first, then keywords, then
        answers; the most recently updated first within each. An empty search lists the latest."""
        require(actor.role, Permission.SERVE_COUNTER)
        terms = search_terms(text)
        with self.db.read() as s:
            items = s.scalars(select(KnowledgeItem).where(KnowledgeItem.active.is_(True))).all()
            ranked = []
            for item in items:
                rank = knowledge_rank(terms, item.question, item.keywords, item.answer)
                if rank is not None:
                    ranked.append((rank, -item.updated_at.timestamp(), item.question, item))
            ranked.sort(key=lambda r: r[:3])
            return [_row(item) for *_key, item in ranked[:SEARCH_LIMIT]]

    def add(self, actor: Actor, draft: KnowledgeDraft) -> KnowledgeRow:
        require(actor.role, Permission.SERVE_COUNTER)
        clean = clean_knowledge(draft)
        now = self.clock.now()
        with self.db.write() as s:
            _refuse_duplicate(s, clean.question, None)
            item = KnowledgeItem(
                item_id=new_id(),
                question=clean.question,
                answer=clean.answer,
                keywords=clean.keywords,
                created_at=now,
                updated_at=now,
                operator_id=actor.operator_id,
                active=True,
            )
            s.add(item)
            s.flush()
            _trace(s, item, actor, "knowledge.add", now)
            return _row(item)

    def edit(self, actor: Actor, item_id: str, draft: KnowledgeDraft) -> KnowledgeRow:
        require(actor.role, Permission.SERVE_COUNTER)
        clean = clean_knowledge(draft)
        now = self.clock.now()
        with self.db.write() as s:
            item = _active(s, item_id)
            _refuse_duplicate(s, clean.question, item_id)
            item.question, item.answer, item.keywords = clean.question, clean.answer, clean.keywords
            item.updated_at, item.operator_id = now, actor.operator_id
            s.flush()
            _trace(s, item, actor, "knowledge.edit", now)
            return _row(item)

    def deactivate(self, actor: Actor, item_id: str) -> None:
        """Take an outdated entry out of the search (it stays stored, for the record)."""
        require(actor.role, Permission.SERVE_COUNTER)
        now = self.clock.now()
        with self.db.write() as s:
            item = _active(s, item_id)
            item.active, item.updated_at = False, now
            s.flush()
            _trace(s, item, actor, "knowledge.deactivate", now)


def _active(s: Session, item_id: str) -> KnowledgeItem:
    item = s.get(KnowledgeItem, item_id)
    if item is None:
        raise NotFound(item_id=item_id)
    if not item.active:
        raise ActionRefused("knowledge_inactive")
    return item


def _refuse_duplicate(s: Session, question: str, item_id: str | None) -> None:
    """The same question twice would split its answers; edit the entry that exists instead."""
    wanted = normalize(question).casefold()
    for other_id, other in s.execute(
        select(KnowledgeItem.item_id, KnowledgeItem.question).where(KnowledgeItem.active.is_(True))
    ):
        if other_id != item_id and normalize(other).casefold() == wanted:
            raise ActionRefused("knowledge_duplicate")


def _row(item: KnowledgeItem) -> KnowledgeRow:
    return KnowledgeRow(
        item.item_id, item.question, item.answer, item.keywords, to_hall_time(item.updated_at), item.active
    )


def _payload(item: KnowledgeItem) -> dict[str, Any]:
    return {
        "item_id": item.item_id,
        "question": item.question,
        "answer": item.answer,
        "keywords": item.keywords,
        "active": item.active,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
        "operator_id": item.operator_id,
    }


def _trace(s: Session, item: KnowledgeItem, actor: Actor, op_type: str, at: datetime) -> None:
    trace(
        s,
        actor,
        at=at,
        op_type=op_type,
        entity="knowledge_item",
        entity_id=item.item_id,
        target=item.item_id,
        payload=_payload(item),
        details={"question": item.question},
    )
