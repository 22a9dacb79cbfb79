"""A reader turns one survey tool's export into rows of answers, streamed.

Readers of text exports differ only in data: which columns are the tool's own metadata (never
read, so e-mail addresses and names are never stored), where the time of answering is, what
answer codes the tool writes. :class:`TabularReader` holds that data; each tool's module makes
one. What every reader must offer is stated once, in :class:`Reader`.
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
    """The reader contract: what each item ``yk_readers`` returns offers.

    A reader only opens one survey tool's export as a table of text; the importer matches its
    columns to the instrument's items, decodes the answers and validates every row. Any object
    with these members will do; :class:`TabularReader` is one for CSV-like exports.

    - ``name``: unique among all plugins' readers, a plain id (letters, digits and ``_.:-``,
      as every id of the project); chosen by ``reader=`` (``yk survey import --reader``) or a
      mapping file's ``reader =``, and stored with every imported round.
    - ``description``: one line, non-empty, shown to a person choosing a reader.
    - ``ignore``: headers of the tool's own columns (respondent number, e-mail, IP address,
      name); they are never read, so that such personal data is never stored.
    - ``timestamp``: headers of the column holding when the answer was given.
    - ``open(path, mapping)``: open the export and return a
      :class:`~yhteiskehitys.measure.readers.tabular.TextTable` (header, rows with their line
      numbers); the importer closes it. A file that cannot be read raises
      :class:`~yhteiskehitys.errors.ConfigError` naming the file and line.
    - ``header_keys(header)``: the keys, as :func:`normalise` leaves them, under which a
      column header may name an item (:func:`default_header_keys` suits most tools).
    - ``answer_codes(points)``: the tool's own answer codes for a scale of ``points`` points,
      text to point ``1..points`` (LimeSurvey's ``A1``...); empty when the tool writes the
      scale's texts or numbers.
    """

    name: str
    description: str
    ignore: tuple[str, ...]
    timestamp: tuple[str, ...]

    def open(self, path: Path, mapping: ColumnMapping) -> TextTable: ...

    def header_keys(self, header: str) -> tuple[str, ...]: ...

    def answer_codes(self, points: int) -> dict[str, int]: ...


READER_ATTRIBUTES: tuple[str, ...] = tuple(Reader.__annotations__)
"""The data members of :class:`Reader`, read from it so a check of the contract cannot drift."""
READER_METHODS: tuple[str, ...] = tuple(
    name for name, value in vars(Reader).items() if callable(value) and not name.startswith("_")
)


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
