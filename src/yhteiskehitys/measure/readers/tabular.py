"""Decoding what survey tools export as text tables, as they really come out of Finnish offices:
UTF-8 with or without a byte-order mark, Windows cp1252, ``;`` or ``,`` or tab delimiters,
decimal commas, dates as text in several locales or as Excel serial numbers.

The file is streamed: only a sample is read up front, to choose the encoding and delimiter.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import define

from ...errors import ConfigError

SAMPLE_BYTES = 64 * 1024
DELIMITERS = (";", ",", "\t")

if TYPE_CHECKING:
    from _csv import Reader as CsvReader  # what csv.reader returns; csv does not export it


class TableError(ConfigError):
    """The file cannot be read as a table at all (empty, binary, undecodable header)."""


@define
class TextTable:
    """An open table: its header, the encoding and delimiter found, and its rows with the line
    number each starts on (1 is the header)."""

    header: list[str]
    encoding: str
    delimiter: str
    rows: Iterator[tuple[int, list[str]]]
    handle: io.TextIOBase

    def close(self) -> None:
        self.handle.close()


def detect_encoding(sample: bytes, name: str) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        raise TableError([f"{name}: line 1: binary data, not a text export; export as CSV"])
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = sample[: exc.start].count(b"\n") + 1
        raise TableError(
            [
                f"{name}: line {line}: byte 0x{sample[exc.start]:02x} is neither UTF-8 nor "
                "Windows-1252 text; save the export as UTF-8"
            ]
        ) from None
    return "cp1252"


def _encoding_further_on(raw: io.BufferedIOBase) -> str:
    """After a plain-ASCII sample: an export whose first rows are ASCII may still be
    Windows-1252 further down, so the first chunk that is not ASCII decides (after ASCII-only
    chunks it starts on a character boundary). Bytes that are neither are left for the rows to
    report with their line."""
    while chunk := raw.read(SAMPLE_BYTES):
        if not chunk.isascii():
            try:
                codecs.getincrementaldecoder("utf-8")().decode(chunk, final=False)
            except UnicodeDecodeError:
                return "cp1252"
            break
    return "utf-8"


def _looks_binary(text: str) -> bool:
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    return control > max(2, len(text) // 100)


def detect_delimiter(first_line: str) -> str:
    counts = {d: 0 for d in DELIMITERS}
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


_SEP_LINE = re.compile(r"sep=(.)", re.IGNORECASE)


def open_table(
    path: Path, *, encoding: str | None = None, delimiter: str | None = None
) -> TextTable:
    """Open ``path`` as a table; raise :class:`TableError` naming the file and line 1 when it
    is empty, binary or has no header."""
    name = path.name
    try:
        raw = open(path, "rb")  # closed by TextTable.close
    except OSError as exc:
        raise TableError([f"{path}: cannot read: {exc.strerror}"]) from None
    sample = raw.read(SAMPLE_BYTES)
    if not sample.strip():
        raw.close()
        raise TableError([f"{name}: line 1: the file is empty"])
    try:
        if encoding is None:
            encoding = detect_encoding(sample, name)
            if encoding == "utf-8" and sample.isascii():
                encoding = _encoding_further_on(raw)
        raw.seek(0)
        text_sample = sample.decode(encoding, errors="replace")
    except (LookupError, TableError) as exc:
        raw.close()
        if isinstance(exc, LookupError):
            raise TableError([f"{name}: unknown encoding {encoding!r}"]) from None
        raise
    if _looks_binary(text_sample):
        raw.close()
        raise TableError([f"{name}: line 1: binary data, not a text export; export as CSV"])
    first_line = text_sample.lstrip("\ufeff").splitlines()[0] if text_sample.strip() else ""
    sep_line = _SEP_LINE.fullmatch(first_line.strip())
    if sep_line:  # Excel's "sep=;" line names the delimiter; the header follows it
        delimiter = delimiter or sep_line.group(1)
    elif not delimiter:
        delimiter = detect_delimiter(first_line)
    handle = io.TextIOWrapper(raw, encoding=encoding, newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader, None)
        if sep_line:
            header = next(reader, None)
    except (UnicodeDecodeError, csv.Error) as exc:
        handle.close()
        raise TableError([f"{name}: line 1: cannot read the header: {exc}"]) from None
    if not header or not any(cell.strip() for cell in header):
        handle.close()
        raise TableError([f"{name}: line 1: no header row"])
    header = [cell.strip().lstrip("\ufeff") for cell in header]
    return TextTable(header, encoding, delimiter, _rows(reader, path, encoding), handle)


def _undecodable_line(path: Path, encoding: str) -> int | None:
    """The first line of ``path`` that is not valid ``encoding`` text. Only on the error path:
    the decoder reads ahead of the rows, so the row being read does not say where the byte is."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                decoder.decode(line)
            except UnicodeDecodeError:
                return number
    return None


def _rows(reader: CsvReader, path: Path, encoding: str) -> Iterator[tuple[int, list[str]]]:
    name = path.name
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            line = _undecodable_line(path, encoding) or start
            raise TableError(
                [f"{name}: line {line}: not valid {encoding} text; save the export as UTF-8"]
            ) from None
        except csv.Error as exc:
            raise TableError([f"{name}: line {start}: {exc}"]) from None
        if row and any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


# --- values -----------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """``4``, ``4,0`` and ``4.0`` are all four; None when the text is not a number."""
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


EXCEL_EPOCH = datetime(1899, 12, 30)
DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H.%M.%S",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y klo %H.%M.%S",
    "%d.%m.%Y klo %H.%M",
    "%d.%m.%Y",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%Y/%m/%d %I:%M:%S %p",
    "%Y/%m/%d %H:%M:%S",
    "%m/%d/%Y",
)
_YEAR = re.compile(r"(1[89]|2[0-2])\d\d")
_ISO_ZONED = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d.*(Z|[+-]\d\d:?\d\d)$")
_ZONE = re.compile(r"\s+(GMT|UTC|EET|EEST|CET|CEST)([+-]\d{1,2}(:?\d{2})?)?$")


def parse_datetime(text: str, formats: tuple[str, ...] = DATE_FORMATS) -> datetime:
    """A date and time as tools write them, or an Excel serial day number (``45366.59``).

    Times are kept as written (local time of the survey tool); a trailing zone name that
    Google Forms appends is dropped. Raises ValueError naming the text.
    """
    text = text.strip()
    if _YEAR.fullmatch(text):
        # Excel shows a date cell formatted as a year as the bare year; read as a serial day
        # number it would silently become a day in 1905.
        raise ValueError(
            f"{text!r} is a year alone, not a date and time; format the column as a date"
        )
    if _ISO_ZONED.match(text):
        try:
            zoned = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if zoned.tzinfo is not None:  # "2024-03-01T12:00:00Z": kept as UTC wall time
                return zoned.astimezone(UTC).replace(tzinfo=None)
    number = parse_number(text)
    if number is not None and 1 <= number < 2958466 and not re.fullmatch(r"\d{8}", text):
        return EXCEL_EPOCH + timedelta(days=number)
    cleaned = _ZONE.sub("", text)
    for fmt in formats:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise ValueError(f"not a date and time: {text!r}")
