"""A small synthetic programme used across the store's tests (every person invented)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from yhteiskehitys.checklist import Done
from yhteiskehitys.model import (
    Actor,
    Artefact,
    CollaborationFeedback,
    Commission,
    Consent,
    Finding,
    Idea,
    Note,
    Organisation,
    Participant,
    PersonalData,
    Pilot,
    ReportBack,
    Response,
    Session,
    Theme,
)

NAME = "Aino Esimerkki-Testinen"
EMAIL = "aino.esimerkki@example.invalid"
NOTES = "Likes drawing; prefers afternoon workshops (unique-note-7731)"
PHONE = "+358 40 0000001"


def fill(tx) -> None:
    """Write one of every record kind through the repositories."""
    tx.organisations.add_many(
        [Organisation(id="kela", name="Kela", kind="state"), Organisation(id="city", name="City")]
    )
    tx.themes.add(Theme(id="housing", title="Asuminen", kind="permanent"))
    tx.actors.add_many(
        [
            Actor(id="a-kela", name="Service designer", organisation="kela", themes=["housing"]),
            Actor(id="a-city", name="Youth worker", organisation="city", roles=["facilitator"]),
        ]
    )
    tx.participants.add_many(
        [
            Participant(
                id="P-001",
                birth_year=2010,
                consents=[Consent(kind="guardian", given=date(2024, 1, 10))],
            ),
            Participant(
                id="P-002",
                age_band="16-19",
                roles=["participant", "expert_by_experience"],
                consents=[Consent(kind="own", given=date(2024, 1, 10))],
            ),
            Participant(
                id="P-003",
                birth_year=2006,
                joined=date(2024, 1, 5),
                consents=[Consent(kind="own", given=date(2024, 1, 5))],
            ),
        ]
    )
    tx.personal_data.add_many(
        [
            PersonalData(participant="P-001", name=NAME, email=EMAIL, phone=PHONE, notes=NOTES),
            PersonalData(participant="P-002", name="Eero Esimerkki", email="eero@example.invalid"),
        ]
    )
    tx.commissions.add(
        Commission(
            id="C-1",
            title="Kela's web service",
            question="What makes it hard to use?",
            actor="a-kela",
            theme="housing",
            created=date(2024, 2, 1),
        ),
        at=datetime(2024, 2, 1, tzinfo=UTC),
    )
    tx.ideas.add(
        Idea(id="I-1", title="More evening hours", submitted=date(2024, 2, 3)),
        at=datetime(2024, 2, 3, tzinfo=UTC),
    )
    tx.sessions.add_many(
        [
            Session(
                id="S-1",
                date=date(2024, 2, 10),
                kind="workshop",
                title="Workshop 1",
                methods=["group discussion"],
                facilitators=["a-city", "P-002"],
                attendees=["P-001", "P-002", "P-003"],
                commissions=["C-1"],
                ideas=["I-1"],
            ),
            Session(id="S-2", date=date(2024, 3, 10), kind="meeting", attendees=["P-001"]),
        ]
    )
    tx.findings.add(
        Finding(
            id="F-1",
            subject="C-1",
            text="The login is confusing",
            session="S-1",
            recorded=date(2024, 2, 10),
            artefacts=[Artefact(name="poster", path="poster.png")],
        )
    )

    def at(day: date) -> datetime:
        return datetime.combine(day, datetime.min.time(), tzinfo=UTC)

    for state, day in (("commissioned", 2), ("in_work", 3), ("documented", 10), ("delivered", 12)):
        tx.loop.transition("commission", "C-1", state, at=at(date(2024, 2, day)))
    tx.responses.add(
        Response(
            subject="C-1",
            outcome="pending",
            decided_by="Kela",
            decided=date(2024, 3, 1),
            follow_up=date(2024, 4, 1),
            decision_text="Under review",
        )
    )
    tx.loop.transition("commission", "C-1", "responded", at=at(date(2024, 3, 1)))
    tx.report_backs.add(
        ReportBack(
            subject="C-1",
            at=datetime(2024, 3, 5, 12, 0, tzinfo=UTC),
            channel="email",
            text="Kela is reviewing your views",
            operator="coordinator",
        )
    )
    tx.feedback.add(
        CollaborationFeedback(
            id="FB-1",
            actor="a-kela",
            given=date(2024, 4, 1),
            rating=4,
            barriers=[Note(text="Scheduling", tags=["time"])],
        )
    )
    tx.checklist.mark("present_model", date(2024, 1, 22), "coordinator")
    tx.checklist.add_done(
        {"identify_partners": Done(on=date(2024, 1, 29), by="Åsa Ääkkönen")}, action="import"
    )
    tx.pilots.add(
        Pilot(
            id="PI-1",
            title="Game workshop",
            goal="Lower the threshold",
            start=date(2024, 3, 1),
            end=date(2024, 5, 31),
        )
    )
    tx.loop.transition("commission", "C-1", "reported_back", at=at(date(2024, 3, 5)))
