"""Survey rounds and answers in the store (``tx.surveys``): streamed all-or-nothing imports and
the aggregates (counts, sums, sums of squares) the statistics are computed from.

Every aggregate is one SQL statement over ``survey_responses``, grouped in the database, so
PostgreSQL or SQLite does the heavy part and Python only sees a few rows per round and group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa
from attrs import evolve, field, frozen

from ..errors import ConfigError, YhteiskehitysError
from .schema import (
    SURVEY_MAX_DIMENSIONS,
    SURVEY_MAX_ITEMS,
    survey_imports,
    survey_responses,
    survey_rounds,
)

if TYPE_CHECKING:
    from ..measure.instrument import Instrument
    from .core import Transaction
    from .round_groups import RoundGroup

BATCH = 5_000
_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"

Moments3 = tuple[int, float, float]


@frozen
class Round:
    id: int
    name: str
    instrument: str
    instrument_version: str
    items: tuple[str, ...]
    dimensions: tuple[str, ...]
    label: dict[str, str] | None = field(default=None, eq=False)
    """The label given at import, by language; None: reports derive one from ``name``."""


class ScoredAnswer(NamedTuple):
    """One respondent's answers as the store keeps them, already validated and scored.

    ``scores`` holds one score per dimension of the instrument, in order, then the total; a
    score is None when too few of its items were answered. The measurement package makes these
    (:mod:`yhteiskehitys.measure.importing`); the store only writes them.
    """

    group: str
    line: int
    respondent_key: str | None
    age_band: str | None
    area: str | None
    answered_at: datetime | None
    points: Sequence[int | None]
    scores: Sequence[float | None]


@frozen
class ImportResult:
    round: str
    rows: int
    groups: dict[str, int]
    import_id: int
    unit: str = "respondents"  # or "stickers", for a sticker tally


def item_column(position: int) -> str:
    return f"p{position + 1:02d}"


def dimension_column(position: int) -> str:
    return f"d{position + 1:02d}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _triples(values: Sequence[Any]) -> list[Moments3]:
    """A result row's (count, sum, sum of squares) columns as triples; SQL's NULL sums are 0."""
    return [
        (int(values[i] or 0), float(values[i + 1] or 0.0), float(values[i + 2] or 0.0))
        for i in range(0, len(values), 3)
    ]


class SurveyRepo:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        self.conn = tx.conn

    # --- rounds ---------------------------------------------------------------------------

    def rounds(self) -> list[Round]:
        rows = self.conn.execute(sa.select(survey_rounds).order_by(survey_rounds.c.id))
        return [
            Round(r.id, r.name, r.instrument, r.instrument_version, tuple(r.items),
                  tuple(r.dimensions), dict(r.label) if r.label else None)
            for r in rows
        ]  # fmt: skip

    def round(self, name: str) -> Round:
        for found in self.rounds():
            if found.name == name:
                return found
        known = ", ".join(r.name for r in self.rounds()) or "none yet"
        raise YhteiskehitysError(f"no survey round {name!r} in the store (rounds: {known})")

    def ensure_round(
        self,
        name: str,
        instrument: Instrument,
        group: str | None = None,
        source: str = "",
        label: dict[str, str] | None = None,
    ) -> Round:
        """The round ``name``, created for ``instrument`` if new. A round holds several
        instruments, one per group: ``group``, when given, must not have answered the round
        with another instrument (groups read from a file are checked as they are imported).
        ``label`` (by language) sets the label reports show, also on an existing round."""
        from .round_groups import groups_of, refuse_other_instrument

        self.tx.require_write()
        existing = {r.name: r for r in self.rounds()}
        if name in existing:
            found = existing[name]
            if group is not None:
                known = groups_of(self.conn, [found.id]).get((found.id, group))
                refuse_other_instrument(known, instrument, name, source or name)
            if label and label != found.label:
                self.conn.execute(
                    survey_rounds.update().where(survey_rounds.c.id == found.id).values(label=label)
                )
                self.tx.audit.record(
                    "update", "survey_round", name, {"label": found.label}, {"label": label}
                )
                found = evolve(found, label=label)
            return found
        if len(instrument.items) > SURVEY_MAX_ITEMS:
            raise YhteiskehitysError(f"an instrument may have at most {SURVEY_MAX_ITEMS} items")
        if len(instrument.dimensions) > SURVEY_MAX_DIMENSIONS:
            raise YhteiskehitysError(
                f"an instrument may have at most {SURVEY_MAX_DIMENSIONS} dimensions"
            )
        values = {
            "name": name,
            "instrument": instrument.name,
            "instrument_version": instrument.version,
            "items": list(instrument.item_ids()),
            "dimensions": [d.id for d in instrument.dimensions],
            "created": datetime.now(UTC),
        }
        if label:
            values["label"] = label
        self.conn.execute(survey_rounds.insert().values(**values))
        self.tx.audit.record("create", "survey_round", name, None, {
            k: v for k, v in values.items() if k != "created"
        })  # fmt: skip
        return self.round(name)

    # --- import ---------------------------------------------------------------------------

    def import_rows(
        self,
        round_: Round,
        instrument: Instrument,
        rows: Iterable[ScoredAnswer],
        *,
        reader: str,
        source: Path,
        progress: Callable[[], None] | None = None,
    ) -> ImportResult:
        """Write every row of ``rows`` into ``round_``, or nothing: a respondent key seen twice
        in the round, or a file already imported, raises :class:`ConfigError` listing each
        problem by line, and so does whatever the stream of rows raises (a bad row); the
        caller's transaction then rolls back."""
        self.tx.require_write()
        sha = file_sha256(source)
        self._refuse_repeat(round_, sha, source.name)
        inserted = self.conn.execute(
            survey_imports.insert().values(
                round=round_.id, at=datetime.now(UTC), operator=self.tx.operator, reader=reader,
                source=source.name, sha256=sha, rows=0,
            )
        ).inserted_primary_key  # fmt: skip
        assert inserted is not None  # a single-row INSERT always reports its key
        import_id = inserted[0]
        n_items, n_dims = len(instrument.items), len(instrument.dimensions)
        columns = [
            "round", "grp", "import_id", "line", "respondent_key", "age_band", "area",
            "answered_at", "score",
            *(item_column(i) for i in range(n_items)),
            *(dimension_column(i) for i in range(n_dims)),
        ]  # fmt: skip
        sql = self._insert_sql(columns)
        sqlite = self.conn.dialect.name == "sqlite"
        batch: list[tuple[Any, ...]] = []
        groups: dict[str, int] = {}
        count = 0
        for row in rows:
            scores = row.scores
            answered = row.answered_at
            if answered is not None and sqlite:
                answered = answered.strftime(_SQLITE_TIME)  # type: ignore[assignment]
            batch.append((
                round_.id, row.group, import_id, row.line, row.respondent_key, row.age_band,
                row.area, answered, scores[-1], *row.points, *scores[:-1],
            ))  # fmt: skip
            groups[row.group] = groups.get(row.group, 0) + 1
            count += 1
            if len(batch) >= BATCH:
                self.conn.exec_driver_sql(sql, batch)
                batch.clear()
                if progress:
                    progress()
        if batch:
            self.conn.exec_driver_sql(sql, batch)
        if count == 0:
            raise ConfigError([f"{source.name}: line 2: no answers after the header"])
        self._refuse_duplicate_keys(round_, import_id, source.name)
        from .round_groups import register

        register(self.tx, round_.id, round_.name, instrument, groups, source.name)
        self.conn.execute(
            survey_imports.update().where(survey_imports.c.id == import_id).values(rows=count)
        )
        self.tx.audit.record("import", "survey_round", round_.name, None, {
            "source": source.name, "sha256": sha, "reader": reader, "rows": count,
            "groups": groups, "import": import_id,
        })  # fmt: skip
        return ImportResult(round_.name, count, groups, import_id)

    def _insert_sql(self, columns: Sequence[str]) -> str:
        style = self.conn.dialect.paramstyle
        marks = ", ".join("?" if style == "qmark" else "%s" for _ in columns)
        return f"INSERT INTO survey_responses ({', '.join(columns)}) VALUES ({marks})"

    def _refuse_repeat(self, round_: Round, sha: str, name: str) -> None:
        earlier = self.conn.execute(
            sa.select(survey_imports.c.source, survey_imports.c.at).where(
                survey_imports.c.round == round_.id, survey_imports.c.sha256 == sha
            )
        ).first()
        if earlier is not None:
            raise ConfigError([
                f"{name}: this file was already imported into round {round_.name!r} "
                f"(as {earlier.source} on {earlier.at:%Y-%m-%d}); nothing was imported"
            ])  # fmt: skip

    def _refuse_duplicate_keys(self, round_: Round, import_id: int, name: str) -> None:
        """A respondent answers a round once: find keys seen twice, in SQL (no key set in
        memory), and name the lines."""
        r = survey_responses
        twice = (
            sa.select(r.c.respondent_key)
            .where(r.c.round == round_.id, r.c.respondent_key.is_not(None))
            .group_by(r.c.respondent_key)
            .having(sa.func.count() > 1)
        )
        clashes: Sequence[tuple[str, int, int, str]] = self.conn.execute(
            sa.select(r.c.respondent_key, r.c.import_id, r.c.line, survey_imports.c.source)
            .join(survey_imports, survey_imports.c.id == r.c.import_id)
            .where(r.c.round == round_.id, r.c.respondent_key.in_(twice))
            .order_by(r.c.respondent_key, r.c.import_id, r.c.line)
            .limit(1000)
        ).all()
        if not clashes:
            return
        problems: list[str] = []
        first: dict[str, str] = {}
        for key, imp, line, source in clashes:
            where = f"line {line}" if imp == import_id else f"{source} line {line}"
            if key in first:
                if imp == import_id:
                    problems.append(
                        f"{name}: line {line}: respondent key {key!r} answered round "
                        f"{round_.name!r} already ({first[key]})"
                    )
            else:
                first[key] = where
        problems.append(f"{name}: respondent keys twice in a round; nothing was imported")
        raise ConfigError(problems)

    # --- aggregates -----------------------------------------------------------------------

    def moments(
        self, round_ids: Sequence[int], columns: Sequence[str]
    ) -> dict[tuple[int, str], list[Moments3]]:
        """n, sum and sum of squares of each column, per (round, group), non-null values only."""
        r = survey_responses
        selected: list[Any] = [r.c.round, r.c.grp]
        for name in columns:
            col = r.c[name]
            selected += [sa.func.count(col), sa.func.sum(col), sa.func.sum(col * col)]
        query = sa.select(*selected).where(r.c.round.in_(round_ids)).group_by(r.c.round, r.c.grp)
        out: dict[tuple[int, str], list[Moments3]] = {}
        for row in self.conn.execute(query):
            out[(row[0], row[1])] = _triples(row[2:])
        return out

    def distribution(
        self, round_ids: Sequence[int], columns: Sequence[str], points: int
    ) -> dict[tuple[int, str], list[list[int]]]:
        """How many chose each scale point of each item column, per (round, group)."""
        r = survey_responses
        selected: list[Any] = [r.c.round, r.c.grp]
        for name in columns:
            for p in range(1, points + 1):
                selected.append(sa.func.sum(sa.case((r.c[name] == p, 1), else_=0)))
        query = sa.select(*selected).where(r.c.round.in_(round_ids)).group_by(r.c.round, r.c.grp)
        out: dict[tuple[int, str], list[list[int]]] = {}
        for row in self.conn.execute(query):
            counts = [int(v or 0) for v in row[2:]]
            out[(row[0], row[1])] = [counts[i : i + points] for i in range(0, len(counts), points)]
        return out

    def complete_cases(
        self, round_ids: Sequence[int], columns: Sequence[str], reverse: Sequence[bool], points: int
    ) -> dict[tuple[int, str], tuple[list[Moments3], Moments3]]:
        """For Cronbach's alpha: over respondents who answered every column, each item's moments
        and the moments of their (reverse-coded) sum."""
        r = survey_responses
        scored = [
            (points + 1 - r.c[name]) if rev else r.c[name]
            for name, rev in zip(columns, reverse, strict=True)
        ]
        total = sum(scored[1:], scored[0])
        selected: list[Any] = [r.c.round, r.c.grp]
        for col in [*scored, total]:
            selected += [sa.func.count(), sa.func.sum(col), sa.func.sum(col * col)]
        query = (
            sa.select(*selected)
            .where(r.c.round.in_(round_ids), *(r.c[name].is_not(None) for name in columns))
            .group_by(r.c.round, r.c.grp)
        )
        out = {}
        for row in self.conn.execute(query):
            triples = _triples(row[2:])
            out[(row[0], row[1])] = (triples[:-1], triples[-1])
        return out

    def panel(self, before: int, after: int, columns: Sequence[str]) -> dict[str, list[Moments3]]:
        """Per group, moments of each column's change for respondents whose key links the two
        rounds (in the same group both times)."""
        a, b = survey_responses.alias("a"), survey_responses.alias("b")
        selected: list[Any] = [b.c.grp]
        for name in columns:
            diff = b.c[name] - a.c[name]
            selected += [sa.func.count(diff), sa.func.sum(diff), sa.func.sum(diff * diff)]
        query = (
            sa.select(*selected)
            .select_from(a.join(b, sa.and_(
                b.c.respondent_key == a.c.respondent_key, b.c.round == after, b.c.grp == a.c.grp
            )))
            .where(a.c.round == before, a.c.respondent_key.is_not(None))
            .group_by(b.c.grp)
        )  # fmt: skip
        out = {}
        for row in self.conn.execute(query):
            out[row[0]] = _triples(row[1:])
        return out

    def groups(self, round_ids: Sequence[int]) -> dict[tuple[int, str], RoundGroup]:
        """Each group of the rounds with the instrument it answered, by (round id, group)."""
        from .round_groups import groups_of

        return groups_of(self.conn, round_ids)

    def has_keys(self, round_id: int) -> bool:
        r = survey_responses
        query = sa.select(r.c.id).where(r.c.round == round_id, r.c.respondent_key.is_not(None))
        return self.conn.execute(query.limit(1)).first() is not None
