"""Reading and writing pabulib ``.pb`` files (https://pabulib.org/format).

A file has three sections, each a ``;``-separated table under a header row: ``META``
(``key;value``), ``PROJECTS`` (``project_id;cost;…``) and ``VOTES`` (``voter_id;vote;…``).
The reader runs the checks of pabulib's own checker (see :mod:`.pabulib_checks`) and stops at the
first problem with :class:`~.errors.PabulibError` (``FILE: line N: reason``); nothing half-read
is ever returned. ``write_pabulib`` is its inverse: reading what it wrote gives an equal election.
"""

from __future__ import annotations

import csv
import gc
import io
from pathlib import Path

from . import pabulib_checks as checks
from .election import Ballot, Election, Project, format_number, parse_number
from .errors import PabulibError

SECTIONS = ("meta", "projects", "votes")


def read_pabulib(path: str | Path) -> Election:
    """Read and check one ``.pb`` file; errors name the file by its name as given."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PabulibError(str(path), None, "no such file") from None
    except UnicodeDecodeError as exc:
        raise PabulibError(str(path), None, f"not UTF-8 text ({exc.reason})") from None
    return read_pabulib_text(text, source=str(path))


def read_pabulib_text(text: str, *, source: str = "<text>") -> Election:
    """Read and check the text of a ``.pb`` file; ``source`` names it in errors."""
    # A city's file is ~10^5 ballots of small objects and no reference cycles: the cyclic
    # garbage collector would only rescan them again and again, so it waits until the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read(text, source)
    finally:
        if enabled:
            gc.enable()


def _read(text: str, source: str) -> Election:
    lines = text.splitlines()
    tables = {}
    for name, first, last in _sections(source, lines):
        rows = csv.reader(lines[first:last], delimiter=";")
        header_line = None
        body: list[tuple[int, list[str]]] = []
        for row in rows:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            line = first + rows.line_num
            if header_line is None:
                header = [h.strip() for h in row]
                checks.check_header(source, line, name, header)
                header_line = line
                continue
            body.append((line, row))
        if header_line is None:
            raise PabulibError(source, first, f"section {name.upper()} has no header")
        tables[name] = (header_line, header, body)
    meta = _read_meta(source, *tables["meta"])
    projects = _read_projects(source, meta, *tables["projects"])
    ballots = _read_votes(source, meta, projects, *tables["votes"])
    election = Election(meta=meta, projects=tuple(projects), ballots=tuple(ballots), source=source)
    checks.check_tallies(source, election, [line for line, _ in tables["projects"][2]])
    return election


def _sections(source: str, lines: list[str]) -> list[tuple[str, int, int]]:
    """``(name, first line index after the title, end index)`` of each section, in file order."""
    found: list[tuple[str, int]] = []
    for index, line in enumerate(lines):
        if len(line) <= 12 or not found:
            word = line.strip().strip(";").strip().lower()
            if word in SECTIONS:
                if any(name == word for name, _ in found):
                    raise PabulibError(source, index + 1, f"section {word.upper()} appears twice")
                found.append((word, index + 1))
            elif not found and word:
                raise PabulibError(
                    source, index + 1, "text before the first section; a .pb file starts with META"
                )
    if not found and any(line.strip() for line in lines):
        raise PabulibError(source, 1, "text before the first section; a .pb file starts with META")
    names = [name for name, _ in found]
    for name in SECTIONS:
        if name not in names:
            raise PabulibError(source, None, f"section {name.upper()} is missing")
    if names != list(SECTIONS):
        raise PabulibError(
            source,
            found[1][1],
            "sections come in the order META, PROJECTS, VOTES, not "
            + ", ".join(n.upper() for n in names),
        )
    ends = [start - 1 for _, start in found[1:]] + [len(lines)]
    return [(name, start, end) for (name, start), end in zip(found, ends, strict=True)]


def _read_meta(
    source: str, head_line: int, header: list[str], rows: list[tuple[int, list[str]]]
) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line, row in rows:
        if len(row) != 2:
            raise PabulibError(
                source, line, f"a META row has two fields (key;value), this one has {len(row)}"
            )
        key, value = row[0].strip(), row[1].strip()
        if key in meta:
            raise PabulibError(source, line, f"META key {key!r} appears twice")
        meta[key] = value
    checks.check_meta(source, head_line, meta, {r[0].strip(): line for line, r in rows})
    return meta


def _cells(source: str, line: int, header: list[str], row: list[str], what: str) -> None:
    if len(row) != len(header):
        raise PabulibError(
            source,
            line,
            f"{what} row has {len(row)} fields but the header has {len(header)} "
            f"({';'.join(header)})",
        )


def _read_projects(
    source: str, meta: dict[str, str], head_line: int, header: list[str], rows
) -> list[Project]:
    projects: list[Project] = []
    seen: set[str] = set()
    cost_at = header.index("cost")
    rest = [(i, h) for i, h in enumerate(header) if i not in (0, cost_at)]
    for line, row in rows:
        _cells(source, line, header, row, "a PROJECTS")
        pid = row[0].strip()
        if not pid:
            raise PabulibError(source, line, "project_id is empty")
        if pid in seen:
            raise PabulibError(source, line, f"project {pid} appears twice")
        seen.add(pid)
        cost = checks.number(source, line, f"cost of project {pid}", row[cost_at])
        if cost < 0:
            raise PabulibError(source, line, f"cost of project {pid} is negative ({cost})")
        fields = {h: row[i].strip() for i, h in rest}
        checks.check_project(source, line, meta, pid, fields)
        projects.append(Project(id=pid, cost=cost, fields=fields))
    if not projects:
        raise PabulibError(source, head_line, "PROJECTS has no projects")
    return projects


def _read_votes(
    source: str, meta: dict[str, str], projects: list[Project], head_line, header, rows
) -> list[Ballot]:
    vote_at = header.index("vote")
    points_at = header.index("points") if "points" in header else None
    rest = [(i, h) for i, h in enumerate(header) if i not in (0, vote_at, points_at)]
    check = checks.BallotCheck(source, meta, {p.id: p.cost for p in projects})
    ballots: list[Ballot] = []
    lines: list[int] = []
    width = len(header)
    rest_at = [i for i, _ in rest]
    rest_names = [h for _, h in rest]
    make = Ballot
    ballot_checks = check.ballot
    for line, row in rows:
        if len(row) != width:
            _cells(source, line, header, row, "a VOTES")
        voter = row[0]
        if not voter.strip():
            raise PabulibError(source, line, "voter_id is empty")
        raw = row[vote_at]
        if " " in raw:
            raw = raw.strip()
            vote = tuple(v.strip() for v in raw.split(",")) if raw else ()
        else:
            vote = tuple(raw.split(",")) if raw else ()
        points = None
        if points_at is not None:
            raw = row[points_at].strip()
            points = tuple(_points(source, line, voter, raw)) if raw else ()
        ballot_checks(line, voter, vote, points)
        ballots.append(
            make(
                voter_id=voter,
                vote=vote,
                points=points,
                fields=dict(zip(rest_names, [row[i] for i in rest_at], strict=True)),
            )
        )
        lines.append(line)
    if len({b.voter_id for b in ballots}) != len(ballots):
        seen: set[str] = set()
        for b, line in zip(ballots, lines, strict=True):
            if b.voter_id in seen:
                raise PabulibError(source, line, f"voter {b.voter_id} appears twice")
            seen.add(b.voter_id)
    check.finish(ballots, lines)
    return ballots


def _points(source: str, line: int, voter: str, raw: str):
    for text in raw.split(","):
        if text.isascii() and text.isdigit() and len(text) <= 18:  # the common case, quickly
            yield int(text)
        else:
            yield checks.number(source, line, f"points of voter {voter}", text)


def write_pabulib(election: Election) -> str:
    """The text of a ``.pb`` file; :func:`read_pabulib_text` reads it back as an equal election."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    out.write("META\n")
    w.writerow(["key", "value"])
    for key, value in election.meta.items():
        w.writerow([key, value])
    out.write("PROJECTS\n")
    columns = _columns(p.fields for p in election.projects)
    w.writerow(["project_id", "cost", *columns])
    for p in election.projects:
        w.writerow([p.id, format_number(p.cost), *(p.fields.get(c, "") for c in columns)])
    out.write("VOTES\n")
    has_points = any(b.points is not None for b in election.ballots)
    columns = _columns(b.fields for b in election.ballots)
    w.writerow(["voter_id", "vote", *(["points"] if has_points else []), *columns])
    for b in election.ballots:
        row = [b.voter_id, ",".join(b.vote)]
        if has_points:
            row.append(",".join(format_number(x) for x in b.points or ()))
        row.extend(b.fields.get(c, "") for c in columns)
        w.writerow(row)
    return out.getvalue()


def _columns(dicts) -> list[str]:
    seen: dict[str, None] = {}
    for d in dicts:
        for k in d:
            seen.setdefault(k, None)
    return list(seen)


__all__ = ["parse_number", "read_pabulib", "read_pabulib_text", "write_pabulib"]
