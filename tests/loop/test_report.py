"""The three output formats of ``yk loop`` carry the same figures."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from yhteiskehitys.loop.report import as_csv, as_json, as_table
from yhteiskehitys.loop.stats import SubjectRow, summarise

ROWS = [
    SubjectRow(
        kind="commission",
        id="c1",
        state="delivered",
        since=date(2024, 4, 1),
        actor="kela",
        theme="tyo",
    ),
    SubjectRow(kind="idea", id="i1", state="reported_back", since=date(2024, 5, 1)),
]
S = summarise(ROWS, [], respond_days=30, report_back_days=14, today=date(2024, 6, 1))


def test_table_flags_the_overdue_step_and_the_rate():
    text = as_table(S)
    assert "Closure rate 50% (1 of 2 delivered told back a final answer)" in text
    assert "OVERDUE: no response 61 days after delivery (31 days late)" in text
    assert "(no theme)" in text and "(not routed)" in text


def test_json_and_csv_agree():
    data = json.loads(as_json(S))
    assert data["closure_rate"] == 0.5 and data["overdue"] == 1
    assert data["open_loops"][0]["due"] == "2024-05-01"
    rows = list(csv.DictReader(io.StringIO(as_csv(S))))
    figures = {(r["section"], r["kind"], r["key"], r["measure"]): r["value"] for r in rows}
    assert figures[("summary", "", "", "closure_rate")] == "0.5"
    assert figures[("state", "commission", "delivered", "count")] == "1"
    assert figures[("actor", "", "kela", "overdue")] == "1"
    assert figures[("open_loop", "commission", "c1", "overdue")].startswith("no response")
