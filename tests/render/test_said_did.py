""" "You said, we did" lists what the group was told, and the dashboard keeps every note of the
network's feedback."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from yhteiskehitys.model import (
    CollaborationFeedback,
    Commission,
    Idea,
    Note,
    ReportBack,
    Response,
)

from .conftest import at, hostile_records
from .htmlcheck import Page


@pytest.fixture(scope="module")
def told_site(example, pm, tmp_path_factory):
    from yhteiskehitys.render import environment
    from yhteiskehitys.render.site import build_site

    base = hostile_records(example)
    records = attrs.evolve(
        base,
        commissions=[
            *base.commissions,
            Commission(
                id="c3",
                title="Pyöräparkki",
                question="Missä?",
                actor="kela-1",
                created=date(2024, 3, 1),
            ),
        ],
        ideas=[
            *base.ideas,
            Idea(
                id="i2",
                title="Penkit puistoon",
                text="Puistoon lisää penkkejä",
                submitted=date(2024, 6, 1),
                channel="event",
            ),
        ],
        responses=[
            *base.responses,
            Response(
                subject="i2",
                outcome="adopted",
                decided_by="Kaupunki",
                decided=date(2024, 6, 1),
                change="Penkit tulevat kesäkuussa",
                decision_text="Päätös",
            ),
            Response(
                subject="c3",
                outcome="pending",
                decided_by="Kela",
                decided=date(2024, 4, 1),
                follow_up=date(2024, 5, 1),
                decision_text="Kesken",
            ),
            Response(
                subject="c3",
                outcome="adopted",
                decided_by="Kela",
                decided=date(2024, 6, 1),
                change="Parkki rakennetaan",
                decision_text="Päätös",
            ),
        ],
        report_backs=[
            ReportBack(subject=s, at=at(day), channel="meeting", text="Kerrottu", operator="t")
            for s, day in (
                ("c:1", date(2024, 4, 5)),
                ("i2", date(2024, 6, 1)),  # answered and told on the spot
                ("c3", date(2024, 4, 2)),  # only the pending answer was told
            )
        ],
        feedback=[
            CollaborationFeedback(
                id="fb2",
                actor="kela-1",
                given=date(2024, 5, 1),
                rating=3,
                challenges=[Note(text="Tieto ei kulje kuntaan")],
            )
        ],
    )
    out = tmp_path_factory.mktemp("told") / "site"
    return build_site(records, out, lambda lang: environment(lang, pm=pm))


def page(site, lang, name):
    return Page((site.out / lang / name).read_text(encoding="utf-8")).text


def test_every_final_answer_told_back_is_listed(told_site):
    text = page(told_site, "en", "said-did.html")
    assert "Kelan verkkopalvelut" in text  # adapted, told back
    assert "Penkit puistoon" in text and "Puistoon lisää penkkejä" in text  # no finding
    assert "Penkit tulevat kesäkuussa" in text
    assert "Hyvä kohtaaminen" not in text  # answered, never told
    assert "Pyöräparkki" not in text  # told only the pending answer; the final one not yet


@pytest.mark.parametrize(
    ("lang", "words", "day"),
    [
        ("en", "This is still being decided.", "30 September 2024"),
        ("fi", "Tästä päätetään vielä.", "30. syyskuuta 2024"),
        ("sv", "Det här beslutas ännu.", "30 september 2024"),
    ],
)
def test_a_pending_answer_is_still_being_decided_with_its_date(told_site, lang, words, day):
    text = page(told_site, lang, "said-did.html")
    assert words in text and day in text


def test_the_dashboard_shows_the_challenges(told_site):
    for lang, heading in (("en", "Challenges"), ("fi", "Haasteet"), ("sv", "Utmaningar")):
        text = page(told_site, lang, "index.html")
        assert heading in text and "Tieto ei kulje kuntaan" in text
