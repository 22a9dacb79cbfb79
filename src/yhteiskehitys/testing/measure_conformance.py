"""The conformance kit's checks of ``yk_instruments`` and ``yk_readers``.

An instrument must be an :class:`~yhteiskehitys.measure.instrument.Instrument` that survives a
TOML round trip (a programme folder keeps instruments as TOML); a reader must meet the contract
of :class:`~yhteiskehitys.measure.readers.base.Reader`, which is read from the protocol itself
so this check cannot drift from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..convert import dumps_toml, loads_toml
from ..errors import ConfigError
from ..measure.instrument import Instrument
from ..measure.readers.base import READER_ATTRIBUTES, READER_METHODS
from ..measure.readers.mapping import ColumnMapping
from ..model._validate import ID_PATTERN

CONTRACT = "see yhteiskehitys.measure.readers.base.Reader"
SAMPLE_HEADER = "1. Minua kuunnellaan"
SAMPLE_POINTS = 5
SAMPLE_EXPORT = "Vastaaja;1. Minua kuunnellaan\n1;4\n"


def check_instruments(items: list[Any], builtin_names: set[str], toml: Any | None) -> Iterator[str]:
    """Each item an Instrument with a readable title and description, a name of its own, and
    equal to itself after a TOML round trip (``toml`` is the converter; None skips it)."""
    seen: set[str] = set()
    for instrument in items:
        if not isinstance(instrument, Instrument):
            yield (
                f"yk_instruments: {_short(instrument)} is not an Instrument "
                "(yhteiskehitys.measure.instrument.Instrument)"
            )
            continue
        label = f"instrument {instrument.name!r}"
        if instrument.name in builtin_names:
            yield f"{label}: the name clashes with a built-in instrument"
        elif instrument.name in seen:
            yield f"{label}: offered twice"
        seen.add(instrument.name)
        for attribute in ("title", "description"):
            text = getattr(instrument, attribute)
            if not text.fi.strip():
                yield f"{label}: the {attribute} is empty; write one people can read"
        if toml is not None:
            yield from _round_trip(instrument, toml, label)


def _round_trip(instrument: Instrument, toml: Any, label: str) -> Iterator[str]:
    try:
        back = loads_toml(dumps_toml(instrument, toml), Instrument, toml, f"{label}.toml")
    except Exception as exc:  # noqa: BLE001 - any failure to round-trip is the finding
        yield f"{label}: does not round-trip through TOML: {exc}"
        return
    if back != instrument:
        yield f"{label}: changes on a round trip through TOML"


def check_readers(items: list[Any], builtin_names: set[str], folder: Path) -> Iterator[str]:
    """Each item meets the reader contract: every member there, of the right kind, a plain
    unique name, a description, and methods that answer as the importer expects."""
    seen: set[str] = set()
    for reader in items:
        missing = [m for m in (*READER_ATTRIBUTES, *READER_METHODS) if not hasattr(reader, m)]
        if missing:
            lacks = ", ".join(f"`{m}`" for m in missing)
            yield f"yk_readers: {_short(reader)} is not a reader: it lacks {lacks} ({CONTRACT})"
            continue
        name = reader.name
        if not isinstance(name, str) or not ID_PATTERN.fullmatch(name):
            yield (
                f"yk_readers: {_short(reader)} has the name {name!r}; a reader's name is a plain "
                f"id such as 'webropol' ({CONTRACT})"
            )
            continue
        label = f"reader {name!r}"
        if name in builtin_names:
            yield f"{label}: the name clashes with a built-in reader"
        elif name in seen:
            yield f"{label}: offered twice"
        seen.add(name)
        yield from _reader_members(reader, label, folder)


def _reader_members(reader: Any, label: str, folder: Path) -> Iterator[str]:
    if not isinstance(reader.description, str) or not reader.description.strip():
        yield f"{label}: `description` must be a line of text people can read"
    for attribute in ("ignore", "timestamp"):
        value = getattr(reader, attribute)
        if isinstance(value, (str, bytes)) or not all(isinstance(v, str) for v in value):
            yield f"{label}: `{attribute}` must be a tuple of column headers (strings)"
    for method in READER_METHODS:
        if not callable(getattr(reader, method)):
            yield f"{label}: `{method}` must be a method ({CONTRACT})"
            return
    yield from _answers(
        label,
        f"header_keys({SAMPLE_HEADER!r})",
        lambda: reader.header_keys(SAMPLE_HEADER),
        lambda v: (
            not isinstance(v, (str, bytes))
            and isinstance(v, (tuple, list))
            and all(isinstance(k, str) for k in v)
        ),
        "a tuple of strings",
    )
    yield from _answers(
        label,
        f"answer_codes({SAMPLE_POINTS})",
        lambda: reader.answer_codes(SAMPLE_POINTS),
        lambda v: (
            isinstance(v, Mapping)
            and all(
                isinstance(k, str) and type(p) is int and 1 <= p <= SAMPLE_POINTS
                for k, p in v.items()
            )
        ),
        f"a dict of answer texts to points 1-{SAMPLE_POINTS}",
    )
    yield from _opens(reader, label, folder)


def _answers(
    label: str, call: str, run: Callable[[], Any], ok: Callable[[Any], bool], wanted: str
) -> Iterator[str]:
    try:
        value = run()
    except Exception as exc:  # noqa: BLE001 - a crashing method is the finding
        yield f"{label}: {call} raised {type(exc).__name__}: {exc}"
        return
    if not ok(value):
        yield f"{label}: {call} returned {_short(value)}, not {wanted} ({CONTRACT})"


def _opens(reader: Any, label: str, folder: Path) -> Iterator[str]:
    """Opening a small CSV export gives a table with a header, or a ``ConfigError`` (a reader
    for another format may refuse it, but must say so readably)."""
    path = folder / f"{reader.name}-sample.csv"
    path.write_text(SAMPLE_EXPORT, encoding="utf-8")
    try:
        table = reader.open(path, ColumnMapping())
    except ConfigError:
        return
    except Exception as exc:  # noqa: BLE001 - anything but a ConfigError is the finding
        yield (
            f"{label}: open() raised {type(exc).__name__}: {exc}; a file it cannot read must "
            f"raise ConfigError naming the file and line ({CONTRACT})"
        )
        return
    try:
        header = getattr(table, "header", None)
        if not isinstance(header, list) or not all(isinstance(h, str) for h in header):
            yield f"{label}: open() returned {_short(table)}, not a TextTable with a header"
    finally:
        close = getattr(table, "close", None)
        if callable(close):
            close()
        else:
            yield f"{label}: the table open() returned cannot be closed (no close())"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
