"""Sticker tallies in the store (``tx.stickers``): children's evaluation as counts per activity
and face, imported all or nothing into a survey round beside the answers of other groups."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from ..errors import ConfigError
from .bulk import reject_rows
from .schema import sticker_tallies, survey_imports
from .surveys import ImportResult, file_sha256

if TYPE_CHECKING:
    from ..measure.instrument import Instrument
    from .core import Transaction
    from .surveys import Round

READER = "stickers"


class StickerRepo:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        self.conn = tx.conn

    def import_tally(
        self,
        round_: Round,
        instrument: Instrument,
        group: str,
        tally: dict[tuple[str, int], int],
        *,
        source: Path,
    ) -> ImportResult:
        """Store ``tally`` (stickers per (activity, face point)) for ``group`` in ``round_``; the
        same file twice into a round, or a group that answered with another instrument, is
        refused and the caller's transaction rolls back."""
        from .round_groups import register

        self.tx.require_write()
        sha = file_sha256(source)
        earlier = self.conn.execute(
            sa.select(survey_imports.c.source).where(
                survey_imports.c.round == round_.id, survey_imports.c.sha256 == sha
            )
        ).first()
        if earlier is not None:
            raise ConfigError([
                f"{source.name}: this file was already imported into round {round_.name!r} "
                f"(as {earlier.source}); nothing was imported"
            ])  # fmt: skip
        register(self.tx, round_.id, round_.name, instrument, [group], source.name)
        stickers = sum(tally.values())
        inserted = self.conn.execute(
            survey_imports.insert().values(
                round=round_.id, at=datetime.now(UTC), operator=self.tx.operator, reader=READER,
                source=source.name, sha256=sha, rows=stickers,
            )
        ).inserted_primary_key  # fmt: skip
        assert inserted is not None
        import_id = inserted[0]
        rows = [
            {"round": round_.id, "grp": group, "import_id": import_id, "activity": activity,
             "face": face, "count": count}
            for (activity, face), count in sorted(tally.items())
            if count
        ]  # fmt: skip
        reject_rows(sticker_tallies, rows)  # an activity longer than its column, alike
        self.conn.execute(sticker_tallies.insert(), rows)
        self.tx.audit.record("import", "survey_round", round_.name, None, {
            "source": source.name, "sha256": sha, "reader": READER, "stickers": stickers,
            "group": group, "instrument": instrument.name, "import": import_id,
        })  # fmt: skip
        return ImportResult(round_.name, stickers, {group: stickers}, import_id, "stickers")

    def counts(self, round_ids: Sequence[int]) -> dict[tuple[int, str], dict[tuple[str, int], int]]:
        """Stickers per (activity, face) of every group of the rounds, by (round id, group)."""
        t = sticker_tallies
        query = (
            sa.select(t.c.round, t.c.grp, t.c.activity, t.c.face, sa.func.sum(t.c.count))
            .where(t.c.round.in_(list(round_ids)))
            .group_by(t.c.round, t.c.grp, t.c.activity, t.c.face)
            .order_by(t.c.round, t.c.grp, t.c.activity, t.c.face)
        )
        out: dict[tuple[int, str], dict[tuple[str, int], int]] = {}
        for row in self.conn.execute(query).all():
            round_id, group, activity, face, n = (int(row[0]), str(row[1]), str(row[2]),
                                                  int(row[3]), int(row[4] or 0))  # fmt: skip
            out.setdefault((round_id, group), {})[(activity, face)] = n
        return out
