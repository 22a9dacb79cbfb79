"""Start-up time of the command line against a bare ``import click``.

Run by ``make bench``; ``make test`` runs it once without the target (``YK_BENCH_SMOKE=1``, see
README.md here). The commands are run interleaved, round after round, so a busy machine slows
all of them alike; the medians and their ratios are printed.
Target: ``yk --help`` within 2x of importing click.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SMOKE = os.environ.get("YK_BENCH_SMOKE") == "1"
ROUNDS = int(os.environ.get("YK_BENCH_ROUNDS", "1" if SMOKE else "15"))
TARGET_HELP_RATIO = 2.0
YK = str(Path(sys.executable).parent / "yk")

COMMANDS = {
    "python -c 'import click'": [sys.executable, "-c", "import click"],
    "yk --help": [YK, "--help"],
    "yk models": [YK, "models"],
}


def _time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def measure(rounds: int = ROUNDS) -> dict[str, float]:
    """Median wall time in seconds of each command, measured interleaved."""
    env = dict(os.environ)
    for argv in COMMANDS.values():  # warm up: disk cache, byte code, the help cache
        _time(argv, env)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, argv in COMMANDS.items():
            times[name].append(_time(argv, env))
    return {name: statistics.median(values) for name, values in times.items()}


def report(medians: dict[str, float]) -> str:
    base = medians["python -c 'import click'"]
    lines = [f"start-up, median of {ROUNDS} interleaved runs:"]
    for name, value in medians.items():
        lines.append(f"  {name:<28} {value * 1000:7.1f} ms  {value / base:5.2f}x click")
    return "\n".join(lines)


def test_startup():
    medians = measure()
    print("\n" + report(medians))
    ratio = medians["yk --help"] / medians["python -c 'import click'"]
    assert SMOKE or ratio <= TARGET_HELP_RATIO, f"yk --help takes {ratio:.2f}x a bare click import"


if __name__ == "__main__":
    print(report(measure()))
