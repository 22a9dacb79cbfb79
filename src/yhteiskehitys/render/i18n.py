"""Message catalogs and locale formatting for fi, sv and en.

The catalogs ship as ``.po`` files (``locale/<lang>.po``) and are compiled in memory the first
time a language is used, so there is no build step and no ``.mo`` file to keep in sync; see
docs/translations.md. English is the source language of every message.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.text import LANGUAGES

if TYPE_CHECKING:
    import jinja2
    from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
LANGUAGE_NAMES = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}


def po_file(lang: str) -> Path:
    return LOCALE_DIR / f"{lang}.po"


@functools.cache
def translations(lang: str) -> Translations:
    """The compiled catalog of ``lang``; fuzzy entries are left out, as gettext does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (choose one of {', '.join(LANGUAGES)})")
    with po_file(lang).open("rb") as handle:
        catalog = read_po(handle, locale=LOCALES[lang])
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer)


def gettext(lang: str):
    """``_`` for Python code: ``_("Wrote %(n)s pages") % {"n": 3}``."""
    return translations(lang).gettext


def format_date(value: date | datetime | None, lang: str, fmt: str = "long") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _format_date(value, lang, fmt)


@functools.lru_cache(maxsize=65536)
def _format_date(value: date, lang: str, fmt: str) -> str:
    """Cached: a site shows the same few hundred dates thousands of times."""
    from babel.dates import format_date as _format

    return _format(value, format=fmt, locale=LOCALES[lang])


def format_number(value: float | int | None, lang: str, digits: int | None = None) -> str:
    from babel.numbers import format_decimal

    if value is None:
        return "–"
    if digits is not None:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return _minus(format_decimal(value, format=pattern, locale=LOCALES[lang]), lang)
    return _minus(format_decimal(value, locale=LOCALES[lang]), lang)


def _minus(text: str, lang: str) -> str:
    """Babel writes a hyphen-minus whatever the locale; Finnish and Swedish print a negative
    number with the minus sign (−1,6), as their CLDR data says."""
    if text.startswith("-"):
        return _minus_sign(lang) + text[1:]
    return text


@functools.cache
def _minus_sign(lang: str) -> str:
    from babel.numbers import get_minus_sign_symbol

    return get_minus_sign_symbol(LOCALES[lang])


def format_percent(value: float | None, lang: str, digits: int = 0) -> str:
    from babel.numbers import format_percent as _format

    if value is None:
        return "–"
    sign = "%" if lang == "en" else "\u00a0%"  # 45.6% in English, 45,6 % in Finnish and Swedish
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + sign
    return _minus(_format(value, format=pattern, locale=LOCALES[lang]), lang)


def template_gettext(lang: str):
    """``_`` for templates: ``{{ _("Answer on %(day)s", day=...) }}``.

    Like jinja2's "new style" gettext: the variables are escaped in autoescaped templates and
    the result is markup. Translations of messages are cached, as a site calls ``_`` tens of
    thousands of times.
    """
    from jinja2 import pass_eval_context
    from markupsafe import Markup

    lookup = functools.lru_cache(maxsize=4096)(translations(lang).gettext)

    @pass_eval_context
    def _(eval_ctx, message: str, **variables: object) -> str:
        text = lookup(message)
        if eval_ctx.autoescape:
            text = Markup(text)
        return text % variables if variables else text

    return _


def install(env: jinja2.Environment, lang: str) -> None:
    """Give ``env`` the catalog and the locale's formatting filters for ``lang``."""
    env.globals["_"] = template_gettext(lang)
    env.globals["gettext"] = env.globals["_"]
    env.filters["date"] = lambda value, fmt="long": format_date(value, lang, fmt)
    env.filters["number"] = lambda value, digits=None: format_number(value, lang, digits)
    env.filters["percent"] = lambda value, digits=0: format_percent(value, lang, digits)
    env.globals["lang"] = lang
    env.globals["languages"] = LANGUAGES
    env.globals["language_names"] = LANGUAGE_NAMES
