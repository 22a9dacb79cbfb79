"""Bad files end in a message naming the file and exit 2, never an internal error (exit 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yhteiskehitys.cli.main import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kouvola-unelmien-kela"


@pytest.fixture(autouse=True)
def _no_store_from_the_environment(monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)


def _programme(tmp_path: Path, extra: str = "", top: str = "") -> Path:
    folder = tmp_path / "p"
    assert main(["init", str(folder), "--model", "yhteiskehitys"]) == 0
    file = folder / "programme.toml"
    file.write_text(top + file.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return folder


def test_an_import_of_a_broken_export_exits_2_and_leaves_no_folder_behind(tmp_path, capsys):
    data = json.loads((EXAMPLE / "records.json").read_text(encoding="utf-8"))
    data["audit"][1]["seq"] = data["audit"][0]["seq"]
    file = tmp_path / "records.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "new"
    assert main(["import", str(file), str(target)]) == 2
    assert "records.json: audit[1].seq: duplicate" in capsys.readouterr().err
    assert not target.exists() or not any(target.iterdir())


@pytest.mark.parametrize(
    "top, message",
    [
        ("x = " + "[" * 3000 + "]" * 3000 + "\n", "programme.toml"),
        ("x = " + "[" * 60 + "]" * 60 + "\n", "nested more than 48 levels deep"),
        ("big = 99999999999999999999\n", "big: the integer 99999999999999999999 is outside"),
        ('database_url = ":memory:"\n', "a store in memory would vanish"),
    ],
    ids=["recursion", "deep", "huge-integer", "memory"],
)
def test_a_hostile_programme_file_is_exit_2(tmp_path, capsys, top, message):
    folder = _programme(tmp_path, top=top)
    capsys.readouterr()
    assert main(["theme", "list", str(folder)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "internal error" not in err
    assert not (folder / ":memory:").exists()


@pytest.mark.parametrize("how", ["option", "programme"])
def test_a_database_that_is_not_a_database_is_exit_2(tmp_path, capsys, how):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not SQLite\x00" * 300)
    folder = _programme(tmp_path, top=f'database_url = "{junk}"\n' if how == "programme" else "")
    args = ["--database", str(junk)] if how == "option" else []
    capsys.readouterr()
    assert main([*args, "theme", "list", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "cannot open the store" in err and "not a database" in err
