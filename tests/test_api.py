"""The library does everything ``yk`` does, with the same refusals (DESIGN §3).

Each refusal is run twice on twin programmes: once through ``open_programme`` and once through
the command line. Both must refuse, say the same thing (the library names the field, ``yk`` the
option), exit 2 on the command line, and leave the store exactly as it was.
"""

from __future__ import annotations

import filecmp
import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhteiskehitys import YhteiskehitysError, create_programme, open_programme
from yhteiskehitys.cli.main import main
from yhteiskehitys.errors import FieldError, FieldErrors
from yhteiskehitys.model.loop_states import TransitionRefused

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AT = datetime(2024, 2, 1, 12, tzinfo=UTC)


@pytest.fixture
def programme(tmp_path, monkeypatch) -> Path:
    """A programme with an actor, a participant, a delivered commission and a pilot."""
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / "ohjelma"
    create_programme(folder, model="nuoret-aikuiset", organisation="Esimerkkikunta")
    with open_programme(folder, operator="tester") as prog:
        prog.actors.add("a1", name="Nuorisopalvelut", organisation="o", organisation_name="Kunta")
        prog.participants.add("p1", birth_year=2000)
        prog.commissions.new("c1", title="Tila", question="Mitä?", actor="a1", at=AT)
        prog.commissions.new("c2", title="Luonnos", question="Mitä?", actor="a1", draft=True)
        prog.commissions.start("c1", at=AT)
        prog.findings.add("f1", subject="c1", text="Näkemys", recorded=date(2024, 2, 1))
        prog.pilots.add(
            "pl1", title="Peli", goal="Kokeilla", start=date(2024, 1, 1), end=date(2024, 5, 1)
        )
    return folder


def store_rows(folder: Path) -> dict:
    """Every record and audit entry, so a refusal can be shown to have written nothing."""
    with open_programme(folder) as prog:
        data = json.loads(prog.export())
    return {"records": data["records"], "audit": data["audit"]}


REFUSALS = [
    (
        "session kind outside the model",
        lambda p: p.sessions.add("s9", date=date(2024, 2, 2), kind="party"),
        ["session", "add", "s9", "--date", "2024-02-02", "--kind", "party"],
        "--kind: 'party' is not a session kind of the model",
    ),
    (
        "pilot decided before an evaluation",
        lambda p: p.pilots.decide("pl1", "permanent"),
        ["pilot", "decide", "pl1", "--decision", "permanent"],
        "pilot 'pl1' has no evaluation yet",
    ),
    (
        "a draft cannot be told back",
        lambda p: p.commissions.report_back("c2", channel="email", text="Valmis", at=AT),
        ["commission", "report-back", "c2", "--channel", "email", "--text", "Valmis"],
        "commission 'c2' is 'draft'; cannot move it to 'reported_back'",
    ),
    (
        "documented needs no finding on c2",
        lambda p: p.commissions.document("c2"),
        ["commission", "document", "c2"],
        "commission 'c2' is 'draft'; cannot move it to 'documented'",
    ),
    (
        "contact details without a name",
        lambda p: p.participants.add("p9", email="x@example.org"),
        ["participant", "add", "p9", "--email", "x@example.org"],
        "--name: give the name too",
    ),
    (
        "unknown checklist item",
        lambda p: p.checklist.mark_done(["nope"]),
        ["checklist", "--done", "nope"],
        "--done nope: no such checklist item",
    ),
    (
        "a decision document outside the folder",
        lambda p: p.commissions.respond(
            "c1", outcome="adopted", decided_by="J", change="C", decision_document="../x.pdf"
        ),
        ["commission", "respond", "c1", "--outcome", "adopted", "--decided-by", "J",
         "--change", "C", "--decision-document", "../x.pdf"],
        "--decision-document: ../x.pdf is outside",
    ),
    (
        "an unknown participant's consent",
        lambda p: p.consents.add("p404", kind="own", given=date(2024, 1, 1)),
        ["consent", "add", "p404", "--kind", "own", "--given", "2024-01-01"],
        "p404",
    ),
    (
        "an audit entity that does not exist",
        lambda p: p.log(entity="sesion"),
        ["log", "--entity", "sesion"],
        "--entity sesion: the audit trail has no such kind of record",
    ),
    (
        "a survey round that is not an id",
        lambda p: p.surveys.import_file("x.csv", round="kevät 2024"),
        ["survey", "import", "README.md", "--round", "kevät 2024"],
        "--round kevät 2024: use letters, digits",
    ),
]  # fmt: skip


