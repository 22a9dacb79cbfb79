"""Finnish pages speak Finnish: on the site of every example, built as `make demo` builds it,
no survey round shows its id, no number has a hyphen-minus before it (a negative number has the
minus sign, a range the en dash) and no open age range reads "13–99"."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from yhteiskehitys.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
HYPHEN_BEFORE_NUMBER = re.compile(r"(?<![^\W\d_])-\d")
"""A hyphen-minus before a digit, unless a letter precedes it (a word such as ``tyo-1`` in a file
name): ``-1,6``, ``0-100`` and ``2024-03-01`` are all caught."""


def _demo():
    spec = importlib.util.spec_from_file_location("build_demo", ROOT / "examples" / "build_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DEMO = _demo()
EXAMPLES = DEMO.programmes()
"""Every example's programme folder, as ``make demo`` finds them."""


def _name(example: Path) -> str:
    return DEMO.name_of(example, DEMO.EXAMPLES)


class _Text(HTMLParser):
    """What a reader meets: the text, and the attributes that are read out or shown."""

    READ = ("aria-label", "title", "alt", "content", "placeholder")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script")
        self.parts.extend(v for k, v in attrs if v and k in self.READ)

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)


@pytest.fixture(scope="module")
def finnish_sites(tmp_path_factory):
    """Each example loaded as examples/build_demo.py loads it, and its Finnish site."""
    sites = {}
    for example in EXAMPLES:
        target = tmp_path_factory.mktemp("demo") / example.name
        shutil.copytree(example, target)
        rounds = set()
        if (target / "records.json").exists():
            assert main(["import", str(target / "records.json"), str(target)]) == 0
            records = json.loads((target / "records.json").read_text(encoding="utf-8"))
            rounds |= {r["name"] for r in records["records"].get("survey_rounds", [])}
        for csv in sorted((target / "surveys").glob("*.csv")):
            year, season, group = csv.stem.split("-", 2)
            name = f"{year}-{DEMO.SURVEY_ROUNDS[season]}"
            rounds.add(name)
            group = DEMO.SURVEY_GROUPS[group]
            args = ["survey", "import", str(csv), "--round", name, "--group", group]
            assert main([*args, "--reader", "webropol", str(target)]) == 0
        assert main(["report", str(target), "--out", str(target / "site"), "--lang", "fi"]) == 0
        sites[_name(example)] = (target / "site" / "fi", rounds)
    return sites


def test_every_example_has_finnish_pages_and_some_have_rounds(finnish_sites):
    assert len(finnish_sites) == len(EXAMPLES) >= 4
    assert sum(bool(rounds) for _, rounds in finnish_sites.values()) >= 2


@pytest.mark.parametrize("example", [_name(p) for p in EXAMPLES])
def test_finnish_pages_show_no_round_id_and_no_hyphen_before_a_number(finnish_sites, example):
    site, rounds = finnish_sites[example]
    pages = sorted(site.rglob("*.html"))
    assert pages
    seen_labels = False
    for page in pages:
        text = visible(page.read_text(encoding="utf-8"))
        for name in rounds:
            assert name not in text, (page.name, name)
        seen_labels |= "kevät 2024" in text or "syksy 2024" in text
        found = [text[max(0, m.start() - 20) : m.end() + 10] for m in
                 HYPHEN_BEFORE_NUMBER.finditer(text)]  # fmt: skip
        assert found == [], (page.name, found)
        assert not re.search(r"\d+[–-]99\b", text), page.name  # an open age range as such
    assert seen_labels == bool(rounds)


def test_the_open_age_range_is_worded_as_such(finnish_sites):
    site, _ = finnish_sites["liminka-osallisuusmalli"]
    text = visible((site / "take-part.html").read_text(encoding="utf-8"))
    assert "Voit osallistua, jos olet vähintään 13-vuotias." in text


def test_the_pattern_catches_what_it_should():
    for bad in ("-1,6 – 14,1", "(0-100)", "2024-03-01", "x -5"):
        assert HYPHEN_BEFORE_NUMBER.search(bad), bad
    for good in ("−1,6 – 14,1", "(0–100)", "paatos-tyo-1.txt", "Covid-19"):
        assert not HYPHEN_BEFORE_NUMBER.search(good), good


def test_numbers_are_written_by_each_locale():
    from yhteiskehitys.render.i18n import format_number, format_percent

    assert format_number(-1.6, "fi", 1) == "−1,6"
    assert format_number(-1.6, "sv", 1) == "−1,6"
    assert format_number(-1.6, "en", 1) == "-1.6"
    assert format_number(12345.6, "fi", 1) == "12\xa0345,6"
    assert format_number(12345.6, "en", 1) == "12,345.6"
    assert format_number(-12345, "fi") == "−12\xa0345"
    assert format_percent(-0.05, "fi") == "−5\xa0%"
