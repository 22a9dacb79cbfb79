"""Youth-council elections in the store: the election, its roll, candidates, codes, tallies,
result. Every change leaves an audit entry; none pairs a voter or a code with a choice.

The vote path (:meth:`ElectionRepo.cast`) marks a code used and adds one to a candidate's
online tally by rewriting *every* online tally row of the election in the same statement, so
no row's version or write time tells which candidate gained; its audit entry says only that a
vote was cast in the election.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from .. import schema
from ..bulk import insert_columns
from .base import CHUNK, NotFoundError, RecordError

if TYPE_CHECKING:
    from ..core import Transaction

E = schema.elections
ROLL = schema.election_roll
CANDIDATES = schema.election_candidates
CODES = schema.election_codes
BALLOTS = schema.election_ballots
RESULTS = schema.election_results
ONLINE = "online"


class ElectionRepo:
    entity = "election"

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        self.conn = tx.conn

    # --- the election -------------------------------------------------------------------------

    def add(self, row: Mapping[str, Any]) -> None:
        """A new election from its row (``decide.elections.stored.election_row``)."""
        self.tx.require_write()
        if self.find_row(row["id"]) is not None:
            raise RecordError(
                f"election {row['id']!r} is already in the store; choose another id. "
                "Nothing was written."
            )
        self.conn.execute(E.insert().values(**row))
        after = {k: _plain(v) for k, v in row.items() if k != "code_salt"}
        self.tx.audit.record("add", self.entity, row["id"], None, after)

    def find_row(self, election_id: str) -> sa.RowMapping | None:
        return self.conn.execute(sa.select(E).where(E.c.id == election_id)).mappings().first()

    def row(self, election_id: str) -> sa.RowMapping:
        found = self.find_row(election_id)
        if found is None:
            raise NotFoundError(f"no election {election_id!r} in the store")
        return found

    def ids(self) -> list[str]:
        return list(self.conn.execute(sa.select(E.c.id).order_by(E.c.id)).scalars())

    # --- the roll ------------------------------------------------------------------------------

    def add_roll(
        self,
        election_id: str,
        rows: Sequence[tuple[str, str | None, bool, str | None]],
        summary: Any,
    ) -> None:
        """Add ``(voter, school, eligible, reason)`` rows to the roll; a voter already on it is
        refused, naming the voter."""
        self.tx.require_write()
        voters = [r[0] for r in rows]
        taken = self._existing(ROLL, election_id, ROLL.c.voter, voters)
        if taken:
            raise RecordError(
                f"election {election_id!r}: voter {sorted(taken)[0]!r} is already on the roll. "
                "Nothing was written."
            )
        insert_columns(
            self.conn,
            ROLL,
            {
                "election": [election_id] * len(rows),
                "voter": voters,
                "school": [r[1] for r in rows],
                "eligible": [r[2] for r in rows],
                "reason": [r[3] for r in rows],
                "coded": [False] * len(rows),
            },
        )
        # The trail says what was done, not who is on the roll: the roll is erased after the
        # term, and an append-only trail must not keep a copy of it.
        self.tx.audit.record("roll", self.entity, election_id, None, summary)

    def roll(self, election_id: str) -> list[sa.RowMapping]:
        query = sa.select(ROLL).where(ROLL.c.election == election_id).order_by(ROLL.c.voter)
        return list(self.conn.execute(query).mappings())

    def voter(self, election_id: str, voter: str) -> sa.RowMapping | None:
        query = sa.select(ROLL).where(ROLL.c.election == election_id, ROLL.c.voter == voter)
        return self.conn.execute(query).mappings().first()

    def erase_roll(self, election_id: str) -> tuple[int, int]:
        """Delete the roll and the codes; (voters, codes) deleted. Tallies and result stay."""
        self.tx.require_write()
        voters = self.conn.execute(ROLL.delete().where(ROLL.c.election == election_id)).rowcount
        codes = self.conn.execute(CODES.delete().where(CODES.c.election == election_id)).rowcount
        self.tx.audit.record(
            "erase_roll", self.entity, election_id, None, {"voters": voters, "codes": codes}
        )
        return voters, codes

    # --- candidates ----------------------------------------------------------------------------

    def add_candidate(
        self, election_id: str, candidate: str, name: str, school: str | None
    ) -> None:
        self.tx.require_write()
        if self._existing(CANDIDATES, election_id, CANDIDATES.c.candidate, [candidate]):
            raise RecordError(f"election {election_id!r}: {candidate!r} is already a candidate")
        self.conn.execute(
            CANDIDATES.insert().values(
                election=election_id, candidate=candidate, name=name, school=school
            )
        )
        # Every candidate has an online tally from the start, so a vote rewrites rows that
        # exist and never creates one that would show who got the first vote.
        self.conn.execute(
            BALLOTS.insert().values(
                election=election_id, place=ONLINE, candidate=candidate, votes=0
            )
        )
        self.tx.audit.record(
            "add",
            "election_candidate",
            f"{election_id}/{candidate}",
            None,
            {"name": name, "school": school},
        )

    def candidates(self, election_id: str) -> list[sa.RowMapping]:
        query = (
            sa.select(CANDIDATES)
            .where(CANDIDATES.c.election == election_id)
            .order_by(CANDIDATES.c.candidate)
        )
        return list(self.conn.execute(query).mappings())

    # --- codes ---------------------------------------------------------------------------------

    def add_codes(
        self, election_id: str, voters: Sequence[str], hashed: Sequence[tuple[str, str | None]]
    ) -> None:
        """Mark ``voters`` coded and store the code hashes with their schools.

        The caller shuffles ``hashed`` so the codes' row order says nothing of the roll's.
        """
        self.tx.require_write()
        for start in range(0, len(voters), CHUNK):
            chunk = list(voters[start : start + CHUNK])
            self.conn.execute(
                ROLL.update()
                .where(ROLL.c.election == election_id, ROLL.c.voter.in_(chunk))
                .values(coded=True)
            )
        insert_columns(
            self.conn,
            CODES,
            {
                "election": [election_id] * len(hashed),
                "code_hash": [h for h, _ in hashed],
                "school": [s for _, s in hashed],
                "used": [False] * len(hashed),
            },
        )
        self.tx.audit.record("codes", self.entity, election_id, None, {"issued": len(hashed)})

    def code_used(self, election_id: str, code_hash: str) -> bool | None:
        """True or False for a known code; None for a code never issued."""
        return self.conn.execute(
            sa.select(CODES.c.used).where(
                CODES.c.election == election_id, CODES.c.code_hash == code_hash
            )
        ).scalar()

    def cast(self, election_id: str, code_hash: str, candidate: str) -> bool:
        """Use the code and count its vote, in one transaction; False if the code was used
        (by a concurrent vote, say) and nothing was written."""
        self.tx.require_write()
        used = self.conn.execute(
            CODES.update()
            .where(
                CODES.c.election == election_id,
                CODES.c.code_hash == code_hash,
                CODES.c.used.is_(False),
            )
            .values(used=True)
        ).rowcount
        if used != 1:
            return False
        self.conn.execute(
            BALLOTS.update()
            .where(BALLOTS.c.election == election_id, BALLOTS.c.place == ONLINE)
            .values(votes=BALLOTS.c.votes + sa.case((BALLOTS.c.candidate == candidate, 1), else_=0))
        )
        self.tx.audit.record("vote", self.entity, election_id, None, None)
        return True

    def turnout(self, election_id: str) -> dict[str | None, tuple[int, int]]:
        """Codes issued and used per school."""
        query = (
            sa.select(
                CODES.c.school,
                sa.func.count(),
                sa.func.sum(sa.case((CODES.c.used.is_(True), 1), else_=0)),
            )
            .where(CODES.c.election == election_id)
            .group_by(CODES.c.school)
        )
        rows: Iterable[tuple[str | None, int, int | None]] = self.conn.execute(query)
        return {school: (int(n), int(used or 0)) for school, n, used in rows}

    # --- ballots -------------------------------------------------------------------------------

    def add_paper(self, election_id: str, place: str, votes: Mapping[str, int]) -> None:
        """A polling place's paper tally, once."""
        self.tx.require_write()
        if place in self.places(election_id):
            raise RecordError(
                f"election {election_id!r}: the ballots of polling place {place!r} are already "
                "counted in. Nothing was written."
            )
        items = sorted(votes.items())
        insert_columns(
            self.conn,
            BALLOTS,
            {
                "election": [election_id] * len(items),
                "place": [place] * len(items),
                "candidate": [c for c, _ in items],
                "votes": [n for _, n in items],
            },
        )
        self.tx.audit.record(
            "ballots", self.entity, f"{election_id}/{place}", None, {"votes": dict(items)}
        )

    def places(self, election_id: str) -> list[str]:
        query = (
            sa.select(BALLOTS.c.place)
            .where(BALLOTS.c.election == election_id, BALLOTS.c.place != ONLINE)
            .distinct()
            .order_by(BALLOTS.c.place)
        )
        return list(self.conn.execute(query).scalars())

    def tallies(self, election_id: str) -> dict[str, dict[str, int]]:
        """Votes per polling place and candidate."""
        query = sa.select(BALLOTS.c.place, BALLOTS.c.candidate, BALLOTS.c.votes).where(
            BALLOTS.c.election == election_id
        )
        out: dict[str, dict[str, int]] = {}
        rows: Iterable[tuple[str, str, int]] = self.conn.execute(query)
        for place, candidate, votes in rows:
            out.setdefault(place, {})[candidate] = int(votes)
        return {p: dict(sorted(v.items())) for p, v in sorted(out.items())}

    # --- the result ----------------------------------------------------------------------------

    def result_row(self, election_id: str) -> sa.RowMapping | None:
        return (
            self.conn.execute(sa.select(RESULTS).where(RESULTS.c.election == election_id))
            .mappings()
            .first()
        )

    def save_result(self, election_id: str, seed: int, result: Any, at: datetime) -> None:
        self.tx.require_write()
        before = self.result_row(election_id)
        if before is None:
            self.conn.execute(
                RESULTS.insert().values(
                    election=election_id, seed=seed, counted_at=at, result=result
                )
            )
        else:
            self.conn.execute(
                RESULTS.update()
                .where(RESULTS.c.election == election_id)
                .values(seed=seed, counted_at=at, result=result)
            )
        self.tx.audit.record(
            "count",
            self.entity,
            election_id,
            None if before is None else before["result"],
            result,
        )

    def publish(self, election_id: str, at: datetime) -> None:
        self.tx.require_write()
        self.conn.execute(
            RESULTS.update().where(RESULTS.c.election == election_id).values(published_at=at)
        )
        self.tx.audit.record("publish", self.entity, election_id, None, {"at": _iso(at)})

    # --- helpers -------------------------------------------------------------------------------

    def _existing(
        self, table: sa.Table, election_id: str, column: sa.Column, values: Iterable[str]
    ) -> set[str]:
        wanted = sorted(set(values))
        found: set[str] = set()
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            found.update(
                self.conn.execute(
                    sa.select(column).where(table.c.election == election_id, column.in_(chunk))
                ).scalars()
            )
        return found


def _iso(at: datetime) -> str:
    from ...convert import iso_utc

    return iso_utc(at)


def _plain(value: Any) -> Any:
    """A row value as JSON data for the audit trail."""
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
