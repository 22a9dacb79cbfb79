"""``show`` and ``list`` of commissions and ideas: a closed loop lists no next step, and every
one of them judges deadlines on ``--today`` (library: ``today=``)."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhteiskehitys import open_programme

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kehittajaryhma" / "programme.toml"


def at(day: int, month: int = 3) -> datetime:
    return datetime(2024, month, day, 9, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Commission c1 answered and told back (closed); idea i1 delivered on 3 March, waiting."""
    shutil.copy(EXAMPLE, tmp_path / "programme.toml")
    with open_programme(tmp_path, operator="tester") as prog:
        prog.actors.add("kela", name="Kela", organisation="kela", organisation_name="Kela")
        prog.commissions.new(
            "c1", title="Verkkopalvelu", question="Mikä auttaa?", actor="kela", at=at(1)
        )
        prog.commissions.start("c1", at=at(2))
        prog.findings.add("f1", subject="c1", text="Selkokieli", recorded=date(2024, 3, 2))
        prog.commissions.document("c1", at=at(3))
        prog.commissions.deliver("c1", at=at(4))
        prog.commissions.respond(
            "c1",
            outcome="adopted",
            decided_by="Kela",
            change="Selkokieli",
            decision_text="Otetaan käyttöön",
            at=at(5),
        )
        prog.commissions.report_back("c1", channel="meeting", text="Kerrottu", at=at(6))
        prog.ideas.new("i1", title="Chat", at=at(1))
        prog.ideas.route("i1", "kela", at=at(2))
        prog.ideas.deliver("i1", at=at(3))
    return tmp_path


def test_library_show_and_list_on_a_closed_loop_and_by_today(folder):
    with open_programme(folder) as prog:
        shown = "\n".join(prog.commissions.show("c1", today=date(2024, 6, 1)))
        assert "next: none (the loop is closed)" in shown and "due:" not in shown
        idea = "\n".join(prog.ideas.show("i1", today=date(2024, 4, 2)))
        assert "next: responded" in idea and "due: respond by 2024-04-02" in idea
        assert "OVERDUE" not in idea
        assert "OVERDUE" in "\n".join(prog.ideas.show("i1", today=date(2024, 4, 3)))
        (c1,) = prog.commissions.list(today=date(2024, 6, 1))
        assert (c1.closed, c1.due, c1.overdue) == (True, None, None)
        (i1,) = prog.ideas.list(today=date(2024, 4, 2))
        assert (i1.closed, i1.due, i1.overdue) == (False, date(2024, 4, 2), None)
        (i1,) = prog.ideas.list(today=date(2024, 4, 3))
        assert i1.overdue.startswith("no response 31 days after delivery")


def test_cli_show_and_list_take_today(folder, yk):
    out = yk("commission", "show", "c1", folder, "--today", "2024-06-01").stdout
    assert "next: none (the loop is closed)" in out
    out = yk("idea", "show", "i1", folder, "--today", "2024-04-03").stdout
    assert "next: responded" in out and "OVERDUE: no response 31 days" in out
    out = yk("commission", "list", folder, "--today", "2024-06-01").stdout
    assert "c1" in out and "closed" in out and "OVERDUE" not in out
    assert "OVERDUE" not in yk("idea", "list", folder, "--today", "2024-04-02").stdout
    out = yk("idea", "list", folder, "--today", "2024-04-03").stdout
    assert "due 2024-04-02" in out and "OVERDUE" in out
