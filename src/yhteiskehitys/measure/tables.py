"""Text, JSON and CSV of published tables. These functions accept only
:class:`~yhteiskehitys.measure.disclosure.PublishedTable`, which only the disclosure gate makes;
a withheld figure prints as ``<k``."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from typing import Any

from .disclosure import Cell, Derived, PublishedTable, Suppressed


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


def _text(value: Cell | Derived | Suppressed | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Suppressed):
        return str(value)
    v = value.values
    if isinstance(value, Cell):
        if not value.n:
            return "–"
        if "stickers" in v:  # a sticker tally: a count, never a mean
            return str(value.n)
        if "percent" in v:
            return f"{value.n} ({_num(v['percent'], 0)} %)"
        text = f"{_num(v.get('mean'))} [{_num(v.get('low'))}, {_num(v.get('high'))}] n={value.n}"
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


def as_text(tables: Sequence[PublishedTable]) -> str:
    _require(tables)
    out: list[str] = []
    for table in tables:
        cols = (*table.cols, *table.derived_cols)
        rows = [(r, [_text(table.cells.get((r, c))) for c in cols]) for r in table.rows]
        rows += [(r, [_text(table.cells.get((r, c))) for c in cols]) for r in table.derived_rows]
        first = max([len(r) for r, _ in rows] + [0])
        widths = [max([len(c)] + [len(cells[i]) for _, cells in rows]) for i, c in enumerate(cols)]
        out.append(table.title)
        out.append(
            "  ".join(
                [" " * first, *(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
            ).rstrip()
        )
        for name, cells in rows:
            line = [name.ljust(first), *(v.ljust(w) for v, w in zip(cells, widths, strict=True))]
            out.append("  ".join(line).rstrip())
        out.append("")
    if tables:
        k = tables[0].k
        if not all(_is_stickers(t) for t in tables):
            out.append(f"Mean [95 % CI]; <{k} = fewer than {k} respondents, or hidden so that "
                       "such a group cannot be worked out from the others.")  # fmt: skip
        if any(_is_stickers(t) for t in tables):
            out.append(f"Stickers on each face; <{k} = fewer than {k} stickers, or hidden so "
                       "that such a count cannot be worked out from the others.")  # fmt: skip
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


def as_data(tables: Sequence[PublishedTable]) -> dict[str, Any]:
    _require(tables)
    return {
        "disclosure_threshold": tables[0].k if tables else None,
        "tables": [
            {
                "title": t.title,
                "columns": [*t.cols, *t.derived_cols],
                "note": t.note,
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


def as_json(tables: Sequence[PublishedTable]) -> str:
    return json.dumps(as_data(tables), ensure_ascii=False, indent=2)


def as_csv(tables: Sequence[PublishedTable]) -> str:
    """Tidy CSV: one line per table, row, column and statistic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "row", "column", "statistic", "value"])
    for table in as_data(tables)["tables"]:
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
