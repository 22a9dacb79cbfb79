"""yk validate warns about roles, session kinds and methods the model does not know."""

from __future__ import annotations

from datetime import date

import pytest

from yhteiskehitys.cli.main import main
from yhteiskehitys.model import Session
from yhteiskehitys.store import open_store


@pytest.fixture
def programme(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / "ohjelma"
    assert main(["init", str(folder), "--model", "yhteiskehitys"]) == 0
    capsys.readouterr()
    return folder


def _validate(folder, capsys, *extra):
    code = main(["validate", str(folder), *extra])
    out, err = capsys.readouterr()
    return code, out + err


def test_known_words_give_no_warning(programme, capsys):
    main(["participant", "add", "p-1", str(programme), "--role", "expert_by_experience"])
    main(["session", "add", "s-1", str(programme), "--date", "2024-05-02", "--kind", "workshop",
          "--method", "pair"])  # fmt: skip
    code, text = _validate(programme, capsys)
    assert code == 0, text
    assert "vocabulary" not in text


def test_unknown_words_are_warnings_naming_the_record(programme, capsys):
    main(["participant", "add", "p-1", str(programme), "--role", "kokemusasiantuntja"])
    # The command line refuses an unknown session kind; records from an import or the Python
    # API are checked here.
    with open_store(programme, operator="test") as store, store.transaction() as tx:
        tx.sessions.add(
            Session(id="s-1", date=date(2024, 5, 2), kind="workhsop", methods=("pair", "mindmap"))
        )
    capsys.readouterr()
    code, text = _validate(programme, capsys)
    assert code == 0, text  # warnings only
    assert "warning: vocabulary_roles [participant p-1]: role(s) kokemusasiantuntja" in text
    assert "warning: vocabulary_sessions [session s-1]: kind workhsop" in text
    assert "warning: vocabulary_sessions [session s-1]: method(s) mindmap not in" in text
    code, _ = _validate(programme, capsys, "--strict")
    assert code == 1


def test_many_unknown_words_are_counted_after_the_first_twenty(programme, capsys):
    for i in range(25):
        main(["participant", "add", f"p-{i:02d}", str(programme), "--role", "nobody"])
    capsys.readouterr()
    _, text = _validate(programme, capsys)
    assert text.count("vocabulary_roles [participant") == 20
    assert "5 more participant record(s) use words the model does not know" in text
