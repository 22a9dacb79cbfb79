"""Partner suggestions for a theme, the network's next meetings, feedback summaries."""

from __future__ import annotations

from datetime import date

from yhteiskehitys.model import CollaborationFeedback, Network, Note
from yhteiskehitys.network import next_meetings, summarise_feedback
from yhteiskehitys.partners import ActorRecord, suggest


def test_suggestions_say_why_and_rank_declared_and_active_first():
    actors = [
        ActorRecord(
            id="kela",
            name="Kela",
            declared=True,
            commissions=("c1", "c2"),
            answered=2,
            answered_in_time=1,
            mean_rating=4.0,
        ),
        ActorRecord(id="nuoriso", name="Nuorisopalvelut", declared=True),
        ActorRecord(id="tyo", name="Työllisyyspalvelut", commissions=("c3",)),
        ActorRecord(id="muu", name="Unrelated"),
    ]
    got = suggest("mental_wellbeing", actors)
    assert [s.actor for s in got] == ["kela", "nuoriso", "tyo"]
    assert got[0].reasons == (
        "declares the theme 'mental_wellbeing'",
        "2 past commission(s) on it (c1, c2)",
        "answered 1 of 2 within the limit",
        "rates working together 4.0/5",
    )
    assert got[0].score == 3 + 2 + 0.5 + 0.5


def test_no_link_no_suggestion_and_limit_applies():
    assert suggest("x", [ActorRecord(id="a", name="A")]) == []
    many = [ActorRecord(id=f"a{i:02}", name="A", declared=True) for i in range(20)]
    assert [s.actor for s in suggest("x", many, limit=3)] == ["a00", "a01", "a02"]


def test_next_meetings_follow_the_cadence():
    net = Network(name="Verkosto", cadence="monthly", first_meeting=date(2024, 1, 31))
    assert next_meetings(net, date(2024, 2, 1), 3) == [
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
    ]
    assert next_meetings(None, date(2024, 2, 1)) == []


def test_feedback_summary_counts_tags():
    fb = [
        CollaborationFeedback(
            id="f1",
            actor="kela",
            given=date(2024, 5, 1),
            rating=4,
            barriers=[Note(text="Kiire", tags=["time"])],
            successes=[Note(text="Hyvä", tags=["dialogue", "time"])],
        ),
        CollaborationFeedback(
            id="f2",
            actor="tyo",
            given=date(2024, 5, 2),
            rating=3,
            barriers=[Note(text="Aikataulut", tags=["time"]), Note(text="?")],
        ),
    ]
    s = summarise_feedback(fb)
    assert s.n == 2 and s.mean_rating == 3.5
    assert s.barriers == (("time", 2), ("(untagged)", 1))
    assert s.successes == (("dialogue", 1), ("time", 1))
    assert summarise_feedback([]).mean_rating is None


def _answered(store, delivered, responded):
    from yhteiskehitys.loop import actions
    from yhteiskehitys.loop.queries import partner_records
    from yhteiskehitys.model import Commission, Finding, LoopLimits

    from .test_state_machine import response

    with store.transaction() as tx:
        actions.add_commission(
            tx,
            Commission(
                id="c1",
                title="Ajanvaraus",
                question="?",
                created=delivered.date(),
                actor="tyollisyys",
                theme="tyo",
            ),
            at=delivered,
        )
        for target in ("commissioned", "in_work"):
            actions.advance(tx, "commission", "c1", target, at=delivered)
        tx.findings.add(Finding(id="f1", subject="c1", text="Näkemys", recorded=delivered.date()))
        actions.document(tx, "commission", "c1", at=delivered)
        actions.advance(tx, "commission", "c1", "delivered", at=delivered)
        actions.respond(tx, "commission", response("c1", "adopted", responded.date()), at=responded)
    with store.read() as tx:
        found = partner_records(tx.conn, "tyo", LoopLimits(respond_days=30, report_back_days=14))
    return next(r for r in found if r.id == "tyollisyys")


def test_answered_in_time_by_the_loops_own_rule(store):
    """Delivered in the evening of 1 January, answered on 31 January an hour later in the day:
    on time by the overdue rule (due on the 31st), though 30.04 days passed."""
    from datetime import UTC, datetime

    from yhteiskehitys.loop import overdue_reason
    from yhteiskehitys.model import LoopLimits

    delivered = datetime(2024, 1, 1, 20, tzinfo=UTC)
    responded = datetime(2024, 1, 31, 21, tzinfo=UTC)
    limits = LoopLimits(respond_days=30, report_back_days=14)
    assert overdue_reason("delivered", delivered.date(), limits, responded.date()) is None
    record = _answered(store, delivered, responded)
    assert (record.answered, record.answered_in_time) == (1, 1)


def test_answered_a_day_late_is_not_in_time(store):
    from datetime import UTC, datetime

    record = _answered(
        store, datetime(2024, 1, 1, 8, tzinfo=UTC), datetime(2024, 2, 1, 7, tzinfo=UTC)
    )
    assert (record.answered, record.answered_in_time) == (1, 0)
