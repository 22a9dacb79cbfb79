"""Records full of hostile text, and a site built from them once per test session."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from yhteiskehitys.folder import ProgrammeFolder
from yhteiskehitys.model import (
    Actor,
    Artefact,
    CollaborationFeedback,
    Commission,
    Consent,
    Finding,
    Idea,
    Note,
    Participant,
    PersonalData,
    Pilot,
    Response,
    Session,
    Theme,
)
from yhteiskehitys.plugins import get_plugin_manager

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kehittajaryhma"

HOSTILE = (
    "<script>alert('x')</script> {{ 7*7 }} {% raw %} ${7*7} "
    "<img src=x onerror=alert(1)> \"quoted\" & 'single' "
    "שלום עולם مرحبا " + "Pitkäsana" * 40 + " 🎉👩🏽‍🚀 Sámegiella: Áá Čč Đđ Ŋŋ Šš Ŧŧ Žž"
)
INTERNAL = "INTERNAL-NOTE-only-for-actors"
NAMES = ("Aada Ääninen", "Ánde Sámi", "Bo Öberg", "Chen Li", "Dana Cohen", "Eeva Esim")


def hostile(label: str) -> str:
    return f"{label} {HOSTILE}"


@pytest.fixture(scope="session")
def pm():
    return get_plugin_manager()


@pytest.fixture(scope="session")
def example(pm):
    return ProgrammeFolder.open(EXAMPLE, pm)


def hostile_records(example, *, folder=None):
    from yhteiskehitys.checklist import Done
    from yhteiskehitys.render.snapshot import Records

    members = [f"pseudo-{i:03d}" for i in range(12)]
    small = members[:3]
    return Records(
        programme=example.programme,
        template=example.template,
        today=date(2024, 9, 1),
        folder=folder,
        progress={
            "present_model": Done(on=date(2024, 1, 22), by="koordinaattori"),
            "identify_partners": Done(on=date(2024, 1, 29), by=hostile("Vetäjä")),
        },
        themes=[
            Theme(id="arki", title=hostile("Arki"), kind="permanent", description=hostile("D")),
            Theme(id="kela:verkko", title=hostile("Verkko"), kind="situational"),
        ],
        commissions=[
            Commission(
                id="c:1",
                title=hostile("Kelan verkkopalvelut"),
                question=hostile("Q"),
                actor="kela-1",
                theme="kela:verkko",
                created=date(2024, 3, 1),
            ),
            Commission(
                id="c2",
                title=hostile("Hyvä kohtaaminen"),
                question=hostile("Q2"),
                actor="kela-1",
                theme="arki",
                created=date(2024, 3, 5),
            ),
        ],
        ideas=[
            Idea(
                id="i1",
                title=hostile("Idea"),
                text=hostile("T"),
                submitted=date(2024, 3, 12),
                channel="social_media",
            ),
        ],
        sessions=[
            Session(
                id="s1",
                date=date(2024, 3, 12),
                kind="workshop",
                title=hostile("Työpaja"),
                methods=["pair", "group_discussion"],
                facilitators=["kela-1", members[0]],
                attendees=small,
                commissions=["c:1"],
            ),
            Session(
                id="s2",
                date=date(2024, 4, 9),
                kind="workshop",
                title=hostile("Toinen"),
                attendees=members,
                commissions=["c2"],
            ),
            Session(id="s3", date=date(2024, 10, 9), kind="internal_code_kind", attendees=[]),
        ],
        findings=[
            Finding(
                id="f1",
                subject="c:1",
                text=hostile("Näkemys"),
                session="s1",
                recorded=date(2024, 3, 12),
                artefacts=[Artefact(name=hostile("Juliste"), path="poster.pdf")],
            ),
            Finding(
                id="f2",
                subject="c2",
                text=hostile("Näkemys2"),
                session="s2",
                recorded=date(2024, 4, 9),
            ),
            Finding(id="f3", subject="i1", text=hostile("Näkemys3"), recorded=date(2024, 4, 9)),
        ],
        responses=[
            Response(
                subject="c:1",
                outcome="adapted",
                decided_by=hostile("Kela"),
                decided=date(2024, 4, 1),
                change=hostile("Muutos"),
                decision_text=hostile("Päätös"),
            ),
            Response(
                subject="c2",
                outcome="not_adopted",
                decided_by="Kela",
                decided=date(2024, 5, 1),
                reason=hostile("Syy"),
                decision_document="docs/paatos.pdf",
            ),
            Response(
                subject="i1",
                outcome="pending",
                decided_by="Kaupunki",
                decided=date(2024, 5, 1),
                follow_up=date(2024, 9, 30),
                decision_text=hostile("Kesken"),
            ),
        ],
        actors=[Actor(id="kela-1", name=hostile("Aino Toimija"), organisation="kela")],
        participants=[
            Participant(
                id=m,
                birth_year=2000,
                roles=("participant", "expert_by_experience") if i == 1 else ("participant",),
                consents=[
                    Consent(
                        kind="own",
                        given=date(2024, 1, 1),
                        scope=("participation", "certificate") if i % 2 else ("participation",),
                    )
                ],
            )
            for i, m in enumerate(members)
        ],
        personal_data=[
            PersonalData(
                participant=m,
                name=f"{NAMES[i % len(NAMES)]} {HOSTILE}",
                email=f"person{i}@example.org" if i != 3 else "",
            )
            for i, m in enumerate(members)
            if i != 5
        ],
        feedback=[
            CollaborationFeedback(
                id="fb1",
                actor="kela-1",
                given=date(2024, 4, 1),
                rating=4,
                barriers=[Note(text=f"{INTERNAL} {HOSTILE}")],
                successes=[Note(text=hostile("Onnistuminen"))],
            ),
        ],
        pilots=[
            Pilot(
                id="p1",
                title=hostile("Pilotti"),
                goal=hostile("Tavoite"),
                start=date(2024, 3, 1),
                end=date(2024, 5, 1),
                decision="permanent",
            ),
        ],
    )


@pytest.fixture(scope="session")
def records(example):
    return hostile_records(example)


@pytest.fixture(scope="session")
def site(records, pm, tmp_path_factory):
    """The hostile records' site in all three languages."""
    from yhteiskehitys.render import environment
    from yhteiskehitys.render.site import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(records, out, lambda lang: environment(lang, pm=pm))
    return result


