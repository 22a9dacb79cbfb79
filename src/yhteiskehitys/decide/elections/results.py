"""Counting, publishing and showing an election; erasing its roll after the term.

A count is stored with its seed, so it can be redone and checked; once published it is fixed.
The published result is data (:class:`PublishedElection`) for whatever shows it: candidates by
name only, the elected and deputies, votes, the lots drawn, and turnout per school through the
disclosure gate.
"""

from __future__ import annotations

import secrets
from collections import Counter
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pluggy
from attrs import frozen

from ...measure.disclosure import (
    DEFAULT_THRESHOLD,
    Cell,
    PublishedTable,
    Table,
    check_threshold,
    publish,
)
from ...model.text import Text
from .count import count
from .errors import ElectionError, PeriodError
from .model import Election, Result
from .rules import reason_text
from .stored import candidates, load_election

if TYPE_CHECKING:
    from ...store.core import Store, Transaction

NO_SCHOOL = "—"
MAX_SEED = 2**63 - 1


def _closed(
    tx: Transaction, pm: pluggy.PluginManager, election_id: str, at: datetime | None, what: str
) -> tuple[Election, datetime]:
    election = load_election(tx, pm, election_id)
    at = at or datetime.now(UTC)
    if at < election.closes:
        raise PeriodError(
            f"election {election_id!r}: voting is open until "
            f"{election.shown(election.closes, end=True)}; "
            f"{what} after that, so no interim result is ever seen"
        )
    return election, at


def votes_of(tx: Transaction, election_id: str) -> Counter[str]:
    """Votes per candidate over every polling place, coded votes included."""
    total: Counter[str] = Counter()
    for votes in tx.elections.tallies(election_id).values():
        total.update(votes)
    return total


def count_election(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    *,
    seed: int | None = None,
    at: datetime | None = None,
) -> Result:
    """Count the votes after voting has closed and store the result with its seed.

    Without a seed a random one is drawn (and stored). Counting again before publishing
    replaces the stored count (the trail keeps both); after publishing the stored result is
    returned, and a different seed is refused.
    """
    election, at = _closed(tx, pm, election_id, at, "count")
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise ElectionError(f"seed: must be between 0 and {MAX_SEED} (got {seed})")
    stored = tx.elections.result_row(election_id)
    if stored is not None and stored["published_at"] is not None:
        if seed is not None and seed != stored["seed"]:
            raise ElectionError(
                f"election {election_id!r}: the result was published with seed "
                f"{stored['seed']}; a published count is not redrawn"
            )
        return Result.from_data(stored["result"])
    seed = secrets.randbelow(MAX_SEED) if seed is None else seed
    standing = candidates(tx, election_id)
    if not standing:
        raise ElectionError(f"election {election_id!r}: there are no candidates to count")
    result = count(
        standing,
        votes_of(tx, election_id),
        seats=election.seats,
        deputies=election.deputies,
        seed=seed,
        quotas=election.quotas,
    )
    data = result.as_data()
    data["turnout"] = {
        (school or NO_SCHOOL): [issued, used]
        for school, (issued, used) in sorted(
            tx.elections.turnout(election_id).items(), key=lambda kv: kv[0] or ""
        )
    }
    data["places"] = {
        place: sum(votes.values()) for place, votes in tx.elections.tallies(election_id).items()
    }
    tx.elections.save_result(election_id, seed, data, at)
    return result


def publish_election(
    tx: Transaction, pm: pluggy.PluginManager, election_id: str, *, at: datetime | None = None
) -> Result:
    """Make the stored count public. Only after voting has closed, and only once."""
    _, at = _closed(tx, pm, election_id, at, "publish")
    stored = tx.elections.result_row(election_id)
    if stored is None:
        raise ElectionError(f"election {election_id!r}: count the votes first (yk election count)")
    if stored["published_at"] is not None:
        raise ElectionError(f"election {election_id!r}: the result is already published")
    tx.elections.publish(election_id, at)
    return Result.from_data(stored["result"])


