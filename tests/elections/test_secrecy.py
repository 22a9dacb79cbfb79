"""Ballot secrecy: nothing in the store (any table, its physical row order, PostgreSQL's row
versions) or in the audit trail links a voter or a code to a choice.

The strong form: two elections in which the same voters vote in the same order with the same
codes, the choices swapped between voters, leave stores that cannot be told apart. Whatever
anyone reads out of the store, every table and the trail, is the same whoever chose whom.
"""

from __future__ import annotations

import random
from typing import Any

from yhteiskehitys.decide import elections as el
from yhteiskehitys.decide.elections import codes as code_module
from yhteiskehitys.decide.elections import voting
from yhteiskehitys.store import open_store, schema

from .conftest import AFTER, BEFORE, DURING, make_election, voter

VOTERS = [
    voter(f"v{n:02d}", school="Levin koulu" if n % 2 else "Kittilän lukio") for n in range(1, 9)
]
CANDIDATES = {"v01": "Aino", "v02": "Eino", "v03": "Sini"}
CODES = ["7KQ-4MX", "3HT-9PA", "C6R-2WN", "M8D-5YE", "Q4F-7JU", "X2G-6KB", "T9V-3NR", "E5Z-8HD"]
SALT = "00112233445566778899aabbccddeeff"
# Who votes when (the same in both elections), and two ways of choosing with the same totals.
ORDER = ["v04", "v01", "v07", "v02", "v05", "v03"]
CHOICES_A = {"v04": "v01", "v01": "v02", "v07": "v01", "v02": "v03", "v05": "v02", "v03": "v01"}
CHOICES_B = {"v04": "v02", "v01": "v01", "v07": "v03", "v02": "v01", "v05": "v01", "v03": "v02"}
WITHOUT_TIME = {"audit": {"at"}, "schema_version": {"applied_at"}}


def _run(url: str, pm, choices: dict[str, str], monkeypatch) -> dict[str, str]:
    monkeypatch.setattr(code_module, "new_codes", lambda n: CODES[:n])
    monkeypatch.setattr(code_module, "new_salt", lambda: SALT)
    monkeypatch.setattr(voting.secrets, "SystemRandom", lambda: random.Random(1))
    with open_store(url, operator="koulu") as store:
        with store.transaction() as tx:
            make_election(tx, pm)
            el.add_voters(tx, pm, "nuva", VOTERS, at=BEFORE)
            for cid, name in CANDIDATES.items():
                el.add_candidate(tx, pm, "nuva", cid, name=name, at=BEFORE)
            handed = dict(el.issue_codes(tx, pm, "nuva", at=BEFORE))
        for who in ORDER:
            with store.transaction(operator="vaalikone") as tx:
                el.cast_vote(tx, pm, "nuva", code=handed[who], candidate=choices[who], at=DURING)
        with store.transaction() as tx:
            el.count_election(tx, pm, "nuva", seed=3, at=AFTER)
        return handed, _dump(store)


def _dump(store) -> list[tuple[str, list[Any]]]:
    """Every row of every table, in physical order, with PostgreSQL's row position and the rank
    of the transaction that wrote the row version (xmin)."""
    out = []
    with store.read() as tx:
        conn = tx.conn
        pg = conn.dialect.name == "postgresql"
        for table in schema.metadata.sorted_tables:
            skip = WITHOUT_TIME.get(table.name, set())
            cols = [c.name for c in table.columns if c.name not in skip]
            names = ", ".join(f'"{c}"' for c in cols)
            if pg:
                position = "ctid::text, xmin::text::bigint"
                sql = f'SELECT {position}, {names} FROM "{table.name}" ORDER BY ctid'
            else:
                sql = f'SELECT rowid, 0, {names} FROM "{table.name}" ORDER BY rowid'
            out.append((table.name, [tuple(row) for row in conn.exec_driver_sql(sql)]))
    xmins = sorted({row[1] for _, rows in out for row in rows})
    rank = {x: n for n, x in enumerate(xmins)}
    return [(name, [(row[0], rank[row[1]], *row[2:]) for row in rows]) for name, rows in out]


def test_swapping_who_chose_whom_leaves_an_identical_store(
    store_url, twin_store_url, pm, monkeypatch
):
    handed_a, first = _run(store_url, pm, CHOICES_A, monkeypatch)
    handed_b, second = _run(twin_store_url, pm, CHOICES_B, monkeypatch)
    assert handed_a == handed_b
    tallies = dict(first)["election_ballots"]
    assert sum(row[-1] for row in tallies) == len(ORDER)  # the votes are in the store...
    assert first == second  # ...and nothing tells which voter or code cast which of them


def test_no_table_and_no_audit_entry_holds_a_code_or_pairs_a_voter_with_a_vote(
    store_url, pm, monkeypatch
):
    handed, dump = _run(store_url, pm, CHOICES_A, monkeypatch)
    text = repr(dump)
    for code in handed.values():
        assert code not in text and code.replace("-", "") not in text
    columns = {t.name: set(t.c.keys()) for t in schema.metadata.sorted_tables}
    assert columns["election_ballots"] == {"election", "place", "candidate", "votes"}
    assert columns["election_codes"] == {"election", "code_hash", "school", "used"}
    voters = set(handed)
    hashes = {row[3] for row in dict(dump)["election_codes"]}
    for name, rows in dump:
        for row in rows:
            cells = {str(c) for c in row}
            if name in (
                "election_roll",
                "election_candidates",
                "election_ballots",
                "election_results",
            ):
                continue  # the roll lists voters, never a choice; tallies and result no voter
            assert not cells & voters or name == "audit", (name, row)
            if name != "election_codes":
                assert not cells & hashes, (name, row)
    with open_store(store_url) as store, store.read() as tx:
        votes = tx.audit.entries(entity="election")
        cast = [e for e in votes if e.action == "vote"]
        assert len(cast) == len(ORDER)
        assert {(e.entity_id, repr(e.before), repr(e.after)) for e in cast} == {
            ("nuva", "None", "None")
        }
        for entry in tx.audit.entries():
            blob = repr((entry.entity_id, entry.before, entry.after))
            assert not any(h in blob for h in hashes)
            if entry.action in ("roll", "codes"):
                assert not any(v in blob for v in voters)
