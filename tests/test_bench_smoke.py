"""Every bench runs at toy size in ``make test`` (no timing asserts), so it cannot rot."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_budget_bench_smoke(tmp_path):
    text = _bench("bench_budget").smoke(tmp_path)
    assert "toy" in text and "mes-add1-greedy" in text
    assert "NO" not in text
