"""Random but consistent programmes: every reference points at a record of the same draw."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from yhteiskehitys.testing import strategies as yks


def _clean(value: Any) -> Any:
    """The store refuses NUL characters (PostgreSQL cannot hold them); keep draws storable."""
    if isinstance(value, str):
        return value.replace("\x00", "0")
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    if attrs.has(type(value)):
        return attrs.evolve(
            value,
            **{f.name: _clean(getattr(value, f.name)) for f in attrs.fields(type(value)) if f.init},
        )
    return value


def _unique(strategy: st.SearchStrategy, max_size: int, key: str = "id") -> st.SearchStrategy:
    return st.lists(strategy.map(_clean), max_size=max_size, unique_by=lambda o: getattr(o, key))


def _some(draw: st.DrawFn, ids: list[str], max_size: int = 3) -> tuple[str, ...]:
    if not ids:
        return ()
    return tuple(draw(st.lists(st.sampled_from(ids), max_size=max_size, unique=True)))


def _maybe(draw: st.DrawFn, ids: list[str]) -> str | None:
    return draw(st.none() | st.sampled_from(ids)) if ids else None


@st.composite
def programmes(draw: st.DrawFn) -> dict[str, list[Any]]:
    """Records by repository name, in the order they can be written."""
    orgs = draw(_unique(yks.organisations(), 3))
    themes = draw(_unique(yks.themes(), 3))
    org_ids, theme_ids = [o.id for o in orgs], [t.id for t in themes]
    actors = [
        attrs.evolve(a, organisation=draw(st.sampled_from(org_ids)), themes=_some(draw, theme_ids))
        for a in (draw(_unique(yks.actors(), 3)) if org_ids else [])
    ]
    actor_ids = [a.id for a in actors]
    people = draw(_unique(yks.participants(), 5))
    person_ids = [p.id for p in people]
    personal = [
        attrs.evolve(d, participant=pid)
        for pid in person_ids
        if draw(st.booleans())
        for d in [draw(yks.personal_data().map(_clean))]
    ]
    commissions = [
        attrs.evolve(c, actor=draw(st.sampled_from(actor_ids)), theme=_maybe(draw, theme_ids))
        for c in (draw(_unique(yks.commissions(), 3)) if actor_ids else [])
    ]
    commission_ids = [c.id for c in commissions]
    ideas = [
        attrs.evolve(i, theme=_maybe(draw, theme_ids), actor=_maybe(draw, actor_ids))
        for i in draw(_unique(yks.ideas(), 3))
        if i.id not in commission_ids
    ]
    subject_ids = commission_ids + [i.id for i in ideas]
    sessions = [
        attrs.evolve(
            s,
            attendees=_some(draw, person_ids, 5),
            facilitators=_some(draw, actor_ids + person_ids, 2),
            commissions=_some(draw, commission_ids),
            ideas=_some(draw, [i.id for i in ideas]),
        )
        for s in draw(_unique(yks.sessions(), 3))
    ]
    session_ids = [s.id for s in sessions]
    findings, responses, report_backs = [], [], []
    if subject_ids:
        findings = [
            attrs.evolve(
                f, subject=draw(st.sampled_from(subject_ids)), session=_maybe(draw, session_ids)
            )
            for f in draw(_unique(yks.findings(), 3))
        ]
        responses = [
            attrs.evolve(r, subject=draw(st.sampled_from(subject_ids)))
            for r in draw(st.lists(yks.responses().map(_clean), max_size=3))
        ]
        report_backs = [
            attrs.evolve(r, subject=draw(st.sampled_from(subject_ids)))
            for r in draw(st.lists(yks.report_backs().map(_clean), max_size=2))
        ]
    feedback = [
        attrs.evolve(f, actor=draw(st.sampled_from(actor_ids)))
        for f in (draw(_unique(yks.collaboration_feedback(), 2)) if actor_ids else [])
    ]
    return {
        "organisations": orgs,
        "themes": themes,
        "actors": actors,
        "participants": people,
        "personal_data": personal,
        "commissions": commissions,
        "ideas": ideas,
        "sessions": sessions,
        "findings": findings,
        "responses": responses,
        "report_backs": report_backs,
        "feedback": feedback,
        "pilots": draw(_unique(yks.pilots(), 2)),
    }


def write(tx: Any, programme: dict[str, list[Any]]) -> None:
    for name, records in programme.items():
        getattr(tx, name).add_many(records)
