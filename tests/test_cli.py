"""Every command of ``yk``: output, exit codes (0 ok, 1 a check failed, 2 bad input) and that
bad input writes nothing."""

from __future__ import annotations

import json

import pytest

from yhteiskehitys.cli.main import BUILTIN_COMMANDS, main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def programme(tmp_path, capsys):
    folder = tmp_path / "ohjelma"
    code, _, err = run(
        capsys, "init", folder, "--model", "nuoret-aikuiset", "--organisation", "Kunta"
    )
    assert code == 0, err
    return folder


def audit_of(folder, entity):
    from yhteiskehitys.store import open_store

    with open_store(folder, operator="test") as store, store.read() as tx:
        return tx.audit.entries(entity=entity)


def set_in(folder, old, new):
    file = folder / "programme.toml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


# --- yk, yk --help, yk --version --------------------------------------------------------


def test_help_lists_every_builtin_command(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    from yhteiskehitys.cli.summaries import SUMMARIES

    for name in BUILTIN_COMMANDS:
        assert name in out and SUMMARIES[name] in out


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and "yhteiskehitys, version 0.1.0" in out


def test_unknown_command(capsys):
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "No such command 'frobnicate'" in err


# --- yk models ------------------------------------------------------------------------------


def test_models_table(capsys):
    code, out, _ = run(capsys, "models")
    assert code == 0
    assert "yhteiskehitys            Co-development model (ages 13-29)" in out
    assert "nuoret-aikuiset          Young adults' developer group (ages 18-34)" in out
    assert "lapsiparlamentti         Children's parliament (ages 7-12)" in out


def test_models_in_swedish(capsys):
    code, out, _ = run(capsys, "models", "--lang", "sv")
    assert code == 0 and "Utvecklargrupp för unga vuxna" in out


def test_models_json(capsys):
    code, out, _ = run(capsys, "models", "--format", "json")
    assert code == 0
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["nuoret-aikuiset"]["ages"] == [18, 34]
    assert rows["yhteiskehitys"]["phases"] == ["gather", "culture", "ways_of_working"]


# --- yk plugins -----------------------------------------------------------------------------


def test_plugins_table(capsys):
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert "yhteiskehitys.builtin.general_model" in out
    assert "built-in" in out
    assert "nuoret_aikuiset" in out and "yhteiskehitys-nuoret-aikuiset 0.1.0" in out


def test_plugins_json(capsys):
    code, out, _ = run(capsys, "plugins", "--format", "json")
    assert code == 0
    data = json.loads(out)
    rows = {row["name"]: row for row in data["plugins"]}
    assert rows["yhteiskehitys.builtin.config_checks"]["hooks"] == ["yk_checks"]
    assert rows["yhteiskehitys.builtin.config_checks"]["builtin"] is True
    assert rows["nuoret_aikuiset"]["hooks"] == ["yk_models"]
    assert rows["nuoret_aikuiset"]["version"] == "0.1.0"
    assert rows["lapsiparlamentti"]["hooks"] == [
        "yk_budget_rules",
        "yk_checks",
        "yk_cli_commands",
        "yk_models",
        "yk_template_paths",
    ]
    assert data["failed"] == []


# --- yk init --------------------------------------------------------------------------------


def test_init_writes_a_valid_programme(programme, capsys):
    text = (programme / "programme.toml").read_text(encoding="utf-8")
    assert 'model = "nuoret-aikuiset"' in text
    assert 'organisation = "Kunta"' in text
    assert [p.name for p in programme.iterdir()] == ["programme.toml"]
    assert run(capsys, "validate", programme)[0] == 0


def test_init_with_name_and_language(tmp_path, capsys):
    folder = tmp_path / "p"
    code, out, _ = run(
        capsys, "init", folder, "--model", "yhteiskehitys", "--name", "Oma", "--lang", "sv"
    )
    assert code == 0 and "Created" in out
    text = (folder / "programme.toml").read_text(encoding="utf-8")
    assert 'name = "Oma"' in text and 'language = "sv"' in text


def test_init_refuses_a_non_empty_folder(programme, capsys):
    (programme / "notes.txt").write_text("keep me", encoding="utf-8")
    before = (programme / "programme.toml").read_bytes()
    code, _, err = run(capsys, "init", programme, "--model", "yhteiskehitys")
    assert code == 2
    assert "the folder is not empty; choose another or pass --force" in err
    assert (programme / "programme.toml").read_bytes() == before
    assert sorted(p.name for p in programme.iterdir()) == ["notes.txt", "programme.toml"]


def test_init_force_overwrites(programme, capsys):
    code, _, _ = run(capsys, "init", programme, "--model", "yhteiskehitys", "--force")
    assert code == 0
    assert 'model = "yhteiskehitys"' in (programme / "programme.toml").read_text(encoding="utf-8")


def test_init_unknown_model(tmp_path, capsys):
    code, _, err = run(capsys, "init", tmp_path / "p", "--model", "tuntematon")
    assert code == 2
    assert err == (
        "error: unknown model 'tuntematon' (available: lapsiparlamentti, nuoret-aikuiset, "
        "perhekeskus, yhteiskehitys); see `yk models`\n"
    )
    assert not (tmp_path / "p").exists()


def test_init_into_a_file(tmp_path, capsys):
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "init", file, "--model", "yhteiskehitys")
    assert code == 2 and "Traceback" not in err
    assert file.read_text(encoding="utf-8") == "x"


