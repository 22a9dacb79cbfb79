"""Checks over a programme, contributed through ``yk_checks`` and run by ``yk validate``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import define, field, frozen

from .model._validate import identifier, one_of

if TYPE_CHECKING:
    from .model import ModelTemplate, Programme
    from .store import Store

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
    today: date = field(factory=lambda: datetime.now(UTC).date())
    """The day time limits are judged on (``yk validate --today``), UTC by default."""
    database: str | None = None
    converter: Any = None
    _store: Store | None = field(default=None, init=False, repr=False)

    @property
    def store(self) -> Store | None:
        """The programme's store, opened on first use (read it with ``store.read()``); None
        when the programme has no store yet, so it has no records to check."""
        if self._store is None:
            from .store import open_store
            from .store.url import missing_sqlite_file, resolve

            url = resolve(
                self.folder, database=self.database, programme_url=self.programme.database_url
            )
            if missing_sqlite_file(url) is not None:
                return None
            self._store = open_store(url, converter=self.converter)
        return self._store

    def close(self) -> None:
        """Close the store if a check opened it."""
        if self._store is not None:
            self._store.close()
            self._store = None


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
            problems.append(Problem(check=check.name, message=f"the check itself failed: {exc!r}"))
    return problems
