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
