"""The SQL aggregates give exactly the figures of the plain-Python definition."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from yhteiskehitys.loop import TRANSITIONS, actions
from yhteiskehitys.loop.queries import loop_summary
from yhteiskehitys.loop.stats import TransitionRow, summarise
from yhteiskehitys.model import Commission, Finding, Idea, LoopLimits, ReportBack

from .conftest import subject_rows
from .test_state_machine import OUTCOMES, response

LIMITS = LoopLimits(respond_days=30, report_back_days=14)


def populate(store, rng: random.Random, n: int = 40) -> dict:
    """Random subjects moved along random valid paths; returns their creation times."""
    created = {}
    clock = datetime(2024, 1, 1, 8, tzinfo=UTC)
    for i in range(n):
        kind = rng.choice(["commission", "idea"])
        sid = f"{kind[0]}{i}"
        clock += timedelta(hours=rng.randint(1, 72))
        at = created[(kind, sid)] = clock
        with store.transaction() as tx:
            if kind == "commission":
                actions.add_commission(
                    tx,
                    Commission(
                        id=sid,
                        title=f"Toimeksianto {i}",
                        question="?",
                        created=at.date(),
                        actor=rng.choice(["nuoriso", "tyollisyys"]),
                        theme=rng.choice(["tyo", "mieli", None]),
                    ),
                    at=at,
                )
            else:
                actions.add_idea(
                    tx,
                    Idea(
                        id=sid,
                        title=f"Idea {i}",
                        submitted=at.date(),
                        theme=rng.choice(["tyo", None]),
                    ),
                    at=at,
                )
            state, pending = ("draft" if kind == "commission" else "submitted"), False
            for _ in range(rng.randint(0, 9)):
                options = [
                    t
                    for t in TRANSITIONS[kind][state]
                    if t != "responded" or state == "delivered" or pending
                ]
                if not options:
                    break
                target = rng.choice(options)
                at += timedelta(days=rng.uniform(0, 40))
                if target == "routed":
                    actions.route(tx, sid, rng.choice(["nuoriso", "tyollisyys"]), at=at)
                elif target == "documented":
                    tx.findings.add(
                        Finding(
                            id=f"f{i}-{rng.random()}",
                            subject=sid,
                            text="Näkemys",
                            recorded=at.date(),
                        )
                    )
                    actions.document(tx, kind, sid, at=at)
                elif target == "responded":
                    outcome = rng.choice(OUTCOMES)
                    actions.respond(tx, kind, response(sid, outcome, at.date()), at=at)
                    pending = outcome == "pending"
                elif target == "reported_back":
                    actions.report_back(
                        tx,
                        kind,
                        ReportBack(
                            subject=sid, at=at, channel="email", text="Kerroimme", operator="t"
                        ),
                    )
                else:
                    actions.advance(tx, kind, sid, target, at=at)
                state = target
    return created


def reference(store, created: dict):
    transitions = []
    with store.read() as tx:
        subjects = subject_rows(tx)
        for (kind, sid), at in created.items():
            initial = "draft" if kind == "commission" else "submitted"
            transitions.append(
                TransitionRow(kind=kind, subject=sid, from_state=None, to_state=initial, at=at)
            )
        for t in tx.loop.transitions():
            transitions.append(
                TransitionRow(
                    kind=t.subject_kind,
                    subject=t.subject_id,
                    from_state=t.from_state,
                    to_state=t.to_state,
                    at=t.at,
                )
            )
    return subjects, transitions


@pytest.mark.parametrize("seed", range(5))
def test_sql_figures_equal_the_definition(store, seed):
    created = populate(store, random.Random(seed))
    today = date(2024, 6, 1) + timedelta(days=30 * seed)
    subjects, transitions = reference(store, created)
    with store.read() as tx:
        got = loop_summary(tx.conn, LIMITS, today, open_limit=15)
    want = summarise(
        subjects, transitions, respond_days=30, report_back_days=14, today=today, open_limit=15
    )
    assert got.counts == want.counts
    assert (got.delivered, got.closed, got.interim, got.overdue) == (
        want.delivered,
        want.closed,
        want.interim,
        want.overdue,
    )
    assert got.by_theme == want.by_theme and got.by_actor == want.by_actor
    assert got.open_loops == want.open_loops
    assert [(s.kind, s.stage, s.n) for s in got.stages] == [
        (s.kind, s.stage, s.n) for s in want.stages
    ]
    for a, b in zip(got.stages, want.stages, strict=True):
        assert a.median_days == pytest.approx(b.median_days, abs=1e-6)


def test_some_seed_has_overdue_steps_of_each_kind(store):
    populate(store, random.Random(11), n=120)
    with store.read() as tx:
        got = loop_summary(tx.conn, LIMITS, date(2025, 3, 1), open_limit=500)
    reasons = {o.reason.split(" ")[0] for o in got.open_loops if o.overdue}
    assert reasons == {"no", "participants", "pending"}


def test_import_restores_pending_follow_ups(store, tmp_path):
    """follow_up is derived, not exported: an import recomputes it from the responses."""
    from yhteiskehitys.store import open_store
    from yhteiskehitys.store.transfer import export_text, import_text

    populate(store, random.Random(11), n=120)
    today = date(2025, 3, 1)
    with store.read() as tx:
        before = loop_summary(tx.conn, LIMITS, today, open_limit=500)
    assert any(o.reason.startswith("pending") for o in before.open_loops)
    with open_store(tmp_path / "copy.db") as copy:
        import_text(copy, export_text(store), source="export.json")
        with copy.read() as tx:
            assert loop_summary(tx.conn, LIMITS, today, open_limit=500) == before


@pytest.mark.postgresql
def test_sql_figures_equal_the_definition_on_postgresql(pg_store):
    created = populate(pg_store, random.Random(2), n=50)
    today = date(2024, 9, 1)
    subjects, transitions = reference(pg_store, created)
    with pg_store.read() as tx:
        got = loop_summary(tx.conn, LIMITS, today, open_limit=15)
    want = summarise(
        subjects, transitions, respond_days=30, report_back_days=14, today=today, open_limit=15
    )
    assert (got.counts, got.overdue, got.by_theme, got.by_actor, got.open_loops) == (
        want.counts,
        want.overdue,
        want.by_theme,
        want.by_actor,
        want.open_loops,
    )
    for a, b in zip(got.stages, want.stages, strict=True):
        assert a.n == b.n and a.median_days == pytest.approx(b.median_days, abs=1e-6)
