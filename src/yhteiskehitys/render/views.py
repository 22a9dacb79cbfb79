"""What each page shows, prepared in Python so templates only lay it out.

Counts of people pass through :mod:`.disclosure`; loop figures come from the loop library and
barometer figures from the measurement library (see :mod:`.figures`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from attrs import frozen

from . import vocabulary as vocab
from .decision_views import budget_view, election_view
from .disclosure import Count, published_counts
from .i18n import gettext
from .snapshot import Records, by_id
from .trails import Trail, next_meeting, trails


@frozen(kw_only=True)
class ThemeView:
    theme: Any
    trails: tuple[Trail, ...]


@frozen(kw_only=True)
class SessionSummary:
    """Kooste: one session for the actors."""

    session: Any
    kind: str
    methods: tuple[str, ...]
    attendance: Count
    facilitators: tuple[str, ...]
    handled: tuple[Trail, ...]
    findings: tuple[tuple[Trail, Any], ...]
    ideas: tuple[Trail, ...]
    next: Any


@frozen(kw_only=True)
class FeedbackView:
    responses: Count
    mean_rating: float | None
    notes: dict[str, tuple[Any, ...]]


@frozen(kw_only=True)
class SiteData:
    records: Records
    lang: str
    phases: list[Any]
    themes: tuple[ThemeView, ...]
    unthemed: tuple[Trail, ...]
    trails: tuple[Trail, ...]
    sessions: tuple[SessionSummary, ...]
    feedback: FeedbackView
    pilots: tuple[Any, ...]
    loop: Any
    barometer: Any
    budgets: tuple[Any, ...] = ()
    """Decided budgets' pages (:class:`.decision_views.BudgetView`)."""
    elections: tuple[Any, ...] = ()
    """Published elections' pages (:class:`.decision_views.ElectionView`)."""

    def label(self, table: str, code: str | None, plain: str = "") -> str:
        return vocab.word(
            self.records.programme, table, code, self.lang, gettext(self.lang), plain=plain
        )


def site_data(records: Records, lang: str) -> SiteData:
    from . import figures

    all_trails = tuple(records.cache("trails", lambda: trails(records)))
    by_theme: dict[str | None, list[Trail]] = defaultdict(list)
    for trail in all_trails:
        by_theme[trail.theme.id if trail.theme else None].append(trail)
    themes = tuple(
        ThemeView(theme=t, trails=tuple(by_theme.get(t.id, ())))
        for t in sorted(records.themes, key=lambda t: (t.kind, t.title.casefold()))
    )
    return SiteData(
        records=records,
        lang=lang,
        phases=records.phases(lang),
        themes=themes,
        unthemed=tuple(by_theme.get(None, ())),
        trails=all_trails,
        sessions=session_summaries(records, all_trails, lang),
        feedback=records.cache("feedback", lambda: feedback_view(records)),
        pilots=tuple(sorted(records.pilots, key=lambda p: (p.start, p.id))),
        loop=figures.loop_figures(records, lang),
        barometer=figures.barometer_figures(records, lang),
        budgets=tuple(
            budget_view(b, lang, records.threshold) for b in records.budgets if "error" not in b
        ),
        elections=tuple(election_view(e, lang, records.threshold) for e in records.elections),
    )


