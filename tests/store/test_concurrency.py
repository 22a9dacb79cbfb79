"""Two processes writing one SQLite store: no lost write, no "database is locked" for the user.

Each process makes 600 units of work, each reading before it writes (the pattern that makes
SQLite's lock upgrade fail at once unless the transaction begins IMMEDIATE).
"""

from __future__ import annotations

import multiprocessing
import traceback

import pytest

from yhteiskehitys.model import Participant, Theme
from yhteiskehitys.store import open_store

WRITES = 600


def _writer(path: str, name: str, start, errors) -> None:
    try:
        with open_store(path, operator=name) as store:
            start.wait(30)
            for i in range(WRITES):
                with store.transaction() as tx:
                    tx.participants.count()  # read first, then write
                    tx.participants.add(Participant(id=f"{name}-{i:04d}"))
                    if i % 100 == 0:
                        tx.themes.add(Theme(id=f"{name}-t{i}", title="T"))
    except BaseException:  # noqa: BLE001 - the parent reports what the writer hit
        errors.put(f"{name}: {traceback.format_exc()}")


@pytest.mark.slow
def test_two_writers_lose_nothing(tmp_path):
    path = tmp_path / "yhteiskehitys.db"
    open_store(path).close()
    ctx = multiprocessing.get_context("fork")
    start, errors = ctx.Event(), ctx.Queue()
    writers = [ctx.Process(target=_writer, args=(str(path), n, start, errors)) for n in "AB"]
    for w in writers:
        w.start()
    start.set()
    for w in writers:
        w.join(120)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    assert [w.exitcode for w in writers] == [0, 0]
    with open_store(path) as store, store.read() as tx:
        ids = tx.participants.ids()
        assert len(ids) == 2 * WRITES
        assert {i[0] for i in ids} == {"A", "B"}
        assert tx.themes.count() == 2 * (WRITES // 100)
        entries = tx.audit.entries()
        assert len(entries) == 2 * WRITES + 2 * (WRITES // 100)
        assert {e.operator for e in entries} == {"A", "B"}
