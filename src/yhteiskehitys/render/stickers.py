"""The children's sticker evaluation as a picture: our own faces, and the stickers each got.

The faces are drawn here (no third party's art): a round face whose mouth goes from straight
(the first face) to a wide smile (the last), so the scale leans positive as research on
children's rating scales advises and no child has to pick a sad face. Every count is written as
a number beside its face, and the same numbers are in the table under the picture; a count the
disclosure gate withheld is drawn as no number, with the reason written instead.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from .charts import TEXT_COLOUR, Chart
from .i18n import format_number, gettext

FACE = 44
COLUMN = 110
LABEL_WIDTH = 200
ROW = 34
HEAD = 86
FACE_FILL = "#ffd866"
FACE_LINE = "#1a1a1a"


def face_svg(point: int, points: int, x: float, y: float, size: float = FACE) -> str:
    """Face ``point`` of ``points`` at (x, y): the mouth's smile grows from 0 (straight) to
    full at the last face; the eyes stay the same, so only the mouth tells them apart."""
    r = size / 2
    cx, cy = x + r, y + r
    smile = (point - 1) / max(points - 1, 1)
    half = r * 0.45
    mouth_y = cy + r * 0.3
    depth = r * 0.45 * smile
    return (
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r - 1:.1f}" fill="{FACE_FILL}" '
        f'stroke="{FACE_LINE}" stroke-width="2"/>'
        f'<circle cx="{cx - r * 0.35:.1f}" cy="{cy - r * 0.2:.1f}" r="{r * 0.09:.1f}" '
        f'fill="{FACE_LINE}"/>'
        f'<circle cx="{cx + r * 0.35:.1f}" cy="{cy - r * 0.2:.1f}" r="{r * 0.09:.1f}" '
        f'fill="{FACE_LINE}"/>'
        f'<path d="M{cx - half:.1f} {mouth_y:.1f}Q{cx:.1f} {mouth_y + 2 * depth:.1f} '
        f'{cx + half:.1f} {mouth_y:.1f}" stroke="{FACE_LINE}" stroke-width="2.5" fill="none" '
        'stroke-linecap="round"/>'
    )


def is_sticker_table(table: Any) -> bool:
    from ..measure.results import STICKER_NOTE

    return getattr(table, "note", "") == STICKER_NOTE


def sticker_chart(table: Any, key: str, lang: str) -> Chart:
    """A published sticker table (activities x faces) as a picture with its numbers."""
    from ..measure.disclosure import Cell, Suppressed

    _ = gettext(lang)
    small = _("fewer than %(k)s") % {"k": table.k}
    protected = _("hidden")
    faces = table.cols
    width = LABEL_WIDTH + COLUMN * len(faces) + 10
    height = HEAD + ROW * max(len(table.rows), 1) + 8
    title_id, desc_id = f"{key}-title", f"{key}-desc"
    description = _(
        "How many stickers the children put on each face for each activity; the first face is "
        "neutral and the last the happiest. Counts of fewer than %(k)s are not shown, nor "
        "counts from which one of them could be worked out (hidden)."
    ) % {"k": table.k}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart stickers" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" focusable="false">',
        f'<title id="{escape(title_id)}">{escape(table.title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>',
    ]
    for i, label in enumerate(faces):
        x = LABEL_WIDTH + i * COLUMN + (COLUMN - FACE) / 2
        parts.append(face_svg(i + 1, len(faces), x, 4))
        parts.append(
            f'<text x="{LABEL_WIDTH + i * COLUMN + COLUMN / 2:.1f}" y="{FACE + 24}" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}" font-size="13">{escape(label)}</text>'
        )
    rows = []
    for j, activity in enumerate(table.rows):
        y = HEAD + j * ROW
        parts.append(
            f'<text x="{LABEL_WIDTH - 10}" y="{y + ROW / 2 + 5:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}" font-size="14">{escape(activity)}</text>'
        )
        shown = []
        for i, face in enumerate(faces):
            cell = table.cells.get((activity, face))
            if isinstance(cell, Suppressed):
                # A count hidden to protect a small one is not itself small: say which it is.
                text, size = (small if cell.primary else protected), 11
            elif isinstance(cell, Cell):
                text, size = format_number(cell.n, lang), 16
            else:
                text, size = "–", 16
            shown.append(text)
            parts.append(
                f'<text x="{LABEL_WIDTH + i * COLUMN + COLUMN / 2:.1f}" y="{y + ROW / 2 + 6:.1f}" '
                f'text-anchor="middle" fill="{TEXT_COLOUR}" font-size="{size}">{escape(text)}'
                "</text>"
            )
        rows.append((activity, *shown))
    parts.append("</svg>")
    return Chart(
        key=key,
        title=table.title,
        description=description,
        columns=(_("Activity"), *faces),
        rows=tuple(rows),
        svg=Markup("".join(parts)),
    )
