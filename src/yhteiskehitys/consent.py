"""Whether a participant may attend on a day, under the programme's consent policy."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import ConsentPolicy, Participant


def missing_consent(participant: Participant, day: date, policy: ConsentPolicy) -> str | None:
    """What consent is missing for ``participant`` to attend on ``day``, or ``None``.

    Under ``policy.guardian_under`` years a guardian's consent is needed; from that age the
    person's own. Age is the lower bound from the birth year, so a person who may not yet have
    turned 15 needs a guardian's consent. Unknown age: either kind will do.
    """
    age = participant.age_on(day)
    if age is None:
        kind, who = None, "a"
    elif age < policy.guardian_under:
        kind, who = "guardian", "a guardian's"
    else:
        kind, who = "own", "their own"
    lacking = [s for s in policy.required_scopes if not participant.consent_covers(day, s, kind)]
    if not lacking:
        return None
    aged = f"aged {age}" if age is not None else "of unknown age"
    return (
        f"participant {participant.id} ({aged}) attended on {day.isoformat()} without "
        f"{who} consent covering {', '.join(lacking)}"
    )
