"""Themes, collaboration feedback and pilots: records without child tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from ...model import CollaborationFeedback, Note, Pilot, Theme
from .. import schema
from .base import Repository, require_known


class ThemeRepo(Repository[Theme]):
    entity = "theme"
    table = schema.themes
    model = Theme

    def to_row(self, obj: Theme) -> dict[str, Any]:
        return {"id": obj.id, "title": obj.title, "kind": obj.kind, "description": obj.description}

    def from_row(self, row: sa.RowMapping, children: Any) -> Theme:
        return Theme(
            id=row["id"], title=row["title"], kind=row["kind"], description=row["description"]
        )


class FeedbackRepo(Repository[CollaborationFeedback]):
    """Yhteistyöpalaute: actors' feedback on working together."""

    entity = "feedback"
    table = schema.collaboration_feedback
    model = CollaborationFeedback
    NOTES = ("barriers", "challenges", "successes")

    def to_row(self, obj: CollaborationFeedback) -> dict[str, Any]:
        unstructure = self.tx.converter.unstructure
        notes = {k: unstructure(getattr(obj, k), tuple[Note, ...]) for k in self.NOTES}
        return {"id": obj.id, "actor": obj.actor, "given": obj.given, "rating": obj.rating, **notes}

    def from_row(self, row: sa.RowMapping, children: Any) -> CollaborationFeedback:
        structure = self.tx.converter.structure
        notes = {k: structure(row[k], tuple[Note, ...]) for k in self.NOTES}
        return CollaborationFeedback(
            id=row["id"], actor=row["actor"], given=row["given"], rating=row["rating"], **notes
        )

    def check(self, objs: Sequence[CollaborationFeedback]) -> None:
        require_known(
            self.conn,
            schema.actors.c.id,
            ((self.label(f), f.actor) for f in objs),
            "actor",
            "add the actor first (yk actor add)",
        )


class PilotRepo(Repository[Pilot]):
    entity = "pilot"
    table = schema.pilots
    model = Pilot

    def to_row(self, obj: Pilot) -> dict[str, Any]:
        return {
            "id": obj.id,
            "title": obj.title,
            "goal": obj.goal,
            "criteria": list(obj.criteria),
            "start": obj.start,
            "end": obj.end,
            "evaluation": list(obj.evaluation),
            "decision": obj.decision,
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> Pilot:
        return Pilot(**{k: row[k] for k in row.keys()})
