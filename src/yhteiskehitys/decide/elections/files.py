"""The election's CSV files: the roll in, paper tallies in. Every problem names file and line.

Files are UTF-8 (a byte-order mark is fine), separated by commas or semicolons (as spreadsheet
programs in Finland save them). Nothing is returned unless the whole file is sound, so a bad
line stores nothing.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ...errors import ConfigError, FieldValueError
from .model import ONLINE, Voter
from .rules import RuleTextError, parse_yes_no

ROLL_COLUMNS = ("voter", "birth_year", "municipality", "studying", "school")
BALLOT_COLUMNS = ("place", "candidate", "votes")


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError([f"{path}: file not found"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            [f"{name}: line {line}: not UTF-8 text; save the file as UTF-8"]
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().casefold() for h in next(reader)]
    except StopIteration:
        raise ConfigError(
            [f"{name}: the file is empty; the header is {','.join(columns)}"]
        ) from None
    missing = [c for c in columns if c not in header]
    if missing:
        raise ConfigError(
            [
                f"{name}: line 1: missing column(s) {', '.join(missing)}; "
                f"the header must be {','.join(columns)}"
            ]
        )
    out = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise ConfigError(
                [f"{name}: line {line}: {len(cells)} fields, but the header has {len(header)}"]
            )
        out.append((line, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    return out


def read_roll(path: Path) -> list[Voter]:
    """The voters of a roll file ``voter,birth_year,municipality,studying,school``.

    An empty cell is an unknown fact (the rules that need it refuse the voter, saying why).
    """
    name = path.name
    voters: list[Voter] = []
    seen: dict[str, int] = {}
    problems: list[str] = []
    for line, row in _rows(path, ROLL_COLUMNS):
        where = f"{name}: line {line}"
        voter = row["voter"]
        if voter in seen:
            problems.append(
                f"{where}: voter {voter!r} is given twice (first on line {seen[voter]})"
            )
            continue
        seen[voter] = line
        try:
            birth_year = int(row["birth_year"]) if row["birth_year"] else None
            studying = parse_yes_no(row["studying"], "studying") if row["studying"] else None
            voters.append(
                Voter(
                    voter=voter,
                    birth_year=birth_year,
                    municipality=row["municipality"] or None,
                    studying=studying,
                    school=row["school"] or None,
                )
            )
        except FieldValueError as exc:
            problems.append(f"{where}: {exc.field}: {exc.message}")
        except RuleTextError as exc:
            problems.append(f"{where}: {exc}")
        except ValueError:
            problems.append(
                f"{where}: birth_year: expected a year such as 2009 (got {row['birth_year']!r})"
            )
    if problems:
        raise ConfigError(problems)
    if not voters:
        raise ConfigError([f"{name}: no voters below the header"])
    return voters


def read_ballots(path: Path) -> tuple[dict[str, dict[str, int]], dict[tuple[str, str], int]]:
    """Paper tallies ``place,candidate,votes``: votes per polling place and candidate, and
    the line each ``(place, candidate)`` was on (so a later check can name it)."""
    name = path.name
    tallies: dict[str, dict[str, int]] = {}
    lines: dict[tuple[str, str], int] = {}
    problems: list[str] = []
    for line, row in _rows(path, BALLOT_COLUMNS):
        where = f"{name}: line {line}"
        place, candidate = row["place"], row["candidate"]
        if not place or not candidate:
            problems.append(f"{where}: place and candidate are required")
            continue
        if place == ONLINE:
            problems.append(
                f"{where}: place: {ONLINE!r} is the coded votes' place; name the polling place"
            )
            continue
        if (place, candidate) in lines:
            first = lines[(place, candidate)]
            problems.append(
                f"{where}: {place} / {candidate} is given twice (first on line {first})"
            )
            continue
        lines[(place, candidate)] = line
        try:
            votes = int(row["votes"])
        except ValueError:
            problems.append(f"{where}: votes: expected a whole number (got {row['votes']!r})")
            continue
        if votes < 0:
            problems.append(f"{where}: votes: must not be negative (got {votes})")
            continue
        tallies.setdefault(place, {})[candidate] = votes
    if problems:
        raise ConfigError(problems)
    if not tallies:
        raise ConfigError([f"{name}: no tallies below the header"])
    return tallies, lines
