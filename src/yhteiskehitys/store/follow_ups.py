"""The ``follow_up`` column of commissions and ideas, kept from their latest response.

The column holds the follow-up date of a subject's latest response while it is ``pending``, so
the loop finds overdue follow-ups by an index range. It is the store's own bookkeeping: written
whenever responses change (a response, an import, schema step 4).
"""

from __future__ import annotations

import sqlalchemy as sa

from . import schema

TABLES = {"commission": schema.commissions, "idea": schema.ideas}
R = schema.responses


def refresh_follow_ups(conn: sa.Connection, subject: str | None = None) -> None:
    """Set ``follow_up`` on subjects from their latest response: its follow-up date while it is
    pending, else NULL (all subjects, or one)."""
    r2 = R.alias("r2")
    for kind, t in TABLES.items():
        latest = (
            sa.select(sa.func.max(r2.c.id))
            .where(r2.c.subject_kind == kind, r2.c.subject == t.c.id)
            .correlate(t)  # two levels down: say which table the subject comes from
            .scalar_subquery()
        )
        value = (
            sa.select(R.c.follow_up)
            .where(R.c.id == latest, R.c.outcome == "pending")
            .scalar_subquery()
        )
        update = t.update().values(follow_up=value)
        if subject is not None:
            update = update.where(t.c.id == subject)
        conn.execute(update)
