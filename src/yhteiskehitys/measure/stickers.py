"""Children's evaluation by stickers: reading a tally into counts per activity and face.

A sticker board (an instrument of ``kind = "stickers"``) shows faces; children put a sticker on
the face that tells how an activity felt ("the play corner", "the singing"). The result is how
many stickers each face got, never a mean. A tally file is a CSV either with a count column
(``activity, face, count``: one row per activity and face) or without one (``activity, face``:
one row per sticker). A face is its number on the scale (1 = the first face), its label in
Finnish, Swedish or English, or its symbol. Every bad row is reported as ``FILE: line N:
reason`` and nothing is kept.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..limits import whole_number
from .importing import MAX_REPORTED
from .readers.tabular import open_table

if TYPE_CHECKING:
    from ..store import Store
    from ..store.surveys import ImportResult
    from .instrument import Instrument

ACTIVITY = ("activity", "toiminta", "aktiviteetti", "aktivitet", "toiminto")
FACE = ("face", "kasvot", "naama", "ansikte", "picture", "kuva", "bild")
COUNT = ("count", "määrä", "lukumäärä", "tarroja", "antal", "stickers", "n")
MAX_ACTIVITY = 120
MAX_COUNT = 100_000

Tally = dict[tuple[str, int], int]


def face_keys(instrument: Instrument) -> dict[str, int]:
    """Every way a tally may name a face, case-folded, to its point on the scale."""
    scale = instrument.scale
    keys = {str(p): p for p in range(1, scale.points + 1)}
    for point, label in enumerate(scale.labels, start=1):
        for text in (label.fi, label.sv, label.en):
            if text.strip():
                keys[text.strip().casefold()] = point
    for point, symbol in enumerate(scale.symbols, start=1):
        keys[symbol.strip().casefold()] = point
    return keys


def activity_keys(instrument: Instrument) -> dict[str, str]:
    """A board that names its activities: each activity's id and texts to its id."""
    keys = {}
    for item in instrument.items:
        keys[item.id.casefold()] = item.id
        for text in (item.text.fi, item.text.sv, item.text.en):
            if text.strip():
                keys[text.strip().casefold()] = item.id
    return keys


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [h.strip().casefold() for h in header]
    for name in names:
        if name in folded:
            return folded.index(name)
    return None


def read_tally(path: Path, instrument: Instrument) -> Tally:
    """The stickers of ``path`` per (activity, face point); :class:`ConfigError` lists every
    bad row (and nothing is returned)."""
    if not instrument.is_stickers:
        raise ConfigError([
            f"{path.name}: instrument {instrument.name!r} is a survey, not a sticker board; "
            "import its answers with a survey reader"
        ])  # fmt: skip
    faces, activities = face_keys(instrument), activity_keys(instrument)
    table = open_table(path)
    try:
        activity_at, face_at = _column(table.header, ACTIVITY), _column(table.header, FACE)
        count_at = _column(table.header, COUNT)
        missing = [n for n, at in (("activity", activity_at), ("face", face_at)) if at is None]
        if missing:
            raise ConfigError([
                f"{path.name}: line 1: no {' or '.join(missing)} column (columns: "
                f"{', '.join(table.header)}); name them activity, face and, for tallies, count"
            ])  # fmt: skip
        assert activity_at is not None and face_at is not None
        tally: Counter[tuple[str, int]] = Counter()
        problems: list[str] = []
        n_problems = 0
        for line, cells in table.rows:
            if not any(c.strip() for c in cells):
                continue
            found = _row(cells, activity_at, face_at, count_at, faces, activities)
            if isinstance(found, str):
                n_problems += 1
                if len(problems) < MAX_REPORTED:
                    problems.append(f"{path.name}: line {line}: {found}")
                continue
            activity, face, count = found
            tally[(activity, face)] += count
    finally:
        table.close()
    if n_problems:
        if n_problems > len(problems):
            problems.append(f"{path.name}: ... and {n_problems - len(problems)} more bad rows")
        raise ConfigError(
            [*problems, f"{path.name}: {n_problems} bad row(s); nothing was imported"]
        )
    if not sum(tally.values()):
        raise ConfigError([f"{path.name}: line 2: no stickers after the header"])
    return dict(tally)


def _row(
    cells: list[str],
    activity_at: int,
    face_at: int,
    count_at: int | None,
    faces: dict[str, int],
    activities: dict[str, str],
) -> tuple[str, int, int] | str:
    def cell(at: int) -> str:
        return cells[at].strip() if at < len(cells) else ""

    activity = " ".join(cell(activity_at).split())
    if not activity:
        return "activity: empty; name the activity the stickers are for"
    if len(activity) > MAX_ACTIVITY:
        return f"activity: longer than {MAX_ACTIVITY} characters"
    if activities:
        if activity.casefold() not in activities:
            known = ", ".join(sorted(set(activities.values())))
            return f"activity: {activity!r} is not on the board ({known})"
        activity = activities[activity.casefold()]
    face_text = cell(face_at)
    face = faces.get(face_text.casefold())
    if face is None:
        return (
            f"face: {face_text!r} is not a face of the board; give its number 1-"
            f"{max(faces.values())}, its label or its symbol"
        )
    if count_at is None:
        return activity, face, 1
    count_text = cell(count_at)
    count = whole_number(count_text)
    if count is None or count > MAX_COUNT:
        return f"count: {count_text!r} is not a whole number of stickers (0-{MAX_COUNT})"
    return activity, face, count


def import_tally(
    store: Store,
    path: Path,
    *,
    round_name: str,
    instrument: Instrument,
    group: str,
    round_label: dict[str, str] | None = None,
) -> ImportResult:
    """Import a sticker tally into ``round_name`` for ``group``, in one transaction;
    ``round_label`` (by language) is the round's label for reports."""
    tally = read_tally(path, instrument)
    with store.transaction() as tx:
        round_ = tx.surveys.ensure_round(
            round_name, instrument, group, path.name, label=round_label
        )
        return tx.stickers.import_tally(round_, instrument, group, tally, source=path)
