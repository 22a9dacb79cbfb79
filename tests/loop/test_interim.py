"""A pending answer told back is an interim message: the loop stays open (issue: loop semantics).

Through the library (``open_programme``) and through the installed ``yk``: the report-back
says whether the loop closed, ``show`` lists the right next step, and every figure of ``yk loop``
counts the subject open until the group is told the final answer.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhteiskehitys import open_programme

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kehittajaryhma" / "programme.toml"
TODAY = date(2024, 4, 10)


def at(day: int, month: int = 3) -> datetime:
    return datetime(2024, month, day, 9, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An idea answered straight away with a pending answer, and the group told of it."""
    shutil.copy(EXAMPLE, tmp_path / "programme.toml")
    with open_programme(tmp_path, operator="tester") as prog:
        prog.themes.add("tyo", title="Työelämä")
        prog.actors.add(
            "nuoriso", name="Nuorisopalvelut", organisation="hva", organisation_name="HVA"
        )
        prog.ideas.new("i1", title="Iltavuoro", channel="event", theme="tyo", at=at(1))
        prog.ideas.route("i1", "nuoriso", at=at(2))
        prog.ideas.deliver("i1", at=at(3))
        prog.ideas.respond(
            "i1",
            outcome="pending",
            decided_by="Lautakunta",
            follow_up=date(2024, 5, 1),
            decision_text="Päätetään toukokuussa",
            at=at(4),
        )
    return tmp_path


def test_pending_told_back_keeps_the_loop_open_in_the_library(folder):
    with open_programme(folder, operator="tester") as prog:
        told = prog.ideas.report_back("i1", channel="email", text="Päätös toukokuussa", at=at(5))
        assert (told.closed, told.follow_up, told.to_state) == (
            False,
            date(2024, 5, 1),
            "reported_back",
        )
        s = prog.loop_summary(today=TODAY)
        assert (s.closed, s.open, s.interim, s.delivered, s.closure_rate) == (0, 1, 1, 1, 0.0)
        assert [o.id for o in s.open_loops] == ["i1"]
        assert s.open_loops[0].due == date(2024, 5, 1) and not s.open_loops[0].overdue
        assert s.by_theme[0].closed == 0 and s.by_theme[0].open == 1
        lines = "\n".join(prog.ideas.show("i1", today=TODAY))
        assert "next: responded" in lines and "the loop closes when they are told" in lines
        assert "due: follow_up by 2024-05-01" in lines
        from yhteiskehitys.render.figures import loop_figures

        site = loop_figures(prog.snapshot(today=TODAY, figures=True), "en")
        assert site.states["i1"] == "waiting for an answer" and site.closure_rate == "0%"
        assert dict(row[:2] for row in site.chart.rows).get("told back to the group") == "0"
        late = prog.loop_summary(today=date(2024, 5, 2))
        assert late.overdue == 1 and late.open_loops[0].overdue
        assert open_status(prog, date(2024, 5, 2)) == "Feedback loop: 1 open, 1 overdue"

        prog.ideas.respond(
            "i1",
            outcome="adopted",
            decided_by="Lautakunta",
            change="Iltavuoro kokeiluun",
            decision_text="Päätös 30.4.",
            at=at(30, 4),
        )
        told = prog.ideas.report_back("i1", channel="email", text="Otettiin käyttöön", at=at(2, 5))
        assert told.closed and told.follow_up is None
        s = prog.loop_summary(today=TODAY)
        assert (s.closed, s.open, s.interim, s.closure_rate, s.open_loops) == (1, 0, 0, 1.0, ())
        lines = "\n".join(prog.ideas.show("i1", today=TODAY))
        assert "next: none (the loop is closed)" in lines and "due:" not in lines


def open_status(prog, today: date) -> str:
    return next(line for line in prog.status(today=today) if line.startswith("Feedback loop"))


def test_pending_told_back_keeps_the_loop_open_on_the_command_line(folder, yk):
    r = yk(
        "idea",
        "report-back",
        "i1",
        folder,
        "--channel",
        "email",
        "--text",
        "Toukokuussa",
        "--at",
        "2024-03-05",
    )
    assert r.returncode == 0, r.stderr
    assert "the loop is closed" not in r.stdout and "stays open" in r.stdout
    assert "2024-05-01" in r.stdout
    data = json.loads(yk("loop", folder, "--today", TODAY, "--format", "json").stdout)
    assert (data["closed"], data["open"], data["interim"], data["closure_rate"]) == (0, 1, 1, 0.0)
    assert [o["id"] for o in data["open_loops"]] == ["i1"]
    table = yk("loop", folder, "--today", TODAY).stdout
    assert "(0 of 1 delivered told back a final answer)" in table and "open 1" in table
    out = yk("idea", "show", "i1", folder, "--today", TODAY).stdout
    assert "next: responded" in out
    r = yk(
        "idea",
        "respond",
        "i1",
        folder,
        "--outcome",
        "not_adopted",
        "--decided-by",
        "Lk",
        "--reason",
        "Ei rahaa",
        "--decision-text",
        "Ei",
        "--at",
        "2024-04-20",
    )
    assert r.returncode == 0, r.stderr
    r = yk(
        "idea",
        "report-back",
        "i1",
        folder,
        "--channel",
        "email",
        "--text",
        "Ei",
        "--at",
        "2024-04-21",
    )
    assert "the loop is closed" in r.stdout
    data = json.loads(yk("loop", folder, "--today", TODAY, "--format", "json").stdout)
    assert (data["closed"], data["open"], data["interim"]) == (1, 0, 0)
    out = yk("idea", "show", "i1", folder, "--today", TODAY).stdout
    assert "next: none (the loop is closed)" in out
