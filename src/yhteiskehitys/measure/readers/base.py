"""A reader turns one survey tool's export into rows of answers, streamed.

Readers of text exports differ only in data: which columns are the tool's own metadata (never
read, so e-mail addresses and names are never stored), where the time of answering is, what
answer codes the tool writes. :class:`TabularReader` holds that data; each tool's module makes
one. A plugin may contribute any object with ``name``, ``description`` and ``open(...)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from attrs import field, frozen

from .mapping import ColumnMapping
from .tabular import TextTable, open_table


class Reader(Protocol):
    """What ``yk_readers`` returns: a named way to open a survey export as a table."""

    name: str
    description: str
    ignore: tuple[str, ...]
    timestamp: tuple[str, ...]

    def open(self, path: Path, mapping: ColumnMapping) -> TextTable: ...

    def header_keys(self, header: str) -> tuple[str, ...]: ...

    def answer_codes(self, points: int) -> dict[str, int]: ...


_NUMBERING = re.compile(r"^\s*(?:[A-Za-z]{0,2}\d+[a-z]?[.):]\s*)+")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Header or answer text compared loosely: case, spacing, numbering and end punctuation."""
    text = _NUMBERING.sub("", text)
    return _SPACE.sub(" ", text).strip().strip(".:?!*").strip().casefold()


def default_header_keys(header: str) -> tuple[str, ...]:
    """Ways a header may name an item: the whole header, the text after the last `` - ``
    (matrix questions: "Question - Statement") and the part in brackets ("Q[statement]")."""
    keys = [normalise(header)]
    if " - " in header:
        keys.append(normalise(header.rsplit(" - ", 1)[1]))
    bracket = re.search(r"\[([^\]]+)\]\s*$", header)
    if bracket:
        keys.append(normalise(bracket.group(1)))
    return tuple(dict.fromkeys(k for k in keys if k))


@frozen(kw_only=True)
class TabularReader:
    """A reader for a CSV-like export; see the module docstring."""

    name: str
    description: str
    ignore: tuple[str, ...] = ()
    timestamp: tuple[str, ...] = ()
    codes: Callable[[int], dict[str, int]] | None = field(default=None, eq=False)
    header_keys_fn: Callable[[str], tuple[str, ...]] = field(default=default_header_keys, eq=False)

    def open(self, path: Path, mapping: ColumnMapping) -> TextTable:
        return open_table(path, encoding=mapping.encoding, delimiter=mapping.delimiter)

    def header_keys(self, header: str) -> tuple[str, ...]:
        return self.header_keys_fn(header)

    def answer_codes(self, points: int) -> dict[str, int]:
        return self.codes(points) if self.codes else {}
