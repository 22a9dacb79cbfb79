"""Template filters for the pieces every page repeats: links, paragraphs, counts, answers.

They are filters (plain function calls) rather than macros, because a national-scale site
renders them hundreds of thousands of times. Each escapes what it is given (``Markup % args``
escapes every argument) and returns markup.
"""

from __future__ import annotations

import functools
from typing import Any

from markupsafe import Markup, escape

from ..model.text import LANGUAGES
from . import vocabulary as vocab
from .i18n import LANGUAGE_NAMES, format_date, format_number, translations
from .vocabulary import N_

NAV = (
    ("index.html", N_("Overview")),
    ("themes.html", N_("Themes")),
    ("sessions.html", N_("Meetings")),
    ("said-did.html", N_("You said, we did")),
    ("take-part.html", N_("How to take part")),
)


def file_name(record_id: str) -> str:
    """Ids may hold ``:``, which a relative link would read as a URL scheme; ``~`` is never in
    an id, so the mapping is one to one."""
    return record_id.replace(":", "~") + ".html"


def paragraphs(value: str, tag: str = "p") -> Markup:
    """Free text as paragraphs (split at blank lines), each isolated for its own direction."""
    wrap = Markup(f'<{tag} dir="auto">%s</{tag}>')
    return Markup("").join(wrap % p.strip() for p in str(value).split("\n\n") if p.strip())


def item_link(trail: Any, root: str) -> Markup:
    return Markup('<a href="%sitem/%s" dir="auto">%s</a>') % (
        root,
        file_name(trail.id),
        trail.title,
    )


def install_filters(env: Any, lang: str) -> None:
    gettext = translations(lang).gettext
    fewer = gettext("fewer than %(k)s")
    protected = gettext("hidden so that a smaller group cannot be worked out")
    no_answer = Markup('<span class="status">%s</span>') % gettext("no answer yet")

    def session_link(session: Any, root: str) -> Markup:
        title = Markup(": <bdi>%s</bdi>") % session.title if session.title else ""
        return Markup('<a href="%ssession/%s">%s%s</a>') % (
            root,
            file_name(session.id),
            format_date(session.date, lang),
            title,
        )

    def count(c: Any) -> Markup:
        """A number of people, or the words saying it is withheld (see ``disclosure``)."""
        if c.n is None:
            why = fewer % {"k": c.threshold} if c.primary else protected
            return Markup('<span class="suppressed">%s</span>') % why
        return Markup('<data class="n" value="%s">%s</data>') % (c.n, format_number(c.n, lang))

    def outcome(response: Any) -> Markup:
        if response is None:
            return no_answer
        word = vocab.label(vocab.OUTCOMES, response.outcome, gettext)
        return Markup('<span class="status">%s</span>') % word

    env.filters.update(
        paragraphs=paragraphs,
        item_link=item_link,
        session_link=session_link,
        count=count,
        outcome=outcome,
        bdi=lambda value: Markup("<bdi>%s</bdi>") % value,
        split_lines=lambda value: str(value).split("\n"),
    )
    env.globals["file_name"] = file_name
    env.globals["site_nav"] = functools.lru_cache(maxsize=64)(
        lambda root, current: _site_nav(gettext, root, current)
    )
    env.globals["language_links"] = lambda root, current: _language_links(lang, root, current)


def _site_nav(gettext: Any, root: str, current: str) -> Markup:
    """The site's main navigation; the same for every page of a folder, so made once."""
    items = Markup("").join(
        Markup('<li><a href="%s%s"%s>%s</a></li>\n')
        % (root, href, Markup(' aria-current="page"') if href == current else "", gettext(text))
        for href, text in NAV
    )
    return Markup('<nav aria-label="%s">\n<ul>\n%s</ul>\n</nav>') % (
        gettext("Pages of this site"),
        items,
    )


def _language_links(lang: str, root: str, current: str) -> Markup:
    """Links to this page in the other languages; made for every page, so kept to one format."""
    parts = _language_frame(lang)
    fill = (str(escape(root)), str(escape(current)))
    text = parts[0]
    for index, part in enumerate(parts[1:]):
        text += fill[index % 2] + part
    return Markup(text)


@functools.cache
def _language_frame(lang: str) -> tuple[str, ...]:
    """The language links with two holes: the way to the site's root, and this page."""
    hole = "\x00"
    items = "".join(
        f'<li><a href="{hole}../{other}/{hole}" lang="{other}" hreflang="{other}">'
        f"{escape(LANGUAGE_NAMES[other])}</a></li>\n"
        for other in LANGUAGES
        if other != lang
    )
    label = escape(translations(lang).gettext("Language"))
    frame = f'<nav class="languages" aria-label="{label}">\n<ul>\n{items}</ul>\n</nav>'
    return tuple(frame.split(hole))  # each link has both holes: root, page, root, page
