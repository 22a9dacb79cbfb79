"""Youth-council elections: what the code hash and the secret tally cost.

Run by ``make bench``; ``make test`` runs it once at toy size (``YK_BENCH_SMOKE=1``, see
README.md in this folder); ``python bench/bench_elections.py`` runs it alone.

1. Issuing codes to V voters (default 400; ``YK_BENCH_VOTERS``) at the default cost (scrypt
   n = 2^14): ``issue_codes`` hashes on every core; side by side with the same hashes one after
   another. The ratio is the speed-up the thread pool buys.
2. Casting B votes (default 2 000; ``YK_BENCH_BALLOTS``) among C candidates (default 30), one
   transaction each as a voting terminal makes them, through ``cast_vote`` (which rewrites every
   online tally row of the election so no row version tells the choice) side by side with a
   hand-written vote that marks the code used and appends one ballot row — the design that would
   leak the order of votes. Both at the lowest code cost, so the hash does not hide the write.

Medians of ``YK_BENCH_ROUNDS`` (default 3) runs.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from yhteiskehitys.decide import elections as el
from yhteiskehitys.decide.elections import codes
from yhteiskehitys.decide.elections.model import DEFAULT_CODE_COST
from yhteiskehitys.model import Text
from yhteiskehitys.plugins import get_plugin_manager
from yhteiskehitys.store import open_store

SMOKE = os.environ.get("YK_BENCH_SMOKE") == "1"
VOTERS = int(os.environ.get("YK_BENCH_VOTERS", "8" if SMOKE else "400"))
BALLOTS = int(os.environ.get("YK_BENCH_BALLOTS", "20" if SMOKE else "2000"))
CANDIDATES = int(os.environ.get("YK_BENCH_CANDIDATES", "4" if SMOKE else "30"))
ROUNDS = int(os.environ.get("YK_BENCH_ROUNDS", "1" if SMOKE else "3"))
BEFORE = datetime(2025, 2, 1, tzinfo=UTC)
DURING = datetime(2025, 3, 5, tzinfo=UTC)


def _election(store, pm, voters: int, candidates: int, cost: int) -> list[tuple[str, str]]:
    with store.transaction() as tx:
        el.new_election(
            tx,
            pm,
            id="nuva",
            title=Text(fi="Vaalit"),
            seats=min(9, candidates),
            deputies=5,
            opens=date(2025, 3, 3),
            closes=date(2025, 3, 14),
            code_cost=cost,
        )
        el.add_voters(
            tx, pm, "nuva", [el.Voter(voter=f"v{i:06d}") for i in range(voters)], at=BEFORE
        )
        for i in range(candidates):
            el.add_candidate(tx, pm, "nuva", f"v{i:06d}", name=f"Ehdokas {i}", at=BEFORE)
    start = time.perf_counter()
    with store.transaction() as tx:
        pairs = el.issue_codes(tx, pm, "nuva", at=BEFORE)
    return pairs, time.perf_counter() - start


def codes_bench(voters: int, rounds: int, cost: int = DEFAULT_CODE_COST):
    pm = get_plugin_manager(entry_points=False)
    pooled, serial = [], []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp), operator="bench") as store:
            pairs, seconds = _election(store, pm, voters, 1, cost)
            pooled.append(seconds)
        salt = codes.new_salt()
        start = time.perf_counter()
        for _, code in pairs:
            codes.hash_code(codes.normalise(code), salt, cost)
        serial.append(time.perf_counter() - start)
    return statistics.median(pooled), statistics.median(serial)


def _leaky_vote(store, code_hash: str, candidate: str) -> None:
    """The design not taken: one ballot row per vote, written in the code's transaction."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE election_codes SET used = 1 WHERE election = 'nuva' AND code_hash = ?",
            (code_hash,),
        )
        conn.exec_driver_sql("INSERT INTO leaky_ballots (candidate) VALUES (?)", (candidate,))


def votes_bench(ballots: int, candidates: int, rounds: int):
    pm = get_plugin_manager(entry_points=False)
    api, leaky = [], []
    rng = random.Random(1)
    for _ in range(rounds):
        choices = [f"v{rng.randrange(candidates):06d}" for _ in range(ballots)]
        with tempfile.TemporaryDirectory() as tmp:
            with open_store(Path(tmp) / "api", operator="bench") as store:
                pairs, _ = _election(store, pm, ballots, candidates, codes.MIN_COST)
                start = time.perf_counter()
                for (_, code), choice in zip(pairs, choices, strict=True):
                    with store.transaction() as tx:
                        el.cast_vote(tx, pm, "nuva", code=code, candidate=choice, at=DURING)
                api.append(time.perf_counter() - start)
                with store.read() as tx:
                    counted = sum(sum(v.values()) for v in tx.elections.tallies("nuva").values())
                assert counted == ballots
            with open_store(Path(tmp) / "hand", operator="bench") as store:
                pairs, _ = _election(store, pm, ballots, candidates, codes.MIN_COST)
                with store.engine.begin() as conn:
                    conn.execute(sa.text("CREATE TABLE leaky_ballots (candidate TEXT)"))
                    salt = conn.execute(sa.text("SELECT code_salt FROM elections")).scalar()
                hashes = codes.hash_codes([c for _, c in pairs], salt, codes.MIN_COST)
                start = time.perf_counter()
                for digest, choice in zip(hashes, choices, strict=True):
                    codes.hash_code(codes.normalise(pairs[0][1]), salt, codes.MIN_COST)
                    _leaky_vote(store, digest, choice)
                leaky.append(time.perf_counter() - start)
    return statistics.median(api), statistics.median(leaky)


def run(
    voters: int = VOTERS, ballots: int = BALLOTS, candidates: int = CANDIDATES, rounds: int = ROUNDS
):
    pooled, serial = codes_bench(voters, rounds)
    api, leaky = votes_bench(ballots, candidates, rounds)
    print(
        f"\nelections, median of {rounds}:\n"
        f"  codes for {voters} voters (scrypt 2^{DEFAULT_CODE_COST}): "
        f"issue_codes {pooled:.2f} s, one after another {serial:.2f} s, "
        f"speed-up {serial / pooled:.2f}x ({os.cpu_count()} cores)\n"
        f"  {ballots} votes among {candidates} candidates, one transaction each: "
        f"cast_vote {api:.2f} s ({ballots / api:.0f}/s), ballot-row design {leaky:.2f} s, "
        f"ratio {api / leaky:.2f}x"
    )
    return pooled, serial, api, leaky


def test_elections_bench():
    run()


if __name__ == "__main__":
    run()
