"""Reading a survey export into validated answer rows, all or nothing.

:func:`read_export` streams an export through a reader; :func:`check_all` is the dry run that
collects every problem. :func:`scored` turns the stream into the scored rows that
:mod:`yhteiskehitys.store.surveys` writes inside one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from .instrument import Instrument
from .parse import AnswerRow, RowProblem, parse_rows
from .readers.base import Reader
from .readers.mapping import ColumnMapping
from .readers.tabular import TextTable
from .scoring import Scorer

if TYPE_CHECKING:
    from ..store import Store
    from ..store.surveys import ImportResult, ScoredAnswer

MAX_REPORTED = 200
"""Problems listed before the rest are only counted, so a wrong file does not flood the screen."""


class RowStream:
    """The validated rows of an open export, and how far into the file they have got."""

    def __init__(self, table: TextTable, rows: Iterator[AnswerRow | RowProblem]) -> None:
        self._table = table
        self._rows = rows

    def __iter__(self) -> Iterator[AnswerRow | RowProblem]:
        return self._rows

    def position(self) -> int:
        return self._table.handle.buffer.tell()  # type: ignore[attr-defined]


@contextmanager
def read_export(
    path: Path,
    instrument: Instrument,
    reader: Reader,
    mapping: ColumnMapping | None = None,
    group: str | None = None,
) -> Iterator[RowStream]:
    """Open ``path`` and yield its rows, validated; the file is closed on leaving the block."""
    mapping = mapping or ColumnMapping()
    table = reader.open(path, mapping)
    try:
        yield RowStream(table, parse_rows(table, instrument, reader, mapping, group, path.name))
    finally:
        table.close()


def problem_lines(source: str, problems: list[RowProblem], total: int) -> list[str]:
    lines = [f"{source}: line {p.line}: {p.message}" for p in problems[:MAX_REPORTED]]
    if total > len(lines):
        lines.append(f"{source}: ... and {total - len(lines)} more bad rows")
    lines.append(f"{source}: {total} bad row(s); nothing was imported")
    return lines


def scored(
    rows: Iterable[AnswerRow | RowProblem], instrument: Instrument, source: str
) -> Iterator[ScoredAnswer]:
    """The rows scored for the store. After the first bad row nothing more is yielded, but the
    rest is still read, so that the :class:`ConfigError` raised at the end lists every bad row
    (and the store's transaction, which consumes this, rolls back)."""
    from ..store.surveys import ScoredAnswer

    scorer = Scorer(instrument)
    problems: list[RowProblem] = []
    n_problems = 0
    for row in rows:
        if isinstance(row, RowProblem):
            n_problems += 1
            if len(problems) < MAX_REPORTED:
                problems.append(row)
            continue
        if n_problems:
            continue  # keep validating, stop writing: nothing will be kept
        yield ScoredAnswer(
            row.group,
            row.line,
            row.respondent_key,
            row.age_band,
            row.area,
            row.answered_at,
            row.points,
            scorer.score(row.points),
        )
    if n_problems:
        raise ConfigError(problem_lines(source, problems, n_problems))


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


def import_export(
    store: Store,
    path: Path,
    *,
    round_name: str,
    instrument: Instrument,
    reader: Reader,
    mapping: ColumnMapping | None = None,
    group: str | None = None,
    progress: Callable[[int], None] | None = None,
    round_label: dict[str, str] | None = None,
) -> ImportResult:
    """Import ``path`` into ``round_name`` in one transaction: every row, or none.

    ``progress`` is called with the bytes read so far, after each batch of rows;
    ``round_label`` (by language) is the round's label for reports.
    """
    if instrument.is_stickers:
        raise ConfigError([
            f"{path.name}: {instrument.name!r} is a sticker board; its tallies are imported as "
            "counts (yhteiskehitys.measure.stickers.import_tally)"
        ])  # fmt: skip
    with store.transaction() as tx, read_export(path, instrument, reader, mapping, group) as rows:
        round_ = tx.surveys.ensure_round(
            round_name, instrument, group, path.name, label=round_label
        )
        report = (lambda: progress(rows.position())) if progress else None
        return tx.surveys.import_rows(
            round_,
            instrument,
            scored(rows, instrument, path.name),
            reader=reader.name,
            source=path,
            progress=report,
        )