def turnout_table(turnout: dict[str, list[int]], title: str = "turnout") -> Table:
    """Turnout per school as a disclosure table: voted / did not vote, one row per school."""
    schools = tuple(sorted(turnout))
    cells = {}
    for school in schools:
        issued, used = turnout[school]
        cells[(school, "voted")] = Cell(n=used)
        cells[(school, "did_not_vote")] = Cell(n=issued - used)
    return Table(title=title, rows=schools, cols=("voted", "did_not_vote"), cells=cells)


@frozen(kw_only=True)
class PublishedCandidate:
    name: str
    votes: int
    outcome: str  # "elected", "deputy" or "not_elected"
    rank: int


@frozen(kw_only=True)
class PublishedElection:
    """What may be shown of a published election: names, never a voter id."""

    id: str
    title: Text
    seats: int
    deputies: int
    opens: datetime
    closes: datetime
    time_zone: str
    term_start: date
    term_end: date
    published_at: datetime
    seed: int
    candidates: tuple[PublishedCandidate, ...]
    lots: tuple[dict[str, Any], ...]
    places: dict[str, int]
    turnout: PublishedTable

    def as_data(self) -> dict[str, Any]:
        """As JSON data for a page: times in UTC ISO text, turnout cells under the threshold
        as ``"<k"``."""
        from ...convert import iso_utc

        view = self.turnout
        return {
            "id": self.id,
            "title": _texts(self.title),
            "seats": self.seats,
            "deputies": self.deputies,
            "opens": iso_utc(self.opens),
            "closes": iso_utc(self.closes),
            "time_zone": self.time_zone,
            "term": [self.term_start.isoformat(), self.term_end.isoformat()],
            "published_at": iso_utc(self.published_at),
            "seed": self.seed,
            "candidates": [
                {"name": c.name, "votes": c.votes, "outcome": c.outcome, "rank": c.rank}
                for c in self.candidates
            ],
            "lots": [dict(lot) for lot in self.lots],
            "places": dict(self.places),
            "turnout": {
                school: {col: _shown(view.cells[(school, col)]) for col in view.cols}
                for school in view.rows
            },
        }


def published_result(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    *,
    threshold: int = DEFAULT_THRESHOLD,
) -> PublishedElection | None:
    """The published result as data, or None while it is not published."""
    election = load_election(tx, pm, election_id)
    stored = tx.elections.result_row(election_id)
    if stored is None or stored["published_at"] is None:
        return None
    data = stored["result"]
    names = {c.candidate: c.name for c in candidates(tx, election_id)}
    elected, deputies = data["elected"], data["deputies"]
    order = (
        elected
        + deputies
        + sorted(
            (c for c in names if c not in elected and c not in deputies),
            key=lambda c: -data["votes"].get(c, 0),
        )
    )
    rows = []
    for n, cid in enumerate(order, start=1):
        outcome = "elected" if cid in elected else "deputy" if cid in deputies else "not_elected"
        rows.append(
            PublishedCandidate(
                name=names[cid], votes=data["votes"].get(cid, 0), outcome=outcome, rank=n
            )
        )
    lots = tuple(
        {
            "votes": lot["votes"],
            "tied": [names[c] for c in lot["tied"]],
            "order": [names[c] for c in lot["order"]],
        }
        for lot in data["lots"]
    )
    return PublishedElection(
        id=election.id,
        title=election.title,
        seats=election.seats,
        deputies=election.deputies,
        opens=election.opens,
        closes=election.closes,
        time_zone=election.time_zone,
        term_start=election.term_start,
        term_end=election.term_end,
        published_at=stored["published_at"],
        seed=stored["seed"],
        candidates=tuple(rows),
        lots=lots,
        places=dict(data.get("places", {})),
        turnout=publish(turnout_table(data.get("turnout", {})), check_threshold(threshold)),
    )


