"""The participant pages read as whole words and sentences in every language."""

from __future__ import annotations

from .htmlcheck import Page


def test_picture_of_the_loop_breaks_lines_only_between_words(site):
    for lang in site.languages:
        page = Page((site.out / lang / "take-part.html").read_text(encoding="utf-8"))
        labels = [
            text.strip().rstrip(".") for text, stack in page.texts if stack[-1][0] == "strong"
        ]
        lines = [
            text.strip()
            for text, stack in page.texts
            if stack[-1][0] == "text" and stack[-1][1].get("font-size") == "18"
        ]
        assert len(labels) == 5, lang
        # Each step's label is drawn on one or more lines that together give the label back.
        assert " ".join(lines) == " ".join(labels), lang
