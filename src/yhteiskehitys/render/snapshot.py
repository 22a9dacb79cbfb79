"""Everything a report reads, loaded once: the programme, its model, its records and figures.

Reports never query the store page by page; :func:`load_snapshot` reads what they need in one
pass and the pages are built from this snapshot. A programme with no store yet has no records:
reports then show their "nothing yet" state, and reading creates no empty store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from ..model._validate import as_tuple

if TYPE_CHECKING:
    from ..model import (
        Actor,
        CollaborationFeedback,
        Commission,
        Finding,
        Idea,
        ModelTemplate,
        Organisation,
        Participant,
        PersonalData,
        Pilot,
        Programme,
        Response,
        Session,
        Theme,
    )
    from ..model.progress import PhaseProgress


@frozen(kw_only=True)
class Records:
    """A read-only snapshot of one programme for the reports."""

    programme: Programme
    template: ModelTemplate
    today: date
    folder: Path | None = None
    progress: dict[str, Any] = field(factory=dict)
    """Checklist progress from the store: item id → :class:`~yhteiskehitys.model.progress.Done`."""
    themes: tuple[Theme, ...] = field(default=(), converter=as_tuple)
    commissions: tuple[Commission, ...] = field(default=(), converter=as_tuple)
    ideas: tuple[Idea, ...] = field(default=(), converter=as_tuple)
    sessions: tuple[Session, ...] = field(default=(), converter=as_tuple)
    findings: tuple[Finding, ...] = field(default=(), converter=as_tuple)
    responses: tuple[Response, ...] = field(default=(), converter=as_tuple)
    report_backs: tuple[Any, ...] = field(default=(), converter=as_tuple)
    child_impacts: tuple[Any, ...] = field(default=(), converter=as_tuple)
    feedback: tuple[CollaborationFeedback, ...] = field(default=(), converter=as_tuple)
    pilots: tuple[Pilot, ...] = field(default=(), converter=as_tuple)
    participants: tuple[Participant, ...] = field(default=(), converter=as_tuple)
    personal_data: tuple[PersonalData, ...] = field(default=(), converter=as_tuple)
    actors: tuple[Actor, ...] = field(default=(), converter=as_tuple)
    organisations: tuple[Organisation, ...] = field(default=(), converter=as_tuple)
    loop: Any = None
    """The loop's figures, from :mod:`yhteiskehitys.loop`, computed when the records were read."""
    barometer: Any = None
    """The barometer's results, from :mod:`yhteiskehitys.measure`, read with the records."""
    budgets: tuple[dict[str, Any], ...] = field(default=(), converter=as_tuple)
    """Decided budgets as data (:func:`read_budgets`), for the site's budget pages."""
    elections: tuple[dict[str, Any], ...] = field(default=(), converter=as_tuple)
    """Published elections as data (:func:`read_elections`); an unpublished one is not here."""
    budget_outcomes: tuple[dict[str, Any], ...] = field(default=(), converter=as_tuple)
    """The same decided budgets as the children's pages read them: each with its ``outcome``,
    ``voters`` and ``projects`` by id (:mod:`.budget_data`)."""
    _cache: dict[str, Any] = field(factory=dict, init=False, repr=False, eq=False)

    def cache(self, key: str, make: Any) -> Any:
        """Indexes derived from the snapshot, made once (the snapshot never changes)."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def threshold(self) -> int:
        return self.programme.disclosure_threshold

    def phases(self, lang: str) -> list[PhaseProgress]:
        from ..checklist import progress_by_phase

        return progress_by_phase(self.template, self.progress, lang)


def by_id(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def grouped(items: Iterable[Any], key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for item in items:
        out[getattr(item, key)].append(item)
    return out


OPEN_LIMIT = 50
"""Open loops listed on the dashboard; the rest are counted."""


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
        "child_impacts": tx.child_impacts.list(),
        "feedback": tx.feedback.list(),
        "pilots": tx.pilots.list(),
        "progress": tx.checklist.done(),
    }
    if personal:
        records["personal_data"] = tx.personal_data.list()
    return records


def read_loop(tx: Any, programme: Any, today: Any) -> dict[str, Any]:
    """The loop's summary, each subject's state and which were told back only a pending
    (interim) answer, from the store (called while it is open)."""
    from ..loop.queries import interim_ids, loop_summary

    summary = loop_summary(tx.conn, programme.loop_limits, today, open_limit=OPEN_LIMIT)
    states = {sid: state for sid, (state, _since) in tx.commissions.states().items()}
    states.update({sid: state for sid, (state, _since) in tx.ideas.states().items()})
    return {"summary": summary, "states": states, "interim": interim_ids(tx.conn)}


def read_barometer(tx: Any, programme: Any, pm: Any, folder: Any) -> dict[str, Any] | None:
    """The published barometer tables per language (and under ``rounds`` each round's label
    given at import), or None with no survey rounds."""
    from ..errors import YhteiskehitysError
    from ..measure import registry
    from ..measure.results import measure

    rounds = tx.surveys.rounds()
    if not rounds:
        return None
    instruments = registry.instruments(pm, folder) if pm is not None else {}
    try:
        tables: dict[str, Any] = {
            lang: measure(
                tx.surveys,
                instruments,
                k=programme.disclosure_threshold,
                lang=lang,
                stickers=tx.stickers,
            )
            for lang in ("fi", "sv", "en")
        }
        tables["rounds"] = {r.name: r.label for r in rounds}  # labels given at import
        return tables
    except YhteiskehitysError as exc:
        return {"error": str(exc)}


def read_budgets(tx: Any, pm: Any, today: date) -> list[dict[str, Any]]:
    """Every decided budget's outcome and explanations (see :mod:`.decisions`)."""
    from .decisions import read_budgets as read

    return read(tx, pm, today)


