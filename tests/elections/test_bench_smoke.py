"""The elections bench runs at toy size (no timing asserted; ``make bench`` measures)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_elections.py"


def test_the_elections_bench_runs_at_toy_size(capsys):
    spec = importlib.util.spec_from_file_location("bench_elections", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pooled, serial, api, leaky = module.run(voters=3, ballots=6, candidates=2, rounds=1)
    assert min(pooled, serial, api, leaky) > 0
    assert "6 votes among 2 candidates" in capsys.readouterr().out
