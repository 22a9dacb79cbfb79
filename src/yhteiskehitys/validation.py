"""Validate a programme folder: its configuration, then every registered check.

The one entry point for ``yk validate`` and for embedders, so both run the same checks with
the same store and the same day.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

if TYPE_CHECKING:
    import pluggy

    from .checks import Problem


@frozen
class Validation:
    """What ``validate`` found: how many checks ran and the problems they reported."""

    checks: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    def failed(self, *, strict: bool = False) -> bool:
        """Errors fail a programme; with ``strict`` warnings do too."""
        return self.errors > 0 or (strict and self.warnings > 0)


def validate(
    folder: Path | str,
    pm: pluggy.PluginManager,
    *,
    today: date | None = None,
    database: str | None = None,
) -> Validation:
    """Read ``programme.toml`` (raising ConfigError with every problem when it cannot), then run
    every check the built-ins and plugins contribute, over the programme's store when it has
    one. ``today`` is the day time limits are judged on (default: today, UTC)."""
    from . import catalogue
    from .checks import CheckContext, run_checks
    from .folder import ProgrammeFolder

    folder = Path(folder)
    opened = ProgrammeFolder.open(folder, pm)
    when: dict[str, Any] = {"today": today} if today else {}  # else the context's default
    context = CheckContext(
        programme=opened.programme,
        template=opened.template,
        folder=folder,
        database=database,
        converter=catalogue.converter(pm),
        **when,
    )
    checks = catalogue.checks(pm)
    try:
        problems = run_checks(checks, context)
    finally:
        context.close()
    return Validation(checks=len(checks), problems=tuple(problems))
