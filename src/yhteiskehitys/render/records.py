"""Everything a report reads, loaded once: the programme, its model, and its records.

Reports never query the store page by page; :func:`records_from_store` loads what they need in
one pass and the pages are built from this snapshot.
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
    from ..checklist import PhaseProgress
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


@frozen(kw_only=True)
class Records:
    """A read-only snapshot of one programme for the reports."""

    programme: Programme
    template: ModelTemplate
    today: date
    folder: Path | None = None
    progress: dict[str, Any] = field(factory=dict)
    """Checklist progress from the store: item id → :class:`~yhteiskehitys.checklist.Done`."""
    themes: tuple[Theme, ...] = field(default=(), converter=as_tuple)
    commissions: tuple[Commission, ...] = field(default=(), converter=as_tuple)
    ideas: tuple[Idea, ...] = field(default=(), converter=as_tuple)
    sessions: tuple[Session, ...] = field(default=(), converter=as_tuple)
    findings: tuple[Finding, ...] = field(default=(), converter=as_tuple)
    responses: tuple[Response, ...] = field(default=(), converter=as_tuple)
    report_backs: tuple[Any, ...] = field(default=(), converter=as_tuple)
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


def load_records(
    opened: Any,
    state: Any = None,
    today: date | None = None,
    *,
    personal: bool = False,
    figures: bool = False,
) -> Records:
    """The snapshot of a programme folder: its configuration, checklist and stored records."""
    folder = Path(opened.path)
    from .store_records import from_store

    today = today or date.today()
    loaded = from_store(opened, state, personal=personal, figures=figures, today=today)
    return Records(
        programme=opened.programme,
        template=opened.template,
        today=today,
        folder=folder,
        **loaded,
    )
