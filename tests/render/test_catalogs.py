"""The message catalogs: complete in fi, sv and en, in step with the templates and code, and
every page of the site in all three languages with no message left in English."""

from __future__ import annotations

import re

import pytest

from yhteiskehitys.render import catalogs
from yhteiskehitys.render.i18n import format_date, format_number, format_percent

from .htmlcheck import Page

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
LANGS = ("fi", "sv", "en")


@pytest.fixture(scope="module")
def extracted():
    return catalogs.extract()


def ids(catalog):
    return {m.id for m in catalog if m.id}


def test_the_template_is_up_to_date(extracted):
    from babel.messages.pofile import read_po

    with (catalogs.LOCALE_DIR / "messages.pot").open("rb") as handle:
        shipped = read_po(handle)
    assert ids(shipped) == ids(extracted), "run `python -m yhteiskehitys.render.catalogs`"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(extracted, lang):
    catalog = catalogs.read(lang)
    assert ids(catalog) == ids(extracted), "run `python -m yhteiskehitys.render.catalogs`"
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []
    assert not catalog.obsolete


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang):
    for message in catalogs.read(lang):
        if message.id:
            assert set(PLACEHOLDER.findall(message.id)) == set(
                PLACEHOLDER.findall(message.string)
            ), (lang, message.id, message.string)


@pytest.mark.parametrize("lang", LANGS)
def test_every_format_string_is_valid_in_every_language(lang):
    """What ``msgfmt -c`` checks: a message flagged python-format (Babel flags any ``%`` that
    reads as a directive, such as "95 % i…") has a translation that formats the same way."""
    from babel.messages.catalog import TranslationError
    from babel.messages.checkers import python_format

    catalog = catalogs.read(lang)
    problems = []
    for message in catalog:
        if message.id and message.python_format:
            try:
                python_format(catalog, message)
            except TranslationError as exc:
                problems.append((message.id, str(exc)))
    assert problems == []


def test_the_catalogs_really_differ(extracted):
    """A catalog that merely copies English would pass the checks above."""
    for lang in ("fi", "sv"):
        catalog = catalogs.read(lang)
        same = [m.id for m in catalog if m.id and m.string == m.id]
        assert len(same) < len(catalog) // 10, same


def test_every_page_exists_in_every_language(site):
    per_lang = {
        lang: {
            p.relative_to(site.out / lang)
            for p in site.pages
            if p.parent != site.out and p.is_relative_to(site.out / lang)
        }
        for lang in LANGS
    }
    assert per_lang["fi"] == per_lang["sv"] == per_lang["en"]
    assert len(per_lang["fi"]) > 10


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_message_left_on_a_page(site, lang):
    """No English source string of more than one word shows on a Finnish or Swedish page
    (unless its translation is the same words)."""
    catalog = catalogs.read(lang)
    english = sorted(
        (m.id for m in catalog if m.id and " " in m.id and m.string != m.id and "%(" not in m.id),
        key=len,
        reverse=True,
    )
    for path in site.pages:
        if not path.is_relative_to(site.out / lang):
            continue
        text = Page(path.read_text(encoding="utf-8")).text
        left = [message for message in english if message in text]
        assert left == [], (path.name, left)


def test_dates_and_numbers_follow_the_locale():
    from datetime import date

    day = date(2024, 3, 5)
    assert format_date(day, "fi") == "5. maaliskuuta 2024"
    assert format_date(day, "sv") == "5 mars 2024"
    assert format_date(day, "en") == "5 March 2024"
    assert format_number(12345.6, "fi", 1) == "12\u00a0345,6"
    assert format_number(12345.6, "en", 1) == "12,345.6"
    assert format_percent(0.456, "sv", 1).startswith("45,6")
