"""No page shows a pseudonymous id; participant pages show no actor's internal note and no
internal code; no page shows a group smaller than the disclosure threshold."""

from __future__ import annotations

import re

from yhteiskehitys.render.site import PARTICIPANT_PAGES

from .conftest import INTERNAL
from .htmlcheck import Page


def html_pages(site):
    return [p for p in site.pages if p.suffix == ".html"]


def participant_pages(site):
    return [p for p in html_pages(site) if p.name in PARTICIPANT_PAGES]


def test_no_page_shows_a_pseudonymous_id(site, records):
    ids = [p.id for p in records.participants]
    assert ids
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        assert not [i for i in ids if i in html], path


def test_participant_pages_have_no_internal_notes_or_codes(site, records):
    codes = {s.kind for s in records.sessions} | {"c:1", "c2", "i1", "kela:verkko", "s1"}
    codes |= {"not_adopted", "adopted", "adapted", "pending", "expert_by_experience"}
    assert len(participant_pages(site)) == 6
    for path in participant_pages(site):
        text = Page(path.read_text(encoding="utf-8")).text
        assert INTERNAL not in text, path
        words = set(re.findall(r"[\w:~-]+", text))
        assert not codes & words, (path, codes & words)


def test_internal_notes_only_on_the_actors_dashboard(site):
    pages_with_note = {
        p.relative_to(site.out).as_posix()
        for p in html_pages(site)
        if INTERNAL in p.read_text(encoding="utf-8")
    }
    assert pages_with_note == {"fi/index.html", "sv/index.html", "en/index.html"}


def test_no_group_below_the_threshold_on_any_page(site, records):
    k = records.threshold
    shown = 0
    for path in html_pages(site):
        page = Page(path.read_text(encoding="utf-8"))
        for value in page.values("data", "n"):
            n = int(value)
            assert n == 0 or n >= k, (path, n)
            shown += 1
    assert shown > 0


def test_small_session_is_shown_as_fewer_than_k(site, records):
    # s1 had 3 attendees and s2 12: with the column total public, s2 must be hidden too, or
    # 15 - 12 would give s1 away.
    # Each says why: s1 is small itself, s2 is hidden to protect s1.
    text = Page((site.out / "en" / "sessions.html").read_text(encoding="utf-8")).text
    assert text.count(f"fewer than {records.threshold}") == 1
    assert text.count("hidden so that a smaller group cannot be worked out") == 1
    session = Page((site.out / "fi" / "session" / "s1.html").read_text(encoding="utf-8")).text
    assert f"alle {records.threshold}" in session
    other = Page((site.out / "fi" / "session" / "s2.html").read_text(encoding="utf-8")).text
    assert "piilotettu, jotta pienempää ryhmää ei voi päätellä" in other
    assert f"alle {records.threshold}" not in other
    swedish = Page((site.out / "sv" / "session" / "s2.html").read_text(encoding="utf-8")).text
    assert "dold så att en mindre grupp inte kan räknas fram" in swedish


def test_budget_and_election_pages_show_names_never_ids(decision_site):
    """A voter id of the roll or a participant id who voted in a budget never appears; a
    candidate's name does; no count of people under the threshold."""
    from .test_decision_pages import CANDIDATES, PARTICIPANTS, VOTERS

    pages = sorted(decision_site.rglob("*.html"))
    decisions = [p for p in pages if p.parent.name in ("budget", "election")]
    assert len(decisions) == 6
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = [i for i in (*VOTERS, *PARTICIPANTS) if re.search(rf"\b{re.escape(i)}\b", html)]
        assert not found, (path, found)
    for path in decisions:
        page = Page(path.read_text(encoding="utf-8"))
        assert all(int(n) >= 5 for n in page.values("data", "n")), path
        if path.parent.name == "election":
            assert all(name in page.text for name in CANDIDATES.values()), path
