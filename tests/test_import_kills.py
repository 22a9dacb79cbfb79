"""A kill on either side of an import's commit leaves a folder that the same import repairs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from yhteiskehitys.cli.main import main
from yhteiskehitys.folder_import import PENDING_FILE

EXAMPLE = (
    Path(__file__).resolve().parents[1] / "examples" / "kouvola-unelmien-kela" / "records.json"
)

KILLERS = {
    # inside the store's transaction, once every record is written, before the commit
    "before-commit": (
        "import yhteiskehitys.store.transfer as t\n"
        "orig = t.load_data\n"
        "def load(*a, **k):\n"
        "    n = orig(*a, **k); os.kill(os.getpid(), signal.SIGKILL)\n"
        "t.load_data = load\n"
    ),
    # after the commit, before programme.toml is renamed into place
    "after-commit": (
        "import yhteiskehitys.folder_import as f\n"
        "f._promote = lambda folder: os.kill(os.getpid(), signal.SIGKILL)\n"
    ),
}


def _killed_import(folder: Path) -> int:
    code = (
        "import os, signal, sys\n"
        + KILLERS[folder.name]
        + "from yhteiskehitys.cli.main import main\n"
        + f"sys.exit(main(['import', {str(EXAMPLE)!r}, {str(folder)!r}]))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "YK_OPERATOR": "tester", "HOME": str(folder.parent)}
    return subprocess.run([sys.executable, "-c", code], env=env, timeout=120).returncode


@pytest.mark.parametrize("when", list(KILLERS))
def test_a_killed_import_is_finished_by_running_it_again(tmp_path, capsys, monkeypatch, when):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / when
    assert _killed_import(folder) == -9
    if when == "after-commit":
        assert (folder / PENDING_FILE).exists() and not (folder / "programme.toml").exists()
        capsys.readouterr()
        assert main(["validate", str(folder)]) == 2
        assert "an import into this folder was interrupted" in capsys.readouterr().err
    assert main(["import", str(EXAMPLE), str(folder)]) == 0
    out = capsys.readouterr().out
    assert ("Finished the interrupted import" in out) == (when == "after-commit")
    assert (folder / "programme.toml").exists() and not (folder / PENDING_FILE).exists()
    assert main(["validate", str(folder)]) in (0, 1)
    again = tmp_path / "export.json"
    assert main(["export", str(folder), "--out", str(again)]) == 0
    import json

    ours, theirs = (json.loads(p.read_text(encoding="utf-8")) for p in (again, EXAMPLE))
    # The example predates the later schema steps: their sections are exported empty.
    added = {k for k, rows in ours["records"].items() if k not in theirs["records"] and not rows}
    kept = {k: rows for k, rows in ours["records"].items() if k not in added}
    assert kept == theirs["records"] and ours["audit"] == theirs["audit"]