def _cli_text(error: YhteiskehitysError) -> str:
    if isinstance(error, FieldErrors):
        return "\n".join(error.as_options())
    if isinstance(error, FieldError):
        return error.as_option()
    return str(error)


@pytest.mark.parametrize(
    ("name", "call", "args", "message"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_every_refusal_is_the_libraries_and_the_same_through_yk(
    programme, tmp_path, capsys, name, call, args, message
):
    twin = tmp_path / "twin"
    shutil.copytree(programme, twin)
    (programme / "README.md").write_text("x", encoding="utf-8")
    (twin / "README.md").write_text("x", encoding="utf-8")
    before = store_rows(programme)

    with open_programme(programme, operator="tester") as prog:
        with pytest.raises(YhteiskehitysError) as refused:
            call(prog)
    assert message in _cli_text(refused.value)
    assert store_rows(programme) == before

    code = main(_with_folder(args, twin))
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err and "Traceback" not in err
    assert store_rows(twin) == before


def _with_folder(args: list[str], folder: Path) -> list[str]:
    """The folder goes last for a subcommand's positional arguments, as ``yk`` documents."""
    if args[0] in {"checklist", "log"}:
        return [args[0], str(folder), *args[1:]]
    return [*args, str(folder)]


def test_a_refused_move_names_the_state_and_the_allowed_next_ones(programme):
    before = store_rows(programme)
    with open_programme(programme) as prog, pytest.raises(TransitionRefused) as refused:
        prog.commissions.report_back("c2", channel="email", text="Valmis", at=AT)
    assert isinstance(refused.value, YhteiskehitysError)
    assert refused.value.current == "draft" and refused.value.allowed == ("commissioned",)
    assert "is 'draft'" in str(refused.value) and "Allowed next: commissioned." in str(
        refused.value
    )
    assert store_rows(programme) == before


def test_the_store_itself_refuses_a_move_the_table_does_not_allow(programme):
    before = store_rows(programme)
    with open_programme(programme) as prog, pytest.raises(TransitionRefused):
        with prog.transaction() as tx:
            tx.loop.transition("commission", "c2", "reported_back", at=AT)
    assert store_rows(programme) == before


def _example(tmp_path: Path) -> Path:
    """The developer group's example with its records and both barometer rounds."""
    example = EXAMPLES / "kehittajaryhma"
    folder = tmp_path / "demo"
    shutil.copytree(example, folder, ignore=shutil.ignore_patterns("records.json", "README.md"))
    assert main(["import", str(example / "records.json"), str(folder)]) == 0
    for file in sorted((folder / "surveys").glob("*.csv")):
        year, season, group = file.stem.split("-", 2)
        season = {"kevat": "spring", "syksy": "autumn"}[season]
        group = {"osallistujat": "participant", "vertailuryhma": "comparison"}[group]
        args = ["survey", "import", str(file), "--round", f"{year}-{season}", "--group", group]
        assert main([*args, "--reader", "webropol", str(folder)]) == 0
    return folder


def test_the_library_writes_the_same_site_as_yk_report(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = _example(tmp_path)
    today = date(2025, 3, 1)
    by_cli, by_api = tmp_path / "cli-site", tmp_path / "api-site"
    args = ["report", str(folder), "--out", str(by_cli), "--lang", "fi", "--today", "2025-03-01"]
    assert main(args) == 0
    capsys.readouterr()
    with open_programme(folder) as prog:
        result = prog.report(by_api, lang="fi", today=today)
    assert result.languages == ("fi",)
    files = sorted(p.relative_to(by_cli) for p in by_cli.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(by_api) for p in by_api.rglob("*") if p.is_file())
    match, mismatch, errors = filecmp.cmpfiles(by_cli, by_api, files, shallow=False)
    assert mismatch == [] and errors == [] and len(match) == len(files)
    dashboard = (by_api / "fi" / "index.html").read_text(encoding="utf-8")
    assert "barometer" in dashboard.lower() or "barometri" in dashboard.lower()
    assert "not installed" not in dashboard


def test_an_embedder_reads_the_same_figures_as_yk_loop(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = _example(tmp_path)
    capsys.readouterr()
    assert main(["loop", str(folder), "--today", "2025-03-01", "--format", "json"]) == 0
    by_cli = json.loads(capsys.readouterr().out)
    from yhteiskehitys.loop.report import FORMATS

    with open_programme(folder) as prog:
        summary = prog.loop_summary(today=date(2025, 3, 1))
    assert json.loads(FORMATS["json"](summary)) == by_cli