# --- yk validate ----------------------------------------------------------------------------


def test_validate_ok(programme, capsys):
    code, out, err = run(capsys, "validate", programme)
    assert (code, err) == (0, "")
    assert out == "16 checks, 0 errors, 0 warnings.\n"


def test_validate_fails_when_guardian_consent_is_lowered(programme, capsys):
    set_in(programme, "guardian_under = 15", "guardian_under = 12")
    code, out, err = run(capsys, "validate", programme)
    assert code == 1
    assert err == (
        "error: consent_floor: consent_policy.guardian_under is 12 but the model "
        "'nuoret-aikuiset' requires guardian consent under 15\n"
    )
    assert out == "16 checks, 1 errors, 0 warnings.\n"


def test_validate_fails_when_disclosure_threshold_is_lowered(programme, capsys):
    set_in(programme, "disclosure_threshold = 5", "disclosure_threshold = 4")
    code, _, err = run(capsys, "validate", programme)
    assert code == 1
    assert "disclosure_floor: disclosure_threshold 4 is below the model's 5" in err


def test_validate_warning_passes_unless_strict(programme, capsys):
    set_in(programme, "min = 18", "min = 16")
    code, out, _ = run(capsys, "validate", programme)
    assert code == 0
    assert "warning: target_group_age: target_group.age 16-34 goes beyond the model's 18-34" in out
    assert run(capsys, "validate", programme, "--strict")[0] == 1


def test_validate_bad_file(programme, capsys):
    set_in(programme, "max = 34", "max = 12")
    code, out, err = run(capsys, "validate", programme)
    assert code == 2 and out == ""
    assert err == "error: programme.toml: target_group.age.max: must be ≥ min (got 12 < 18)\n"


def test_validate_defaults_to_the_current_folder(programme, capsys, monkeypatch):
    monkeypatch.chdir(programme)
    assert run(capsys, "validate")[0] == 0


# --- yk checklist ---------------------------------------------------------------------------


def test_checklist_shows_every_phase(programme, capsys):
    code, out, _ = run(capsys, "checklist", programme)
    assert code == 0
    assert "Verkoston ja kohderyhmän tunnistaminen ja kokoaminen (0/7)" in out
    assert "  [ ] present_model: Esittele malli alueellisille verkostoille" in out


def test_checklist_in_english(programme, capsys):
    code, out, _ = run(capsys, "checklist", programme, "--lang", "en")
    assert code == 0
    assert "Identifying and gathering the network and the target group (0/7)" in out


def test_checklist_done_records_who_and_when(programme, capsys):
    code, out, _ = run(
        capsys,
        "--as",
        "koordinaattori",
        "checklist",
        programme,
        "--done",
        "present_model",
        "--done",
        "identify_partners",
    )
    assert code == 0
    assert "Marked 2 item(s) done." in out
    assert "(2/7)" in out
    assert "  [x] present_model: " in out and ", koordinaattori)" in out
    assert not (programme / "checklist.toml").exists()
    entries = audit_of(programme, "checklist")
    assert [(e.action, e.entity_id, e.operator) for e in entries] == [
        ("add", "present_model", "koordinaattori"),
        ("add", "identify_partners", "koordinaattori"),
    ]
    assert entries[0].after["by"] == "koordinaattori"
    code, out, _ = run(capsys, "checklist", programme, "--done", "present_model")
    assert code == 0 and "Already marked done." in out
    assert len(audit_of(programme, "checklist")) == 2


