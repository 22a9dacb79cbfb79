"""The programme's meetings as iCalendar: sessions and the network's regular meetings.

Sessions are recorded with a date only, so they are all-day events; a network meeting repeats
on the network's cadence between its first meeting and the end of the programme's period (or a
year from today when the period is open).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from . import vocabulary as vocab
from .i18n import gettext
from .snapshot import Records

PRODID = "-//yhteiskehitys//yk calendar//EN"
MAX_NETWORK_MEETINGS = 500


def _uid(kind: str, key: str, records: Records) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in records.programme.name.casefold())[:40]
    return f"{kind}-{key.replace(':', '~')}@{slug.strip('-') or 'programme'}.yhteiskehitys"


def network_dates(records: Records) -> list[date]:
    network = records.programme.network
    if network is None or network.first_meeting is None:
        return []
    period = records.programme.period
    end = period.end if period and period.end else records.today + timedelta(days=365)
    dates = network.meeting_dates(after=network.first_meeting, count=MAX_NETWORK_MEETINGS)
    return [d for d in dates if d <= end]


def calendar(records: Records, lang: str) -> Any:
    """An :class:`icalendar.Calendar` of the programme's meetings."""
    from icalendar import Calendar, Event

    _ = gettext(lang)
    stamp = datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", records.programme.name)
    for session in sorted(records.sessions, key=lambda s: (s.date, s.id)):
        kind = vocab.word(records.programme, "SESSION_KINDS", session.kind, lang, _)
        event = Event()
        event.add("uid", _uid("session", session.id, records))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.date)
        event.add("dtend", session.date + timedelta(days=1))
        event.add("summary", session.title or kind.capitalize())
        lines = [f"{_('Kind')}: {kind}"]
        if session.methods:
            methods = ", ".join(
                vocab.word(records.programme, "METHODS", m, lang, _) for m in session.methods
            )
            lines.append(f"{_('Ways of working')}: {methods}")
        event.add("description", "\n".join(lines))
        event.add("categories", [records.programme.name])
        cal.add_component(event)
    network = records.programme.network
    for day in network_dates(records):
        assert network is not None  # there are no dates without a network
        event = Event()
        event.add("uid", _uid("network", day.isoformat(), records))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", network.name)
        event.add("description", _("Meeting of the network of actors"))
        cal.add_component(event)
    return cal
