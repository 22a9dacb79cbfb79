"""A seeded generator of a national-scale feedback-loop store, for benchmarks.

``build_loop_store(path, subjects=1_000_000)`` writes actors, themes, commissions and ideas with
their whole history (loop transitions with stay times, responses, report-backs) straight through
the store's engine with bulk inserts: secondary indexes are dropped during the load and built
after, and SQLite's journal is off while loading (a crash leaves a file to delete, which is fine
for generated data). Audit rows are not generated: the figures never read them. The same seed
always gives the same store.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from ..model.loop_states import INITIAL, STATES

START = datetime(2021, 1, 1, 8, tzinfo=UTC)
BATCH = 50_000

# Where a subject's story ends, with weights (share of subjects); ideas may skip the work.
ENDS = {
    "commission": (
        ("reported_back", 76),
        ("responded", 7),
        ("delivered", 6),
        ("documented", 3),
        ("in_work", 4),
        ("commissioned", 2),
        ("draft", 2),
    ),
    "idea": (
        ("reported_back", 74),
        ("responded", 8),
        ("delivered", 7),
        ("documented", 2),
        ("in_work", 3),
        ("routed", 3),
        ("submitted", 3),
    ),
}
# Typical days in each stage (mean of an exponential), so medians differ by stage.
STAY = {
    "draft": 3,
    "commissioned": 10,
    "in_work": 21,
    "documented": 5,
    "delivered": 24,
    "responded": 9,
    "submitted": 4,
    "routed": 6,
}
OUTCOMES = (("adopted", 35), ("adapted", 30), ("not_adopted", 20), ("pending", 15))


def _ts(t: datetime) -> str:
    """The text form SQLAlchemy's SQLite DateTime stores (naive UTC)."""
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def stories(subjects: int, seed: int, actors: int, themes: int, until: date) -> Iterator[tuple]:
    """(kind, subject row, transition rows, response rows, report-back rows) per subject."""
    rng = random.Random(seed)
    span = (datetime.combine(until, datetime.min.time(), tzinfo=UTC) - START).total_seconds()
    for n in range(subjects):
        kind = "commission" if rng.random() < 0.6 else "idea"
        sid = f"{kind[0]}{n:07d}"
        end = _pick(rng, ENDS[kind])
        path = list(STATES[kind][: STATES[kind].index(end) + 1])  # the loop in order
        if kind == "idea" and "delivered" in path and rng.random() < 0.4:
            path = [s for s in path if s not in ("in_work", "documented")]
        at = START + timedelta(seconds=rng.random() * span * 0.9)
        created, trans, responses, reports = at, [], [], []
        state, since, pending = path[0], at, None
        steps = path[1:]
        if "responded" in steps and rng.random() < 0.25:  # a pending answer followed up
            steps.insert(steps.index("responded"), "responded")
        for i, target in enumerate(steps):
            stay = rng.expovariate(1 / STAY.get(state, 7))
            at = since + timedelta(days=stay)
            trans.append((kind, sid, state, target, _ts(at), "generator", "", stay))
            if target == "responded":
                first_of_two = i + 1 < len(steps) and steps[i + 1] == "responded"
                outcome = "pending" if first_of_two else _pick(rng, OUTCOMES)
                follow = (
                    (at + timedelta(days=rng.randint(14, 90))).date().isoformat()
                    if (outcome == "pending")
                    else None
                )
                responses.append(
                    (
                        kind,
                        sid,
                        outcome,
                        "Lautakunta",
                        at.date().isoformat(),
                        "Muutos" if outcome in ("adopted", "adapted") else "",
                        "Perustelu" if outcome == "not_adopted" else "",
                        follow,
                        "Päätös",
                        "",
                    )
                )
                pending = follow
            if target == "reported_back":
                reports.append((kind, sid, _ts(at), "email", "Kerroimme", "generator"))
            state, since = target, at
        row = (
            sid,
            f"{kind} {n}",
            rng.randrange(actors),
            rng.randrange(themes) if rng.random() < 0.9 else None,
            created.date().isoformat(),
            state,
            _ts(since),
            pending,
        )
        yield kind, row, trans, responses, reports


