"""SVG charts drawn at build time, each with a text alternative and its numbers as a table.

A chart never carries meaning by colour alone: every bar has its label and its value written
beside it, and the same numbers are in the table below the chart. Suppressed values (a group
smaller than the disclosure threshold) are drawn as no bar with the reason written instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import field, frozen
from markupsafe import Markup, escape

WIDTH = 640
ROW = 34
LABEL_WIDTH = 210
VALUE_WIDTH = 150
BAR_COLOUR = "#1d5a85"
INTERVAL_COLOUR = "#1a1a1a"
TEXT_COLOUR = "#1a1a1a"
LINE = 17
"""Height of one line of a label; a label longer than a line wraps, never cut off."""
LABEL_CHARS = 24
VALUE_CHARS = 18


@frozen(kw_only=True)
class Bar:
    label: str
    value: float | None
    """None when suppressed or missing; ``shown`` then says why."""
    shown: str
    low: float | None = None
    high: float | None = None
    cells: tuple[str, ...] = ()
    """Extra table cells for this row (e.g. n, the interval)."""


@frozen(kw_only=True)
class Chart:
    """One figure: an SVG, its text alternative, and the numbers as table rows."""

    key: str
    title: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    svg: Markup = field(repr=False)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at spaces; a word longer than
    a line is broken inside, so every character is drawn and none is lost."""
    import textwrap

    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _lines(x: float, middle: float, lines: list[str], anchor: str = "start") -> str:
    """A multi-line ``<text>`` centred on ``middle``."""
    first = middle + 5 - (len(lines) - 1) * LINE / 2
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{first + i * LINE:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    end = ' text-anchor="end"' if anchor == "end" else ""
    return f'<text{end} fill="{TEXT_COLOUR}" font-size="14">{spans}</text>'


def bar_chart(
    *,
    key: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    columns: Sequence[str],
    scale_max: float | None = None,
    scale_min: float = 0.0,
) -> Chart:
    """Horizontal bars (with an interval whisker when ``low``/``high`` are set)."""
    values = [b.value for b in bars if b.value is not None]
    values += [b.high for b in bars if b.high is not None]
    top = scale_max if scale_max is not None else (max(values) if values else 1.0)
    top = top if top > scale_min else scale_min + 1.0
    zero = min(max(0.0, scale_min), top)
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    labels = [wrap(bar.label, LABEL_CHARS) for bar in bars]
    shown = [wrap(bar.shown, VALUE_CHARS) for bar in bars]
    heights = [
        max(ROW, LINE * max(len(a), len(b)) + 10) for a, b in zip(labels, shown, strict=True)
    ]
    height = sum(heights) + 12 if bars else ROW + 12

    def x(value: float) -> float:
        clipped = min(max(value, scale_min), top)
        return LABEL_WIDTH + span * (clipped - scale_min) / (top - scale_min)

    title_id, desc_id = f"{key}-title", f"{key}-desc"
    base = x(zero)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" focusable="false">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>',
        f'<line x1="{base:.1f}" y1="4" x2="{base:.1f}" y2="{height - 4}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1"/>',
    ]
    y = 6
    for i, bar in enumerate(bars):
        row = heights[i]
        middle = y + row / 2
        parts.append(_lines(LABEL_WIDTH - 8, middle, labels[i], anchor="end"))
        end = base
        if bar.value is not None:
            end = x(bar.value)
            left, right = min(base, end), max(base, end)
            parts.append(
                f'<rect x="{left:.1f}" y="{middle - (ROW - 12) / 2:.1f}" '
                f'width="{right - left:.1f}" height="{ROW - 12}" fill="{BAR_COLOUR}"/>'
            )
            end = right
        if bar.low is not None and bar.high is not None:
            lo, hi = x(bar.low), x(bar.high)
            end = max(end, hi)
            parts.append(
                f'<path d="M{lo:.1f} {middle - 7:.1f}v14M{lo:.1f} {middle:.1f}H{hi:.1f}'
                f'M{hi:.1f} {middle - 7:.1f}v14" stroke="{INTERVAL_COLOUR}" '
                f'stroke-width="2" fill="none"/>'
            )
        parts.append(_lines(min(end + 8, WIDTH - VALUE_WIDTH + 8), middle, shown[i]))
        y += row
    parts.append("</svg>")
    rows = tuple((bar.label, bar.shown, *bar.cells) for bar in bars)
    return Chart(
        key=key,
        title=title,
        description=description,
        columns=tuple(columns),
        rows=rows,
        svg=Markup("".join(parts)),
    )
