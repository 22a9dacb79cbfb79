"""Voting: one-time codes, coded votes, paper tallies. Nothing here pairs a voter with a choice.

The code list leaves the library once, as ``(voter, code)`` pairs for the schools to hand out;
the store keeps only each code's salted slow hash, in shuffled order, beside the school (for
turnout) and a "used" flag. A vote is refused outside the period, for an unknown or used code,
and for someone not standing, each with its own error.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pluggy

from ...errors import ConfigError
from . import codes
from .errors import (
    ElectionError,
    PeriodError,
    UnknownCandidateError,
    UnknownCodeError,
    UsedCodeError,
)
from .model import ONLINE, Election
from .rules import reason_text
from .stored import load_election

if TYPE_CHECKING:
    from ...store.core import Transaction


def issue_codes(
    tx: Transaction, pm: pluggy.PluginManager, election_id: str, *, at: datetime | None = None
) -> list[tuple[str, str]]:
    """A code for every eligible voter of the roll who has none yet, as ``(voter, code)`` in
    voter order. Nobody the rules refuse gets one, and nobody gets two."""
    election = load_election(tx, pm, election_id)
    at = at or datetime.now(UTC)
    if at >= election.closes:
        raise PeriodError(f"election {election_id!r}: voting has closed; no codes are issued")
    row = tx.elections.row(election_id)
    waiting = [r for r in tx.elections.roll(election_id) if r["eligible"] and not r["coded"]]
    if not waiting:
        return []
    fresh = codes.new_codes(len(waiting))
    hashed = codes.hash_codes(fresh, row["code_salt"], row["code_cost"])
    stored = [(h, r["school"]) for h, r in zip(hashed, waiting, strict=True)]
    secrets.SystemRandom().shuffle(stored)
    tx.elections.add_codes(election_id, [r["voter"] for r in waiting], stored)
    return [(r["voter"], code) for r, code in zip(waiting, fresh, strict=True)]


def _require_candidate(tx: Transaction, election: Election, candidate: str) -> None:
    standing = {r["candidate"] for r in tx.elections.candidates(election.id)}
    if candidate in standing:
        return
    entry = tx.elections.voter(election.id, candidate)
    if entry is not None and not entry["eligible"]:
        text = reason_text(election.rules, entry["reason"])
        raise UnknownCandidateError(
            f"election {election.id!r}: {candidate!r} is not eligible to stand ({text.en}); "
            "choose one of the candidates"
        )
    raise UnknownCandidateError(
        f"election {election.id!r}: {candidate!r} is not a candidate; "
        f"the candidates are {', '.join(sorted(standing)) or 'none yet'}"
    )


def cast_vote(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    *,
    code: str,
    candidate: str,
    at: datetime | None = None,
) -> None:
    """Cast one vote with a one-time code. The code is marked used and the candidate's online
    tally grows by one, in the caller's transaction; nothing records which code chose whom."""
    election = load_election(tx, pm, election_id)
    at = at or datetime.now(UTC)
    if at < election.opens:
        raise PeriodError(
            f"election {election_id!r}: voting opens at {election.shown(election.opens)}"
        )
    if at >= election.closes:
        raise PeriodError(
            f"election {election_id!r}: voting closed at "
            f"{election.shown(election.closes, end=True)}"
        )
    _require_candidate(tx, election, candidate)
    raw = codes.normalise(code)
    if raw is None:
        raise UnknownCodeError(
            f"election {election_id!r}: {code!r} is not a voter code "
            f"(codes look like 7KQ-4MX: {codes.LENGTH} letters and digits)"
        )
    row = tx.elections.row(election_id)
    digest = codes.hash_code(raw, row["code_salt"], row["code_cost"])
    used = tx.elections.code_used(election_id, digest)
    if used is None:
        raise UnknownCodeError(f"election {election_id!r}: code {code!r} was not issued for it")
    if used or not tx.elections.cast(election_id, digest, candidate):
        raise UsedCodeError(f"election {election_id!r}: code {code!r} has already been used")


def import_ballots(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    tallies: Mapping[str, Mapping[str, int]],
    *,
    lines: Mapping[tuple[str, str], int] | None = None,
    source: str = "ballots",
) -> int:
    """Paper ballots counted at polling places, as votes per place and candidate; each place
    once. Returns the votes added. Refused once the result is published."""
    election = load_election(tx, pm, election_id)
    row = tx.elections.result_row(election_id)
    if row is not None and row.get("published_at") is not None:
        raise ElectionError(f"election {election_id!r}: the result is published; no more ballots")
    standing = {r["candidate"] for r in tx.elections.candidates(election_id)}
    problems = []
    for place, votes in sorted(tallies.items()):
        if place == ONLINE:
            problems.append(f"{source}: place {ONLINE!r} is the coded votes' place")
        for candidate in sorted(votes):
            if candidate not in standing:
                line = (lines or {}).get((place, candidate))
                at = f"line {line}: " if line else ""
                problems.append(
                    f"{source}: {at}{candidate!r} is not a candidate of election {election.id!r}"
                )
    if problems:
        raise ConfigError(problems)
    total = 0
    for place, votes in sorted(tallies.items()):
        tx.elections.add_paper(election_id, place, votes)
        total += sum(votes.values())
    return total