def build_loop_store(
    path: Path | str,
    *,
    subjects: int = 1_000_000,
    seed: int = 0,
    actors: int = 500,
    themes: int = 40,
    until: date = date(2025, 6, 1),
) -> dict[str, int]:
    """Create the store at ``path`` (a new SQLite file) and fill it; return the row counts."""
    from ..store import open_store, schema

    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; the generator only writes a new store")
    store = open_store(path, operator="generator")
    tables = [
        schema.commissions,
        schema.ideas,
        schema.loop_transitions,
        schema.responses,
        schema.report_backs,
    ]
    indexes = [i for t in tables for i in t.indexes]
    try:
        raw = store.engine.raw_connection()
        con = raw.driver_connection
        assert con is not None  # an open pooled connection has its driver's connection
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        for index in indexes:
            con.execute(f"DROP INDEX IF EXISTS {index.name}")
        _fixed_rows(con, actors, themes)
        counts = _load(con, stories(subjects, seed, actors, themes, until))
        for index in indexes:
            con.execute(str(sa.schema.CreateIndex(index).compile(dialect=store.engine.dialect)))
        con.execute("ANALYZE")
        con.commit()
        raw.close()
    finally:
        store.close()
    return counts


def _fixed_rows(con, actors: int, themes: int) -> None:
    import json

    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO organisations (id, name, kind) VALUES (?, ?, ?)",
        [(f"org{i}", f"Organisaatio {i}", "municipality") for i in range(20)],
    )
    con.executemany(
        "INSERT INTO themes (id, title, kind, description) VALUES (?, ?, ?, '')",
        [(f"t{i}", f"Teema {i}", "permanent" if i < 10 else "situational") for i in range(themes)],
    )
    rng = random.Random(1)
    con.executemany(
        "INSERT INTO actors (id, name, organisation, roles, themes) VALUES (?, ?, ?, ?, ?)",
        [
            (
                f"a{i}",
                f"Toimija {i}",
                f"org{i % 20}",
                "[]",
                json.dumps([f"t{j}" for j in rng.sample(range(themes), 2)]),
            )
            for i in range(actors)
        ],
    )
    con.execute("COMMIT")


def _load(con, items: Iterator[tuple]) -> dict[str, int]:
    sql = {
        "commission": "INSERT INTO commissions (id, title, question, actor, theme, created, "
        "state, state_since, follow_up) VALUES (?, ?, 'Kysymys', ?, ?, ?, ?, ?, ?)",
        "idea": "INSERT INTO ideas (id, title, text, channel, actor, theme, submitted, state, "
        "state_since, follow_up) VALUES (?, ?, '', 'event', ?, ?, ?, ?, ?, ?)",
        "trans": "INSERT INTO loop_transitions (subject_kind, subject_id, from_state, to_state, "
        "at, operator, note, stay_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        "resp": "INSERT INTO responses (subject_kind, subject, outcome, decided_by, decided, "
        "change, reason, follow_up, decision_text, decision_document) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "report": "INSERT INTO report_backs (subject_kind, subject, at, channel, text, operator) "
        "VALUES (?, ?, ?, ?, ?, ?)",
    }
    buffers: dict[str, list] = {k: [] for k in sql}
    counts = dict.fromkeys(sql, 0)

    def flush() -> None:
        con.execute("BEGIN")
        for key, rows in buffers.items():
            if rows:
                con.executemany(sql[key], rows)
                counts[key] += len(rows)
                rows.clear()
        con.execute("COMMIT")

    for kind, (
        sid,
        title,
        actor,
        theme,
        created,
        state,
        since,
        follow,
    ), trans, resp, reports in items:
        theme_id = f"t{theme}" if theme is not None else None
        routed = kind == "commission" or state != INITIAL["idea"]
        actor_id = f"a{actor}" if routed else None
        buffers[kind].append((sid, title, actor_id, theme_id, created, state, since, follow))
        buffers["trans"].extend(trans)
        buffers["resp"].extend(resp)
        buffers["report"].extend(reports)
        if len(buffers["trans"]) >= BATCH:
            flush()
    flush()
    return counts
