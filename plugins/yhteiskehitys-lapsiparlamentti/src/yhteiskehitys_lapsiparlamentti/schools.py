"""The parliament's schools: organisations of kind ``school``, their pupils and teachers.

A school is an organisation (``kind = "school"``); its teacher is an actor of that organisation
with the role ``teacher``; its pupils are participants whose ``school`` is the school's id or
name (the same field an election's school rule reads).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import frozen

from yhteiskehitys import YhteiskehitysError

from .model import SCHOOL_KIND

REPRESENTATIVE_ROLES = ("pupil_representative", "deputy_representative")


@frozen(kw_only=True)
class School:
    """One school of the parliament and who represents it."""

    id: str
    name: str
    representatives: tuple[str, ...] = ()
    """Participant ids of its pupil representatives."""
    deputies: tuple[str, ...] = ()
    """Participant ids of its deputies."""
    teachers: tuple[str, ...] = ()
    """Actor ids of its teachers."""
    pupils: tuple[str, ...] = ()
    """Participant ids of every pupil of the school, whatever their role."""

    def matches(self, school: str | None) -> bool:
        """Whether a participant's ``school`` field names this school (by id or name)."""
        if not school:
            return False
        wanted = school.strip().casefold()
        return wanted in (self.id.casefold(), self.name.strip().casefold())


def school_of(schools: Iterable[School], school: str | None) -> School | None:
    """The school a participant's ``school`` field names, or None."""
    return next((s for s in schools if s.matches(school)), None)


def schools(tx: Any) -> list[School]:
    """Every school of the programme with its representatives and teachers, by name."""
    organisations = [o for o in tx.organisations.list() if o.kind == SCHOOL_KIND]
    participants = list(tx.participants.list())
    actors = list(tx.actors.list())
    out = []
    for org in organisations:
        bare = School(id=org.id, name=org.name)
        pupils = [p for p in participants if bare.matches(p.school)]
        out.append(
            School(
                id=org.id,
                name=org.name,
                representatives=tuple(p.id for p in pupils if "pupil_representative" in p.roles),
                deputies=tuple(p.id for p in pupils if "deputy_representative" in p.roles),
                teachers=tuple(
                    a.id for a in actors if a.organisation == org.id and "teacher" in a.roles
                ),
                pupils=tuple(p.id for p in pupils),
            )
        )
    return sorted(out, key=lambda s: s.name.casefold())


def add_school(programme: Any, school_id: str, *, name: str) -> School:
    """Add a school (an organisation of kind ``school``) to the programme's store.

    :param programme: an :class:`~yhteiskehitys.OpenProgramme`.
    """
    from yhteiskehitys.model import Organisation

    try:
        organisation = Organisation(id=school_id, name=name, kind=SCHOOL_KIND)
    except (TypeError, ValueError) as exc:
        raise YhteiskehitysError(f"school {school_id!r}: {exc}") from None
    with programme.transaction() as tx:
        if tx.organisations.find(school_id) is not None:
            raise YhteiskehitysError(
                f"school {school_id!r}: an organisation with this id is already in the store; "
                "choose another id"
            )
        tx.organisations.add(organisation)
    return School(id=school_id, name=name)


def list_schools(programme: Any) -> list[School]:
    """The schools of an :class:`~yhteiskehitys.OpenProgramme`, read in one transaction."""
    with programme.read() as tx:
        return schools(tx)
