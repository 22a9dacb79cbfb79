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
    for kind in ("records.json", "programme.toml", "mapping file", "survey exports", ".pb file"):
        assert f"| fuzz: {kind} |" in text
    assert "cases per seed: approval" in text and "cases per reader: csv" in text


def test_a_pb_file_is_read_counted_and_every_fifth_readable_one_imported(tmp_path, monkeypatch):
    """The .pb fuzz's seeds are good files, and its deepest path (an import as a new budget,
    the store then holding all of it) is taken even at the smoke run's size."""
    monkeypatch.syspath_prepend(str(ROOT))
    sys.modules.pop("reliability", None)
    from reliability import fuzz

    for vote_type in ("approval", "cumulative"):
        target = fuzz.pb_target(tmp_path, vote_type)
        try:
            outcomes = [target.execute(target.seed) for _ in range(fuzz.PB_STORE_EVERY)]
        finally:
            target.close()
        assert outcomes == ["counted"] * (fuzz.PB_STORE_EVERY - 1) + ["imported"]
        assert target.tally.store_cases == 1 and target.tally.partial == 0


def test_the_fuzz_alone_reports_each_kind(tmp_path, monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.chdir(tmp_path)
    sys.modules.pop("reliability", None)
    from reliability import run

    out = tmp_path / "fuzz.json"
    args = ["--only", "fuzz", "--kinds", "pb,records", "--seconds", "60", "--cases", "60"]
    assert run.main([*args, "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| .pb file | 60 |" in printed and "| records.json | 60 |" in printed
    assert "| programme.toml |" not in printed
