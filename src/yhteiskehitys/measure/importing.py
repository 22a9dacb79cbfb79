"""Reading a survey export into validated answer rows, all or nothing.

:func:`read_export` streams an export through a reader; :func:`check_all` is the dry run that
collects every problem. Writing to the store is in :mod:`yhteiskehitys.store.surveys`, which
consumes the same stream inside one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ConfigError
from .instrument import Instrument
from .parse import AnswerRow, RowProblem, parse_rows
from .readers.base import Reader
from .readers.mapping import ColumnMapping

MAX_REPORTED = 200
"""Problems listed before the rest are only counted, so a wrong file does not flood the screen."""


@contextmanager
def read_export(
    path: Path,
    instrument: Instrument,
    reader: Reader,
    mapping: ColumnMapping | None = None,
    group: str | None = None,
) -> Iterator[Iterator[AnswerRow | RowProblem]]:
    """Open ``path`` and yield its rows, validated; the file is closed on leaving the block."""
    mapping = mapping or ColumnMapping()
    table = reader.open(path, mapping)
    try:
        yield parse_rows(table, instrument, reader, mapping, group, path.name)
    finally:
        table.close()


def problem_lines(source: str, problems: list[RowProblem], total: int) -> list[str]:
    lines = [f"{source}: line {p.line}: {p.message}" for p in problems[:MAX_REPORTED]]
    if total > len(lines):
        lines.append(f"{source}: ... and {total - len(lines)} more bad rows")
    lines.append(f"{source}: {total} bad row(s); nothing was imported")
    return lines


def check_all(
    path: Path,
    instrument: Instrument,
    reader: Reader,
    mapping: ColumnMapping | None = None,
    group: str | None = None,
) -> list[AnswerRow]:
    """Every row of ``path``, or :class:`ConfigError` listing every bad row (for small files
    and tests; the store's import streams instead of holding rows)."""
    rows: list[AnswerRow] = []
    problems: list[RowProblem] = []
    with read_export(path, instrument, reader, mapping, group) as stream:
        for row in stream:
            (problems if isinstance(row, RowProblem) else rows).append(row)  # type: ignore[arg-type]
    if problems:
        raise ConfigError(problem_lines(path.name, problems, len(problems)))
    if not rows:
        raise ConfigError([f"{path.name}: line 2: no answers after the header"])
    return rows
