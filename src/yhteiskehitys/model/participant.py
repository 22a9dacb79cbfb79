"""Osallistuja: pseudonymous participants and their consents. Names live elsewhere."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from attrs import field, frozen

from ..errors import FieldValueError
from ._validate import as_tuple, between, identifier, non_empty, one_of, ordered, sane_date

AGE_BAND = re.compile(r"([0-9]{1,3})-([0-9]{1,3})")


@frozen(kw_only=True)
class Consent:
    """A consent given by the person (``own``) or by a guardian, for some scopes."""

    kind: str = field(validator=one_of("own", "guardian"))
    given: date = field(validator=sane_date)
    scope: tuple[str, ...] = field(default=("participation",), converter=as_tuple)
    withdrawn: date | None = field(default=None, validator=sane_date)

    def __attrs_post_init__(self) -> None:
        if not self.scope:
            raise FieldValueError("scope", "name at least one scope, e.g. participation")
        ordered("given", "withdrawn")(self)

    def active_on(self, day: date) -> bool:
        return self.given <= day and (self.withdrawn is None or day < self.withdrawn)


def _age_band(instance: object, attribute: object, value: str | None) -> None:
    if value is None:
        return
    match = AGE_BAND.fullmatch(value)
    if not match or int(match.group(1)) > int(match.group(2)):
        raise FieldValueError("age_band", f"must look like 18-24 with low ≤ high (got {value!r})")


def _optional_text(instance: object, attribute: Any, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise FieldValueError(attribute.name, "must not be empty when given")


@frozen(kw_only=True)
class Participant:
    """A member of the target group, known by a pseudonymous id only.

    Either the birth year or an age band is kept, never a birth date: enough for consent rules
    and statistics, too little to identify a child.
    """

    id: str = field(validator=identifier)
    birth_year: int | None = field(default=None, validator=between(1900, 2200))
    age_band: str | None = field(default=None, validator=_age_band)
    roles: tuple[str, ...] = field(default=("participant",), converter=as_tuple)
    consents: tuple[Consent, ...] = field(default=(), converter=as_tuple)
    joined: date | None = field(default=None, validator=sane_date)
    # The facts an election's eligibility rules ask about (schema step 6); None when unknown.
    municipality: str | None = field(default=None, validator=_optional_text)
    studying: bool | None = None
    school: str | None = field(default=None, validator=_optional_text)

    def age_on(self, day: date) -> int | None:
        """Age in whole years, the lower bound when only the birth year is known."""
        if self.birth_year is not None:
            return day.year - self.birth_year - 1 if day.year > self.birth_year else 0
        if self.age_band is not None:
            return int(self.age_band.split("-")[0])
        return None

    def consent_covers(self, day: date, scope: str, kind: str | None = None) -> bool:
        return any(
            c.active_on(day) and scope in c.scope and (kind is None or c.kind == kind)
            for c in self.consents
        )


@frozen(kw_only=True)
class PersonalData:
    """The name and contacts of a participant, stored apart from every other record."""

    participant: str = field(validator=identifier)
    name: str = field(validator=non_empty)
    email: str = ""
    phone: str = ""
    notes: str = ""
