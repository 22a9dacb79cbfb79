"""Writing 100 000 records through the store's API against hand-written ``executemany``.

Run by ``make bench``; ``make test`` runs it at toy size (``YK_BENCH_SMOKE=1``, see README.md
here); ``python bench/bench_store.py`` runs it alone.

The records: N participants (default 100 000; ``YK_BENCH_RECORDS``), each with one guardian
consent, as a children's programme records them. Both sides start from the same list of model
objects, on a fresh SQLite store opened by ``open_store`` (same engine settings: WAL,
synchronous=FULL, foreign keys), in one transaction, and write **the same rows**:

- API: ``tx.participants.add_many(people)`` — checks the ids are new, writes the participant
  and consent rows, and one audit row per participant holding the record as JSON;
- hand-written: three ``executemany`` calls with the same participant, consent **and audit**
  rows (the audit JSON made by the same converter), without any checks.

The bench verifies that both stores then hold identical rows (audit times aside), and prints
the median of ``YK_BENCH_ROUNDS`` (default 5) interleaved runs and their ratio. Target ≤ 1.5×.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from yhteiskehitys.convert import make_converter
from yhteiskehitys.model import Consent, Participant
from yhteiskehitys.store import open_store
from yhteiskehitys.store.repos.participants import ELECTION_FACTS

SMOKE = os.environ.get("YK_BENCH_SMOKE") == "1"
N = int(os.environ.get("YK_BENCH_RECORDS", "100" if SMOKE else "100000"))
ROUNDS = int(os.environ.get("YK_BENCH_ROUNDS", "1" if SMOKE else "5"))
TARGET = 1.5


def people(n: int) -> list[Participant]:
    guardian = Consent(kind="guardian", given=date(2024, 1, 8), scope=["participation"])
    return [
        Participant(id=f"P-{i:06d}", birth_year=2008 + i % 10, consents=[guardian])
        for i in range(n)
    ]


def through_api(folder: Path, records: list[Participant]) -> float:
    with open_store(folder, operator="bench") as store:
        start = time.perf_counter()
        with store.transaction() as tx:
            tx.participants.add_many(records)
        return time.perf_counter() - start


def _audit_json(converter, p: Participant) -> str:
    """The participant as the audit trail holds it: election facts only when known."""
    data = converter.unstructure(p)
    for key in ELECTION_FACTS:
        if data.get(key) is None:
            data.pop(key, None)
    return json.dumps(data)


def by_hand(folder: Path, records: list[Participant]) -> float:
    converter = make_converter("json")
    with open_store(folder, operator="bench") as store:
        start = time.perf_counter()
        with store.engine.begin() as conn:
            at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            conn.exec_driver_sql(
                "INSERT INTO participants (id, birth_year, age_band, roles, joined) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (p.id, p.birth_year, p.age_band, json.dumps(list(p.roles)),
                     p.joined and p.joined.isoformat())
                    for p in records
                ],
            )  # fmt: skip
            conn.exec_driver_sql(
                "INSERT INTO consents (participant, position, kind, given, scope, withdrawn) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (p.id, n, c.kind, c.given.isoformat(), json.dumps(list(c.scope)),
                     c.withdrawn and c.withdrawn.isoformat())
                    for p in records
                    for n, c in enumerate(p.consents, start=1)
                ],
            )  # fmt: skip
            conn.exec_driver_sql(
                "INSERT INTO audit (at, operator, action, entity, entity_id, before, after, "
                "redacted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (at, "bench", "add", "participant", p.id, None,
                     _audit_json(converter, p), 0)
                    for p in records
                ],
            )  # fmt: skip
        return time.perf_counter() - start


def rows(folder: Path) -> dict[str, list[tuple]]:
    engine = sa.create_engine(f"sqlite:///{folder / 'yhteiskehitys.db'}")
    with engine.connect() as conn:
        found = {
            table: conn.exec_driver_sql(f"SELECT {cols} FROM {table} ORDER BY 1, 2").all()
            for table, cols in (
                ("participants", "*"),
                ("consents", "*"),
                ("audit", "seq, operator, action, entity, entity_id, before, after, redacted"),
            )
        }
    engine.dispose()
    return found


def run(n: int = N, rounds: int = ROUNDS) -> float:
    records = people(n)
    api, hand = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for name, write, times in (("api", through_api, api), ("hand", by_hand, hand)):
                folder = Path(tmp) / f"{name}{r}"
                folder.mkdir()
                times.append(write(folder, records))
        assert rows(Path(tmp) / "api0") == rows(Path(tmp) / "hand0"), "the two sides differ"
    ratio = statistics.median(api) / statistics.median(hand)
    print(
        f"\nstore: {n} participants + {n} consents + {n} audit rows, median of {rounds}:\n"
        f"  API add_many (ids checked, audit rows):       {statistics.median(api):.3f} s\n"
        f"  hand-written executemany (same rows, audit):  {statistics.median(hand):.3f} s\n"
        f"  ratio {ratio:.2f}x (target <= {TARGET}x)"
    )
    return ratio


def test_bulk_write_through_the_api_is_close_to_executemany():
    ratio = run()
    assert SMOKE or ratio <= TARGET


if __name__ == "__main__":
    run()