def show_election(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    *,
    threshold: int = DEFAULT_THRESHOLD,
) -> dict[str, Any]:
    """The election's state as JSON data: settings, roll by reason, candidates, codes issued and
    used, polling places, and the count (ids, for the organisers) when there is one.
    Turnout per school passes the disclosure gate."""
    from ...convert import iso_utc

    election = load_election(tx, pm, election_id)
    roll = tx.elections.roll(election_id)
    reasons = Counter(r["reason"] for r in roll if not r["eligible"])
    turnout = {
        (school or NO_SCHOOL): [issued, used]
        for school, (issued, used) in tx.elections.turnout(election_id).items()
    }
    stored = tx.elections.result_row(election_id)
    view = publish(turnout_table(turnout), check_threshold(threshold))
    return {
        "id": election.id,
        "title": {"fi": election.title.fi, "sv": election.title.sv, "en": election.title.en},
        "seats": election.seats,
        "deputies": election.deputies,
        "opens": iso_utc(election.opens),
        "closes": iso_utc(election.closes),
        "time_zone": election.time_zone,
        "voting": f"{election.shown(election.opens)} – {election.shown(election.closes, end=True)}",
        "election_day": election.election_day.isoformat(),
        "term": [election.term_start.isoformat(), election.term_end.isoformat()],
        "rules": [r.describe() for r in election.rules],
        "quotas": dict(election.quotas),
        "roll": {
            "voters": len(roll),
            "eligible": sum(1 for r in roll if r["eligible"]),
            "ineligible": {
                key: {"count": n, **_texts(reason_text(election.rules, key))}
                for key, n in sorted(reasons.items())
            },
        },
        "candidates": {c.candidate: c.name for c in candidates(tx, election_id)},
        "codes": {
            "issued": sum(i for i, _ in turnout.values()),
            "used": sum(u for _, u in turnout.values()),
        },
        "turnout": {
            school: {col: _shown(view.cells[(school, col)]) for col in view.cols}
            for school in view.rows
        },
        "places": tx.elections.places(election_id),
        "result": None
        if stored is None
        else {
            **{k: stored["result"][k] for k in ("elected", "deputies", "votes", "lots")},
            "seed": stored["seed"],
            "counted_at": iso_utc(stored["counted_at"]),
            "published_at": None
            if stored["published_at"] is None
            else iso_utc(stored["published_at"]),
        },
    }


def _texts(text: Text) -> dict[str, str]:
    return {"fi": text.get("fi"), "sv": text.get("sv"), "en": text.get("en")}


def _shown(cell: Any) -> Any:
    return cell.n if isinstance(cell, Cell) else str(cell)


def erase_roll_in(
    tx: Transaction, pm: pluggy.PluginManager, election_id: str, *, today: date | None = None
) -> tuple[int, int]:
    """Delete the roll and the code hashes once the term has ended; the candidates' names,
    tallies and result stay. Returns (voters, codes) deleted."""
    election = load_election(tx, pm, election_id)
    today = today or datetime.now(UTC).date()
    if today <= election.term_end:
        raise PeriodError(
            f"election {election_id!r}: the term runs until {election.term_end}; "
            "the roll is kept until then"
        )
    return tx.elections.erase_roll(election_id)


def erase_roll(
    store: Store,
    pm: pluggy.PluginManager,
    election_id: str,
    *,
    today: date | None = None,
    operator: str | None = None,
) -> tuple[int, int]:
    """:func:`erase_roll_in` in its own transaction, then the store is compacted so the
    deleted rows leave the database files."""
    from ...store.rights import compact

    with store.transaction(operator) as tx:
        done = erase_roll_in(tx, pm, election_id, today=today)
    compact(store)
    if store.dialect == "postgresql":  # compact() vacuums the participant tables only
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM election_roll, election_codes")
    return done
