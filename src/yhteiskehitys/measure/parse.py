"""From an opened export to validated answer rows: which column is which item or role, and what
each cell means on the scale. Every bad row is reported with its line number and the reason.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from attrs import frozen

from ..errors import ConfigError
from ..model._validate import ID_PATTERN
from .instrument import Instrument
from .readers.base import Reader, normalise
from .readers.mapping import ColumnMapping
from .readers.tabular import DATE_FORMATS, TextTable, parse_datetime, parse_number

ROLE_NAMES = {
    "respondent_key": ("respondent_key", "respondent", "vastaajatunnus", "tunnus", "key"),
    "age_band": ("age_band", "age group", "ikäryhmä", "ikä", "åldersgrupp"),
    "area": ("area", "alue", "asuinalue", "område"),
    "group": ("group", "ryhmä", "vastaajaryhmä", "grupp"),
}
UNKNOWN = object()
MAX_KEY = 64
TEXT_LIMITS = {"age_band": 32, "area": 64}
"""What the store's columns hold on every backend (a test keeps these equal to the schema);
longer is refused by line, before anything is written."""
GROUP_LIMIT = 32


class AnswerRow(NamedTuple):
    """One respondent's answers as given: points 1..n in the instrument's item order, None for
    no answer; background as it was when answering (never looked up later). A named tuple:
    an import makes one per respondent, so creating it must be cheap."""

    line: int
    group: str
    respondent_key: str | None
    age_band: str | None
    area: str | None
    answered_at: datetime | None
    points: tuple[int | None, ...]


@frozen
class RowProblem:
    line: int
    message: str


class ColumnPlan:
    """Which column holds which item or role, decided once from the header."""

    def __init__(
        self,
        header: list[str],
        instrument: Instrument,
        reader: Reader,
        mapping: ColumnMapping,
        source: str,
    ) -> None:
        self.width = len(header)
        self.items: list[int | None] = [None] * len(instrument.items)
        self.roles: dict[str, int] = {}
        problems: list[str] = []
        by_header = {normalise(h): i for i, h in enumerate(header)}
        item_index = {item.id: i for i, item in enumerate(instrument.items)}
        taken: dict[int, str] = {}

        def claim(column: int, what: str) -> None:
            if column in taken and taken[column] != what:
                problems.append(
                    f"{source}: line 1: column {header[column]!r} is mapped to both "
                    f"{taken[column]} and {what}"
                )
            taken[column] = what

        for target, wanted in mapping.columns.items():
            column = by_header.get(normalise(wanted))
            if target not in item_index and target not in (*ROLE_NAMES, "answered_at"):
                problems.append(
                    f"{source}: mapping: columns.{target}: not an item of {instrument.name!r} "
                    f"nor one of {', '.join([*ROLE_NAMES, 'answered_at'])}"
                )
            elif column is None:
                problems.append(
                    f"{source}: line 1: no column {wanted!r} (mapped to {target}); "
                    f"columns are: {', '.join(header)}"
                )
            elif target in item_index:
                self.items[item_index[target]] = column
                claim(column, f"item {target}")
            else:
                self.roles[target] = column
                claim(column, target)

        ignored = {normalise(n) for n in (*reader.ignore, *mapping.ignore)}
        stamps = {normalise(n) for n in reader.timestamp}
        texts: dict[str, str] = {}
        for item in instrument.items:
            for text in (item.id, item.text.fi, item.text.sv, item.text.en):
                if text:
                    texts.setdefault(normalise(text), item.id)
        for column, name in enumerate(header):
            if column in taken:
                continue
            key = normalise(name)
            if not name.strip() or key in ignored:
                continue
            role = next((r for r, names in ROLE_NAMES.items() if key in names), None)
            if role is None and key in stamps:
                role = "answered_at"
            if role is not None and role not in self.roles:
                self.roles[role] = column
                claim(column, role)
                continue
            found = next((texts[k] for k in reader.header_keys(name) if k in texts), None)
            if found is None:
                problems.append(
                    f"{source}: line 1: unknown column {name!r}: not an item of "
                    f"{instrument.name!r}; map it in a mapping file ([columns]) or list it "
                    "in ignore"
                )
            elif self.items[item_index[found]] is not None:
                problems.append(f"{source}: line 1: two columns for item {found}: {name!r}")
            else:
                self.items[item_index[found]] = column
                claim(column, f"item {found}")
        for item, column in zip(instrument.items, self.items, strict=True):
            if column is None:
                problems.append(
                    f"{source}: line 1: missing column for item {item.id} "
                    f"({item.text.fi!r}); map it in a mapping file ([columns])"
                )
        if problems:
            raise ConfigError(problems)


def answer_codec(
    instrument: Instrument, reader: Reader, mapping: ColumnMapping
) -> dict[str, object]:
    """Every text meaning a scale point (or no answer), keyed as :func:`normalise` leaves it."""
    scale = instrument.scale
    codec: dict[str, object] = {}
    for point in range(1, scale.points + 1):
        codec[str(point)] = point
    for point, label in enumerate(scale.labels, start=1):
        for text in (label.fi, label.sv, label.en):
            if text:
                codec[normalise(text)] = point
                codec[normalise(f"{point} {text}")] = point
                codec[normalise(f"{point} = {text}")] = point
    for point, symbol in enumerate(scale.symbols, start=1):
        codec[symbol] = point
    for text, point in reader.answer_codes(scale.points).items():
        codec[normalise(text)] = point
    for text, point in mapping.answers.items():
        codec[normalise(text)] = point
    for text in (*scale.missing, *mapping.missing):
        codec[normalise(text)] = None
    codec[""] = None
    return codec


def parse_rows(
    table: TextTable,
    instrument: Instrument,
    reader: Reader,
    mapping: ColumnMapping,
    group: str | None,
    source: str,
) -> Iterator[AnswerRow | RowProblem]:
    """Validated rows, or a problem per bad row; the caller decides that one problem means
    nothing is imported. Raises :class:`ConfigError` for a header that cannot be used."""
    plan = ColumnPlan(table.header, instrument, reader, mapping, source)
    if group is None and "group" not in plan.roles:
        raise ConfigError(
            [f"{source}: give --group, or map a group column in the mapping file ([columns] group)"]
        )
    codec = answer_codec(instrument, reader, mapping)
    points = instrument.scale.points
    item_ids = instrument.item_ids()
    roles = plan.roles
    key_col, age_col, area_col = (roles.get(r) for r in ("respondent_key", "age_band", "area"))
    group_col, time_col = roles.get("group"), roles.get("answered_at")
    formats = (mapping.date_format, *DATE_FORMATS) if mapping.date_format else DATE_FORMATS
    width = plan.width
    pick = operator.itemgetter(*plan.items) if len(plan.items) > 1 else None
    lookup = codec.get
    for line, row in table.rows:
        if len(row) != width:
            yield RowProblem(line, f"expected {width} fields as in the header, found {len(row)}")
            continue
        raw_values = pick(row) if pick else (row[plan.items[0]],)  # type: ignore[index]
        got = [lookup(raw, UNKNOWN) for raw in raw_values]
        errors: list[str] = []
        if UNKNOWN in got:
            got = [
                g if g is not UNKNOWN else _slow_answer(raw, codec, points)
                for g, raw in zip(got, raw_values, strict=True)
            ]
            for i, (g, raw) in enumerate(zip(got, raw_values, strict=True)):
                if g is UNKNOWN:
                    errors.append(
                        f"{item_ids[i]}: unknown answer {raw.strip()!r} (expected 1-{points}, "
                        "a label of the scale, or a don't-know answer)"
                    )
        values = got
        key = _text(row, key_col)
        if key is not None and ("@" in key or len(key) > MAX_KEY):
            errors.append(
                "respondent key must be a pseudonymous code of at most 64 characters, "
                "not an e-mail address or a name"
            )
        for role, column in (("age_band", age_col), ("area", area_col)):
            text = _text(row, column)
            if text is not None and len(text) > TEXT_LIMITS[role]:
                errors.append(f"{role}: at most {TEXT_LIMITS[role]} characters (got {len(text)})")
        row_group = group
        if group_col is not None and (value := _text(row, group_col)) is not None:
            row_group = mapping.groups.get(value, value)
        if row_group is None or not ID_PATTERN.match(row_group) or len(row_group) > GROUP_LIMIT:
            errors.append(f"group {row_group!r} is not a group name; map it in [groups]")
        answered = None
        if time_col is not None and (stamp := _text(row, time_col)) is not None:
            try:
                answered = parse_datetime(stamp, formats)
            except ValueError as exc:
                errors.append(f"{exc}; set date_format in the mapping file")
        if errors:
            yield RowProblem(line, "; ".join(errors))
            continue
        assert row_group is not None  # a missing group is one of the errors above
        yield AnswerRow(
            line,
            row_group,
            key,
            _text(row, age_col),
            _text(row, area_col),
            answered,
            tuple(values),  # type: ignore[arg-type]
        )


def _slow_answer(raw: str, codec: dict[str, object], points: int) -> object:
    """Loose matching when the exact text is not known: case, spacing, decimal commas."""
    got = codec.get(normalise(raw), UNKNOWN)
    if got is UNKNOWN:
        number = parse_number(raw)
        if number is not None and number.is_integer() and 1 <= number <= points:
            got = int(number)
    return got


def _text(row: list[str], column: int | None) -> str | None:
    if column is None:
        return None
    value = row[column].strip()
    return value or None
