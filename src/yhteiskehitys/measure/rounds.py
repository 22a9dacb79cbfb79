"""What people read for a survey round: ``kevät 2024`` rather than ``2024-spring``.

A round's id names it in commands and in the store; reports show its label. The label is the
one given at import (``yk survey import --round-label``), else one derived from an id of a
recognisable shape, else the id itself (``yk validate`` has nothing to say about it: any id
is a valid round). Recognised:

- a season and a year in either order, in English, Finnish or Swedish:
  ``2024-spring``, ``kevat-2024``, ``2024_syksy``, ``fall2023``, ``vår-2025``, ``2024-höst``;
- a month: ``2024-03``;
- a quarter: ``2024-Q1``, ``Q3-2024``; a half: ``2024-H1``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from ..model.text import LANGUAGES, Text

SEASONS = {
    "spring": ("spring", "kevat", "kevät", "var", "vår"),
    "summer": ("summer", "kesa", "kesä", "sommar"),
    "autumn": ("autumn", "fall", "syksy", "host", "höst"),
    "winter": ("winter", "talvi", "vinter"),
}
_SEASON_OF = {word: season for season, words in SEASONS.items() for word in words}
SEASON_LABELS = {
    "spring": Text(fi="kevät %(year)s", sv="våren %(year)s", en="spring %(year)s"),
    "summer": Text(fi="kesä %(year)s", sv="sommaren %(year)s", en="summer %(year)s"),
    "autumn": Text(fi="syksy %(year)s", sv="hösten %(year)s", en="autumn %(year)s"),
    "winter": Text(fi="talvi %(year)s", sv="vintern %(year)s", en="winter %(year)s"),
}
QUARTER = Text(
    fi="%(n)s. vuosineljännes %(year)s", sv="%(n)s:a kvartalet %(year)s", en="Q%(n)s %(year)s"
)
HALF = Text(fi="%(n)s. vuosipuolisko %(year)s", sv="%(n)s:a halvåret %(year)s",
            en="H%(n)s %(year)s")  # fmt: skip
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}

_SEP = r"[-_ ./]?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_WORD = r"(?P<word>[a-zåäö]+)"
_SEASON_FIRST = re.compile(rf"{_WORD}{_SEP}{_YEAR}")
_YEAR_FIRST = re.compile(rf"{_YEAR}{_SEP}{_WORD}")
_MONTH = re.compile(rf"{_YEAR}-(?P<month>0[1-9]|1[0-2])")
_PART = re.compile(
    rf"(?:{_YEAR}{_SEP}(?P<kind>[qh])(?P<n>[1-4])|(?P<kind2>[qh])(?P<n2>[1-4]){_SEP}(?P<year2>(?:19|20|21)\d\d))"
)


def _fill(text: Text, **values: object) -> Text:
    return Text(**{lang: text.get(lang) % values for lang in LANGUAGES})


def derive_label(name: str) -> Text | None:
    """The label of a round id of a recognisable shape (see the module docstring), or None."""
    key = name.strip().casefold()
    for pattern in (_YEAR_FIRST, _SEASON_FIRST):
        match = pattern.fullmatch(key)
        if match and match["word"] in _SEASON_OF:
            return _fill(SEASON_LABELS[_SEASON_OF[match["word"]]], year=match["year"])
    match = _MONTH.fullmatch(key)
    if match:
        from babel.dates import format_date

        day = date(int(match["year"]), int(match["month"]), 1)
        texts = {lang: format_date(day, "LLLL y", locale=LOCALES[lang]) for lang in LANGUAGES}
        return Text(**texts)
    match = _PART.fullmatch(key)
    if match:
        kind = match["kind"] or match["kind2"]
        n = int(match["n"] or match["n2"])
        if kind == "h" and n > 2:
            return None
        return _fill(QUARTER if kind == "q" else HALF, n=n, year=match["year"] or match["year2"])
    return None


def label_text(given: Mapping[str, str] | Text | None) -> Text | None:
    """A label as the store keeps it (``{"fi": …, "sv": …, "en": …}``) as :class:`Text`."""
    if given is None or isinstance(given, Text):
        return given
    if not given.get("fi"):
        return None
    return Text(fi=given["fi"], sv=given.get("sv", ""), en=given.get("en", ""))


def round_label(name: str, lang: str, given: Mapping[str, str] | Text | None = None) -> str:
    """What a report shows for round ``name`` in ``lang``: the given label, else a derived
    one, else the id."""
    text = label_text(given) or derive_label(name)
    return text.get(lang) if text is not None else name


def parse_label(values: tuple[str, ...] | list[str]) -> Text | None:
    """``--round-label`` values, ``fi=kevät 2024`` or plain text (the Finnish label, which the
    other languages fall back to) as :class:`Text`; None when none is given."""
    from ..errors import FieldError

    texts: dict[str, str] = {}
    for value in values:
        lang, sep, text = value.partition("=")
        if sep and lang.strip() in LANGUAGES:
            texts[lang.strip()] = text.strip()
        else:
            texts["fi"] = value.strip()
    if not texts:
        return None
    if not texts.get("fi"):
        raise FieldError("round_label", "give the Finnish label (fi=…); sv and en fall back to it")
    return Text(**texts)
