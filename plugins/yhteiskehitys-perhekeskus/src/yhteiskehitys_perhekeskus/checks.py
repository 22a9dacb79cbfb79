"""The family-centre model's checks, run by ``yk validate`` on programmes whose model has the
roles they look for (so a youth programme without a ``child`` role is never checked for them).

- ``family_representative``: a family representative (a participant or actor with the role
  ``family_representative``) is invited to every workshop. The store does not keep
  invitations, so the check can show only that there was a representative to invite on the
  workshop's day (an error when there was none) and whether one was there (a warning when not).
- ``youth_council_in_network``: a youth-council member is among the network's actors (a warning
  once the network has actors, none of them with the role ``youth_council_member``).
- ``child_guardian_consent``: every child (role ``child``, or under 18 on the day) who attended
  a session had a guardian's consent covering taking part on that day.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yhteiskehitys import Check, CheckContext, Problem

from .model import CHILD_MAX

REPRESENTATIVE = "family_representative"
YOUTH_COUNCIL = "youth_council_member"
WORKSHOP = "workshop"


def _records(ctx: CheckContext) -> dict[str, Any] | None:
    store = ctx.store
    if store is None:
        return None
    with store.read() as tx:
        return {
            "sessions": tx.sessions.list(),
            "participants": tx.participants.list(),
            "actors": tx.actors.list(),
        }


def _applies(ctx: CheckContext, role: str) -> bool:
    """The checks hold for programmes whose model has the role they look for (the family-centre
    model, or a model or programme that took the role over), never for other groups."""
    return role in ctx.template.roles


def family_representative(ctx: CheckContext) -> Iterator[Problem]:
    if not _applies(ctx, REPRESENTATIVE):
        return
    found = _records(ctx)
    if found is None:
        return
    people = [p for p in found["participants"] if REPRESENTATIVE in p.roles]
    actors = {a.id for a in found["actors"] if REPRESENTATIVE in a.roles}
    ids = {p.id for p in people} | actors
    for session in found["sessions"]:
        if session.kind != WORKSHOP:
            continue
        could_invite = actors or [p for p in people if p.joined is None or p.joined <= session.date]
        if not could_invite:
            yield Problem(
                check="family_representative",
                record=session.id,
                message=(
                    f"workshop {session.id} on {session.date.isoformat()}: the programme had no "
                    "family representative to invite; give a participant or actor the role "
                    "family_representative"
                ),
            )
        elif not ids & {*session.attendees, *session.facilitators}:
            yield Problem(
                check="family_representative",
                record=session.id,
                severity="warning",
                message=(
                    f"workshop {session.id} on {session.date.isoformat()}: no family "
                    "representative was there; record them as an attendee if they came"
                ),
            )


def youth_council_in_network(ctx: CheckContext) -> Iterator[Problem]:
    if not _applies(ctx, YOUTH_COUNCIL):
        return
    found = _records(ctx)
    if found is None or not found["actors"]:
        return
    if not any(YOUTH_COUNCIL in a.roles for a in found["actors"]):
        yield Problem(
            check="youth_council_in_network",
            severity="warning",
            message=(
                "no youth-council member among the network's actors; add one with the role "
                "youth_council_member"
            ),
        )


def child_guardian_consent(ctx: CheckContext) -> Iterator[Problem]:
    if not _applies(ctx, "child"):
        return
    found = _records(ctx)
    if found is None:
        return
    people = {p.id: p for p in found["participants"]}
    for session in found["sessions"]:
        for pid in session.attendees:
            person = people.get(pid)
            if person is None:
                continue
            age = person.age_on(session.date)
            is_child = "child" in person.roles or (age is not None and age <= CHILD_MAX)
            if is_child and not person.consent_covers(session.date, "participation", "guardian"):
                yield Problem(
                    check="child_guardian_consent",
                    record=pid,
                    message=(
                        f"child {pid} attended {session.id} on {session.date.isoformat()} "
                        "without a guardian's consent covering participation; record it with "
                        f"`yk consent add {pid} --kind guardian`"
                    ),
                )


CHECKS = [
    Check(
        name="family_representative",
        description="A family representative is invited to, and present at, every workshop.",
        run=family_representative,
    ),
    Check(
        name="youth_council_in_network",
        description="A youth-council member is among the network's actors.",
        run=youth_council_in_network,
    ),
    Check(
        name="child_guardian_consent",
        description="Every child attends with a guardian's consent.",
        run=child_guardian_consent,
    ),
]
