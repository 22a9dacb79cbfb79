"""The store's commands: yk log, export, import, participant export/erase; one transaction each."""

from __future__ import annotations

import json

import pytest

from yhteiskehitys import hookimpl
from yhteiskehitys.checks import Check, Problem
from yhteiskehitys.cli.main import main
from yhteiskehitys.store import open_store

from .records import EMAIL, NAME, fill


@pytest.fixture
def folder(tmp_path, monkeypatch, capsys):
    for var in ("YK_DATABASE_URL", "YK_OPERATOR"):
        monkeypatch.delenv(var, raising=False)
    path = tmp_path / "programme"
    assert main(["init", str(path), "--model", "yhteiskehitys"]) == 0
    with open_store(path, operator="anna") as store, store.transaction() as tx:
        fill(tx)
    capsys.readouterr()
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_log_shows_who_did_what_and_filters(folder, capsys):
    code, out, _ = run(capsys, "log", folder)
    assert code == 0
    assert "anna" in out and "add     participant P-001" in out
    assert "state   loop commission:C-1  responded → reported_back" in out
    code, out, _ = run(capsys, "log", folder, "--entity", "session", "--id", "S-2")
    assert code == 0 and out.count("\n") == 1 and "session S-2" in out
    code, out, _ = run(capsys, "log", folder, "--last", "2", "--format", "json")
    entries = json.loads(out)
    assert [e["entity"] for e in entries] == ["pilot", "loop"]


def test_log_names_the_kinds_when_an_entity_is_mistyped(folder, capsys):
    code, out, err = run(capsys, "log", folder, "--entity", "sesion")
    assert code == 2 and out == ""
    assert "--entity sesion: the audit trail has no such kind of record" in err
    assert "participant" in err and "session" in err
    code, _, err = run(capsys, "log", folder, "--entity", "session", "--id", "nope")
    assert code == 0 and "No entries." in err


def test_a_kind_of_record_with_no_entries_yet_is_no_entries(folder, capsys):
    """This programme has held no election yet; asking for its entries is not a mistake."""
    code, out, err = run(capsys, "log", folder, "--entity", "election")
    assert (code, out) == (0, "") and "No entries." in err


def test_the_kinds_of_record_are_those_the_store_writes():
    """``ENTITIES`` names every kind an audit entry is written for, and no other."""
    import ast
    from pathlib import Path

    from yhteiskehitys.store.audit import ENTITIES

    source = Path(__file__).resolve().parents[2] / "src" / "yhteiskehitys"
    written = set()
    for path in source.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):  # a repository's ``entity = "session"``
                for statement in node.body:
                    if (
                        isinstance(statement, ast.Assign)
                        and any(getattr(t, "id", None) == "entity" for t in statement.targets)
                        and isinstance(statement.value, ast.Constant)
                    ):
                        written.add(statement.value.value)
            call = node if isinstance(node, ast.Call) else None
            if (
                call is not None
                and isinstance(call.func, ast.Attribute)
                and call.func.attr in ("record", "record_many")
                and getattr(call.func.value, "attr", None) == "audit"
            ):
                kind = call.args[1]
                if isinstance(kind, ast.Constant):
                    written.add(kind.value)
                else:  # else a repository's own kind, found above
                    assert ast.unparse(kind) == "self.entity", f"{path.name}:{call.lineno}"
    assert set(ENTITIES) == written
    assert list(ENTITIES) == sorted(ENTITIES)


def test_log_without_a_store_says_so_and_creates_nothing(tmp_path, capsys):
    code, _, err = run(capsys, "log", tmp_path)
    assert code == 2 and "no store yet" in err
    assert list(tmp_path.iterdir()) == []


def test_export_import_export_through_the_cli(folder, tmp_path, capsys):
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert run(capsys, "export", folder, "--out", first)[0] == 0
    target = tmp_path / "copy"
    code, out, _ = run(capsys, "--as", "importer", "import", first, target)
    assert code == 0 and "Wrote" in out and (target / "programme.toml").exists()
    assert run(capsys, "export", target, "--out", second)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text())["programme"]["model"] == "yhteiskehitys"


def test_import_refuses_a_store_with_records(folder, tmp_path, capsys):
    file = tmp_path / "e.json"
    run(capsys, "export", folder, "--out", file)
    code, _, err = run(capsys, "import", file, folder)
    assert code == 2 and "already holds records" in err


def test_bad_import_exits_2_and_leaves_nothing(folder, tmp_path, capsys):
    file = tmp_path / "e.json"
    run(capsys, "export", folder, "--out", file)
    data = json.loads(file.read_text())
    data["records"]["sessions"][0]["attendees"].append("P-404")
    file.write_text(json.dumps(data))
    target = tmp_path / "new"
    code, _, err = run(capsys, "import", file, target)
    assert code == 2 and "attendee 'P-404'" in err
    assert not (target / "yhteiskehitys.db").exists() and not (target / "programme.toml").exists()


def test_participant_export_and_erase(folder, capsys):
    code, out, _ = run(capsys, "participant", "export", "P-001", folder)
    assert code == 0 and json.loads(out)["personal_data"]["name"] == NAME
    code, out, _ = run(capsys, "--as", "dpo", "participant", "erase", "P-001", folder, "--yes")
    assert code == 0 and "2 attendance(s) kept anonymously" in out
    code, _, err = run(capsys, "participant", "export", "P-001", folder)
    assert code == 2 and "no participant 'P-001'" in err
    code, out, _ = run(capsys, "log", folder, "--entity", "participant", "--id", "P-001")
    assert "dpo" in out and "erase" in out and EMAIL not in out


def test_erase_asks_first_and_unknown_id_exits_2(folder, capsys, monkeypatch):
    monkeypatch.setattr("click.confirm", lambda *a, **k: (_ for _ in ()).throw(SystemExit(9)))
    with pytest.raises(SystemExit):
        main(["participant", "erase", "P-002", str(folder)])
    capsys.readouterr()
    with open_store(folder) as store, store.read() as tx:
        assert tx.personal_data.find("P-002") is not None
    code, _, err = run(capsys, "participant", "erase", "P-404", folder, "--yes")
    assert code == 2 and "no participant 'P-404'" in err


def test_database_option_chooses_the_store(folder, store_url, tmp_path, capsys):
    file = tmp_path / "e.json"
    run(capsys, "export", folder, "--out", file)
    assert run(capsys, "--database", store_url, "import", file, folder / "elsewhere")[0] == 0
    with open_store(store_url) as store, store.read() as tx:
        assert tx.participants.count() == 3
    code, out, _ = run(capsys, "--database", store_url, "log", folder, "--entity", "pilot")
    assert code == 0 and "pilot PI-1" in out


def test_checks_can_read_the_records(folder, capsys, yk_register):
    def no_session_without_attendees(ctx):
        with ctx.store.read() as tx:
            for session in tx.sessions.list():
                if len(session.attendees) < 2:
                    yield Problem(
                        check="attendance",
                        message="fewer than two attended",
                        record=session.id,
                        severity="warning",
                    )

    class Plugin:
        @hookimpl
        def yk_checks(self):
            return [Check(name="attendance", description="d", run=no_session_without_attendees)]

    yk_register(Plugin())
    code, out, err = run(capsys, "validate", folder)
    assert code == 0
    assert "warning: attendance [S-2]: fewer than two attended" in out + err
