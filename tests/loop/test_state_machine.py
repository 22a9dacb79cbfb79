"""Random valid and invalid operations against the real store (SQLite).

Refused operations change nothing; the audit trail grows by exactly one ``state`` entry per
accepted transition; the closure rate stays in [0, 1]; no subject ever skips a stage.
"""

from __future__ import annotations

import itertools
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)

from yhteiskehitys.errors import YhteiskehitysError
from yhteiskehitys.loop import INITIAL, STATES, TRANSITIONS, actions
from yhteiskehitys.loop.queries import loop_summary
from yhteiskehitys.model import (
    Commission,
    Finding,
    Idea,
    LoopLimits,
    ReportBack,
    Response,
)
from yhteiskehitys.store import schema

from .conftest import fresh_store

START = datetime(2024, 1, 1, 9, tzinfo=UTC)
OUTCOMES = ["adopted", "adapted", "not_adopted", "pending"]


def response(subject: str, outcome: str, day: date) -> Response:
    extra = {
        "adopted": {"change": "Aukioloajat pidennetään"},
        "adapted": {"change": "Kokeillaan iltavastaanottoa"},
        "not_adopted": {"reason": "Ei rahoitusta tänä vuonna"},
        "pending": {"follow_up": day + timedelta(days=30)},
    }[outcome]
    return Response(
        subject=subject,
        outcome=outcome,
        decided_by="Palvelupäällikkö",
        decided=day,
        decision_text="Päätös kirjattu",
        **extra,
    )


class LoopMachine(RuleBasedStateMachine):
    subjects = Bundle("subjects")

    @initialize()
    def open(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.store = fresh_store(Path(self.tmp.name))
        self.clock = START
        self.accepted = 0
        self.model: dict[str, tuple[str, str, bool]] = {}  # id -> (kind, state, pending)
        self.counter = itertools.count()
        with self.store.read() as tx:
            self.audit_base = tx.audit.count()

    def teardown(self):
        self.store.close()
        self.tmp.cleanup()

    def tick(self, hours: int) -> datetime:
        self.clock += timedelta(hours=hours)
        return self.clock

    def snapshot(self):
        with self.store.read() as tx:
            lt = tx.conn.execute(sa.select(sa.func.count()).select_from(schema.loop_transitions))
            return (
                tx.commissions.states(),
                tx.ideas.states(),
                lt.scalar(),
                tx.audit.count(),
                tx.responses.count(),
                tx.report_backs.count(),
                tx.findings.count(),
            )

    @rule(target=subjects, kind=st.sampled_from(["commission", "idea"]), hours=st.integers(0, 48))
    def create(self, kind, hours):
        sid = f"{kind[0]}{next(self.counter)}"
        at = self.tick(hours)
        with self.store.transaction() as tx:
            if kind == "commission":
                actions.add_commission(
                    tx,
                    Commission(
                        id=sid,
                        title="Kysymys",
                        question="Mitä?",
                        actor="nuoriso",
                        theme="mieli",
                        created=at.date(),
                    ),
                    at=at,
                )
            else:
                actions.add_idea(tx, Idea(id=sid, title="Toive", submitted=at.date()), at=at)
        self.model[sid] = (kind, INITIAL[kind], False)
        return sid

    @rule(
        sid=subjects,
        to=st.sampled_from(sorted({s for v in STATES.values() for s in v})),
        outcome=st.sampled_from(OUTCOMES),
        hours=st.integers(0, 24 * 40),
    )
    def move(self, sid, to, outcome, hours):
        target = to
        kind, state, pending = self.model[sid]
        allowed = target in TRANSITIONS[kind].get(state, ()) and (
            target != "responded" or state == "delivered" or pending
        )
        before = self.snapshot()
        at = self.tick(hours)
        try:
            with self.store.transaction() as tx:
                self.apply(tx, kind, sid, target, outcome, at)
        except YhteiskehitysError as exc:
            assert not allowed, f"refused a valid {state} → {target}: {exc}"
            assert self.snapshot() == before, "a refused operation changed the store"
            return
        assert allowed, f"accepted an invalid {kind} {state} → {target}"
        self.accepted += 1
        self.model[sid] = (
            kind,
            target,
            (outcome == "pending") if target == "responded" else pending,
        )

    def apply(self, tx, kind, sid, target, outcome, at):
        if target == "routed" and kind == "idea":
            actions.route(tx, sid, "tyollisyys", at=at)
        elif target == "documented":
            state, _ = (tx.commissions if kind == "commission" else tx.ideas).state_of(sid)
            if state == "in_work":  # the group's view first, in the same unit of work
                tx.findings.add(
                    Finding(
                        id=f"f{next(self.counter)}", subject=sid, text="Näkemys", recorded=at.date()
                    )
                )
            actions.document(tx, kind, sid, at=at)
        elif target == "responded":
            actions.respond(tx, kind, response(sid, outcome, at.date()), at=at)
        elif target == "reported_back":
            actions.report_back(
                tx,
                kind,
                ReportBack(
                    subject=sid, at=at, channel="email", text="Kerroimme", operator="tester"
                ),
            )
        else:
            actions.advance(tx, kind, sid, target, at=at)

    @invariant()
    def audit_has_one_state_entry_per_transition(self):
        with self.store.read() as tx:
            assert len(tx.audit.entries(entity="loop")) == self.accepted

    @invariant()
    def states_match_and_no_stage_skipped(self):
        with self.store.read() as tx:
            for sid, (kind, state, _) in self.model.items():
                repo = tx.commissions if kind == "commission" else tx.ideas
                assert repo.state_of(sid)[0] == state
                path = [INITIAL[kind]] + [t.to_state for t in tx.loop.history(kind, sid)]
                for a, b in itertools.pairwise(path):
                    assert b in TRANSITIONS[kind][a], f"{sid}: {a} → {b}"

    @invariant()
    def closure_rate_in_unit_interval(self):
        if getattr(self, "checked_at", None) == self.accepted:
            return  # nothing moved since the last check
        self.checked_at = self.accepted
        with self.store.read() as tx:
            s = loop_summary(tx.conn, LoopLimits(), self.clock.date())
        assert s.closure_rate is None or 0 <= s.closure_rate <= 1
        assert s.closed <= s.delivered


TestLoopMachine = LoopMachine.TestCase
TestLoopMachine.settings = settings(
    settings(), max_examples=min(settings().max_examples, 25), stateful_step_count=30
)


def test_a_time_without_a_zone_is_refused_and_nothing_written(store):
    with store.transaction() as tx:
        actions.add_commission(
            tx,
            Commission(id="c1", title="t", question="?", created=START.date(), actor="tyollisyys"),
            at=START,
        )
    with pytest.raises(YhteiskehitysError, match="no time zone; give it in UTC"):
        with store.transaction() as tx:
            actions.advance(tx, "commission", "c1", "commissioned", at=datetime(2024, 2, 1))
    with store.read() as tx:
        assert tx.commissions.state_of("c1")[0] == "draft"
