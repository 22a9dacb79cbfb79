# ruff: noqa: E501  (the commands read better unbroken)
"""The site of a children's parliament: its words by label, and the page for the children."""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

import pytest
from yhteiskehitys_lapsiparlamentti.words import VOCABULARY

from yhteiskehitys.cli.main import main

RECORDS = """
session add S-1 {f} --date 2026-09-15 --kind general_assembly --method thumb_vote --facilitator ope-levi --facilitator ope-sirkka --attendee L-1 --attendee S-1 --idea I-1
idea route I-1 {f} --actor lautakunta --at 2026-09-15
idea start I-1 {f} --at 2026-09-15
finding add F-1 {f} --subject I-1 --session S-1 --text "Keinut molemmille pihoille."
idea document I-1 {f} --at 2026-09-15
idea deliver I-1 {f} --at 2026-09-16
idea respond I-1 {f} --outcome adopted --decided-by Sivistyslautakunta --decided 2026-10-01 --change "Keinut tilataan" --decision-text "Hankitaan." --at 2026-10-01
budget new pihat {f} --title "Koulujen pihat" --amount 1000 --max-length 2 --rule one-per-school
budget project add pihat 1 {f} --name Keinut --cost 600 --area levi
budget project add pihat 2 {f} --name Liukumäki --cost 300 --area levi
budget project add pihat 3 {f} --name Penkit --cost 300 --area sirkka
budget vote pihat {f} --voter L-1 --project 1 --project 2
budget vote pihat {f} --voter S-1 --project 1
"""


@pytest.fixture
def site(parliament, yk_lines, tmp_path) -> Path:
    yk_lines(RECORDS, parliament)
    out = tmp_path / "site"
    assert main(["report", str(parliament), "--out", str(out)]) == 0
    return out


def text_of(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    body = html[html.index("<main") :]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


# Ids that are not also words of a language (``classes``, ``drawing`` are English words).
OWN_IDS = {word for kind in ("roles", "session_kinds", "methods", "recruitment_channels")
           for word in getattr(VOCABULARY, kind) if "_" in word}  # fmt: skip


def test_the_childrens_page_in_three_languages(site):
    fi = text_of(site / "fi" / "lapsille.html")
    assert "Mitä lapsiparlamentti päätti" in fi
    assert "Keinut koulun pihalle" in fi
    assert "Idea käsiteltiin: yleiskokous" in fi
    assert "Idea meni päätettäväksi: Sivistyslautakunta" in fi
    assert "Tämä tehdään." in fi and "Keinut tilataan" in fi
    assert "Rahaa oli 1000 €. Siitä käytettiin 900 €." in fi
    assert "Penkit : Tehdään" in fi and "Liukumäki : Ei tehdä" in fi
    assert "Koulu: Sirkan koulu" in fi
    assert "jotta jokainen koulu saa ainakin yhden hankkeen" in fi
    assert "Vad barnparlamentet beslutade" in text_of(site / "sv" / "lapsille.html")
    en = text_of(site / "en" / "lapsille.html")
    assert "The idea was talked about at: general assembly" in en
    assert "€1000" in en


def test_words_are_shown_by_label_never_by_id(site):
    for lang in ("fi", "sv", "en"):
        for page in (site / lang).rglob("*.html"):
            text = text_of(page)
            assert not {w for w in OWN_IDS if re.search(rf"\b{w}\b", text)}, page
    sessions = text_of(site / "fi" / "sessions.html")
    assert "yleiskokous" in sessions
    [session] = (site / "fi" / "session").glob("*.html")
    assert "peukkuäänestys" in text_of(session)
    assert "allmänt möte" in text_of(site / "sv" / "sessions.html")


def test_the_childrens_page_is_accessible(site):
    """axe-core (WCAG 2.1 A/AA) on the children's page, as the core's pages are checked."""
    a11y = Path(__file__).resolve().parents[3] / "tests" / "a11y"
    if not (a11y / "browser.py").exists():
        pytest.skip("the core's accessibility harness is not beside this plugin")
    sys.path.insert(0, str(a11y))
    from browser import AXE, Browser, chromium_path

    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make a11y-deps)")
    pytest.importorskip("websocket", reason="websocket-client is not installed")
    with Browser(executable) as browser:
        for lang in ("fi", "sv", "en"):
            page = site / lang / "lapsille.html"
            requested = browser.open(page.as_uri())
            assert [url for url in requested if url != page.as_uri()] == []
            assert browser.axe() == [], lang


def test_the_budget_page_names_each_school_not_its_id(site):
    """A project's area is a school's id; the budget page shows the school's name."""
    for lang in ("fi", "sv", "en"):
        text = text_of(site / lang / "budget" / "pihat.html")
        assert "Sirkan koulu" in text and "Levin koulu" in text, lang
        assert not re.search(r"\((levi|sirkka)\)", text.replace(" ", "")), lang
