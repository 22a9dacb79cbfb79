"""Concurrency: N processes each write W records, each write its own unit of work, at once.

Each write reads first and then writes (the pattern that makes SQLite upgrade a lock) and adds
one participant with its audit entry; every 100th also a theme. Afterwards the store must hold
exactly N × W participants, N × W / 100 themes and one audit entry per record, and no process
may have seen an error.
"""

from __future__ import annotations

import multiprocessing
import secrets
import time
import traceback
from pathlib import Path

import sqlalchemy as sa


def _writer(url: str, name: str, writes: int, start, errors) -> None:
    from yhteiskehitys.model import Participant, Theme
    from yhteiskehitys.store import open_store

    try:
        with open_store(url, operator=name) as store:
            start.wait(60)
            for i in range(writes):

                def work(tx, i=i):
                    tx.participants.count()
                    tx.participants.add(Participant(id=f"{name}-{i:05d}"))
                    if i % 100 == 0:
                        tx.themes.add(Theme(id=f"{name}-t{i}", title="T"))

                store.run(work)
    except BaseException:  # noqa: BLE001 - the parent counts what a writer hit
        errors.put(f"{name}: {traceback.format_exc(limit=3)}")


def run_one(url: str, processes: int, writes: int) -> dict:
    from yhteiskehitys.store import open_store

    open_store(url).close()
    ctx = multiprocessing.get_context("fork")
    start, errors = ctx.Event(), ctx.Queue()
    names = [f"w{n}" for n in range(processes)]
    workers = [ctx.Process(target=_writer, args=(url, n, writes, start, errors)) for n in names]
    for w in workers:
        w.start()
    began = time.monotonic()
    start.set()
    for w in workers:
        w.join(900)
    seconds = time.monotonic() - began
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    with open_store(url) as store, store.read() as tx:
        participants, themes, audit = (
            tx.participants.count(),
            tx.themes.count(),
            tx.audit.count(),
        )
    expected = processes * writes
    return {
        "processes": processes,
        "writes": writes,
        "participants": participants,
        "themes": themes,
        "audit": audit,
        "expected": expected,
        "exact": participants == expected
        and themes == processes * len(range(0, writes, 100))
        and audit == participants + themes,
        "errors": len(problems) + sum(1 for w in workers if w.exitcode != 0),
        "first_error": problems[0] if problems else "",
        "seconds": round(seconds, 1),
        "writes_per_second": round(expected / seconds) if seconds else 0,
    }


def run(work: Path, processes: int, writes: int, postgresql: str | None) -> dict:
    figures = {"sqlite": run_one(str(work / "concurrency.db"), processes, writes)}
    if postgresql:
        with throwaway_database(postgresql) as url:
            figures["postgresql"] = run_one(url, processes, writes)
    return figures


class throwaway_database:
    """A new PostgreSQL database on the server of ``url``, dropped on leaving."""

    def __init__(self, url: str) -> None:
        from yhteiskehitys.store.url import sqlalchemy_url

        self.server = sqlalchemy_url(url)
        self.name = f"yk_reliability_{secrets.token_hex(5)}"

    def __enter__(self) -> str:
        self.admin = sa.create_engine(self.server, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{self.name}"')
        return sa.engine.make_url(self.server).set(database=self.name).render_as_string(False)

    def __exit__(self, *exc: object) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.dispose()
