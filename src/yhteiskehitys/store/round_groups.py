"""Which instrument each respondent group of a round answered (schema step 10).

A round holds several instruments, one per group: the children's faces and the parents'
survey side by side in one round. A group keeps the instrument it first answered with, so
its answers are always read with the items they were given for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import sqlalchemy as sa
from attrs import frozen

from ..errors import ConfigError
from .bulk import reject_rows
from .schema import survey_responses, survey_round_groups, survey_rounds

if TYPE_CHECKING:
    from ..measure.instrument import Instrument
    from .core import Transaction


@frozen
class RoundGroup:
    """A group of a round and the instrument its answers were given with."""

    round: int
    group: str
    instrument: str
    instrument_version: str
    items: tuple[str, ...]
    dimensions: tuple[str, ...]


def groups_of(conn: sa.Connection, round_ids: Sequence[int]) -> dict[tuple[int, str], RoundGroup]:
    """Every group of the rounds ``round_ids`` with its instrument, by (round id, group)."""
    t = survey_round_groups
    query = sa.select(t).where(t.c.round.in_(list(round_ids))).order_by(t.c.round, t.c.grp)
    return {
        (row.round, row.grp): RoundGroup(
            row.round, row.grp, row.instrument, row.instrument_version, tuple(row.items),
            tuple(row.dimensions),
        )
        for row in conn.execute(query)
    }  # fmt: skip


def refuse_other_instrument(
    found: RoundGroup | None, instrument: Instrument, round_name: str, source: str
) -> None:
    """A group answers a round with one instrument; another one would mix incomparable answers."""
    if found is None:
        return
    if found.instrument != instrument.name or found.items != _item_ids(instrument):
        raise ConfigError([
            f"{source}: group {found.group!r} answered round {round_name!r} with instrument "
            f"{found.instrument!r} (version {found.instrument_version}); import it with that "
            "instrument, or give the answers another group or round"
        ])  # fmt: skip


def register(
    tx: Transaction,
    round_id: int,
    round_name: str,
    instrument: Instrument,
    groups: Iterable[str],
    source: str,
) -> list[str]:
    """Record ``instrument`` for each new group of the round (refusing a group that answered
    with another one); return the groups that are new."""
    known = groups_of(tx.conn, [round_id])
    new = []
    for group in sorted(set(groups)):
        found = known.get((round_id, group))
        refuse_other_instrument(found, instrument, round_name, source)
        if found is None:
            new.append(group)
    for group in new:
        values = {
            "round": round_id,
            "grp": group,
            "instrument": instrument.name,
            "instrument_version": instrument.version,
            "items": list(_item_ids(instrument)),
            "dimensions": [d.id for d in instrument.dimensions],
        }
        reject_rows(survey_round_groups, [values])
        tx.conn.execute(survey_round_groups.insert().values(**values))
        tx.audit.record("add_group", "survey_round", round_name, None, {
            k: v for k, v in values.items() if k != "round"
        })  # fmt: skip
    return new


def backfill(conn: sa.Connection) -> None:
    """Record the round's own instrument for every group that has answers but no instrument
    yet (stores and exports made before rounds held several instruments)."""
    known = set(conn.execute(sa.select(survey_round_groups.c.round, survey_round_groups.c.grp)))
    seen = conn.execute(
        sa.select(survey_responses.c.round, survey_responses.c.grp).distinct()
    ).all()
    missing = sorted({(r, g) for r, g in seen} - {(r, g) for r, g in known})
    if not missing:
        return
    rounds = {row.id: row for row in conn.execute(sa.select(survey_rounds))}
    conn.execute(
        survey_round_groups.insert(),
        [
            {
                "round": r, "grp": g, "instrument": rounds[r].instrument,
                "instrument_version": rounds[r].instrument_version, "items": rounds[r].items,
                "dimensions": rounds[r].dimensions,
            }
            for r, g in missing
        ],
    )  # fmt: skip


def _item_ids(instrument: Instrument) -> tuple[str, ...]:
    return instrument.item_ids()
