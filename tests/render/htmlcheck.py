"""A small HTML reader for the tests: elements, text, and where text sits."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "path",
    "line",
    "circle",
    "rect",
    "marker",
}


class Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, tuple[tuple[str, dict[str, str | None]], ...]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data, tuple(self.stack)))

    @property
    def text(self) -> str:
        return "\n".join(t for t, _ in self.texts)

    def in_body(self):
        return [(t, s) for t, s in self.texts if any(tag == "body" for tag, _ in s)]

    def values(self, tag: str, cls: str) -> list[str]:
        return [
            a.get("value") or ""
            for t, a in self.tags
            if t == tag and cls in (a.get("class") or "").split()
        ]
