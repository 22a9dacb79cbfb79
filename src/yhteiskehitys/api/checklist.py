"""Progress through the model's phases (``yk checklist``): read it, mark items done."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from attrs import frozen

from .build import today_utc

if TYPE_CHECKING:
    from ..model.progress import PhaseProgress
    from .programme import OpenProgramme


@frozen
class ChecklistResult:
    """The phases with their marks, and what this call changed."""

    phases: list[PhaseProgress]
    marked: list[str]
    """Items marked done now (not those marked before)."""
    moved_from_file: list[str]
    """Items moved into the store from an earlier ``checklist.toml``."""


class ChecklistVerbs:
    """``programme.checklist``: progress is kept in the store, one audited mark per item.

    A ``checklist.toml`` left by an earlier version is moved into the store the first time the
    checklist is used with a store, or when an item is marked.
    """

    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme

    def progress(self, *, lang: str | None = None) -> ChecklistResult:
        """The phases with their marks."""
        return self.mark_done((), lang=lang)

    def mark_done(
        self, items: Iterable[str], *, on: date | None = None, lang: str | None = None
    ) -> ChecklistResult:
        """Mark ``items`` done on ``on`` (default today) by the programme's operator; unknown
        items are refused together, before anything is written."""
        from ..checklist import (
            CHECKLIST_FILE,
            check_items,
            import_file,
            mark_done,
            progress_by_phase,
            read_file,
        )

        prog = self.programme
        template = prog.template
        wanted = check_items(template, items)
        exists = prog.has_store
        write = bool(wanted)
        if (prog.folder / CHECKLIST_FILE).exists():
            # Without a store, a broken file stops here before a store is made for it.
            write = write or exists or bool(read_file(prog.folder))
        progress: dict = {}
        moved: list[str] = []
        marked: list[str] = []
        if write:
            with prog.transaction() as tx:
                moved = import_file(tx, prog.folder)
                marked = mark_done(tx, template, wanted, today_utc(on)) if wanted else []
                progress = tx.checklist.done()
        elif exists:
            with prog.read() as tx:
                progress = tx.checklist.done()
        phases = progress_by_phase(template, progress, prog.language(lang))
        return ChecklistResult(phases=phases, marked=marked, moved_from_file=moved)