def read_elections(tx: Any, pm: Any, threshold: int) -> list[dict[str, Any]]:
    """Every published election's result as page data; counted but unpublished ones are left
    out, so no page can show them."""
    from ..decide.elections.results import published_result

    out = []
    for election_id in tx.elections.ids():
        result = published_result(tx, pm, election_id, threshold=threshold)
        if result is not None:
            out.append(result.as_data())
    return out


def load_snapshot(
    *,
    folder: Path,
    programme: Programme,
    template: ModelTemplate,
    url: str | None,
    pm: Any = None,
    today: date | None = None,
    personal: bool = False,
    figures: bool = False,
) -> Records:
    """The snapshot of one programme: its configuration, and the records of the store at
    ``url`` (None: no store yet). ``figures`` adds the loop's figures and the barometer (with
    the instruments the plugin manager ``pm`` offers); ``personal`` adds names and contacts."""
    today = today or date.today()
    loaded: dict[str, Any] = {}
    if url is not None:
        from .. import catalogue
        from ..store import open_store

        converter = catalogue.converter(pm) if pm is not None else None
        with open_store(url, converter=converter) as store, store.read() as tx:
            loaded = read_all(tx, personal=personal)
            if figures:
                loaded["loop"] = read_loop(tx, programme, today)
                loaded["barometer"] = read_barometer(tx, programme, pm, folder)
                if pm is not None:
                    loaded["budgets"] = read_budgets(tx, pm, today)
                    loaded["elections"] = read_elections(tx, pm, programme.disclosure_threshold)
                    from .budget_data import budget_outcomes

                    loaded["budget_outcomes"] = budget_outcomes(loaded["budgets"])
    # The model's labels of its own words stand beside the programme's, which win.
    import attrs

    from ..model.vocabulary import with_model_labels

    labelled = with_model_labels(programme.vocabulary, template.vocabulary)
    if labelled != programme.vocabulary:
        programme = attrs.evolve(programme, vocabulary=labelled)
    return Records(
        programme=programme, template=template, today=today, folder=Path(folder), **loaded
    )
