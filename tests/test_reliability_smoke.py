"""A smoke run of ``make reliability`` (a few trials of each check), so the script cannot rot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_reliability_script_runs_and_every_figure_passes(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    sys.modules.pop("reliability", None)
    from reliability import run

    out = tmp_path / "reliability.md"
    assert run.main(["--smoke", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| crash | " in text and "| injection: templates |" in text
    assert "**NO**" not in text
    for kind in ("records.json", "programme.toml", "mapping file", "survey exports"):
        assert f"| fuzz: {kind} |" in text
