"""Figures of the feedback loop and the barometer, taken from their own libraries.

Reports never compute these themselves: the loop's figures come from
:func:`yhteiskehitys.loop.queries.loop_summary` (the SQL form of
:mod:`yhteiskehitys.loop.stats`) and the barometer's from
:func:`yhteiskehitys.measure.results.measure`, which returns only tables that went through
disclosure control. This module only turns them into words, tables and charts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from . import vocabulary as vocab
from .charts import Bar, Chart, bar_chart
from .i18n import format_number, format_percent, gettext
from .snapshot import Records


@frozen(kw_only=True)
class OverdueRow:
    trail: Any
    title: str
    step: str
    due: Any
    days: int


@frozen(kw_only=True)
class LoopFigures:
    closure_rate: str
    chart: Chart
    overdue: tuple[OverdueRow, ...]
    overdue_total: int
    states: dict[str, str]


@frozen(kw_only=True)
class BarometerFigures:
    charts: tuple[Chart, ...]
    notes: tuple[str, ...]


def loop_figures(records: Records, lang: str) -> LoopFigures | None:
    """The loop's state counts, closure rate and overdue steps, or None with nothing yet."""
    if records.loop is None:
        return None
    _ = gettext(lang)
    summary = records.loop["summary"]
    total = sum(n for by in summary.counts.values() for n in by.values())
    if total == 0:
        return None
    from ..model.loop_states import CLOSED, DELIVERED, INITIAL, KINDS, STATES

    # Each kind's own early states, then the stages both kinds share, in the table's order.
    shared = [s for s in STATES[KINDS[0]] if all(s in STATES[k] for k in KINDS)]
    order = [s for kind in KINDS for s in STATES[kind] if s not in shared] + shared
    # A pending answer told back is still waiting for the answer: "told back" counts closed
    # loops only, as the closure rate does.
    moved = {CLOSED: -summary.interim, DELIVERED: summary.interim}
    bars = []
    for state in order:
        n = sum(by.get(state, 0) for by in summary.counts.values()) + moved.get(state, 0)
        if n == 0 and state in INITIAL.values():
            continue
        bars.append(
            Bar(label=_(vocab.LOOP_STATES[state]), value=float(n), shown=format_number(n, lang))
        )
    chart = bar_chart(
        key="loop-states",
        title=_("Where commissions and ideas are now"),
        description=_("Commissions and ideas by their step in the feedback loop, %(n)s in all.")
        % {"n": format_number(total, lang)},
        bars=bars,
        columns=(_("Step"), _("Commissions and ideas")),
    )
    rate = summary.closure_rate
    trails = {t.id: t for t in records.cache("trails", lambda: _trails(records))}
    overdue = tuple(
        OverdueRow(
            trail=trails.get(loop.id),
            title=loop.title,
            step=_(vocab.WAITING_FOR[_step(loop, records)]),
            due=loop.due,
            days=(summary.today - loop.due).days if loop.due else 0,
        )
        for loop in summary.open_loops
        if loop.overdue
    )
    return LoopFigures(
        closure_rate=format_percent(rate, lang) if rate is not None else "–",
        chart=chart,
        overdue=overdue,
        overdue_total=summary.overdue,
        states={
            sid: _(vocab.LOOP_STATES.get(shown_state(sid, state, records), state))
            for sid, state in records.loop["states"].items()
        },
    )


def shown_state(sid: str, state: str, records: Records) -> str:
    """The step a reader is shown: a subject told only a pending answer waits for the answer."""
    from ..model.loop_states import DELIVERED

    return DELIVERED if sid in records.loop.get("interim", ()) else state


def _step(loop: Any, records: Records) -> str:
    """Which deadline passed, by the loop library's own rule (a follow-up date of a pending
    answer is the one deadline it does not derive from the state alone)."""
    from ..loop import due_for

    due = due_for(loop.state, loop.since, records.programme.loop_limits)
    return due.step if due is not None and due.by == loop.due else "follow_up"


def _trails(records: Records) -> list[Any]:
    from .trails import trails

    return trails(records)


def _interval(values: Mapping[str, float], lang: str) -> str:
    low, high = values.get("low"), values.get("high")
    if low is None or high is None or math.isnan(low) or math.isnan(high):
        return "–"
    return f"{format_number(low, lang, 1)} – {format_number(high, lang, 1)}"