def session_summaries(records: Records, all_trails: tuple[Trail, ...], lang: str):
    _ = gettext(lang)
    attendance = records.cache(
        "attendance",
        lambda: published_counts(
            {s.id: len(s.attendees) for s in records.sessions}, records.threshold
        ),
    )
    actors = by_id(records.actors)
    trail_by_id = {t.id: t for t in all_trails}
    found_in: dict[str, list[tuple[Trail, Any]]] = defaultdict(list)
    ideas_on: dict[Any, list[Trail]] = defaultdict(list)
    for trail in all_trails:
        for finding in trail.findings:
            if finding.session:
                found_in[finding.session].append((trail, finding))
        if trail.kind == "idea" and trail.record.channel == "meeting":
            ideas_on[trail.started].append(trail)
    out = []
    for session in sorted(records.sessions, key=lambda s: (s.date, s.id)):
        subjects = (*session.commissions, *session.ideas)
        handled = tuple(trail_by_id[c] for c in subjects if c in trail_by_id)
        out.append(
            SessionSummary(
                session=session,
                kind=vocab.word(records.programme, "SESSION_KINDS", session.kind, lang, _),
                methods=tuple(
                    vocab.word(records.programme, "METHODS", m, lang, _) for m in session.methods
                ),
                attendance=attendance[session.id],
                # Facilitators who are actors are named; others (participants) are not.
                facilitators=tuple(actors[f].name for f in session.facilitators if f in actors),
                handled=handled,
                findings=tuple(found_in.get(session.id, ())),
                ideas=tuple(ideas_on.get(session.date, ())),
                next=next_meeting(records, session.date),
            )
        )
    return tuple(out)


def feedback_view(records: Records) -> FeedbackView:
    """Actors' feedback on working together; the mean rating only from a large enough group."""
    items = records.feedback
    responses = published_counts({"all": len(items)}, records.threshold)["all"]
    mean = None
    if items and not responses.hidden:
        mean = sum(f.rating for f in items) / len(items)
    notes = {
        kind: tuple(note for f in items for note in getattr(f, kind))
        for kind in ("barriers", "challenges", "successes")
    }
    return FeedbackView(responses=responses, mean_rating=mean, notes=notes)


@frozen(kw_only=True)
class PlainItem:
    """One line of "you said, we did", in plain words with no codes or ids."""

    title: str
    said: tuple[str, ...]
    outcome: str | None
    did: str
    why: str
    by: str
    when: Any
    follow_up: Any


FINAL = ("adopted", "adapted", "not_adopted")


def told_back(trail: Trail) -> bool:
    """Whether the latest answer was told back to the group (a telling on or after its day)."""
    response = trail.response
    return response is not None and any(
        back.at.date() >= response.decided for back in trail.report_backs
    )


def said_did(data: SiteData) -> tuple[PlainItem, ...]:
    """Every commission and idea whose final answer was told back to the group, with or
    without a written finding (an idea answered on the spot is what families read first), and
    those still being decided with the day they will hear more; newest first."""
    out = []
    for trail in data.trails:
        response = trail.response
        if response is None:
            continue
        if response.outcome in FINAL and not told_back(trail):
            continue
        said = tuple(f.text for f in trail.findings)
        if not said and trail.kind == "idea":
            said = (trail.record.text,)
        out.append(
            PlainItem(
                title=trail.title,
                said=said,
                outcome=response.outcome,
                did=response.change,
                why=response.reason,
                by=response.decided_by,
                when=response.decided,
                follow_up=response.follow_up,
            )
        )
    out.sort(key=lambda p: p.when or p.follow_up or data.records.today, reverse=True)
    return tuple(out)


def take_part(records: Records, lang: str) -> dict[str, Any]:
    """The model for residents: who can take part, how, and what happens to what they say."""
    _ = gettext(lang)
    from ..model.vocabulary import known_words

    template, programme = records.template, records.programme
    kinds = []
    for kind in known_words(template, programme, "session_kinds"):
        if kind == "network_meeting":
            continue  # actors' meeting, not a way for residents to take part
        word = vocab.word(programme, "SESSION_KINDS", kind, lang, _, plain="session")
        if word not in kinds:
            kinds.append(word)
    channels = []
    for channel in programme.target_group.recruitment_channels:
        word = vocab.word(programme, "CHANNELS", channel, lang, _, plain="channel")
        if word not in channels:
            channels.append(word)
    from .eligibility import who_can_take_part

    return {
        "age": records.programme.target_group.age,
        "who": who_can_take_part(programme.target_group, lang),
        "kinds": kinds,
        "channels": channels,
        "respond_days": records.programme.loop_limits.respond_days,
        "report_back_days": records.programme.loop_limits.report_back_days,
        "certificates": template.certificates,
    }
