"""Every feedback-loop verb through the installed console script, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from yhteiskehitys.store import open_store

YK = str(Path(sys.executable).parent / "yk")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kehittajaryhma" / "programme.toml"


def yk(folder: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "YK_OPERATOR": "koordinaattori"}
    env.pop("YK_DATABASE_URL", None)
    result = subprocess.run(
        [YK, *args], cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    if ok:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A programme taken through a whole loop with the CLI."""
    d = tmp_path_factory.mktemp("ohjelma")
    shutil.copy(EXAMPLE, d / "programme.toml")
    (d / "files").mkdir()
    (d / "files" / "juliste.pdf").write_bytes(b"%PDF-1.4\n")
    (d / "files" / "paatos.pdf").write_bytes(b"%PDF-1.4\n")
    steps = [
        ["theme", "add", "tyo", "--title", "Työelämä", "--kind", "permanent"],
        ["theme", "add", "mieli", "--title", "Mielen hyvinvointi"],
        ["theme", "add", "orpo", "--title", "Teema ilman toimeksiantoja"],
        [
            "actor",
            "add",
            "tyollisyys",
            "--name",
            "Työllisyyspalvelut",
            "--organisation",
            "hva",
            "--organisation-name",
            "Hyvinvointialue",
            "--theme",
            "tyo",
            "--role",
            "commissioner",
        ],
        [
            "actor",
            "add",
            "nuoriso",
            "--name",
            "Nuorisopalvelut",
            "--organisation",
            "hva",
            "--theme",
            "mieli",
        ],
        ["participant", "add", "p01", "--birth-year", "2000", "--joined", "2024-02-01"],
        ["participant", "add", "p02", "--age-band", "25-29"],
        ["consent", "add", "p01", "--kind", "own", "--given", "2024-02-01"],
        [
            "commission",
            "new",
            "c1",
            "--title",
            "Nuorten työelämä",
            "--question",
            "Mikä auttaa?",
            "--actor",
            "tyollisyys",
            "--theme",
            "tyo",
            "--at",
            "2024-03-01",
        ],
        [
            "commission",
            "new",
            "c2",
            "--title",
            "Luonnos",
            "--question",
            "?",
            "--actor",
            "nuoriso",
            "--draft",
            "--at",
            "2024-03-02",
        ],
        ["commission", "confirm", "c2", "--at", "2024-03-03"],
        ["commission", "start", "c1", "--at", "2024-03-05"],
        [
            "session",
            "add",
            "s1",
            "--date",
            "2024-03-06",
            "--kind",
            "workshop",
            "--method",
            "pair,group_discussion",
            "--facilitator",
            "nuoriso",
            "--attendee",
            "p01",
            "--attendee",
            "p02",
            "--commission",
            "c1",
        ],
        [
            "finding",
            "add",
            "f1",
            "--subject",
            "c1",
            "--text",
            "Joustavat työajat",
            "--session",
            "s1",
            "--artefact",
            "juliste=files/juliste.pdf",
        ],
        ["commission", "document", "c1", "--at", "2024-03-07"],
        ["commission", "deliver", "c1", "--at", "2024-03-08"],
        [
            "commission",
            "respond",
            "c1",
            "--outcome",
            "adopted",
            "--decided-by",
            "Johtoryhmä",
            "--change",
            "Iltavastaanotto kokeiluun",
            "--decision-document",
            "files/paatos.pdf",
            "--at",
            "2024-03-20",
        ],
        [
            "commission",
            "report-back",
            "c1",
            "--channel",
            "email",
            "--text",
            "Kerroimme",
            "--at",
            "2024-03-25",
        ],
        [
            "idea",
            "new",
            "i1",
            "--title",
            "Nuorten tila",
            "--channel",
            "social_media",
            "--theme",
            "mieli",
            "--at",
            "2024-04-01",
        ],
        ["idea", "route", "i1", "--actor", "nuoriso", "--at", "2024-04-02"],
        ["idea", "deliver", "i1", "--at", "2024-04-03"],
        [
            "idea",
            "respond",
            "i1",
            "--outcome",
            "pending",
            "--decided-by",
            "Lautakunta",
            "--follow-up",
            "2024-05-01",
            "--decision-text",
            "Valmistelussa",
            "--at",
            "2024-04-10",
        ],
        ["idea", "new", "i2", "--title", "Pelikerho", "--at", "2024-04-05"],
        ["idea", "route", "i2", "--actor", "nuoriso", "--at", "2024-04-06"],
        ["idea", "start", "i2", "--at", "2024-04-07"],
        [
            "finding",
            "add",
            "f2",
            "--subject",
            "i2",
            "--text",
            "Kerran viikossa",
            "--recorded",
            "2024-04-08",
        ],
        ["idea", "document", "i2", "--at", "2024-04-08"],
        ["idea", "deliver", "i2", "--at", "2024-04-09"],
        [
            "idea",
            "respond",
            "i2",
            "--outcome",
            "not_adopted",
            "--decided-by",
            "Päällikkö",
            "--reason",
            "Ei tiloja",
            "--decision-text",
            "Ei toteuteta",
            "--at",
            "2024-04-12",
        ],
        [
            "idea",
            "report-back",
            "i2",
            "--channel",
            "meeting",
            "--text",
            "Kerroimme",
            "--at",
            "2024-04-13",
        ],
        [
            "feedback",
            "add",
            "fb1",
            "--actor",
            "tyollisyys",
            "--rating",
            "4",
            "--given",
            "2024-05-01",
            "--barrier",
            "Aikataulut #time",
            "--challenge",
            "Tiedonkulku kuntaan #information",
            "--success",
            "Innostus #engagement",
        ],
        [
            "pilot",
            "add",
            "pl1",
            "--title",
            "Iltaryhmä",
            "--goal",
            "Tavoittaa työssäkäyvät",
            "--criterion",
            "10 osallistujaa",
            "--start",
            "2024-03-01",
            "--end",
            "2024-05-31",
        ],
        ["pilot", "evaluate", "pl1", "--finding", "12 osallistujaa keskimäärin"],
        ["pilot", "decide", "pl1", "--decision", "permanent"],
    ]
    for step in steps:
        yk(d, *step)
    return d


