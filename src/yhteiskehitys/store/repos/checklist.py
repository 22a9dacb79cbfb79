"""Progress through the model's phases: which checklist items are done, when and by whom.

Keyed by the item id of the model's checklist. An item is marked once; marking it again
changes nothing, so the first date and operator stay. Every mark leaves an audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ...model.progress import Done
from ..bulk import insert_columns
from ..schema import checklist_progress as table
from .base import RecordError

if TYPE_CHECKING:
    from ..core import Transaction


class ChecklistRepo:
    entity = "checklist"

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        self.conn = tx.conn

    def done(self) -> dict[str, Done]:
        """Every item marked done, in item order."""
        query = sa.select(table).order_by(table.c.item)
        return {
            row["item"]: Done(on=row["done_on"], by=row["done_by"])
            for row in self.conn.execute(query).mappings()
        }

    def count(self) -> int:
        return int(self.conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

    def mark(self, item: str, on: date, by: str | None = None) -> bool:
        """Mark ``item`` done on ``on`` by ``by`` (default: the transaction's operator);
        False when it was marked already (nothing is written then)."""
        return bool(self.mark_many([item], on, by))

    def mark_many(
        self,
        items: Iterable[str],
        on: date,
        by: str | None = None,
        *,
        action: str = "add",
    ) -> list[str]:
        """Mark several items done alike; return those not marked before."""
        by = self.tx.operator if by is None else by
        return self.add_done({item: Done(on=on, by=by) for item in items}, action=action)

    def add_done(self, marks: dict[str, Done], *, action: str = "add") -> list[str]:
        """Store marks that each carry their own date and operator (``action="import"`` when
        they come from an earlier progress file); return the items not marked before."""
        self.tx.require_write()
        for item, mark in marks.items():
            if not isinstance(item, str) or not item or not isinstance(mark, Done):
                raise RecordError(f"checklist item {item!r}: expected an item id and its mark")
        marked: set[str] = set(
            self.conn.execute(sa.select(table.c.item).where(table.c.item.in_(list(marks))))
            .scalars()
            .all()
        )
        new = {item: mark for item, mark in marks.items() if item not in marked}
        if not new:
            return []
        insert_columns(
            self.conn,
            table,
            {
                "item": list(new),
                "done_on": [m.on for m in new.values()],
                "done_by": [m.by for m in new.values()],
            },
        )
        self.tx.audit.record_many(
            action,
            self.entity,
            [(item, None, {"on": m.on.isoformat(), "by": m.by}) for item, m in new.items()],
        )
        return list(new)
