"""Text, JSON and CSV of published tables. These functions accept only
:class:`~yhteiskehitys.measure.disclosure.PublishedTable`, which only the disclosure gate makes.

A withheld figure says why: ``<k`` when its own group is smaller than k, ``hidden`` when it
would let such a group be worked out. An interval clipped to the scale is marked ``†``, and a
negative or low Cronbach's alpha gets a one-line note under its table; the legend and notes are
in the language asked for (see :mod:`.wording`)."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from typing import Any

from . import wording
from .disclosure import Cell, Derived, PublishedTable, Suppressed
from .wording import say


def _require(tables: Sequence[PublishedTable]) -> None:
    for table in tables:
        if not isinstance(table, PublishedTable):
            raise TypeError("only published tables may be rendered; pass them through publish()")


def _num(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float) and math.isinf(value):
        return "∞"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def _text(value: Cell | Derived | Suppressed | None, lang: str = "en") -> str:
    if value is None:
        return ""
    if isinstance(value, Suppressed):
        return str(value) if value.primary else say(wording.HIDDEN_WORD, lang)
    v = value.values
    if isinstance(value, Cell):
        if not value.n:
            return "–"
        if "stickers" in v:  # a sticker tally: a count, never a mean
            return str(value.n)
        if "percent" in v:
            return f"{value.n} ({_num(v['percent'], 0)} %)"
        mark = "†" if v.get("clipped") else ""
        text = (
            f"{_num(v.get('mean'))} [{_num(v.get('low'))}, {_num(v.get('high'))}]{mark} n={value.n}"
        )
        if "estimate" in v:  # a panel cell: the mean change
            text = f"{_num(v['estimate']):>5} [{_num(v['low'])}, {_num(v['high'])}] n={value.n}"
        if "alpha" in v:
            text += f" α={_num(v['alpha'], 2)}"
        return text
    p = "<0.001" if v["p"] < 0.001 else _num(v["p"], 3)
    text = f"{_num(v['estimate']):>5} [{_num(v['low'])}, {_num(v['high'])}] p={p}"
    if "g" in v:
        text += f" g={_num(v['g'], 2)}"
    return text


def _scale(value: float) -> str:
    return f"{value:g}"


def notes(table: PublishedTable, lang: str = "en") -> list[str]:
    """One line for each negative or low Cronbach's alpha of the table, in ``lang``."""
    out = []
    for (row, col), cell in table.cells.items():
        alpha = cell.values.get("alpha") if isinstance(cell, Cell) else None
        if alpha is None or math.isnan(alpha) or alpha >= wording.LOW_ALPHA:
            continue
        where = f"{row}, {col}"
        text = wording.NEGATIVE_ALPHA if alpha < 0 else wording.LOW_ALPHA_NOTE
        out.append(say(text, lang, where=where, alpha=_num(alpha, 2).replace("-", "−"),
                       limit=wording.LOW_ALPHA))  # fmt: skip
    return out


def legend(tables: Sequence[PublishedTable], lang: str = "en") -> list[str]:
    """What the marks in the tables mean: suppression of each kind and clipped intervals,
    and a sticker tally's counts."""
    cells = [cell for t in tables for cell in t.cells.values()]
    k = tables[0].k if tables else 0
    lines = []
    if not all(_is_stickers(t) for t in tables):
        lines += [say(wording.MEAN_CI, lang), say(wording.PRIMARY, lang, k=k)]
    if any(_is_stickers(t) for t in tables):  # a sticker tally: counts, never a mean
        lines.append(say(wording.STICKERS, lang, k=k))
    if any(isinstance(c, Suppressed) and not c.primary for c in cells):
        lines.append(say(wording.SECONDARY, lang))
    clipped = {
        (c.values["scale_low"], c.values["scale_high"])
        for c in cells
        if isinstance(c, Cell) and c.values.get("clipped")
    }
    for low, high in sorted(clipped):
        lines.append(say(wording.CLIPPED, lang, low=_scale(low), high=_scale(high)))
    return lines


def as_text(tables: Sequence[PublishedTable], lang: str = "en") -> str:
    _require(tables)
    out: list[str] = []
    for table in tables:
        cols = (*table.cols, *table.derived_cols)

        rows = [
            (r, [_text(table.cells.get((r, c)), lang) for c in cols])
            for r in (*table.rows, *table.derived_rows)
        ]
        first = max([len(r) for r, _ in rows] + [0])
        widths = [max([len(c)] + [len(cells[i]) for _, cells in rows]) for i, c in enumerate(cols)]
        out.append(table.title)
        out.append(
            "  ".join(
                [" " * first, *(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
            ).rstrip()
        )
        for name, cells in rows:
            text = [name.ljust(first), *(v.ljust(w) for v, w in zip(cells, widths, strict=True))]
            out.append("  ".join(text).rstrip())
        out.extend(notes(table, lang))
        out.append("")
    if tables:
        out.extend(legend(tables, lang))
    return "\n".join(out)


def _is_stickers(table: PublishedTable) -> bool:
    return any(isinstance(c, Cell) and "stickers" in c.values for c in table.cells.values())


def _plain(value: Cell | Derived | Suppressed) -> Any:
    if isinstance(value, Suppressed):
        return str(value)
    values = {
        k: (None if isinstance(v, float) and not math.isfinite(v) else v)
        for k, v in value.values.items()
    }
    return {"n": value.n, **values} if isinstance(value, Cell) else values


def as_data(tables: Sequence[PublishedTable], lang: str = "en") -> dict[str, Any]:
    _require(tables)
    return {
        "disclosure_threshold": tables[0].k if tables else None,
        "legend": legend(tables, lang) if tables else [],
        "tables": [
            {
                "title": t.title,
                "columns": [*t.cols, *t.derived_cols],
                "note": t.note,
                "notes": notes(t, lang),
                "rows": [
                    {
                        "row": r,
                        "cells": {
                            c: _plain(t.cells[(r, c)])
                            for c in (*t.cols, *t.derived_cols)
                            if (r, c) in t.cells
                        },
                    }
                    for r in (*t.rows, *t.derived_rows)
                ],
            }
            for t in tables
        ],
    }


def as_json(tables: Sequence[PublishedTable], lang: str = "en") -> str:
    return json.dumps(as_data(tables, lang), ensure_ascii=False, indent=2)


def as_csv(tables: Sequence[PublishedTable], lang: str = "en") -> str:
    """Tidy CSV: one line per table, row, column and statistic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "row", "column", "statistic", "value"])
    for table in as_data(tables, lang)["tables"]:
        for row in table["rows"]:
            for col, cell in row["cells"].items():
                if isinstance(cell, str):
                    writer.writerow([table["title"], row["row"], col, "suppressed", cell])
                    continue
                for stat, value in cell.items():
                    writer.writerow([table["title"], row["row"], col, stat,
                                     "" if value is None else value])  # fmt: skip
    return buffer.getvalue()


FORMATS = {"table": as_text, "json": as_json, "csv": as_csv}
