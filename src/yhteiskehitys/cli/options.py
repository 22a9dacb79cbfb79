"""Options shared by the record-keeping commands: dates, times, repeatable lists."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import click


class When(click.ParamType):
    """A date (``2024-05-02``, taken as 12:00 UTC) or an ISO time with zone."""

    name = "DATE|TIME"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            if len(value) == 10:
                return datetime.combine(date.fromisoformat(value), time(12), tzinfo=UTC)
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"{value!r} is not a date such as 2024-05-02 or a time with zone", param, ctx)
        if parsed.tzinfo is None:
            self.fail(f"{value!r}: give the time zone, e.g. 2024-05-02T10:00:00+03:00", param, ctx)
        return parsed.astimezone(UTC)


class Day(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date such as 2024-05-02", param, ctx)


WHEN = When()
DAY = Day()

at_option = click.option(
    "--at", "at", type=WHEN, default=None, help="When it happened (default: now)."
)
today_option = click.option(
    "--today", type=DAY, default=None, help="The day overdue steps are judged on (default: today)."
)


def many(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeatable options may also be comma-separated: --method pair,group_discussion."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())
