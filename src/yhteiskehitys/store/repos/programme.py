"""The programme's configuration as the store keeps it, so an export carries it along."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ...model import Programme
from .. import schema

ROW = 1


class ProgrammeRepo:
    entity = "programme"

    def __init__(self, tx: Any) -> None:
        self.tx = tx
        self.conn = tx.conn

    def get_data(self) -> dict[str, Any] | None:
        """The stored configuration as JSON data, or None when none was stored."""
        query = sa.select(schema.programme.c.config).where(schema.programme.c.id == ROW)
        return self.conn.execute(query).scalar()

    def get(self) -> Programme | None:
        from ...convert import structure

        data = self.get_data()
        if data is None:
            return None
        return structure(data, Programme, self.tx.converter, "the stored programme")

    def set(self, programme: Programme) -> None:
        """Store (or replace) the configuration; audited when it changes."""
        self.set_data(self.tx.converter.unstructure(programme, Programme))

    def set_data(self, data: dict[str, Any], *, audit: bool = True) -> None:
        self.tx.require_write()
        before = self.get_data()
        if before == data:
            return
        table = schema.programme
        if before is None:
            self.conn.execute(table.insert().values(id=ROW, config=data))
        else:
            self.conn.execute(table.update().where(table.c.id == ROW).values(config=data))
        if audit:
            self.tx.audit.record("set", self.entity, "programme", before, data)