def test_checklist_unknown_item_writes_nothing(programme, capsys):
    code, out, err = run(
        capsys, "checklist", programme, "--done", "present_model", "--done", "no_such_item"
    )
    assert code == 2
    assert "error: --done no_such_item: no such checklist item in model 'nuoret-aikuiset'" in err
    assert "error: known items: present_model, identify_partners," in err
    assert not (programme / "checklist.toml").exists()
    assert not (programme / "yhteiskehitys.db").exists()
    assert out == ""


def test_checklist_unknown_item_writes_nothing_to_a_store(programme, capsys):
    assert run(capsys, "checklist", programme, "--done", "present_model")[0] == 0
    code, _, _ = run(capsys, "checklist", programme, "--done", "identify_partners", "--done", "x")
    assert code == 2
    assert [e.entity_id for e in audit_of(programme, "checklist")] == ["present_model"]


def test_checklist_without_a_store_shows_nothing_done_and_makes_none(programme, capsys):
    code, out, _ = run(capsys, "checklist", programme)
    assert code == 0 and "[x]" not in out
    assert not (programme / "yhteiskehitys.db").exists()


LEGACY = """[done.present_model]
on = 2024-01-22
by = "koordinaattori"

[done.identify_partners]
on = 2024-01-29
by = "vetaja"
"""


def test_checklist_moves_an_earlier_progress_file_into_the_store_once(programme, capsys):
    (programme / "checklist.toml").write_text(LEGACY, encoding="utf-8")
    code, out, _ = run(capsys, "--as", "anna", "checklist", programme)
    assert code == 0
    assert "Moved 2 item(s) from checklist.toml into the store" in out
    assert "  [x] present_model: " in out and "(2024-01-22, koordinaattori)" in out
    assert "(2024-01-29, vetaja)" in out
    entries = audit_of(programme, "checklist")
    assert [(e.action, e.entity_id, e.operator) for e in entries] == [
        ("import", "present_model", "anna"),
        ("import", "identify_partners", "anna"),
    ]
    assert entries[1].after == {"on": "2024-01-29", "by": "vetaja"}
    # Once moved, the file is not read again, even when it changes or breaks.
    (programme / "checklist.toml").write_text("done = 5", encoding="utf-8")
    code, out, _ = run(capsys, "checklist", programme, "--done", "agree_communication")
    assert code == 0 and "Moved" not in out and "Marked 1 item(s) done." in out
    assert len(audit_of(programme, "checklist")) == 3


def test_checklist_import_and_marks_are_one_transaction(programme, capsys):
    (programme / "checklist.toml").write_text(LEGACY, encoding="utf-8")
    code, out, _ = run(
        capsys, "checklist", programme, "--done", "present_model", "--done", "dialogic_work"
    )
    assert code == 0 and "Moved 2 item(s)" in out and "Marked 1 item(s) done." in out
    assert "(2024-01-22, koordinaattori)" in out
    assert [e.action for e in audit_of(programme, "checklist")] == ["import", "import", "add"]


def test_checklist_unreadable_progress_file(programme, capsys):
    (programme / "checklist.toml").write_text("done = 5", encoding="utf-8")
    code, _, err = run(capsys, "checklist", programme)
    assert code == 2 and "checklist.toml: unreadable" in err and "fix or delete the file" in err
    assert not (programme / "yhteiskehitys.db").exists()