def at(day):
    return datetime.combine(day, time(12), tzinfo=UTC)


def fill_store(records, target) -> None:
    """Write ``records`` into the store at ``target``, walking each commission and idea through
    the feedback loop with the loop library, as the loop's commands do."""
    from yhteiskehitys import loop
    from yhteiskehitys.loop import actions as steps
    from yhteiskehitys.model import Organisation, ReportBack
    from yhteiskehitys.store import open_store

    assert loop.CLOSED == "reported_back"
    responses = {r.subject: r for r in records.responses}
    findings = {}
    for finding in records.findings:
        findings.setdefault(finding.subject, []).append(finding)
    with open_store(target, operator="test") as store, store.transaction() as tx:
        orgs = {a.organisation for a in records.actors}
        tx.organisations.add_many([Organisation(id=o, name=o.upper()) for o in sorted(orgs)])
        tx.themes.add_many(records.themes)
        tx.actors.add_many(records.actors)
        tx.participants.add_many(records.participants)
        if records.personal_data:
            tx.personal_data.add_many(records.personal_data)
        for commission in records.commissions:
            steps.add_commission(tx, commission, at=at(commission.created))
            steps.advance(
                tx, "commission", commission.id, "commissioned", at=at(commission.created)
            )
        for idea in records.ideas:
            steps.add_idea(tx, idea, at=at(idea.submitted))
            steps.route(tx, idea.id, "kela-1", at=at(idea.submitted))
        tx.sessions.add_many(records.sessions)
        tx.findings.add_many(records.findings)
        for kind, subjects in (("commission", records.commissions), ("idea", records.ideas)):
            for subject in subjects:
                own = findings.get(subject.id)
                if not own:
                    continue
                day = max(f.recorded for f in own)
                steps.advance(tx, kind, subject.id, "in_work", at=at(day))
                steps.document(tx, kind, subject.id, at=at(day))
                steps.advance(tx, kind, subject.id, "delivered", at=at(day))
                response = responses.get(subject.id)
                if response is None:
                    continue
                steps.respond(tx, kind, response, at=at(response.decided))
                if response.outcome == "not_adopted":
                    steps.report_back(
                        tx,
                        kind,
                        ReportBack(
                            subject=subject.id,
                            at=at(response.decided),
                            channel="meeting",
                            text=f"Kerrottu ryhmälle {HOSTILE}",
                            operator="test",
                        ),
                    )
        tx.feedback.add_many(records.feedback)
        tx.pilots.add_many(records.pilots)


@pytest.fixture(scope="session")
def decision_site(tmp_path_factory):
    """The site of a programme with a decided budget, a published election and a counted but
    unpublished one (see ``test_decision_pages``), built through ``open_programme``."""
    from yhteiskehitys import open_programme

    from .test_decision_pages import TODAY, decided_programme

    tmp = tmp_path_factory.mktemp("decisions")
    folder = decided_programme(tmp)
    out = tmp / "site"
    with open_programme(folder) as prog:
        prog.report(out, today=TODAY)
    return out
