"""Child impact assessments (``tx.child_impacts``), one per commission, with audit entries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs
import sqlalchemy as sa

from ...model.child_impact import QUESTIONS, ChildImpact
from ..bulk import reject_rows
from ..schema import child_impacts as table
from ..schema import commissions
from .base import NotFoundError

if TYPE_CHECKING:
    from ..core import Transaction


class ChildImpactRepo:
    entity = "child_impact"

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        self.conn = tx.conn

    def find(self, commission: str) -> ChildImpact | None:
        row = self.conn.execute(sa.select(table).where(table.c.commission == commission))
        found = row.mappings().first()
        return None if found is None else ChildImpact(**dict(found))

    def list(self) -> list[ChildImpact]:
        rows = self.conn.execute(sa.select(table).order_by(table.c.commission)).mappings()
        return [ChildImpact(**dict(r)) for r in rows]

    def record(self, commission: str, answers: dict[str, str]) -> ChildImpact:
        """Answer some of the questions of ``commission``'s assessment (others keep their
        answers); an unknown commission or question is refused and nothing is written."""
        self.tx.require_write()
        unknown = sorted(set(answers) - set(QUESTIONS))
        if unknown:
            questions = ", ".join(QUESTIONS)
            raise NotFoundError(f"child impact: no question {', '.join(unknown)} ({questions})")
        known = self.conn.execute(
            sa.select(commissions.c.id).where(commissions.c.id == commission)
        ).first()
        if known is None:
            raise NotFoundError(f"no commission {commission!r} in the store")
        before = self.find(commission)
        now = datetime.now(UTC)
        if before is None:
            after = ChildImpact(commission=commission, recorded=now, operator=self.tx.operator,
                                **answers)  # fmt: skip
            reject_rows(table, [attrs.asdict(after)])
            self.conn.execute(table.insert().values(**attrs.asdict(after)))
        else:
            after = attrs.evolve(before, recorded=now, operator=self.tx.operator, **answers)
            reject_rows(table, [attrs.asdict(after)])
            self.conn.execute(
                table.update().where(table.c.commission == commission).values(**attrs.asdict(after))
            )
        self.tx.audit.record(
            "add" if before is None else "update",
            self.entity,
            commission,
            None if before is None else _dump(before),
            _dump(after),
        )
        return after


def _dump(impact: ChildImpact) -> dict[str, Any]:
    return {
        **impact.answers(),
        "recorded": impact.recorded.isoformat(),
        "operator": impact.operator,
    }
