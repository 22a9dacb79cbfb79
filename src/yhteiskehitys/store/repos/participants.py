"""Osallistujat: pseudonymous participants, their consents, and their personal data apart.

Names and contacts are only ever in ``personal_data``; every other table knows a participant
by a pseudonymous id. A participant leaves the store by erasure (``store.rights.erase``),
which keeps anonymous counts, never by ``remove``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from ...model import Consent, Participant, PersonalData
from .. import schema
from ..bulk import insert_columns
from .base import NotFoundError, RecordError, Repository, group, require_known

ELECTION_FACTS = ("municipality", "studying", "school")
ERASE_HINT = "a participant leaves the store by erasure: `yk participant erase ID`"


class ParticipantRepo(Repository[Participant]):
    entity = "participant"
    table = schema.participants
    model = Participant

    def dump(self, obj: Participant) -> Any:
        """As JSON data; the election facts (schema step 6) only when known, so the records and
        audit entries of participants without them read as they did before."""
        data = super().dump(obj)
        for key in ELECTION_FACTS:
            if data.get(key) is None:
                data.pop(key, None)
        return data

    def to_row(self, obj: Participant) -> dict[str, Any]:
        return {
            "id": obj.id,
            "birth_year": obj.birth_year,
            "age_band": obj.age_band,
            "roles": list(obj.roles),
            "joined": obj.joined,
            "municipality": obj.municipality,
            "studying": obj.studying,
            "school": obj.school,
        }

    def columns(self, objs: Sequence[Participant]) -> dict[str, list[Any]]:
        return {
            "id": [p.id for p in objs],
            "birth_year": [p.birth_year for p in objs],
            "age_band": [p.age_band for p in objs],
            "roles": [list(p.roles) for p in objs],
            "joined": [p.joined for p in objs],
            "municipality": [p.municipality for p in objs],
            "studying": [p.studying for p in objs],
            "school": [p.school for p in objs],
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> Participant:
        return Participant(
            id=row["id"],
            birth_year=row["birth_year"],
            age_band=row["age_band"],
            roles=row["roles"],
            joined=row["joined"],
            municipality=row["municipality"],
            studying=row["studying"],
            school=row["school"],
            consents=children or (),
        )

    def write_children(self, objs: Sequence[Participant]) -> None:
        numbered = [(p.id, n, c) for p in objs for n, c in enumerate(p.consents, start=1)]
        insert_columns(
            self.conn,
            schema.consents,
            {
                "participant": [pid for pid, _, _ in numbered],
                "position": [n for _, n, _ in numbered],
                "kind": [c.kind for _, _, c in numbered],
                "given": [c.given for _, _, c in numbered],
                "scope": [list(c.scope) for _, _, c in numbered],
                "withdrawn": [c.withdrawn for _, _, c in numbered],
            },
        )

    def delete_children(self, ids: Sequence[str]) -> None:
        self.conn.execute(schema.consents.delete().where(schema.consents.c.participant.in_(ids)))

    def read_children(self, ids: Sequence[str] | None) -> dict[str, Any]:
        query = sa.select(schema.consents).order_by(
            schema.consents.c.participant, schema.consents.c.position
        )
        if ids is not None:
            query = query.where(schema.consents.c.participant.in_(ids))
        rows = group(self.conn.execute(query).mappings(), "participant")
        return {pid: tuple(_consent(r) for r in rs) for pid, rs in rows.items()}

    def remove(self, id: str) -> None:
        raise RecordError(f"participant {id!r}: {ERASE_HINT}")


def _consent_row(participant: str, position: int, c: Consent) -> dict[str, Any]:
    return {
        "participant": participant,
        "position": position,
        "kind": c.kind,
        "given": c.given,
        "scope": list(c.scope),
        "withdrawn": c.withdrawn,
    }


def _consent(row: sa.RowMapping) -> Consent:
    return Consent(
        kind=row["kind"], given=row["given"], scope=row["scope"], withdrawn=row["withdrawn"]
    )


class ConsentRepo:
    """Consents one at a time, numbered 1, 2, … per participant (the order they were given)."""

    entity = "consent"

    def __init__(self, tx: Any) -> None:
        self.tx = tx
        self.conn = tx.conn

    def list(self, participant: str) -> list[Consent]:
        return list(self.tx.participants.get(participant).consents)

    def add(self, participant: str, consent: Consent) -> int:
        """Record a new consent; returns its number."""
        self.tx.require_write()
        self.tx.participants.get(participant)
        position = 1 + int(
            self.conn.execute(
                sa.select(sa.func.coalesce(sa.func.max(schema.consents.c.position), 0)).where(
                    schema.consents.c.participant == participant
                )
            ).scalar()
        )
        self.conn.execute(schema.consents.insert(), [_consent_row(participant, position, consent)])
        self.tx.audit.record("add", self.entity, participant, None, self._dump(position, consent))
        return position

    def withdraw(self, participant: str, number: int, on: date) -> Consent:
        """Mark consent ``number`` withdrawn from ``on``; the record of it stays."""
        self.tx.require_write()
        consents = self.list(participant)
        if not 1 <= number <= len(consents):
            raise NotFoundError(f"participant {participant!r} has no consent number {number}")
        before = consents[number - 1]
        after = Consent(kind=before.kind, given=before.given, scope=before.scope, withdrawn=on)
        self.conn.execute(
            schema.consents.update()
            .where(schema.consents.c.participant == participant)
            .where(schema.consents.c.position == number)
            .values(withdrawn=on)
        )
        self.tx.audit.record(
            "update",
            self.entity,
            participant,
            self._dump(number, before),
            self._dump(number, after),
        )
        return after

    def _dump(self, number: int, consent: Consent) -> dict[str, Any]:
        return {"number": number, "consent": self.tx.converter.unstructure(consent, Consent)}


class PersonalDataRepo(Repository[PersonalData]):
    """Names and contacts, keyed by the participant's pseudonymous id."""

    entity = "personal_data"
    table = schema.personal_data
    model = PersonalData
    key = "participant"

    def to_row(self, obj: PersonalData) -> dict[str, Any]:
        return {
            "participant": obj.participant,
            "name": obj.name,
            "email": obj.email,
            "phone": obj.phone,
            "notes": obj.notes,
        }

    def from_row(self, row: sa.RowMapping, children: Any) -> PersonalData:
        return PersonalData(**{k: row[k] for k in row.keys()})

    def check(self, objs: Sequence[PersonalData]) -> None:
        require_known(
            self.conn,
            schema.participants.c.id,
            ((self.label(p), p.participant) for p in objs),
            "participant",
            "add the participant first (yk participant add)",
        )
