"""Checks over a programme, contributed through ``yk_checks`` and run by ``yk validate``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import define, field, frozen

from .model._validate import identifier, one_of

if TYPE_CHECKING:
    from .model import ModelTemplate, Programme

SEVERITIES = ("error", "warning")


@frozen(kw_only=True)
class Problem:
    """One finding of a check; ``record`` names the record it concerns, when there is one."""

    check: str
    message: str
    severity: str = field(default="error", validator=one_of(*SEVERITIES))
    record: str | None = None

    def __str__(self) -> str:
        where = f" [{self.record}]" if self.record else ""
        return f"{self.severity}: {self.check}{where}: {self.message}"


@define(kw_only=True)
class CheckContext:
    """What a check may look at. ``store`` is opened on first use, for checks over records."""

    programme: Programme
    template: ModelTemplate
    folder: Path
    extra: dict[str, Any] = field(factory=dict)


@frozen(kw_only=True)
class Check:
    """A named check; ``run`` yields problems, or nothing when all is well."""

    name: str = field(validator=identifier)
    description: str
    run: Callable[[CheckContext], Iterable[Problem]]


def run_checks(checks: Iterable[Check], context: CheckContext) -> list[Problem]:
    """Run every check; a check that crashes is itself reported, so one bad plugin cannot hide
    the others' findings."""
    problems: list[Problem] = []
    for check in checks:
        try:
            problems.extend(check.run(context))
        except Exception as exc:  # noqa: BLE001 - a plugin's bug becomes a finding
            problems.append(
                Problem(check=check.name, message=f"the check itself failed: {exc!r}")
            )
    return problems
