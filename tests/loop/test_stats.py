"""The plain-Python definition of the loop's figures."""

from __future__ import annotations

from datetime import UTC, date, datetime

from yhteiskehitys.loop.stats import SubjectRow, TransitionRow, stage_times, summarise

TODAY = date(2024, 6, 1)


def row(id, state, since, kind="commission", **kw):
    return SubjectRow(kind=kind, id=id, state=state, since=since, **kw)


def test_closure_rate_counts_only_delivered_or_later():
    rows = [
        row("c1", "draft", date(2024, 5, 1), actor="a", theme="t"),
        row("c2", "delivered", date(2024, 5, 25), actor="a", theme="t"),
        row("c3", "reported_back", date(2024, 5, 2), actor="b"),
        row("i1", "responded", date(2024, 5, 30), kind="idea", actor="b", theme="t"),
    ]
    s = summarise(rows, [], respond_days=30, report_back_days=14, today=TODAY)
    assert (s.delivered, s.closed, s.overdue) == (3, 1, 0)
    assert s.closure_rate == 1 / 3
    assert s.counts["commission"]["draft"] == 1 and s.counts["idea"]["responded"] == 1
    assert s.open == 3
    theme_t = next(g for g in s.by_theme if g.key == "t")
    assert (theme_t.total, theme_t.delivered, theme_t.closed, theme_t.open) == (3, 2, 0, 3)
    assert s.by_theme[-1].key is None and s.by_theme[-1].closure_rate == 1.0
    assert [o.id for o in s.open_loops] == ["c1", "c2", "i1"]


def test_no_delivered_subject_gives_no_rate():
    s = summarise(
        [row("c1", "draft", TODAY)], [], respond_days=30, report_back_days=14, today=TODAY
    )
    assert s.closure_rate is None


def test_overdue_loops_come_first_with_their_reason():
    rows = [
        row("c1", "documented", date(2024, 1, 1)),
        row("c2", "delivered", date(2024, 4, 1), title="Nuorten työelämä"),
    ]
    s = summarise(rows, [], respond_days=30, report_back_days=14, today=TODAY)
    first = s.open_loops[0]
    assert (first.id, first.overdue, first.due) == ("c2", True, date(2024, 5, 1))
    assert first.reason.startswith("no response 61 days after delivery")
    assert s.overdue == 1


def test_median_days_per_stage_over_completed_stays():
    t = lambda d, h=0: datetime(2024, 1, d, h, tzinfo=UTC)  # noqa: E731
    rows = []
    for subject, days in (("c1", (1, 3)), ("c2", (1, 5)), ("c3", (1, 2)), ("c4", (1,))):
        prev = None
        for state, day in zip(("draft", "commissioned"), days, strict=False):
            rows.append(
                TransitionRow(
                    kind="commission", subject=subject, from_state=prev, to_state=state, at=t(day)
                )
            )
            prev = state
    stages = {(s.kind, s.stage): s for s in stage_times(rows)}
    assert stages[("commission", "draft")].n == 3
    assert stages[("commission", "draft")].median_days == 2.0
    assert stages[("commission", "commissioned")].median_days is None


def test_as_dict_is_plain_data():
    s = summarise(
        [row("c1", "delivered", date(2024, 5, 1), actor="a")],
        [],
        respond_days=30,
        report_back_days=14,
        today=TODAY,
    )
    data = s.as_dict()
    assert data["closure_rate"] == 0.0 and data["by_actor"][0]["closure_rate"] == 0.0
    assert data["open_loops"][0]["due"] == date(2024, 5, 31)
