"""yk validate --today: time limits judged on a given day, so results can be reproduced."""

from __future__ import annotations

import shutil
from pathlib import Path

from yhteiskehitys.cli.main import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kehittajaryhma"


def test_overdue_steps_depend_on_the_day_given(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / "ohjelma"
    folder.mkdir()
    shutil.copy(EXAMPLE / "programme.toml", folder)
    assert main(["import", str(EXAMPLE / "records.json"), str(folder)]) == 0
    capsys.readouterr()

    assert main(["validate", str(folder), "--today", "2025-03-01"]) == 0
    out, err = capsys.readouterr()
    overdue = [line for line in (out + err).splitlines() if "overdue_steps" in line]
    assert overdue == [
        "warning: overdue_steps [commission c-mieli-2]: no response 50 days after delivery "
        "(20 days late)"
    ]

    assert main(["validate", str(folder), "--today", "2025-01-20"]) == 0
    out, err = capsys.readouterr()
    assert "overdue_steps" not in out + err

    assert main(["validate", str(folder), "--today", "2025-13-01"]) == 2
    assert "is not a date" in capsys.readouterr().err
