"""Synthetic survey exports in each tool's format, written by the tests (no real answers)."""

from __future__ import annotations

import random
from pathlib import Path

from yhteiskehitys.convert import make_converter
from yhteiskehitys.measure.instrument import builtin_instruments

BAROMETER = next(i for i in builtin_instruments(make_converter("toml")) if i.name == "barometer")
ITEMS = BAROMETER.items
LABELS_FI = [label.fi for label in BAROMETER.scale.labels]
LABELS_EN = [label.en for label in BAROMETER.scale.labels]


def answers(n: int, seed: int = 1) -> list[list[int | None]]:
    rng = random.Random(seed)
    return [[rng.choice([1, 2, 3, 4, 5, 5, 4, None]) for _ in ITEMS] for _ in range(n)]


def write(path: Path, lines: list[list[str]], *, delimiter: str, encoding: str) -> Path:
    def quote(cell: str) -> str:
        if any(ch in cell for ch in (delimiter, '"', "\n")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    text = "\r\n".join(delimiter.join(quote(c) for c in line) for line in lines) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def webropol(path: Path, rows, *, encoding: str = "cp1252", style: str = "numbered") -> Path:
    if style == "numbered":
        header = [f"{i}. {item.text.fi}" for i, item in enumerate(ITEMS, start=1)]
    else:
        header = [f"Mitä mieltä olet seuraavista väittämistä? - {item.text.fi}" for item in ITEMS]
    lines = [["Vastaaja", "Vastausaika", "Ikäryhmä", "Alue", *header]]
    for n, row in enumerate(rows, start=1):
        cells = [
            ("En osaa sanoa" if n % 7 == 0 else "")
            if p is None
            else (LABELS_FI[p - 1] if style == "numbered" else f"{p},0")
            for p in row
        ]
        lines.append([str(n), f"{1 + n % 28}.3.2024 14:{n % 60:02d}", "16-18", "Keskusta", *cells])
    return write(path, lines, delimiter=";", encoding=encoding)


def limesurvey(path: Path, rows, *, style: str = "codes") -> Path:
    if style == "codes":
        header = [
            "id",
            "submitdate",
            "lastpage",
            "startlanguage",
            "seed",
            *[f"baro[{item.id}]" for item in ITEMS],
        ]
    else:
        header = [
            "Response ID",
            "Date submitted",
            "Last page",
            "Start language",
            "Seed",
            *[f"Osallisuus [{item.text.fi}]" for item in ITEMS],
        ]
    lines = [header]
    for n, row in enumerate(rows, start=1):
        cells = [
            "" if p is None else (f"A{p}" if style == "codes" else LABELS_FI[p - 1]) for p in row
        ]
        lines.append([str(n), "2024-03-15 14:22:01", "2", "fi", "12345", *cells])
    return write(path, lines, delimiter=",", encoding="utf-8")


def msforms(path: Path, rows, *, excel_dates: bool = False) -> Path:
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        *[item.text.en for item in ITEMS],
    ]
    lines = [header]
    for n, row in enumerate(rows, start=1):
        done = f"{45366 + n / 100:.5f}" if excel_dates else f"3/{1 + n % 28}/24 14:22:01"
        cells = ["" if p is None else LABELS_EN[p - 1] for p in row]
        lines.append(
            [str(n), "3/15/24 14:10:00", done, f"person{n}@example.org", f"Person {n}", *cells]
        )
    return write(path, lines, delimiter=",", encoding="utf-8-sig")


def googleforms(path: Path, rows, *, locale: str = "en") -> Path:
    stamp_name = "Timestamp" if locale == "en" else "Aikaleima"
    header = [stamp_name, "Email Address", *[item.text.fi for item in ITEMS]]
    lines = [header]
    for n, row in enumerate(rows, start=1):
        stamp = (
            "2024/03/15 2:22:01 PM EET" if locale == "en" else f"{1 + n % 28}.3.2024 klo 14.22.01"
        )
        cells = ["" if p is None else str(p) for p in row]
        lines.append([stamp, f"p{n}@example.org", *cells])
    delimiter = "\t" if locale == "tsv" else ","
    return write(path, lines, delimiter=delimiter, encoding="utf-8")


MAPPING = """
reader = "csv"
ignore = ["Huom"]
[columns]
respondent_key = "Tunnus"
age_band = "Ikä"
area = "Alue"
answered_at = "Pvm"
{items}
[answers]
"Ihan ok" = 3
"""


def generic(path: Path, rows, *, keys: bool = True) -> tuple[Path, Path]:
    mapping = path.with_suffix(".toml")
    mapping.write_text(
        MAPPING.format(items="\n".join(f'{item.id} = "K{i}"' for i, item in enumerate(ITEMS, 1))),
        encoding="utf-8",
    )
    lines = [["Tunnus", "Ikä", "Alue", "Pvm", "Huom", *[f"K{i}" for i in range(1, len(ITEMS) + 1)]]]
    for n, row in enumerate(rows, start=1):
        cells = [
            "" if p is None else ("Ihan ok" if p == 3 and n % 5 == 0 else f"{p},0") for p in row
        ]
        lines.append(
            [f"nuori-{n:03d}" if keys else "", "19-24", "Itä", f"{45366 + n}", "x", *cells]
        )
    return write(path, lines, delimiter=";", encoding="utf-8"), mapping
