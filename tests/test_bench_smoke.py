"""Every benchmark under bench/ runs at toy size, so a bench can never break unnoticed.

``make bench`` times the real sizes; here each ``bench/bench_*.py`` is run by pytest in its own
process with ``YK_BENCH_SMOKE=1`` (tiny sizes, one round, no timing targets; see bench/README.md)
and its files under a temporary ``YK_BENCH_DIR``. A new bench is picked up by its file name.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHES = sorted((ROOT / "bench").glob("bench_*.py"))
SMOKE_SECONDS = 120
"""Per bench, far above what a smoke run takes: only a hung bench reaches it."""


def test_there_are_benches():
    assert {p.name for p in BENCHES} >= {"bench_loop.py", "bench_measure.py", "bench_store.py"}


@pytest.mark.parametrize("bench", BENCHES, ids=lambda p: p.name)
def test_bench_honours_the_smoke_switch(bench):
    assert "YK_BENCH_SMOKE" in bench.read_text(encoding="utf-8"), (
        f"{bench.name} must read YK_BENCH_SMOKE (toy sizes, one round, no targets); "
        "see bench/README.md"
    )


@pytest.mark.parametrize("bench", BENCHES, ids=lambda p: p.name)
def test_bench_smoke_run_passes(bench, tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("YK_") or k in ("YK_TEST_DATABASE_URL", "YK_REQUIRE_ALL")
    }
    env.update(
        YK_BENCH_SMOKE="1",
        YK_BENCH_DIR=str(tmp_path / "bench"),
        YK_CACHE_DIR=str(tmp_path / "cache"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--import-mode=importlib", "-p", "no:cacheprovider",
         "-o", "python_files=bench_*.py", "-q", "-s", str(bench)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=SMOKE_SECONDS,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{bench.name} fails at toy size:\n{output[-4000:]}"
    assert " passed" in output, f"{bench.name} ran no benchmark:\n{output[-2000:]}"
