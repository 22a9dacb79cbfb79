"""Survey import and ``yk measure`` on a large store, against hand-written code on SQLite.

Run by ``make bench``; ``make test`` runs it at toy size (``YK_BENCH_SMOKE=1``, see README.md
here). A seeded generator writes N respondents x 12 items (default 1 000 000;
``YK_BENCH_RESPONDENTS``) into a CSV under build/bench/ (``YK_BENCH_DIR``; cached).

- import: ``yk survey import`` of the file against a hand-written ``csv`` + ``executemany`` of
  the same rows (the same scores) into the same table of an equally fresh store;
- measure: ``yk measure`` (two rounds, N respondents each) against one hand-written aggregate
  query over the same store;
- memory: peak RSS of an import of N/10 and of N respondents, each in its own process.

Medians of ``YK_BENCH_ROUNDS`` (default 5) interleaved runs; targets: import <= 1.5x,
measure <= 1.5x and under 2 s, peak memory independent of the file size.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMOKE = os.environ.get("YK_BENCH_SMOKE") == "1"
CACHE = Path(os.environ.get("YK_BENCH_DIR", ROOT / "build" / "bench"))
N = int(os.environ.get("YK_BENCH_RESPONDENTS", "200" if SMOKE else "1000000"))
ROUNDS = int(os.environ.get("YK_BENCH_ROUNDS", "1" if SMOKE else "5"))
ITEMS = (
    "heard1", "heard2", "heard3", "influence1", "influence2", "influence3",
    "belonging1", "belonging2", "interaction1", "interaction2", "trust1", "trust2",
)  # fmt: skip


def generate(n: int, *, seed: int, shift: float, keys: bool) -> Path:
    """N respondents, half participants; points 1-5 around a person's level, 3 % blanks."""
    path = CACHE / f"survey-{n}-{seed}.csv"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["tunnus", "ryhmä", *ITEMS])
        for i in range(n):
            group = "participant" if i % 2 else "comparison"
            level = rng.gauss(3.0 + (shift if group == "participant" else 0.0), 0.7)
            cells = []
            for _ in ITEMS:
                if rng.random() < 0.03:
                    cells.append("")
                else:
                    cells.append(str(max(1, min(5, round(level + rng.gauss(0, 0.6))))))
            writer.writerow([f"r{i:07d}" if keys else "", group, *cells])
    tmp.replace(path)
    return path


def fresh_programme(name: str) -> Path:
    from yhteiskehitys.cli.main import main
    from yhteiskehitys.store import open_store

    folder = CACHE / "stores" / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", str(folder), "--model", "nuoret-aikuiset"]) == 0
    # Opening the store creates it at the current schema, outside the timed part.
    with open_store(folder) as store:
        assert store.schema_version > 0
    return folder


def yk_import(folder: Path, file: Path, round_name: str) -> float:
    from yhteiskehitys.cli.main import main

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["survey", "import", str(file), "--round", round_name, str(folder)])
    elapsed = time.perf_counter() - start
    assert code == 0
    return elapsed


