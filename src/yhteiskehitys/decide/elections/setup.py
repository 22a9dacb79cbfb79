"""Setting an election up: the election itself, its roll, its candidates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pluggy
from attrs import frozen

from ...errors import FieldValueError
from ...model.target_group import EligibilityRule
from ...model.text import Text
from . import codes
from .errors import ElectionError, NotEligibleError, PeriodError
from .model import DEFAULT_CODE_COST, DEFAULT_TIME_ZONE, Candidate, Election, Voter
from .rules import facts_on, judge, reason_text
from .stored import converter, election_row, load_election

if TYPE_CHECKING:
    from ...store.core import Transaction


T = TypeVar("T")


def checked(cls: type[T], where: str, **fields: Any) -> T:
    """``cls(**fields)``, a validator's complaint turned into an :class:`ElectionError` that
    names the record and the field."""
    try:
        return cls(**fields)
    except FieldValueError as exc:
        raise ElectionError(f"{where}: {exc.field}: {exc.message}") from None


def voting_period(
    opens: date | datetime, closes: date | datetime, time_zone: str = DEFAULT_TIME_ZONE
) -> tuple[datetime, datetime]:
    """The instants voting opens and closes: a day means its start (opens) or its end (closes)
    in ``time_zone``; a time with a zone is taken as it is."""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ElectionError(
            f"time_zone: unknown time zone {time_zone!r} (e.g. Europe/Helsinki)"
        ) from None

    def instant(value: date | datetime, end: bool) -> datetime:
        if isinstance(value, datetime):
            if value.tzinfo is None:
                name = "closes" if end else "opens"
                raise ElectionError(f"{name}: give the time zone, e.g. 2025-03-03T08:00+02:00")
            return value.astimezone(UTC)
        day = value + timedelta(days=1) if end else value
        return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)

    return instant(opens, False), instant(closes, True)


def new_election(
    tx: Transaction,
    pm: pluggy.PluginManager,
    *,
    id: str,
    title: Text,
    seats: int,
    opens: date | datetime,
    closes: date | datetime,
    deputies: int = 0,
    rules: Sequence[EligibilityRule] = (),
    quotas: Mapping[str, int] | None = None,
    term_start: date | None = None,
    term_end: date | None = None,
    time_zone: str = DEFAULT_TIME_ZONE,
    code_cost: int = DEFAULT_CODE_COST,
) -> Election:
    """Create an election. Days are whole days in ``time_zone``; the term defaults to two
    years from the day after the election day."""
    if not codes.MIN_COST <= code_cost <= codes.MAX_COST:
        raise ElectionError(
            f"election {id!r}: code_cost: must be between {codes.MIN_COST} and {codes.MAX_COST} "
            f"(got {code_cost})"
        )
    start, end = voting_period(opens, closes, time_zone)
    day = (end - timedelta(microseconds=1)).astimezone(ZoneInfo(time_zone)).date()
    term_start = term_start or day + timedelta(days=1)
    term_end = term_end or _years_later(term_start, 2) - timedelta(days=1)
    election = checked(
        Election,
        f"election {id!r}",
        id=id,
        title=title,
        seats=seats,
        deputies=deputies,
        opens=start,
        closes=end,
        time_zone=time_zone,
        term_start=term_start,
        term_end=term_end,
        rules=rules,
        quotas=dict(quotas or {}),
    )
    tx.elections.add(election_row(election, codes.new_salt(), code_cost, converter(pm)))
    return election


def _years_later(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


@frozen(kw_only=True)
class RollSummary:
    """What a roll import did: voters added, eligible, and the ineligible by reason."""

    voters: int
    eligible: int
    reasons: dict[str, int]

    def as_data(self) -> dict[str, object]:
        return {"voters": self.voters, "eligible": self.eligible, "reasons": dict(self.reasons)}


def add_voters(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    voters: Iterable[Voter],
    *,
    source: str = "",
    at: datetime | None = None,
) -> RollSummary:
    """Put voters on the roll, each judged once, on the election day, by the election's rules.

    Only the judgement and the school are stored. A voter given twice, or already on the roll,
    refuses the whole batch. The roll closes when voting does.
    """
    election = load_election(tx, pm, election_id)
    at = at or datetime.now(UTC)
    if at >= election.closes:
        raise PeriodError(f"election {election_id!r}: voting has closed; the roll is final")
    voters = list(voters)
    seen: set[str] = set()
    for v in voters:
        if v.voter in seen:
            raise ElectionError(f"{source or 'roll'}: voter {v.voter!r} is given twice")
        seen.add(v.voter)
    day = election.election_day
    rows = []
    reasons: Counter[str] = Counter()
    for v in voters:
        reason = judge(election.rules, facts_on(day, v.facts()))
        if reason is not None:
            reasons[reason] += 1
        rows.append((v.voter, v.school, reason is None, reason))
    summary = RollSummary(
        voters=len(rows),
        eligible=len(rows) - sum(reasons.values()),
        reasons=dict(sorted(reasons.items())),
    )
    data = summary.as_data()
    if source:
        data["source"] = source
    tx.elections.add_roll(election_id, rows, data)
    return summary


def roll_from_participants(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    participants: Iterable[str] | None = None,
    *,
    at: datetime | None = None,
) -> RollSummary:
    """The roll drawn from the programme's participants (all, or those named), with the birth
    year, municipality, studying and school recorded for them."""
    wanted = None if participants is None else set(participants)
    chosen = [p for p in tx.participants.list() if wanted is None or p.id in wanted]
    if wanted is not None:
        missing = sorted(wanted - {p.id for p in chosen})
        if missing:
            raise ElectionError(f"no participant {missing[0]!r} in the store")
    voters = [
        Voter(
            voter=p.id,
            birth_year=p.birth_year,
            municipality=p.municipality,
            studying=p.studying,
            school=p.school,
        )
        for p in chosen
    ]
    return add_voters(tx, pm, election_id, voters, source="participants", at=at)


def add_candidate(
    tx: Transaction,
    pm: pluggy.PluginManager,
    election_id: str,
    candidate: str,
    *,
    name: str,
    at: datetime | None = None,
) -> Candidate:
    """A candidate: an eligible voter of the roll, named before voting opens."""
    election = load_election(tx, pm, election_id)
    at = at or datetime.now(UTC)
    if at >= election.opens:
        raise PeriodError(
            f"election {election_id!r}: voting opened at {election.shown(election.opens)}; "
            "candidates are named before that"
        )
    entry = tx.elections.voter(election_id, candidate)
    if entry is None:
        raise NotEligibleError(
            f"election {election_id!r}: {candidate!r} is not on the roll; "
            "only an eligible voter can stand (add them to the roll first)"
        )
    if not entry["eligible"]:
        text = reason_text(election.rules, entry["reason"])
        raise NotEligibleError(
            f"election {election_id!r}: {candidate!r} is not eligible to stand: "
            f"{text.en} ({text.fi})"
        )
    new = checked(
        Candidate,
        f"election {election_id!r}",
        candidate=candidate,
        name=name,
        school=entry["school"],
    )
    tx.elections.add_candidate(election_id, new.candidate, new.name, new.school)
    return new


def parse_quotas(texts: Iterable[str]) -> dict[str, int]:
    """Seat quotas from ``SCHOOL=SEATS`` texts: ``Levin koulu=2``."""
    quotas: dict[str, int] = {}
    for text in texts:
        group, sep, seats = text.rpartition("=")
        group = group.strip()
        try:
            number = int(seats)
        except ValueError:
            number = 0
        if not sep or not group or number < 1:
            raise ElectionError(f"quota {text!r}: write it as SCHOOL=SEATS, e.g. 'Levin koulu=2'")
        if group in quotas:
            raise ElectionError(f"quota {text!r}: {group!r} is given twice")
        quotas[group] = number
    return quotas
