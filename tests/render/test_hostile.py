"""Hostile text in every free-text field renders inert in every page of the site."""

from __future__ import annotations

from .conftest import HOSTILE
from .htmlcheck import Page


def pages(site):
    return [p for p in site.pages if p.suffix == ".html"]


def test_every_page_is_built_and_parses(site):
    assert len(pages(site)) > 20
    for path in pages(site):
        Page(path.read_text(encoding="utf-8"))


def test_no_script_no_event_handler_anywhere(site):
    for path in pages(site):
        page = Page(path.read_text(encoding="utf-8"))
        assert not [t for t, _ in page.tags if t in ("script", "iframe", "object", "embed")], path
        for tag, attrs in page.tags:
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            if tag == "img":
                assert (attrs.get("src") or "").startswith("data:"), path


def test_hostile_text_is_shown_as_text(site):
    seen = 0
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        text = Page(html).text
        assert "<script>alert('x')</script>" not in html, path
        if "{{ 7*7 }}" in text:
            seen += 1
            # Template syntax in data is printed, never evaluated.
            assert text.count("{{ 7*7 }}") == text.count("{% raw %}") == text.count("${7*7}")
            assert "<script>alert('x')</script>" in text
            assert "Ŋŋ Šš Ŧŧ" in text and "🎉👩🏽‍🚀" in text and "שלום עולם" in text
    assert seen > 20


def test_right_to_left_text_is_isolated(site):
    """Text of unknown direction sits in an element with dir="auto" (or <bdi>), so a Hebrew or
    Arabic title does not reorder the sentence around it."""
    for path in pages(site):
        page = Page(path.read_text(encoding="utf-8"))
        for text, stack in page.in_body():
            if "שלום" not in text:
                continue
            assert any(
                tag in ("bdi", "title", "desc") or attrs.get("dir") == "auto"
                for tag, attrs in stack
            ), (path, text[:40], [t for t, _ in stack])


def test_long_words_wrap(site):
    css = (site.out / "fi" / "index.html").read_text(encoding="utf-8")
    assert "overflow-wrap: anywhere" in css
    assert "Pitkäsana" * 40 in HOSTILE


def test_pages_are_self_contained(site):
    """No page names anything outside the site, and each forbids fetching anything else."""
    urls = ("href", "src", "srcset", "action", "formaction", "poster", "xlink:href", "data")
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        page = Page(html)
        policies = [
            a.get("content") or ""
            for t, a in page.tags
            if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
        ]
        assert len(policies) == 1 and "default-src 'none'" in policies[0], path
        for tag, attrs in page.tags:
            for name in urls:
                value = (attrs.get(name) or "").strip()
                if not value or value.startswith("data:"):
                    continue
                assert "://" not in value and not value.startswith("//"), (path, tag, value)
                assert ":" not in value.split("/")[0], (path, tag, value)
        assert "url(" not in html.replace("url(#", ""), path
        assert "@import" not in html, path
