"""Toimijat: organisations and the actors who belong to them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from ...model import Actor, Organisation
from .. import schema
from .base import Repository, require_known


class OrganisationRepo(Repository[Organisation]):
    entity = "organisation"
    table = schema.organisations
    model = Organisation

    def to_row(self, obj: Organisation) -> dict[str, Any]:
        return {"id": obj.id, "name": obj.name, "kind": obj.kind}

    def from_row(self, row: sa.RowMapping, children: Any) -> Organisation:
        return Organisation(id=row["id"], name=row["name"], kind=row["kind"])


class ActorRepo(Repository[Actor]):
    entity = "actor"
    table = schema.actors
    model = Actor

    def to_row(self, obj: Actor) -> dict[str, Any]:
        return {
            "id": obj.id,
            "name": obj.name,
            "organisation": obj.organisation,
            "roles": list(obj.roles),
            "themes": list(obj.themes),
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> Actor:
        return Actor(
            id=row["id"],
            name=row["name"],
            organisation=row["organisation"],
            roles=row["roles"],
            themes=row["themes"],
        )

    def check(self, objs: Sequence[Actor]) -> None:
        require_known(
            self.conn,
            schema.organisations.c.id,
            ((self.label(a), a.organisation) for a in objs),
            "organisation",
            "add the organisation first (yk actor add --organisation-name)",
        )
        require_known(
            self.conn,
            schema.themes.c.id,
            ((self.label(a), t) for a in objs for t in a.themes),
            "theme",
            "add the theme first (yk theme add)",
        )
