"""Crash safety: a bulk write killed with SIGKILL at random points leaves all or none of it.

Each trial forks a process (the store's modules already imported, so the kill lands in the
write rather than in start-up) that writes 100 000 participants plus their 100 000 audit rows
in one unit of work, and kills it after a random delay. The store must then open, pass
``PRAGMA integrity_check`` and hold either the whole batch or nothing of it.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from yhteiskehitys.model import Participant
from yhteiskehitys.store import open_store

N = 100_000
TRIALS = 20
PEOPLE = [Participant(id=f"P-{i:06d}", birth_year=2008 + i % 10) for i in range(N)]


def _write(path: str) -> None:
    with open_store(path, operator="crash") as store, store.transaction() as tx:
        tx.participants.add_many(PEOPLE)
    os._exit(0)


def _fork(path) -> multiprocessing.Process:
    process = multiprocessing.get_context("fork").Process(target=_write, args=(str(path),))
    process.start()
    return process


def _state(path) -> tuple[str, int, int]:
    with open_store(path) as store, store.read() as tx:
        participants, audit = tx.participants.count(), tx.audit.count()
    db = sqlite3.connect(path)
    try:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()
    return check, participants, audit


@pytest.mark.slow
def test_a_killed_bulk_write_leaves_all_or_nothing(tmp_path):
    empty = tmp_path / "empty.db"
    open_store(empty).close()

    # One undisturbed run measures how long the write takes on this machine.
    first = tmp_path / "first.db"
    shutil.copy(empty, first)
    start = time.monotonic()
    process = _fork(first)
    process.join(120)
    duration = time.monotonic() - start
    assert process.exitcode == 0
    assert _state(first) == ("ok", N, N)

    rng = random.Random(20240301)
    outcomes = []
    for pair in range(0, TRIALS, 2):  # two at a time, each on its own copy
        trials = [(n, tmp_path / f"trial{n}.db") for n in (pair, pair + 1)]
        for _, path in trials:
            shutil.copy(empty, path)
        started = [(n, path, _fork(path), rng.uniform(0.02, 1.1 * duration)) for n, path in trials]
        begin = time.monotonic()
        for _n, _path, process, delay in sorted(started, key=lambda t: t[3]):
            time.sleep(max(0.0, begin + delay - time.monotonic()))
            os.kill(process.pid, signal.SIGKILL)
            process.join(30)
        for n, path, _, _ in started:
            check, participants, audit = _state(path)
            assert check == "ok", f"trial {n}: {check}"
            assert (participants, audit) in ((0, 0), (N, N)), f"trial {n}: {participants}, {audit}"
            outcomes.append(participants)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert len(outcomes) >= 20
    # The kills must have landed inside the write, or the test proved nothing.
    assert outcomes.count(0) >= TRIALS // 4, outcomes
