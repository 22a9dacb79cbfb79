"""Toimijat ja asiantuntijaverkosto: organisations, their people, and the network's meetings."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from attrs import field, frozen

from ._validate import as_tuple, identifier, identifiers, non_empty, one_of, sane_date

CADENCES = ("weekly", "biweekly", "monthly", "quarterly")


@frozen(kw_only=True)
class Organisation:
    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    kind: str = ""


@frozen(kw_only=True)
class Actor:
    """A person or unit of an organisation who commissions work and answers for it."""

    id: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    organisation: str = field(validator=identifier)
    roles: tuple[str, ...] = field(default=(), converter=as_tuple)
    themes: tuple[str, ...] = field(default=(), converter=as_tuple, validator=identifiers)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@frozen(kw_only=True)
class Network:
    """The expert network and how often it meets (e.g. monthly, as in Hämeenlinna)."""

    name: str = field(validator=non_empty)
    cadence: str = field(default="monthly", validator=one_of(*CADENCES))
    first_meeting: date | None = field(default=None, validator=sane_date)

    def meeting_dates(self, after: date, count: int = 3) -> list[date]:
        """The next ``count`` meeting dates on or after ``after``."""
        if self.first_meeting is None:
            return []
        dates: list[date] = []
        n = 0
        while len(dates) < count:
            day = self._nth(n)
            if day >= after:
                dates.append(day)
            n += 1
        return dates

    def _nth(self, n: int) -> date:
        assert self.first_meeting is not None
        if self.cadence == "weekly":
            return self.first_meeting + timedelta(weeks=n)
        if self.cadence == "biweekly":
            return self.first_meeting + timedelta(weeks=2 * n)
        return _add_months(self.first_meeting, n * (1 if self.cadence == "monthly" else 3))