@pytest.mark.parametrize(
    "text",
    [
        '[done.present_model]\non = "yesterday"\nby = "a"\n',
        "[done.present_model]\non = 2024-01-01\n",
    ],
)
def test_checklist_unreadable_progress_file_beside_a_store(programme, capsys, text):
    assert run(capsys, "participant", "add", "P-1", "--birth-year", "2000", programme)[0] == 0
    (programme / "checklist.toml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "checklist", programme, "--done", "identify_partners")
    assert code == 2 and "checklist.toml: unreadable" in err and "fix or delete the file" in err
    assert audit_of(programme, "checklist") == []


def test_checklist_bad_language(programme, capsys):
    code, _, err = run(capsys, "checklist", programme, "--lang", "de")
    assert code == 2 and "Invalid value for '--lang'" in err


# --- through the installed console script ---------------------------------------------------


def test_console_script_round(tmp_path, yk):
    folder = tmp_path / "p"
    assert yk("init", folder, "--model", "nuoret-aikuiset").returncode == 0
    assert yk("validate", folder).returncode == 0
    result = yk("checklist", folder, "--done", "nope")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["programme.toml"]
    assert yk("--help").returncode == 0


# --- files named in records -----------------------------------------------------------------


@pytest.fixture
def delivered(programme, capsys):
    """A programme whose commission c1 waits for the actor's response."""
    (programme / "files").mkdir()
    (programme / "files" / "x.pdf").write_bytes(b"%PDF-1.4\n")
    (programme.parent / "outside.pdf").write_bytes(b"%PDF-1.4\n")
    steps = [
        ["actor", "add", "a1", "--name", "P", "--organisation", "o", "--organisation-name", "O"],
        ["commission", "new", "c1", "--title", "T", "--question", "Q?", "--actor", "a1"],
        ["commission", "start", "c1"],
        ["finding", "add", "f1", "--subject", "c1", "--text", "V", "--artefact", "j=files/x.pdf"],
        ["commission", "document", "c1"],
        ["commission", "deliver", "c1"],
    ]  # fmt: skip
    for args in steps:
        code, _, err = run(capsys, *args, programme)
        assert code == 0, (args, err)
    return programme


def audit_trail(folder, capsys):
    code, out, err = run(capsys, "log", folder, "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("path", ["../outside.pdf", "ABSOLUTE"])
def test_files_outside_the_programme_folder_are_refused(delivered, capsys, path):
    path = str(delivered.parent / "outside.pdf") if path == "ABSOLUTE" else path
    before = audit_trail(delivered, capsys)
    for args in (
        ["finding", "add", "f2", "--subject", "c1", "--text", "V", "--artefact", f"a={path}"],
        ["commission", "respond", "c1", "--outcome", "adopted", "--decided-by", "Johtoryhmä",
         "--change", "C", "--decision-document", path],
    ):  # fmt: skip
        code, _, err = run(capsys, *args, delivered)
        assert code == 2, (args, err)
        assert f"{path} is outside {delivered}" in err and "relative to it" in err
    assert audit_trail(delivered, capsys) == before


def test_a_file_inside_the_folder_is_kept_relative(delivered, capsys):
    code, _, err = run(capsys, "commission", "respond", "c1", "--outcome", "adopted",
                       "--decided-by", "Johtoryhmä", "--change", "C",
                       "--decision-document", " files/x.pdf", delivered)  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, "commission", "show", "c1", delivered)
    assert "j: files/x.pdf" in out and "[files/x.pdf]" in out


# --- options shared by the commands ---------------------------------------------------------


def test_list_by_a_state_the_kind_does_not_have(delivered, capsys):
    code, _, err = run(capsys, "idea", "list", delivered, "--state", "commissioned")
    assert code == 2 and "'commissioned' is not one of 'submitted'" in err
    code, out, _ = run(capsys, "commission", "list", delivered, "--state", "delivered")
    assert code == 0 and out.startswith("c1 ")


def test_each_kind_has_the_verbs_of_its_loop(capsys):
    code, out, _ = run(capsys, "idea", "--help")
    assert code == 0 and "route" in out and "confirm" not in out
    code, out, _ = run(capsys, "commission", "--help")
    assert code == 0 and "confirm" in out and "route" not in out


def test_measure_item_needs_by_item(programme, capsys):
    code, _, err = run(capsys, "measure", programme, "--item", "heard1")
    assert code == 2 and "--item: give it with --by item" in err


@pytest.mark.parametrize(
    ("command", "formats"),
    [(["models"], "table|json"), (["log"], "table|json"), (["loop"], "table|json|csv"),
     (["measure"], "table|json|csv"), (["actor", "list"], "table|json")],
)  # fmt: skip
def test_format_is_the_same_option_everywhere(capsys, command, formats):
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0 and f"--format [{formats}]" in out and "Output format." in out


def test_an_unwritable_output_path_is_an_input_error(tmp_path, yk):
    folder = tmp_path / "ohjelma"
    assert yk("init", folder, "--model", "yhteiskehitys").returncode == 0
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = yk("calendar", folder, "--out", blocker / "kalenteri.ics")
    assert result.returncode == 2
    assert f"error: {blocker}: " in result.stderr
    assert "check the path and its permissions" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"
