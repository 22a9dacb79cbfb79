"""``yk loop`` on a national-scale store against one hand-written SQL query; ``yk status`` time.

Run by ``make bench``; ``make test`` runs it at toy size (``YK_BENCH_SMOKE=1``, see README.md
here); ``python bench/bench_loop.py`` runs it alone.

The store: ``yhteiskehitys.testing.synthetic.build_loop_store`` with seed 0 and
``YK_BENCH_SUBJECTS`` commissions and ideas (default 1 000 000, giving over 5 000 000
transitions), cached as ``build/bench/loop-national-v2-seed0-N.db`` (``YK_BENCH_DIR``) so
reruns reuse it.

Measured, each the median of ``YK_BENCH_ROUNDS`` (default 5) interleaved runs:

- ``yk loop --format json`` run as a user runs it (the installed console script, start-up
  included), and ``loop_summary`` called in-process;
- one hand-written SQL statement (below) that computes the same figures on the same file
  through the sqlite3 module: counts and overdue per state, per theme and per actor, medians
  per stage, the first 20 open loops. The bench checks both give the same figures.
- ``yk status``: target under 1 s, start-up included.

Target for the loop: ≤ 1.5× the hand-written query.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMOKE = os.environ.get("YK_BENCH_SMOKE") == "1"
CACHE = Path(os.environ.get("YK_BENCH_DIR", ROOT / "build" / "bench"))
N = int(os.environ.get("YK_BENCH_SUBJECTS", "60" if SMOKE else "1000000"))
ROUNDS = int(os.environ.get("YK_BENCH_ROUNDS", "1" if SMOKE else "5"))
TODAY = date(2025, 6, 1)
TARGET, STATUS_SECONDS = 1.5, 1.0
YK = str(Path(sys.executable).parent / "yk")

HAND_WRITTEN = """
WITH subj AS (
  SELECT 'commission' AS kind, id, actor, theme, state, state_since, follow_up FROM commissions
  UNION ALL
  SELECT 'idea', id, actor, theme, state, state_since, follow_up FROM ideas
),
flag AS MATERIALIZED (
  SELECT kind, id, actor, theme, state, state_since,
         state = 'reported_back' AND follow_up IS NULL AS closed,
         CASE WHEN (state = 'delivered' AND state_since < :respond_cut)
                OR (state = 'responded' AND state_since < :report_cut)
                OR follow_up < :today THEN 1 ELSE 0 END AS overdue
  FROM subj
)
SELECT 'state', kind, state, count(*), sum(overdue), NULL FROM flag GROUP BY kind, state
UNION ALL
SELECT 'theme', NULL, theme, count(*), sum(overdue),
       sum(state IN ('delivered', 'responded', 'reported_back')) * 1000000
       + sum(closed) FROM flag GROUP BY theme
UNION ALL
SELECT 'actor', NULL, actor, count(*), sum(overdue),
       sum(state IN ('delivered', 'responded', 'reported_back')) * 1000000
       + sum(closed) FROM flag GROUP BY actor
{medians}
UNION ALL
SELECT * FROM (SELECT 'open', kind, id, overdue, NULL, state_since FROM flag
               WHERE NOT closed
               ORDER BY overdue DESC, date(state_since), kind, id LIMIT 20)
"""


MEDIAN = """UNION ALL
SELECT 'median', '{kind}', '{stage}', (SELECT count(*) FROM {where}), NULL,
       (SELECT avg(stay_days) FROM (SELECT stay_days FROM {where} ORDER BY stay_days
        LIMIT 2 - (SELECT count(*) FROM {where}) % 2
        OFFSET ((SELECT count(*) FROM {where}) - 1) / 2))
