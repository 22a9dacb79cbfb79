"""The audit trail: who changed what, when, with the record before and after.

Append-only: this module offers reading and appending, nothing else, and the database refuses
deletes and updates by trigger. The single exception is the erasure of a participant
(``rights.erase``), which redacts earlier entries about that person and marks them redacted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from attrs import frozen

from .bulk import insert_columns
from .schema import audit

if TYPE_CHECKING:
    from .core import Transaction

ENTITIES: tuple[str, ...] = (
    "actor",
    "budget",
    "budget_project",
    "checklist",
    "child_impact",
    "commission",
    "consent",
    "election",
    "election_candidate",
    "feedback",
    "finding",
    "idea",
    "loop",
    "organisation",
    "participant",
    "personal_data",
    "pilot",
    "programme",
    "report_back",
    "response",
    "session",
    "survey_round",
    "theme",
)
"""Every kind of record the trail speaks of, so that asking for sessions before there are any
finds no entries rather than "no such kind" (a test holds this list to the writes)."""


@frozen(kw_only=True)
class AuditEntry:
    seq: int
    at: datetime
    operator: str
    action: str
    entity: str
    entity_id: str
    before: Any
    after: Any
    redacted: bool = False


class AuditLog:
    """Read and append audit entries within one unit of work."""

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def record(
        self, action: str, entity: str, entity_id: str, before: Any = None, after: Any = None
    ) -> None:
        self.record_many(action, entity, [(entity_id, before, after)])

    def record_many(self, action: str, entity: str, items: Iterable[tuple[str, Any, Any]]) -> None:
        """Append one entry per ``(entity_id, before, after)``, the latter two as JSON data."""
        self.tx.require_write()
        items = list(items)
        if not items:
            return
        ids, befores, afters = (list(column) for column in zip(*items, strict=True))
        n = len(ids)
        insert_columns(
            self.tx.conn,
            audit,
            {
                "at": [datetime.now(UTC)] * n,
                "operator": [self.tx.operator] * n,
                "action": [action] * n,
                "entity": [entity] * n,
                "entity_id": ids,
                "before": befores,
                "after": afters,
                "redacted": [False] * n,
            },
        )

    def entries(
        self,
        *,
        entity: str | None = None,
        entity_id: str | None = None,
        after_seq: int | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[AuditEntry]:
        query = sa.select(audit)
        if entity is not None:
            query = query.where(audit.c.entity == entity)
        if entity_id is not None:
            query = query.where(audit.c.entity_id == entity_id)
        if after_seq is not None:
            query = query.where(audit.c.seq > after_seq)
        query = query.order_by(audit.c.seq.desc() if newest_first else audit.c.seq)
        if limit is not None:
            query = query.limit(limit)
        return [_entry(row) for row in self.tx.conn.execute(query).mappings()]

    def count(self) -> int:
        return int(self.tx.conn.execute(sa.select(sa.func.count()).select_from(audit)).scalar_one())

    def entities(self) -> list[str]:
        """The kinds of record the trail speaks of, so a mistyped --entity can be answered."""
        query = sa.select(audit.c.entity).distinct().order_by(audit.c.entity)
        return list(self.tx.conn.execute(query).scalars())


def _entry(row: sa.RowMapping) -> AuditEntry:
    return AuditEntry(**{k: row[k] for k in row.keys()})


def entry_dicts(entries: Sequence[AuditEntry]) -> list[dict[str, Any]]:
    """Entries as JSON data (times as UTC ISO text), for ``yk log --format json`` and exports."""
    from ..convert import iso_utc

    return [
        {
            "seq": e.seq,
            "at": iso_utc(e.at),
            "operator": e.operator,
            "action": e.action,
            "entity": e.entity,
            "id": e.entity_id,
            "before": e.before,
            "after": e.after,
            "redacted": e.redacted,
        }
        for e in entries
    ]