def counts(folder: Path) -> tuple:
    with open_store(folder / "yhteiskehitys.db") as store, store.read() as tx:
        return (
            tx.audit.count(),
            tx.commissions.states(),
            tx.ideas.states(),
            tx.responses.count(),
            tx.report_backs.count(),
        )


def test_refused_transition_exits_2_names_states_and_writes_nothing(folder):
    before = counts(folder)
    r = yk(folder, "commission", "report-back", "c2", "--channel", "email", "--text", "x", ok=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "'commissioned'" in r.stderr and "Allowed next: in_work." in r.stderr
    r = yk(
        folder,
        "idea",
        "respond",
        "i2",
        "--outcome",
        "adopted",
        "--decided-by",
        "x",
        "--change",
        "y",
        "--decision-text",
        "z",
        ok=False,
    )
    assert r.returncode == 2 and "only a 'pending' response" in r.stderr
    assert counts(folder) == before


def test_document_needs_a_finding_and_respond_needs_the_decision(folder):
    before = counts(folder)
    r = yk(folder, "commission", "start", "c2", ok=False)
    assert r.returncode == 0
    before = counts(folder)
    r = yk(folder, "commission", "document", "c2", ok=False)
    assert r.returncode == 2 and "has no findings yet" in r.stderr
    r = yk(
        folder,
        "idea",
        "respond",
        "i1",
        "--outcome",
        "adopted",
        "--decided-by",
        "x",
        "--change",
        "y",
        ok=False,
    )
    assert r.returncode == 2 and "--decision-text" in r.stderr
    assert counts(folder) == before


def test_show_and_list(folder):
    out = yk(folder, "commission", "show", "c1").stdout
    assert "state: reported_back" in out and "juliste: files/juliste.pdf" in out
    assert "draft → commissioned by koordinaattori" in out
    assert "adopted by Johtoryhmä: Iltavastaanotto kokeiluun [files/paatos.pdf]" in out
    out = yk(folder, "idea", "show", "i1", "--today", "2024-06-01").stdout
    assert "due: report_back by 2024-04-24  OVERDUE: participants not told" in out
    assert "c1" in yk(folder, "commission", "list").stdout
    out = yk(folder, "idea", "list", "--state", "responded").stdout
    assert "i1" in out and "i2" not in out


def test_loop_in_three_formats(folder):
    out = yk(folder, "loop", "--today", "2024-06-01").stdout
    assert "Closure rate 67% (2 of 3 delivered told back a final answer)" in out
    assert "OVERDUE" in out
    data = json.loads(yk(folder, "loop", "--today", "2024-06-01", "--format", "json").stdout)
    assert data["closed"] == 2 and data["delivered"] == 3 and data["overdue"] == 1
    rows = list(
        csv.DictReader(
            io.StringIO(yk(folder, "loop", "--today", "2024-06-01", "--format", "csv").stdout)
        )
    )
    assert {"section": "summary", "kind": "", "key": "", "measure": "overdue", "value": "1"} in rows


def test_status_is_one_screen(folder):
    out = yk(folder, "status", "--today", "2024-06-01").stdout
    assert "Feedback loop: 2 open, 1 overdue" in out
    assert "OVERDUE idea i1" in out
    assert "2024-06-06 Nuorten aikuisten palvelujen asiantuntijaverkosto" in out
    assert "tyollisyys rated 4/5" in out
    # every note survives, the challenge too
    assert "    barrier: Aikataulut" in out
    assert "    challenge: Tiedonkulku kuntaan" in out
    assert "    success: Innostus" in out
    assert "Phases" in out


def test_partners_say_why(folder):
    out = yk(folder, "partners", "tyo").stdout
    assert out.splitlines()[0].startswith("tyollisyys")
    assert "declares the theme 'tyo'" in out and "1 past commission(s) on it (c1)" in out
    assert "answered 1 of 1 within the limit" in out and "rates working together 4.0/5" in out
    r = yk(folder, "partners", "nope", ok=False)
    assert r.returncode == 2 and "nope" in r.stderr


def test_lists_of_actors_themes_participants_sessions(folder):
    assert "Työllisyyspalvelut (hva)" in yk(folder, "actor", "list").stdout
    assert json.loads(yk(folder, "actor", "list", "--format", "json").stdout)[0]["id"] == "nuoriso"
    out = yk(folder, "theme", "list").stdout
    assert "(1 commissions, 0 ideas)" in out and "orpo" in out
    out = yk(folder, "participant", "list").stdout
    assert "p01" in out and "own:participation" in out and "consents: none" in out
    assert "2 attending" in yk(folder, "session", "list").stdout


def test_bad_input_is_refused_before_writing(folder):
    before = counts(folder)
    for args, message in [
        (["session", "add", "s9", "--date", "2024-01-01", "--kind", "party"], "session kind"),
        (["feedback", "add", "fb9", "--actor", "tyollisyys", "--rating", "9"], "1<=x<=5"),
        (
            ["finding", "add", "f9", "--subject", "c1", "--text", "x", "--artefact", "a=missing"],
            "not a file",
        ),
        (
            ["commission", "new", "c9", "--title", " ", "--question", "?", "--actor", "nuoriso"],
            "--title: must not be empty",
        ),
        (["pilot", "decide", "pl9", "--decision", "dropped"], "pl9"),
        (["consent", "add", "p01", "--kind", "own", "--given", "2024-13-01"], "2024-13-01"),
    ]:
        r = yk(folder, *args, ok=False)
        assert r.returncode == 2, (args, r.stderr)
        assert message in r.stderr and "Traceback" not in r.stderr
    assert counts(folder) == before
