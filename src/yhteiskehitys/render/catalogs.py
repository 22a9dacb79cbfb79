"""Keep the message catalogs in step with the templates and the code.

``python -m yhteiskehitys.render.catalogs`` extracts every message from the built-in templates
and from the modules that print or label things, writes ``locale/messages.pot``, and merges it
into ``locale/{fi,sv,en}.po``: existing translations are kept, new messages are added empty (in
``en.po`` filled with the English source), and messages no longer used are dropped. The tests
check that every catalog is complete and up to date.
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .i18n import LOCALE_DIR, LOCALES

PACKAGE = Path(__file__).resolve().parent.parent
MessageId = str | tuple[str, ...] | list[str]
"""A message's id as babel holds it: the text, or (singular, plural) for ``ngettext``."""
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
METHOD_MAP = [
    ("render/templates/**.html", "jinja2.ext:babel_extract"),
    ("render/templates/**.txt", "jinja2.ext:babel_extract"),
    ("render/**.py", "python"),
    ("cli/report.py", "python"),
    ("cli/certificates.py", "python"),
    ("cli/mail.py", "python"),
    ("cli/calendar.py", "python"),
]
OPTIONS = {
    "render/templates/**.html": {
        "extensions": "jinja2.ext.i18n",
        "newstyle_gettext": "true",
        "trim_blocks": "true",
        "lstrip_blocks": "true",
    },
    "render/templates/**.txt": {
        "extensions": "jinja2.ext.i18n",
        "newstyle_gettext": "true",
        "trim_blocks": "true",
        "lstrip_blocks": "true",
    },
}
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)
HEADER = (
    "# Messages of yhteiskehitys ({language}). English is the source language.\n"
    "# Update with `python -m yhteiskehitys.render.catalogs`; see docs/translations.md.\n"
    "# This file is distributed under the same license as the yhteiskehitys project (MIT)."
)
NAMES = {"fi": "suomi", "sv": "svenska", "en": "English", None: "template"}


def _tidy(catalog: Catalog, lang: str | None) -> None:
    """Fixed header fields, so the files change only when the messages do."""
    catalog.header_comment = HEADER.format(language=NAMES[lang])
    catalog.project = "yhteiskehitys"
    catalog.version = ""
    catalog.copyright_holder = "yhteiskehitys contributors"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "yhteiskehitys contributors"
    catalog.language_team = NAMES[lang]
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE


def extract() -> Catalog:
    """Every message the package shows, with where it is used."""
    catalog = Catalog(
        project="yhteiskehitys", fuzzy=False, creation_date=FIXED_DATE, revision_date=FIXED_DATE
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, METHOD_MAP, OPTIONS, KEYWORDS, comment_tags=("Translators:",)
    ):
        if filename.startswith("render/catalogs"):
            continue
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    path.write_bytes(buffer.getvalue())


def read(lang: str) -> Catalog:
    with (LOCALE_DIR / f"{lang}.po").open("rb") as handle:
        return read_po(handle, locale=LOCALES[lang])


def update() -> dict[str, list[MessageId]]:
    """Write the template and merge it into each catalog; returns the untranslated ids."""
    template = extract()
    _tidy(template, None)
    _write(template, LOCALE_DIR / "messages.pot")
    missing: dict[str, list[MessageId]] = {}
    for lang, locale in LOCALES.items():
        path = LOCALE_DIR / f"{lang}.po"
        if path.exists():
            catalog = read(lang)
        else:
            catalog = Catalog(locale=locale, project="yhteiskehitys", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        _tidy(catalog, lang)
        for message in catalog:
            if not message.id:
                continue
            if lang == "en" and not message.string:
                message.string = message.id
        _write(catalog, path)
        missing[lang] = [m.id for m in catalog if m.id and not m.string]
    return missing


def main() -> None:
    for lang, ids in update().items():
        print(f"{lang}: {len(ids)} untranslated")
        for message_id in ids:
            print(f"  {message_id!r}")


if __name__ == "__main__":
    main()
