"""Progress through a model's phases: a checklist item marked done, and a phase's items."""

from __future__ import annotations

from datetime import date

from attrs import frozen


@frozen
class Done:
    """A checklist item marked done: on which day, by whom."""

    on: date
    by: str


@frozen
class PhaseProgress:
    """One phase's items, each with its mark or ``None``."""

    phase: str
    title: str
    items: tuple[tuple[str, str, Done | None], ...]

    @property
    def done(self) -> int:
        return sum(1 for _, _, d in self.items if d is not None)

    @property
    def total(self) -> int:
        return len(self.items)
