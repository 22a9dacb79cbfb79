"""Which actors to invite for a theme, and why (``yk partners THEME``).

An actor is suggested when it declares the theme or has commissioned work on it. The score
adds what makes a good partner for the group: a declared interest, commissions on the theme,
answers given within the time limit, and how it rates working together. Every suggestion
carries its reasons, so the coordinator can judge rather than trust a number.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen


@frozen(kw_only=True)
class ActorRecord:
    """What the suggestion looks at for one actor; the store fills it with aggregates."""

    id: str
    name: str
    organisation: str = ""
    declared: bool = False
    commissions: tuple[str, ...] = ()
    answered: int = 0
    answered_in_time: int = 0
    mean_rating: float | None = None


@frozen(kw_only=True)
class Suggestion:
    actor: str
    name: str
    organisation: str
    score: float
    reasons: tuple[str, ...] = field(factory=tuple)


# Weights: a declared theme is a standing commitment; each commission on the theme is evidence
# of a real need, capped so one busy actor does not drown the rest.
DECLARED = 3.0
PER_COMMISSION = 1.0
COMMISSION_CAP = 5
IN_TIME = 1.0
RATING = 0.5


def suggest(theme: str, actors: Iterable[ActorRecord], limit: int = 10) -> list[Suggestion]:
    """Actors linked to ``theme``, best first; ties by actor id so the order is stable."""
    out: list[Suggestion] = []
    for a in actors:
        if not a.declared and not a.commissions:
            continue
        score, reasons = 0.0, []
        if a.declared:
            score += DECLARED
            reasons.append(f"declares the theme {theme!r}")
        if a.commissions:
            score += PER_COMMISSION * min(len(a.commissions), COMMISSION_CAP)
            shown = ", ".join(a.commissions[:3]) + (", …" if len(a.commissions) > 3 else "")
            reasons.append(f"{len(a.commissions)} past commission(s) on it ({shown})")
        if a.answered:
            score += IN_TIME * a.answered_in_time / a.answered
            reasons.append(f"answered {a.answered_in_time} of {a.answered} within the limit")
        if a.mean_rating is not None:
            score += RATING * (a.mean_rating - 3)
            reasons.append(f"rates working together {a.mean_rating:.1f}/5")
        out.append(
            Suggestion(
                actor=a.id,
                name=a.name,
                organisation=a.organisation,
                score=round(score, 2),
                reasons=tuple(reasons),
            )
        )
    out.sort(key=lambda s: (-s.score, s.actor))
    return out[:limit]
