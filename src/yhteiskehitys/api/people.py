"""Participants, their personal data kept apart, their consents and their data rights."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from ..errors import FieldError
from .build import build, evolve

if TYPE_CHECKING:
    from ..model import Consent, Participant, PersonalData
    from ..store import Transaction
    from ..store.rights import Erasure
    from .programme import OpenProgramme

CONTACT_FIELDS = ("name", "email", "phone", "notes")
"""Personal data: shown only on certificates and in the person's own export."""


def _given(contact: dict[str, str | None]) -> dict[str, str]:
    unknown = sorted(set(contact) - set(CONTACT_FIELDS))
    if unknown:
        raise FieldError(unknown[0], f"not a contact field ({', '.join(CONTACT_FIELDS)})")
    return {key: value for key, value in contact.items() if value is not None}


def _yes_no(field: str, value: str) -> bool:
    from ..decide.elections.rules import NO, YES

    word = value.strip().casefold()
    if word in YES or word in NO:
        return word in YES
    raise FieldError(field, f"expected yes or no (kyllä/ei), got {value!r}")


class ParticipantVerbs:
    """``programme.participants``: pseudonymous ids; names and contacts go to personal data."""

    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme

    def add(
        self,
        participant_id: str,
        *,
        birth_year: int | None = None,
        age_band: str | None = None,
        roles: Sequence[str] = ("participant",),
        joined: date | None = None,
        municipality: str | None = None,
        studying: bool | str | None = None,
        school: str | None = None,
        **contact: str | None,
    ) -> Participant:
        """Add a participant; ``name``, ``email``, ``phone`` and ``notes`` (the name is needed
        with any of them) go to the personal-data table, kept apart from every other record.
        ``municipality``, ``studying`` (yes/no) and ``school`` are the facts an election's
        rules judge."""
        from ..model import Participant, PersonalData

        if isinstance(studying, str):
            studying = _yes_no("studying", studying)

        new = build(
            Participant,
            id=participant_id,
            birth_year=birth_year,
            age_band=age_band,
            roles=tuple(roles),
            joined=joined,
            municipality=municipality,
            studying=studying,
            school=school,
        )
        given = _given(contact)
        if given and "name" not in given:
            raise FieldError("name", "give the name too when you give contact details")
        personal = build(PersonalData, participant=participant_id, **given) if given else None
        with self.programme.transaction() as tx:
            tx.participants.add(new)
            if personal is not None:
                tx.personal_data.add(personal)
        return new

    def contact(self, participant_id: str, **contact: str | None) -> PersonalData:
        """Record or change a participant's name and contact details; fields left out keep
        their stored value."""
        from ..model import PersonalData

        given = _given(contact)
        if not given:
            raise FieldError("name", "give at least one of {name}, {email}, {phone}, {notes}")
        with self.programme.transaction(create=False) as tx:
            tx.participants.get(participant_id)
            stored = tx.personal_data.find(participant_id)
            if stored is None:
                if "name" not in given:
                    raise FieldError(
                        "name",
                        f"participant {participant_id!r} has no personal data yet: give {{name}}",
                    )
                personal = build(PersonalData, participant=participant_id, **given)
                tx.personal_data.add(personal)
            else:
                personal = evolve(stored, **given)
                tx.personal_data.update(personal)
        return personal

    def list(self) -> list[Participant]:
        """Participants with their age information, roles and consents (no names)."""
        with self.programme.read() as tx:
            return list(tx.participants.list())

    def get(self, participant_id: str) -> Participant:
        with self.programme.read() as tx:
            return tx.participants.get(participant_id)

    def export(self, participant_id: str, out: Path | str | None = None) -> str:
        """Everything stored about one person as JSON (GDPR art. 15 and 20); written
        atomically to ``out`` when given."""
        from ..folder import atomic_write
        from ..store.rights import export_text

        text = export_text(self.programme.store(create=False), participant_id)
        if out is not None:
            atomic_write(Path(out), text)
        return text

    def erase(self, participant_id: str) -> Erasure:
        """Erase a person's personal data for good (GDPR art. 17); counts stay."""
        from ..store.rights import erase

        self.get(participant_id)  # an unknown id is refused before anything happens
        return erase(
            self.programme.store(create=False), participant_id, operator=self.programme.operator
        )


class ConsentVerbs:
    """``programme.consents``: the person's own, or a guardian's, for named scopes."""

    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme

    def add(
        self,
        participant_id: str,
        *,
        kind: str,
        given: date,
        scope: Sequence[str] = ("participation",),
    ) -> tuple[int, Consent]:
        """Record a consent; returns its number and the consent."""
        from ..model import Consent

        new = build(Consent, kind=kind, given=given, scope=tuple(scope))
        with self.programme.transaction(create=False) as tx:
            number = tx.consents.add(participant_id, new)
        return number, new

    def withdraw(self, participant_id: str, *, at: date, scope: Sequence[str] = ()) -> Withdrawal:
        """Withdraw consent for ``scope`` (every scope when empty) from the day ``at``; see
        :func:`withdraw_consents`. One unit of work, audited."""
        with self.programme.transaction(create=False) as tx:
            return withdraw_consents(tx, participant_id, scope, at)


def withdraw_consents(
    tx: Transaction, participant_id: str, scopes: Sequence[str], on: date
) -> Withdrawal:
    """Withdraw a participant's consent for ``scopes`` (every scope when empty) from ``on``.

    Each consent active on ``on`` that covers a withdrawn scope is marked withdrawn; the scopes
    it also covered and that are not withdrawn go on in a new consent of the same kind given on
    ``on`` (so withdrawing photos leaves participation as it was). The records of the old
    consents stay. Refused, with nothing written, when no active consent covers a scope.
    """
    from ..model import Consent

    consents = tx.consents.list(participant_id)
    active = [(n, c) for n, c in enumerate(consents, 1) if c.active_on(on)]
    wanted = tuple(scopes) or tuple(dict.fromkeys(s for _, c in active for s in c.scope))
    if not wanted:
        raise FieldError(
            "at", f"participant {participant_id!r} has no consent in force on {on.isoformat()}"
        )
    covered = {s for _, c in active for s in c.scope}
    missing = [s for s in wanted if s not in covered]
    if missing:
        held = ", ".join(sorted(covered)) or "none"
        raise FieldError(
            "scope",
            f"participant {participant_id!r} has no consent for {', '.join(missing)} in force "
            f"on {on.isoformat()} (in force: {held})",
        )
    withdrawn, kept = [], []
    for number, consent in active:
        if not set(consent.scope) & set(wanted):
            continue
        withdrawn.append((number, tx.consents.withdraw(participant_id, number, on)))
        rest = tuple(s for s in consent.scope if s not in wanted)
        if rest:
            new = build(Consent, kind=consent.kind, given=on, scope=rest)
            kept.append((tx.consents.add(participant_id, new), new))
    return Withdrawal(
        participant=participant_id, scopes=wanted, withdrawn=tuple(withdrawn), kept=tuple(kept)
    )


@frozen(kw_only=True)
class Withdrawal:
    """What a withdrawal did: the consents marked withdrawn and the new ones that carry on the
    scopes not withdrawn, each with its number."""

    participant: str
    scopes: tuple[str, ...]
    withdrawn: tuple[tuple[int, Consent], ...]
    kept: tuple[tuple[int, Consent], ...]
