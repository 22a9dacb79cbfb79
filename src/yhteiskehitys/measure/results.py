"""The results of ``yk measure``: aggregates from the store, statistics, and the disclosure
gate. :func:`measure` returns only published tables, so every output path is suppressed.

Rows are respondent groups, columns the rounds in the order asked. The change of each group is
from the first to the last round; the difference-in-differences is the participants' change
minus the comparison group's. When respondent keys link the two rounds, a panel table adds the
same from per-person changes. All tables of one call are published together, with the counts
they share (an item's n and its distribution's column totals; panel and cross-sectional n).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import disclosure, stats
from .disclosure import (
    Cell,
    Derived,
    Link,
    PublishedTable,
    Table,
    check_threshold,
    publish_together,
)
from .scoring import TOTAL
from .stats import Moments

if TYPE_CHECKING:
    from ..store.stickers import StickerRepo
    from ..store.surveys import Round, SurveyRepo
    from .instrument import Instrument

BY = ("group", "dimension", "item")
PARTICIPANT, COMPARISON = "participant", "comparison"
CHANGE, EFFECT, DID = "change", "g", "participant − comparison"


def _order_groups(groups: set[str]) -> tuple[str, ...]:
    first = [g for g in (PARTICIPANT, COMPARISON) if g in groups]
    return (*first, *sorted(groups - set(first)))


def _summary(m: Moments, scale: tuple[float, float] | None = None) -> dict[str, Any]:
    """Mean, SD and 95 % interval; an interval reaching beyond the ``scale`` (a mean of a small
    group near its end) is clipped to it and marked ``clipped``, since no mean lies outside."""
    est = stats.mean(m)
    values = {"mean": m.mean, "sd": m.sd if m.n > 1 else math.nan, "low": est.low,
              "high": est.high}  # fmt: skip
    if scale is not None and not math.isnan(est.low):
        low, high = max(est.low, scale[0]), min(est.high, scale[1])
        if (low, high) != (est.low, est.high):
            values.update(low=low, high=high, clipped=True, scale_low=scale[0],
                          scale_high=scale[1])  # fmt: skip
    return values


def _estimate(est: stats.Estimate, g: float | None = None) -> dict[str, float]:
    values = {"estimate": est.estimate, "se": est.se, "low": est.low, "high": est.high,
              "df": est.df, "p": est.p}  # fmt: skip
    if g is not None:
        values["g"] = g
    return values


def moments_table(
    title: str,
    rounds: Sequence[Round],
    data: dict[tuple[int, str], Moments],
    extra: Callable[[int, str], dict[str, float]] | None = None,
    scale: tuple[float, float] | None = None,
) -> Table:
    """Groups x rounds of means with CIs (clipped to ``scale``), each group's change first ->
    last round, and DiD."""
    groups = _order_groups({g for _, g in data})
    cols = tuple(r.name for r in rounds)
    cells = {}
    for r in rounds:
        for g in groups:
            m = data.get((r.id, g), Moments(0, 0.0, 0.0))
            values = _summary(m, scale) if m.n else {}
            if extra and m.n:
                values.update(extra(r.id, g))
            cells[(g, r.name)] = Cell(n=m.n, values=values)
    derived: dict[tuple[str, str], Derived] = {}
    derived_cols: tuple[str, ...] = ()
    derived_rows: tuple[str, ...] = ()
    if len(rounds) >= 2:
        first, last = rounds[0], rounds[-1]
        derived_cols = (CHANGE,)
        zero = Moments(0, 0.0, 0.0)
        for g in groups:
            a, b = data.get((first.id, g), zero), data.get((last.id, g), zero)
            if a.n and b.n:
                derived[(g, CHANGE)] = Derived(
                    values=_estimate(stats.welch(a, b), stats.hedges_g(a, b)),
                    inputs=((g, first.name), (g, last.name)),
                )
        if PARTICIPANT in groups and COMPARISON in groups:
            four = [data.get((r.id, g), zero) for g in (PARTICIPANT, COMPARISON)
                    for r in (first, last)]  # fmt: skip
            if all(m.n for m in four):
                est = stats.did(four[0], four[1], four[2], four[3])
                derived_rows = (DID,)
                derived[(DID, CHANGE)] = Derived(
                    values=_estimate(est, stats.hedges_g_did(four, est.estimate)),
                    inputs=tuple(
                        (g, r.name) for g in (PARTICIPANT, COMPARISON) for r in (first, last)
                    ),
                )
    return Table(title=title, rows=groups, cols=cols, cells=cells, derived_cols=derived_cols,
                 derived_rows=derived_rows, derived=derived)  # fmt: skip


def panel_table(title: str, data: dict[str, Moments]) -> Table:
    """Respondents linked across the two rounds: their mean change, paired, and the DiD."""
    groups = _order_groups(set(data))
    col = "linked"
    cells = {}
    for g in groups:
        m = data[g]
        values = _estimate(stats.paired(m)) if m.n > 1 else {}
        cells[(g, col)] = Cell(n=m.n, values=values)
    derived = {}
    rows: tuple[str, ...] = ()
    if PARTICIPANT in data and COMPARISON in data:
        est = stats.did_panel(data[PARTICIPANT], data[COMPARISON])
        rows = (DID,)
        derived[(DID, col)] = Derived(
            values=_estimate(est), inputs=((PARTICIPANT, col), (COMPARISON, col))
        )
    return Table(title=title, rows=groups, cols=(col,), cells=cells, derived_rows=rows,
                 derived=derived, note="paired changes of respondents linked by key")  # fmt: skip


def distribution_table(
    title: str,
    rounds: Sequence[Round],
    counts: dict[tuple[int, str], list[int]],
    labels: Sequence[str],
) -> Table:
    """Answers per scale point. The item's mean and SD, published beside it, give each column's
    sum of points and of squared points, so the disclosure audit counts those sums as public."""
    groups = _order_groups({g for _, g in counts})
    cols = tuple(f"{r.name}/{g}" for r in rounds for g in groups)
    cells = {}
    for r in rounds:
        for g in groups:
            row = counts.get((r.id, g), [0] * len(labels))
            total = sum(row)
            for label, n in zip(labels, row, strict=True):
                share = 100.0 * n / total if total else math.nan
                cells[(label, f"{r.name}/{g}")] = Cell(n=n, values={"percent": share})
    points = {label: point for point, label in enumerate(labels, start=1)}
    squares = {label: point * point for label, point in points.items()}
    return Table(title=title, rows=tuple(labels), cols=cols, cells=cells,
                 column_weights=(points, squares))  # fmt: skip


def measure(
    repo: SurveyRepo,
    instruments: dict[str, Instrument],
    round_names: Sequence[str] = (),
    *,
    by: str = "group",
    k: int = 5,
    lang: str = "fi",
    items: Sequence[str] = (),
    stickers: StickerRepo | None = None,
) -> list[PublishedTable]:
    """Published result tables (see the module docstring); ``k`` is the disclosure threshold.

    A round holds several instruments, one per group: each instrument's groups get their own
    tables, side by side in instrument order (the first round's first), and all of them are
    published together. Sticker boards (read from ``stickers``) give counts per activity and
    face instead of means.
    """
    from ..errors import YhteiskehitysError

    check_threshold(k)
    if by not in BY:
        raise YhteiskehitysError(f"--by must be one of {', '.join(BY)} (got {by!r})")
    rounds = [repo.round(n) for n in round_names] if round_names else repo.rounds()
    if not rounds:
        raise YhteiskehitysError("no survey rounds yet; import answers with `yk survey import`")
    used: dict[str, set[tuple[int, str]]] = {}
    for key, group in repo.groups([r.id for r in rounds]).items():
        used.setdefault(group.instrument, set()).add(key)
    missing = sorted(name for name in used if name not in instruments)
    if missing:
        raise YhteiskehitysError(f"instrument {', '.join(map(repr, missing))} is not installed")
    surveys = [instruments[n] for n in used if not instruments[n].is_stickers]
    unknown = set(items) - {i for inst in surveys for i in inst.item_ids()}
    if unknown and by == "item":
        known = ", ".join(i for inst in surveys for i in inst.item_ids())
        raise YhteiskehitysError(
            f"no item {', '.join(sorted(unknown))} in the rounds' instruments (items: {known})"
        )
    tables: list[Table] = []
    links: list[Link] = []
    for name, keys in used.items():
        instrument = instruments[name]
        own = [r for r in rounds if any(key[0] == r.id for key in keys)]
        if instrument.is_stickers:
            if stickers is not None:
                tables += sticker_tables(stickers, instrument, own, keys, lang)
            continue
        found, found_links = _survey_tables(repo, instrument, own, keys, by, k, lang, items)
        links += [_shift(link, len(tables)) for link in found_links]
        tables += found
    return publish_together(tables, k, links)


def _shift(link: Link, offset: int) -> Link:
    """A link between tables of one instrument, renumbered into the whole output."""
    return Link(
        total=(link.total[0] + offset, link.total[1]),
        parts=tuple((t + offset, key) for t, key in link.parts),
        exact=link.exact,
    )


def _only(data: dict[tuple[int, str], Any], keys: set[tuple[int, str]]) -> dict:
    return {key: value for key, value in data.items() if key in keys}


def _survey_tables(
    repo: SurveyRepo,
    instrument: Instrument,
    rounds: Sequence[Round],
    keys: set[tuple[int, str]],
    by: str,
    k: int,
    lang: str,
    items: Sequence[str],
) -> tuple[list[Table], list[Link]]:
    """The tables of one survey instrument over the (round, group) cells ``keys`` that used it;
    links are numbered within these tables."""
    from ..store.surveys import dimension_column, item_column

    ids = [r.id for r in rounds]
    scopes: list[tuple[str, str, str]] = [(TOTAL, "score", instrument.title.get(lang))]
    if by == "dimension":
        scopes += [(d.id, dimension_column(i), d.title.get(lang))
                   for i, d in enumerate(instrument.dimensions)]  # fmt: skip
    tables: list[Table] = []
    links: list[Link] = []
    if by in ("group", "dimension"):
        raw = _only(repo.moments(ids, [col for _, col, _ in scopes]), keys)
        alphas = _alphas(repo, instrument, ids, k, keys) if by == "dimension" else {}
        for index, (scope, _, title) in enumerate(scopes):
            data = {key: Moments(*triples[index]) for key, triples in raw.items()}

            def extra(round_id: int, group: str, scope: str = scope) -> dict[str, float]:
                alpha = alphas.get((round_id, group, scope))
                return {} if alpha is None else {"alpha": alpha}

            tables.append(
                moments_table(
                    f"{title} (0–100)", rounds, data, extra if alphas else None, scale=(0.0, 100.0)
                )
            )
        panels = _panels(repo, rounds, scopes, keys, lang)
        links += _panel_links(rounds, tables, panels)
        tables += panels
    else:
        columns = [item_column(i) for i in range(len(instrument.items))]
        raw = _only(repo.moments(ids, columns), keys)
        dist = _only(repo.distribution(ids, columns, instrument.scale.points), keys)
        labels = [label.get(lang) for label in instrument.scale.labels]
        for index, item in enumerate(instrument.items):
            if items and item.id not in items:
                continue
            data = {key: Moments(*triples[index]) for key, triples in raw.items()}
            name = f"{item.id}: {item.text.get(lang)}" + (
                " (reverse-coded)" if item.reverse else ""
            )
            points = instrument.scale.points
            scale = (1.0, float(points))
            tables.append(moments_table(f"{name} (1–{points})", rounds, data, scale=scale))
            counts = {key: rows[index] for key, rows in dist.items()}
            tables.append(distribution_table(f"{item.id}: answers per scale point", rounds,
                                             counts, labels))  # fmt: skip
            links += _distribution_links(len(tables) - 2, tables[-2])
    return tables, links


def sticker_tables(
    repo: StickerRepo,
    instrument: Instrument,
    rounds: Sequence[Round],
    keys: set[tuple[int, str]],
    lang: str,
) -> list[Table]:
    """One table per round and group of a sticker board: activities x faces, each cell the
    number of stickers (a count, never a mean), under the same disclosure threshold."""
    found = _only(repo.counts([r.id for r in rounds]), keys)
    labels = [label.get(lang) for label in instrument.scale.labels]
    titles = {item.id: item.text.get(lang) for item in instrument.items}
    out = []
    for r in rounds:
        for group in _order_groups({g for rid, g in found if rid == r.id}):
            counts = found[(r.id, group)]
            activities = [item.id for item in instrument.items] or sorted({a for a, _ in counts})
            rows = tuple(titles.get(a, a) for a in activities)
            cells = {
                (titles.get(a, a), labels[face - 1]): Cell(
                    n=counts.get((a, face), 0), values={"stickers": counts.get((a, face), 0)}
                )
                for a in activities
                for face in range(1, instrument.scale.points + 1)
            }
            out.append(Table(
                title=f"{instrument.title.get(lang)}: {_label(r, lang)} ({group})", rows=rows,
                cols=tuple(labels), cells=cells, note=STICKER_NOTE,
            ))  # fmt: skip
    return out


STICKER_NOTE = "stickers per face and activity"


def _distribution_links(at: int, moments: Table) -> list[Link]:
    """An item's n per round and group (moments table ``at``) is its distribution's column
    total (table ``at + 1``, columns ``round/group``)."""
    return [
        Link(total=(at, (g, c)), parts=((at + 1, (disclosure.TOTAL, f"{c}/{g}")),))
        for g in moments.rows
        for c in moments.cols
    ]


def _panel_links(rounds: Sequence[Round], scopes: list[Table], panels: list[Table]) -> list[Link]:
    """Linked respondents are among their group's respondents of the first and of the last
    round: each cross-sectional n is the panel n plus a group no table shows."""
    start = len(scopes)
    return [
        Link(total=(i, (g, r.name)), parts=((start + i, (g, col)),), exact=False)
        for i, panel in enumerate(panels)
        for g in panel.rows
        for col in panel.cols
        for r in (rounds[0], rounds[-1])
        if g in scopes[i].rows
    ]


def _alphas(
    repo: SurveyRepo, instrument: Instrument, ids: list[int], k: int, keys: set[tuple[int, str]]
) -> dict:
    """Cronbach's alpha per round, group and dimension, over the respondents who answered every
    item of the dimension; left out when fewer than ``k`` did (an aggregate of fewer than k
    people, even in a cell whose n, counting partial answers, may be shown)."""
    from ..store.surveys import item_column

    position = {item.id: i for i, item in enumerate(instrument.items)}
    out = {}
    for dim in instrument.dimensions:
        items = instrument.items_of(dim.id)
        if len(items) < 2:
            continue
        cols = [item_column(position[item.id]) for item in items]
        found = repo.complete_cases(ids, cols, [i.reverse for i in items], instrument.scale.points)
        for (round_id, group), (triples, total) in _only(found, keys).items():
            if total[0] < k:
                continue
            variances = [Moments(*t).variance for t in triples]
            out[(round_id, group, dim.id)] = stats.cronbach_alpha(
                variances, Moments(*total).variance
            )
    return out


def _label(round_: Round, lang: str) -> str:
    from .rounds import round_label

    return round_label(round_.name, lang, round_.label)


def _panels(
    repo: SurveyRepo, rounds: Sequence[Round], scopes, keys: set[tuple[int, str]], lang: str
) -> list[Table]:
    if len(rounds) < 2 or not repo.has_keys(rounds[0].id) or not repo.has_keys(rounds[-1].id):
        return []
    linked = {
        g: triples
        for g, triples in repo.panel(
            rounds[0].id, rounds[-1].id, [col for _, col, _ in scopes]
        ).items()
        if (rounds[0].id, g) in keys and (rounds[-1].id, g) in keys
    }
    if not linked:
        return []
    return [
        panel_table(
            f"{title}: change {_label(rounds[0], lang)} → {_label(rounds[-1], lang)} (panel)",
            {g: Moments(*triples[i]) for g, triples in linked.items()},
        )
        for i, (_, _, title) in enumerate(scopes)
    ]
