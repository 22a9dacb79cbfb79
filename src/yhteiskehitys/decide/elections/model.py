"""The election's records: attrs classes, validated on construction, with no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from attrs import field, frozen

from ...errors import FieldValueError
from ...model._validate import as_tuple, between, identifier, non_empty, sane_date
from ...model.target_group import EligibilityRule
from ...model.text import Text

ONLINE = "online"
"""The polling place of votes cast with a code; paper tallies name their own places."""

DEFAULT_TIME_ZONE = "Europe/Helsinki"
DEFAULT_CODE_COST = 14
"""log2 of scrypt's ``n``: about 35 ms and 16 MiB per code on a laptop (see codes.py)."""


def _aware(instance: Any, attribute: Any, value: datetime) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise FieldValueError(attribute.name, "must be a time with a time zone")


def _zone(instance: Any, attribute: Any, value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise FieldValueError(
            attribute.name, f"unknown time zone {value!r} (e.g. Europe/Helsinki)"
        ) from None


def _quotas(value: Mapping[str, int]) -> dict[str, int]:
    return dict(sorted(dict(value).items()))


def _check_quotas(instance: Any, attribute: Any, value: Mapping[str, int]) -> None:
    for group, seats in value.items():
        if not isinstance(group, str) or not group.strip():
            raise FieldValueError("quotas", f"a quota needs a school or area name (got {group!r})")
        if not isinstance(seats, int) or isinstance(seats, bool) or seats < 1:
            raise FieldValueError("quotas", f"{group}: reserve at least one seat (got {seats!r})")


@frozen(kw_only=True)
class Election:
    """Nuorisovaltuustovaali: who is elected to how many seats, who may vote, and when.

    ``opens`` and ``closes`` are instants (``closes`` exclusive); the election day, on which
    eligibility is judged, is the last day of voting in ``time_zone``. Terms of two elections
    may overlap: a council may serve two terms at once.
    """

    id: str = field(validator=identifier)
    title: Text
    seats: int = field(validator=between(1, 1000))
    deputies: int = field(default=0, validator=between(0, 1000))
    opens: datetime = field(validator=_aware)
    closes: datetime = field(validator=_aware)
    time_zone: str = field(default=DEFAULT_TIME_ZONE, validator=_zone)
    term_start: date = field(validator=sane_date)
    term_end: date = field(validator=sane_date)
    rules: tuple[EligibilityRule, ...] = field(default=(), converter=as_tuple)
    quotas: dict[str, int] = field(factory=dict, converter=_quotas, validator=_check_quotas)

    def __attrs_post_init__(self) -> None:
        if self.closes <= self.opens:
            raise FieldValueError(
                "closes",
                f"must be after opens (got {self.closes.isoformat()} ≤ {self.opens.isoformat()})",
            )
        if self.term_end <= self.term_start:
            raise FieldValueError(
                "term_end", f"must be after term_start (got {self.term_end} ≤ {self.term_start})"
            )
        if sum(self.quotas.values()) > self.seats:
            raise FieldValueError(
                "quotas",
                f"reserve at most the {self.seats} seats (got {sum(self.quotas.values())})",
            )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def election_day(self) -> date:
        """The last day of voting, in the election's time zone."""
        return (self.closes - timedelta(microseconds=1)).astimezone(self.zone).date()

    def is_open(self, at: datetime) -> bool:
        return self.opens <= at < self.closes

    def local(self, at: datetime) -> datetime:
        return at.astimezone(self.zone)

    def shown(self, at: datetime, *, end: bool = False) -> str:
        """``at`` as people read it in the election's zone; an end at midnight is the previous
        day's 24:00 (voting "until 14 March" ends at 2025-03-14 24:00)."""
        local = self.local(at)
        if end and (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0):
            return f"{(local - timedelta(days=1)):%Y-%m-%d} 24:00 ({self.time_zone})"
        return f"{local:%Y-%m-%d %H:%M} ({self.time_zone})"


@frozen(kw_only=True)
class Voter:
    """One line of the roll: a pseudonymous voter and the facts the rules ask about.

    Only the judgement (eligible, or the reason not) and the school (for quotas and turnout)
    are stored; the other facts are read once, on the election day, and dropped.
    """

    voter: str = field(validator=identifier)
    birth_year: int | None = field(default=None, validator=between(1900, 2200))
    municipality: str | None = None
    studying: bool | None = None
    school: str | None = None

    def facts(self) -> dict[str, Any]:
        return {
            "birth_year": self.birth_year,
            "municipality": self.municipality,
            "studying": self.studying,
            "school": self.school,
        }


@frozen(kw_only=True)
class RollEntry:
    """What the roll keeps of a voter."""

    voter: str = field(validator=identifier)
    school: str | None
    eligible: bool
    reason: str | None = None
    coded: bool = False


@frozen(kw_only=True)
class Candidate:
    """A candidate: an eligible voter of the roll; only the name is ever published."""

    candidate: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    school: str | None = None


@frozen(kw_only=True)
class Lot:
    """A tie settled by lot: the tied candidates (by id) and the order the lot gave them."""

    votes: int
    tied: tuple[str, ...] = field(converter=as_tuple)
    order: tuple[str, ...] = field(converter=as_tuple)


@frozen(kw_only=True)
class Result:
    """The outcome of a count; ``seed`` reproduces every lot in ``lots``."""

    seed: int
    elected: tuple[str, ...] = field(converter=as_tuple)
    deputies: tuple[str, ...] = field(converter=as_tuple)
    votes: dict[str, int]
    lots: tuple[Lot, ...] = field(default=(), converter=as_tuple)
    quota_seats: dict[str, tuple[str, ...]] = field(factory=dict)

    def as_data(self) -> dict[str, Any]:
        """The result as JSON data: ``elected``, ``deputies``, ``votes``, ``lots``, ``seed``."""
        return {
            "elected": list(self.elected),
            "deputies": list(self.deputies),
            "votes": dict(self.votes),
            "lots": [
                {"votes": lot.votes, "tied": list(lot.tied), "order": list(lot.order)}
                for lot in self.lots
            ],
            "quota_seats": {k: list(v) for k, v in self.quota_seats.items()},
            "seed": self.seed,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Result:
        return cls(
            seed=data["seed"],
            elected=data["elected"],
            deputies=data["deputies"],
            votes=dict(data["votes"]),
            lots=[Lot(**lot) for lot in data["lots"]],
            quota_seats={k: tuple(v) for k, v in data.get("quota_seats", {}).items()},
        )
