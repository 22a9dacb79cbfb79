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
    """What a check may look at; a check reads it and never changes it.

    - ``programme``: the :class:`~yhteiskehitys.model.Programme` read from ``programme.toml``,
      with the model's settings filled in where the file leaves them out.
    - ``template``: the :class:`~yhteiskehitys.model.ModelTemplate` the programme follows
      (its roles, session kinds, methods, phases and checklist, loop limits).
    - ``folder``: the programme folder (:class:`pathlib.Path`), for checks over its own files
      such as ``instruments/`` or ``templates/``.
    - ``extra``: free-form values an embedder passes to its own checks; the core sets none.
    - ``today``: the day time limits are judged on (``validate(today=)``,
      ``yk validate --today``); today in UTC by default.
    - ``database``: the store the caller named, overriding ``YK_DATABASE_URL`` and the
      programme's ``database_url``; None to follow that order (see ``store.url.resolve``).
    - ``converter``: the converter built with the plugins' eligibility rules, used to open the
      store; None means the built-in rules only.
    - ``store``: the programme's :class:`~yhteiskehitys.store.Store`, opened on first use;
      read it with ``with ctx.store.read() as tx:``. None when the programme has no store yet
      (so no records to check); the conformance kit always gives an empty one.
    """

    programme: Programme
    template: ModelTemplate
    folder: Path
    extra: dict[str, Any] = field(factory=dict)
    today: date = field(factory=lambda: datetime.now(UTC).date())
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