def barometer_figures(records: Records, lang: str) -> BarometerFigures | None:
    """Charts of the published barometer tables: each group's mean per round with its 95 %
    interval, and the changes (each group's, and participants' minus the comparison group's);
    a sticker board's counts as a picture of its faces. Each instrument of a round comes in
    turn, so the children's and the parents' results stand side by side."""
    from .stickers import is_sticker_table, sticker_chart

    if not records.barometer:
        return None
    if "error" in records.barometer:
        return BarometerFigures(charts=(), notes=(records.barometer["error"],))
    charts: list[Chart] = []
    for index, table in enumerate(records.barometer[lang]):
        if table.cols and "/" in table.cols[0]:
            continue  # distributions per scale point are for `yk measure --by item`
        if is_sticker_table(table):
            charts.append(sticker_chart(table, f"barometer-{index}", lang))
            continue
        charts.extend(
            _table_charts(table, f"barometer-{index}", lang, records.barometer.get("rounds", {}))
        )
    return BarometerFigures(charts=tuple(charts), notes=())


def _table_charts(table: Any, key: str, lang: str, rounds: dict[str, Any]) -> list[Chart]:
    from ..measure.disclosure import Cell, Derived, Suppressed
    from ..measure.rounds import round_label

    _ = gettext(lang)
    fewer = _("fewer than %(k)s") % {"k": table.k}
    protected = _("hidden so that a smaller group cannot be worked out")
    means: list[Bar] = []
    changes: list[Bar] = []
    for row in (*table.rows, *table.derived_rows):
        group = vocab.label(vocab.GROUPS, row, _)
        for col in (*table.cols, *table.derived_cols):
            cell = table.cells.get((row, col))
            derived = col in table.derived_cols or row in table.derived_rows
            label = group if derived else f"{group}, {round_label(col, lang, rounds.get(col))}"
            target = (
                changes
                if derived or (isinstance(cell, Cell) and "estimate" in cell.values)
                else means
            )
            if isinstance(cell, Suppressed):
                why = fewer if cell.primary else protected
                target.append(Bar(label=label, value=None, shown=why, cells=("–", "–")))
            elif isinstance(cell, Cell) and cell.n and "mean" in cell.values:
                v = cell.values
                target.append(
                    Bar(
                        label=label,
                        value=v["mean"],
                        low=v.get("low"),
                        high=v.get("high"),
                        shown=format_number(v["mean"], lang, 1),
                        cells=(_interval(v, lang), format_number(cell.n, lang)),
                    )
                )
            elif isinstance(cell, Derived | Cell) and "estimate" in cell.values:
                v = cell.values
                n = format_number(cell.n, lang) if isinstance(cell, Cell) else ""
                target.append(
                    Bar(
                        label=label,
                        value=v["estimate"],
                        low=v.get("low"),
                        high=v.get("high"),
                        shown=_signed(v["estimate"], lang),
                        cells=(_interval(v, lang), n),
                    )
                )
    charts = []
    columns = (
        _("Group and round"),
        _("Mean or change"),
        _("Confidence interval (95 %)"),
        _("Answers"),
    )
    if means:
        charts.append(
            bar_chart(
                key=f"{key}-means",
                title=table.title,
                description=_(
                    "Mean score of each group in each round, with its 95 %% confidence "
                    "interval; groups of fewer than %(k)s are not shown."
                )
                % {"k": table.k},
                bars=means,
                columns=columns,
                scale_max=100.0 if "(0–100)" in table.title else None,
            )
        )
    if changes:
        reach = max(
            [
                abs(v)
                for b in changes
                for v in (b.low, b.high, b.value)
                if v is not None and not math.isnan(v)
            ]
            or [1.0]
        )
        charts.append(
            bar_chart(
                key=f"{key}-changes",
                title=f"{table.title}: " + _("change"),
                description=_(
                    "Change from the first round to the last, with its 95 %% confidence "
                    "interval; a bar to the right is a rise. The last row compares the "
                    "participants' change with the comparison group's."
                )
                % {},
                bars=changes,
                columns=columns,
                scale_min=-reach,
                scale_max=reach,
            )
        )
    return charts


def _signed(value: float, lang: str) -> str:
    text = format_number(abs(value), lang, 1)
    return ("+" if value >= 0 else "−") + text