"""
STAGES = [
    (k, s)
    for k, states in (
        (
            "commission",
            ("draft", "commissioned", "in_work", "documented", "delivered", "responded"),
        ),
        ("idea", ("submitted", "routed", "in_work", "documented", "delivered", "responded")),
    )
    for s in states
]
HAND_WRITTEN = HAND_WRITTEN.replace(
    "{medians}",
    "".join(
        MEDIAN.format(
            kind=k,
            stage=s,
            where=(
                f"loop_transitions WHERE subject_kind = '{k}' AND from_state = '{s}' "
                "AND stay_days IS NOT NULL"
            ),
        )
        for k, s in STAGES
    ),
)


def store_file() -> Path:
    path = CACHE / f"loop-national-v2-seed0-{N}.db"
    if not path.exists():
        from yhteiskehitys.testing.synthetic import build_loop_store

        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        for leftover in path.parent.glob(tmp.name + "*"):
            leftover.unlink()
        started = time.perf_counter()
        counts = build_loop_store(tmp, subjects=N)
        tmp.rename(path)
        print(f"\ngenerated {path.name} in {time.perf_counter() - started:.0f} s: {counts}")
    return path


def hand_written(path: Path) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cut = lambda days: f"{TODAY - timedelta(days=days)} 00:00:00.000000"  # noqa: E731
        return con.execute(
            HAND_WRITTEN,
            {"today": TODAY.isoformat(), "respond_cut": cut(30), "report_cut": cut(14)},
        ).fetchall()
    finally:
        con.close()


def in_process(path: Path):
    from yhteiskehitys.loop.queries import loop_summary
    from yhteiskehitys.model import LoopLimits
    from yhteiskehitys.store import open_store

    with open_store(path) as store, store.read() as tx:
        return loop_summary(tx.conn, LoopLimits(), TODAY, open_limit=20)


def cli(folder: Path, path: Path, *args: str) -> str:
    result = subprocess.run(
        [YK, "--database", f"sqlite:///{path}", *args, str(folder), "--today", TODAY.isoformat()],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def same_figures(rows: list[tuple], summary) -> None:
    """The hand-written query and the library agree, figure by figure."""
    states = {(r[1], r[2]): r[3] for r in rows if r[0] == "state"}
    assert states == {(k, s): n for k, by in summary.counts.items() for s, n in by.items() if n}
    assert sum(r[4] for r in rows if r[0] == "state") == summary.overdue
    themes = {r[2]: (r[3], r[4], r[5] // 1000000, r[5] % 1000000) for r in rows if r[0] == "theme"}
    assert themes == {g.key: (g.total, g.overdue, g.delivered, g.closed) for g in summary.by_theme}
    actors = {r[2]: (r[3], r[4]) for r in rows if r[0] == "actor"}
    assert actors == {g.key: (g.total, g.overdue) for g in summary.by_actor}
    medians = {(r[1], r[2]): (r[3], r[5]) for r in rows if r[0] == "median"}
    for s in summary.stages:
        n, median = medians[(s.kind, s.stage)]
        assert n == s.n and abs(median - s.median_days) < 1e-9
    assert [r[2] for r in rows if r[0] == "open"] == [o.id for o in summary.open_loops]


def test_loop_figures_against_hand_written_sql() -> None:
    path = store_file()
    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copy(ROOT / "examples" / "kehittajaryhma" / "programme.toml", folder)
        same_figures(hand_written(path), in_process(path))
        json.loads(cli(folder, path, "loop", "--format", "json"))
        sql, cli_loop, api, status = [], [], [], []
        for _ in range(ROUNDS):
            sql.append(timed(lambda: hand_written(path))[0])
            cli_loop.append(timed(lambda: cli(folder, path, "loop", "--format", "json"))[0])
            api.append(timed(lambda: in_process(path))[0])
            status.append(timed(lambda: cli(folder, path, "status"))[0])
    finally:
        shutil.rmtree(folder)
    m = {
        k: statistics.median(v)
        for k, v in {"sql": sql, "cli": cli_loop, "api": api, "status": status}.items()
    }
    print(
        f"\nloop figures on {N} subjects (median of {ROUNDS}):"
        f"\n  hand-written SQL       {m['sql']:.3f} s"
        f"\n  yk loop (console)      {m['cli']:.3f} s   ratio {m['cli'] / m['sql']:.2f}x"
        f"\n  loop_summary (API)     {m['api']:.3f} s   ratio {m['api'] / m['sql']:.2f}x"
        f"\n  yk status (console)    {m['status']:.3f} s   target < {STATUS_SECONDS} s"
    )
    if SMOKE:
        return
    assert m["cli"] <= TARGET * m["sql"], "yk loop is slower than 1.5x the hand-written query"
    assert m["status"] < STATUS_SECONDS, "yk status takes a second or more"


if __name__ == "__main__":
    test_loop_figures_against_hand_written_sql()
