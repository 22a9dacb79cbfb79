"""``yk loop`` output: the summary as a table for people, JSON for programs, CSV for spreadsheets.

Formatting only; every figure comes computed in :class:`~yhteiskehitys.loop.stats.LoopSummary`.
The CSV is long ("tidy"): one figure per row as ``section,kind,key,measure,value``, so one file
holds every table and a spreadsheet pivots it as it likes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date

from ..model.loop_states import KINDS
from .stats import GroupFigures, LoopSummary


def rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def headline(s: LoopSummary) -> list[str]:
    return [
        f"Feedback loop on {s.today.isoformat()} (actor answers within {s.respond_days} days "
        f"of delivery; group told within {s.report_back_days} days of the answer)",
        f"Closure rate {rate(s.closure_rate)} ({s.closed} of {s.delivered} delivered told back "
        f"a final answer)   open {s.open}   overdue {s.overdue}",
        *(
            [f"  of the open, {s.interim} told back a pending answer (interim; awaiting the final)"]
            if s.interim
            else []
        ),
    ]


def _group_table(title: str, groups: tuple[GroupFigures, ...], none_label: str) -> list[str]:
    if not groups:
        return []
    rows = [[title, "total", "delivered", "closed", "open", "overdue", "closure"]]
    rows += [
        [
            g.key or none_label,
            str(g.total),
            str(g.delivered),
            str(g.closed),
            str(g.open),
            str(g.overdue),
            rate(g.closure_rate),
        ]
        for g in groups
    ]
    return ["", *_columns(rows)]


def as_table(s: LoopSummary) -> str:
    out = headline(s)
    out += ["", "Open loops (overdue first, then oldest)"]
    if s.open_loops:
        rows = [["kind", "id", "stage", "since", "age", "due", "overdue"]]
        rows += [
            [
                o.kind,
                o.id,
                o.state,
                o.since.isoformat(),
                f"{o.age_days}d",
                o.due.isoformat() if o.due else "—",
                f"OVERDUE: {o.reason}" if o.overdue else "",
            ]
            for o in s.open_loops
        ]
        out += _columns(rows)
    else:
        out.append("  none")
    out += ["", "Per state"]
    for kind in KINDS:
        out.append(f"  {kind}: " + " · ".join(f"{k} {v}" for k, v in s.counts[kind].items()))
    if s.interim:
        out.append(f"  reported_back includes {s.interim} told a pending answer (open)")
    out += ["", "Median days per stage (completed stays)"]
    rows = [["kind", "stage", "n", "median days"]]
    rows += [[t.kind, t.stage, str(t.n), days(t.median_days)] for t in s.stages]
    out += _columns(rows)
    out += _group_table("theme", s.by_theme, "(no theme)")
    out += _group_table("actor", s.by_actor, "(not routed)")
    return "\n".join(out)


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def as_json(s: LoopSummary) -> str:
    return json.dumps(_plain(s.as_dict()), ensure_ascii=False, indent=2)


def _figures(s: LoopSummary) -> Iterator[tuple[str, str, str, str, object]]:
    yield ("summary", "", "", "today", s.today.isoformat())
    measures = ("respond_days", "report_back_days", "delivered", "closed", "interim", "overdue")
    for measure in (*measures, "open"):
        yield ("summary", "", "", measure, getattr(s, measure))
    yield ("summary", "", "", "closure_rate", s.closure_rate)
    for kind in KINDS:
        for state, n in s.counts[kind].items():
            yield ("state", kind, state, "count", n)
    for t in s.stages:
        yield ("stage", t.kind, t.stage, "n", t.n)
        yield ("stage", t.kind, t.stage, "median_days", t.median_days)
    for section, groups in (("theme", s.by_theme), ("actor", s.by_actor)):
        for g in groups:
            for measure in ("total", "delivered", "closed", "open", "overdue", "closure_rate"):
                yield (section, "", g.key or "", measure, getattr(g, measure))
    for o in s.open_loops:
        yield ("open_loop", o.kind, o.id, "state", o.state)
        yield ("open_loop", o.kind, o.id, "since", o.since.isoformat())
        yield ("open_loop", o.kind, o.id, "due", o.due.isoformat() if o.due else None)
        yield ("open_loop", o.kind, o.id, "overdue", o.reason if o.overdue else "")


def as_csv(s: LoopSummary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "kind", "key", "measure", "value"])
    for row in _figures(s):
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue()


FORMATS = {"table": as_table, "json": as_json, "csv": as_csv}
