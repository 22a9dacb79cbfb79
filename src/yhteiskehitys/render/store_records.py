"""Read a programme's records from its store in one pass, for the reports.

A programme that has no store yet has no records: reports then show their "nothing yet" state,
and no empty store is created as a side effect of reading.
"""

from __future__ import annotations

from typing import Any


def store_url(opened: Any, state: Any = None) -> str | None:
    """The programme's store URL, or None when it is a SQLite file that does not exist."""
    from ..store.url import missing_sqlite_file, resolve

    url = resolve(
        opened.path,
        database=getattr(state, "database", None),
        programme_url=opened.programme.database_url,
    )
    return None if missing_sqlite_file(url) is not None else url


def read_all(tx: Any, *, personal: bool = False) -> dict[str, Any]:
    """Every record a report reads, from one read-only unit of work; names and contacts only
    when ``personal`` (certificates and e-mail need them, the site does not)."""
    records = {
        "organisations": tx.organisations.list(),
        "actors": tx.actors.list(),
        "themes": tx.themes.list(),
        "participants": tx.participants.list(),
        "sessions": tx.sessions.list(),
        "commissions": tx.commissions.list(),
        "ideas": tx.ideas.list(),
        "findings": tx.findings.list(),
        "responses": tx.responses.list(),
        "report_backs": tx.report_backs.list(),
        "feedback": tx.feedback.list(),
        "pilots": tx.pilots.list(),
        "progress": tx.checklist.done(),
    }
    if personal:
        records["personal_data"] = tx.personal_data.list()
    return records


def from_store(
    opened: Any,
    state: Any = None,
    *,
    personal: bool = False,
    figures: bool = False,
    today: Any = None,
) -> dict[str, Any]:
    """The fields of :class:`~yhteiskehitys.render.records.Records` read from the store."""
    url = store_url(opened, state)
    if url is None:
        return {}
    from .. import catalogue
    from ..store import open_store
    from .figures import read_barometer, read_loop

    pm = getattr(state, "pm", None)
    converter = catalogue.converter(pm) if pm is not None else None
    with open_store(url, converter=converter) as store, store.read() as tx:
        records = read_all(tx, personal=personal)
        if figures:
            records["loop"] = read_loop(tx, opened.programme, today)
            records["barometer"] = read_barometer(tx, opened.programme, pm, opened.path)
        return records
