"""The expert network at work: next meetings and what actors say of working together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from .model import CollaborationFeedback, Network


def next_meetings(network: Network | None, today: date, count: int = 3) -> list[date]:
    """The network's next ``count`` meetings from its cadence (none without a first meeting)."""
    if network is None:
        return []
    return network.meeting_dates(today, count)


@frozen(kw_only=True)
class FeedbackSummary:
    """Collaboration feedback (yhteistyöpalaute) in short: ratings and the most common tags."""

    n: int
    mean_rating: float | None
    barriers: tuple[tuple[str, int], ...]
    challenges: tuple[tuple[str, int], ...]
    successes: tuple[tuple[str, int], ...]


def summarise_feedback(items: Iterable[CollaborationFeedback], top: int = 5) -> FeedbackSummary:
    """Mean rating and tag counts per kind of note; untagged notes count as ``(untagged)``."""
    items = list(items)
    counters: dict[str, Counter[str]] = {
        "barriers": Counter(),
        "challenges": Counter(),
        "successes": Counter(),
    }
    for fb in items:
        for kind, counter in counters.items():
            for note in getattr(fb, kind):
                counter.update(note.tags or ("(untagged)",))
    ranked = {
        k: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
        for k, c in counters.items()
    }
    mean = round(sum(f.rating for f in items) / len(items), 2) if items else None
    return FeedbackSummary(n=len(items), mean_rating=mean, **ranked)
