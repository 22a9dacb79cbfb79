"""``yk init`` writes every option through the TOML writer; no option can add a setting."""

from __future__ import annotations

import tomllib

import pytest

from yhteiskehitys.cli.main import main

PAYLOADS = [
    'Ohjelma\ndatabase_url = "elsewhere.db"\n#',
    'Ohjelma\rdatabase_url = "elsewhere.db"\r#',
    "Ohjelma\r\n[target_group]\r\nmin_age = 1\r\n#",
    "Ohjelma\u2028database_url = 'x.db'\u0085#",
    'Quote " and \\" and \'\'\' and """',
    "]]\n[[x]]\n]",
    "Tab\tand\x0bvertical\x0cfeed",
]
OPTIONS = ["--name", "--organisation"]


def _clean(tmp_path, monkeypatch) -> dict:
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    assert main(["init", str(tmp_path / "clean"), "--model", "yhteiskehitys"]) == 0
    return tomllib.loads((tmp_path / "clean" / "programme.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("option", OPTIONS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_no_init_option_can_inject_a_setting(tmp_path, monkeypatch, option, payload):
    clean = _clean(tmp_path, monkeypatch)
    folder = tmp_path / "p"
    code = main(["init", str(folder), "--model", "yhteiskehitys", option, payload])
    if code != 0:  # refused as a value is fine; written unescaped is not
        assert code == 2
        assert not (folder / "programme.toml").exists()
        return
    text = (folder / "programme.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert set(data) == set(clean)
    assert data["target_group"] == clean["target_group"]
    assert "database_url" not in data
    assert data[option.removeprefix("--")] == payload
    comments = [line for line in text.split("\n") if line.startswith("#")]  # TOML's lines
    assert len(comments) == 2  # the header stays two comment lines


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_the_folder_name_is_never_written_into_the_file(tmp_path, monkeypatch, payload):
    clean = _clean(tmp_path, monkeypatch)
    folder = tmp_path / payload.replace("/", "_").replace("\x00", "")
    assert main(["init", str(folder), "--model", "yhteiskehitys"]) == 0
    data = tomllib.loads((folder / "programme.toml").read_text(encoding="utf-8"))
    assert data == clean