def hand_import(folder: Path, file: Path) -> float:
    """What a programmer would write by hand: csv, int(), the score, executemany."""
    db = folder / "yhteiskehitys.db"
    start = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO survey_rounds (name, instrument, instrument_version, items, dimensions, "
        "created) VALUES ('bench', 'barometer', '1', '[]', '[]', '2024-01-01 00:00:00')"
    )
    round_id = conn.execute("SELECT id FROM survey_rounds WHERE name = 'bench'").fetchone()[0]
    conn.execute(
        "INSERT INTO survey_imports (round, at, operator, reader, source, sha256, rows) "
        "VALUES (?, '2024-01-01 00:00:00', 'bench', 'csv', 'x', 'x', 0)",
        (round_id,),
    )
    import_id = conn.execute("SELECT max(id) FROM survey_imports").fetchone()[0]
    dims = [(0, 1, 2), (3, 4, 5), (6, 7), (8, 9), (10, 11)]
    cols = ", ".join(
        ["round", "grp", "import_id", "line", "respondent_key", "score"]
        + [f"p{k:02d}" for k in range(1, 13)]
        + [f"d{k:02d}" for k in range(1, 6)]
    )
    sql = f"INSERT INTO survey_responses ({cols}) VALUES ({', '.join('?' * 23)})"

    def rows():
        with open(file, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter=";")
            next(reader)
            for line, row in enumerate(reader, start=2):
                points = [int(v) if v else None for v in row[2:]]
                scored = [
                    None if p is None else ((6 - p) if i == 2 else p) * 25 - 25
                    for i, p in enumerate(points)
                ]

                def mean(idx, scored=scored):
                    got = [scored[i] for i in idx if scored[i] is not None]
                    return sum(got) / len(got) if len(got) * 2 >= len(idx) else None

                yield (
                    round_id, row[1], import_id, line, row[0] or None,
                    mean(range(12)), *points, *(mean(d) for d in dims),
                )  # fmt: skip

    conn.executemany(sql, rows())
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def yk_measure(folder: Path) -> float:
    from yhteiskehitys.cli.main import main

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["measure", str(folder)])
    elapsed = time.perf_counter() - start
    assert code == 0 and "participant" in out.getvalue()
    return elapsed


def hand_measure(folder: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(folder / "yhteiskehitys.db")
    conn.execute(
        "SELECT round, grp, count(score), sum(score), sum(score * score) "
        "FROM survey_responses GROUP BY round, grp"
    ).fetchall()
    conn.close()
    return time.perf_counter() - start


def peak_rss_kib(folder: Path, file: Path) -> int:
    """Peak resident memory of an import in its own process."""
    script = (
        "import resource, sys\n"
        "from yhteiskehitys.cli.main import main\n"
        "code = main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "survey", "import", str(file), "--round", "mem",
         str(folder)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(result.stdout.strip().splitlines()[-1])


def test_bench_survey_import_and_measure():
    spring = generate(N, seed=1, shift=0.0, keys=True)
    autumn = generate(N, seed=2, shift=0.4, keys=False)

    ours, hand = [], []
    for i in range(ROUNDS):
        ours.append(yk_import(fresh_programme("ours"), spring, "2024-spring"))
        hand.append(hand_import(fresh_programme("hand"), spring))
        print(f"  import run {i + 1}: yk {ours[-1]:.2f} s, hand-written {hand[-1]:.2f} s")
    imp_ours, imp_hand = statistics.median(ours), statistics.median(hand)

    folder = fresh_programme("measure")
    yk_import(folder, spring, "2024-spring")
    yk_import(folder, autumn, "2024-autumn")
    yk_measure(folder), hand_measure(folder)  # warm the page cache
    m_ours, m_hand = [], []
    for _ in range(ROUNDS):
        m_ours.append(yk_measure(folder))
        m_hand.append(hand_measure(folder))
    meas_ours, meas_hand = statistics.median(m_ours), statistics.median(m_hand)

    small = generate(N // 10, seed=3, shift=0.0, keys=True)
    rss_small = peak_rss_kib(fresh_programme("mem-small"), small)
    rss_large = peak_rss_kib(fresh_programme("mem-large"), spring)

    print(f"\nsurvey bench, {N} respondents x {len(ITEMS)} items, medians of {ROUNDS}:")
    print(f"  import   yk {imp_ours:7.2f} s ({N / imp_ours:9.0f} rows/s)   hand-written "
          f"{imp_hand:7.2f} s ({N / imp_hand:9.0f} rows/s)   ratio {imp_ours / imp_hand:.2f}x "
          "(target <= 1.5x)")  # fmt: skip
    print(f"  measure  yk {meas_ours:7.3f} s   hand-written query {meas_hand:7.3f} s   ratio "
          f"{meas_ours / meas_hand:.2f}x (target <= 1.5x, < 2 s), {2 * N} respondents")  # fmt: skip
    print(f"  peak RSS import of {N // 10}: {rss_small / 1024:.0f} MiB; of {N}: "
          f"{rss_large / 1024:.0f} MiB")  # fmt: skip
    assert SMOKE or meas_ours < 2.0 or N < 1_000_000 or os.environ.get("YK_BENCH_NO_ASSERT")
