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
MAX_LABEL = 26


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


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


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
    height = ROW * max(len(bars), 1) + 12

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
    for i, bar in enumerate(bars):
        y = 6 + i * ROW
        middle = y + ROW / 2
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle + 5:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}" font-size="14">{escape(_short(bar.label))}</text>'
        )
        end = base
        if bar.value is not None:
            end = x(bar.value)
            left, right = min(base, end), max(base, end)
            parts.append(
                f'<rect x="{left:.1f}" y="{y + 6}" width="{right - left:.1f}" '
                f'height="{ROW - 12}" fill="{BAR_COLOUR}"/>'
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
        parts.append(
            f'<text x="{end + 8:.1f}" y="{middle + 5:.1f}" fill="{TEXT_COLOUR}" '
            f'font-size="14">{escape(bar.shown)}</text>'
        )
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
