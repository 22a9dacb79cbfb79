"""The participant's data rights: see everything stored about them (GDPR art. 15 and 20) and
have it erased (art. 17) while the programme keeps its anonymous counts.

Erasure deletes the participant's row, consents and personal data; replaces their id in
attendance and facilitation with a random token (one per erasure, with no record of whose it
was), so "how many took part" stays true; replaces a survey respondent key that is their id,
name, e-mail or phone the same way, so their answers still count; redacts earlier audit entries
about them; and records the erasure itself, without the data. Then the store is compacted so
the bytes leave the file: on SQLite ``secure_delete`` zeroes freed pages and ``VACUUM`` plus a
truncating WAL checkpoint rewrites the file; PostgreSQL's guarantees are described in
docs/store.md.
"""

from __future__ import annotations

import json
import secrets
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from attrs import frozen

from . import schema
from .audit import AuditEntry, entry_dicts
from .repos.base import NotFoundError
from .surveys import item_column

if TYPE_CHECKING:
    from .core import Store, Transaction

FORMAT = "yhteiskehitys-participant"
PERSONAL_ENTITIES = ("participant", "personal_data", "consent")
"""Audit entities whose entries are about one participant, keyed by the participant's id."""

ATTEND = schema.session_attendance
ANSWERS = schema.survey_responses


@frozen
class Erasure:
    participant: str
    sessions: int
    audit_entries_redacted: int
    compacted: bool
    survey_answers: int = 0


def _about(tx: Transaction, pid: str) -> sa.ColumnElement[bool]:
    a = schema.audit
    return sa.and_(a.c.entity.in_(PERSONAL_ENTITIES), a.c.entity_id == pid)


def _mentions(pid: str) -> sa.ColumnElement[bool]:
    """Audit rows whose JSON names ``pid`` as a value (ids are plain, so this is exact enough
    to narrow the search; each candidate is then checked in Python)."""
    a = schema.audit
    escaped = pid.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f'%"{escaped}"%'
    return sa.or_(
        sa.cast(a.c.before, sa.Text).like(pattern, escape="\\"),
        sa.cast(a.c.after, sa.Text).like(pattern, escape="\\"),
    )


def participant_data(tx: Transaction, pid: str) -> dict[str, Any]:
    """Everything the store holds about one participant, as JSON data."""
    participant = tx.participants.find(pid)
    if participant is None:
        raise NotFoundError(f"no participant {pid!r} in the store (erased or never added)")
    personal = tx.personal_data.find(pid)
    sessions = [tx.sessions.get(sid) for sid in tx.sessions.attended_by(pid)]
    led: sa.ScalarResult[str] = tx.conn.execute(
        sa.select(schema.sessions.c.id).where(
            _json_text(schema.sessions.c.facilitators).like(f'%"{pid}"%')
        )
    ).scalars()
    a = schema.audit
    query = sa.select(a).where(sa.or_(_about(tx, pid), _mentions(pid))).order_by(a.c.seq)
    entries = [
        e
        for e in (AuditEntry(**row) for row in tx.conn.execute(query).mappings())
        if e.entity in PERSONAL_ENTITIES
        or _replace([e.before, e.after], pid, "") != [e.before, e.after]
    ]
    data = {
        "format": FORMAT,
        "version": 1,
        "participant": tx.converter.unstructure(participant),
        "personal_data": None if personal is None else tx.converter.unstructure(personal),
        "sessions_attended": [
            {"id": s.id, "date": s.date.isoformat(), "kind": s.kind, "title": s.title}
            for s in sessions
        ],
        "sessions_facilitated": sorted(
            sid for sid in led if pid in tx.sessions.get(sid).facilitators
        ),
        "survey_answers": _survey_answers(tx, _respondent_keys(tx, pid)),
        "audit": entry_dicts(entries),
    }
    roll = _election_rolls(tx, pid)
    if roll:
        data["election_rolls"] = roll
    return data


def _election_rolls(tx: Transaction, pid: str) -> list[dict[str, Any]]:
    """The elections whose roll lists the participant (schema step 6): the judgement only."""
    r = schema.election_roll
    query = sa.select(r.c.election, r.c.school, r.c.eligible, r.c.reason).where(r.c.voter == pid)
    return [dict(row) for row in tx.conn.execute(query.order_by(r.c.election)).mappings()]


def _respondent_keys(tx: Transaction, pid: str) -> list[str]:
    """The values a survey file could have used as this person's respondent key: their id, or
    (against the advice in docs/measurement.md) their name, e-mail or phone."""
    personal = tx.personal_data.find(pid)
    extra = () if personal is None else (personal.name, personal.email, personal.phone)
    return sorted({pid, *(v for v in extra if v)})


def _survey_answers(tx: Transaction, keys: list[str]) -> list[dict[str, Any]]:
    r, rounds, groups = ANSWERS, schema.survey_rounds, schema.survey_round_groups
    # A round holds one instrument per group: the answers are named by the group's items.
    query = (
        sa.select(
            r, rounds.c.name, sa.func.coalesce(groups.c["items"], rounds.c["items"]).label("items")
        )
        .join(rounds, rounds.c.id == r.c.round)
        .outerjoin(groups, sa.and_(groups.c.round == r.c.round, groups.c.grp == r.c.grp))
        .where(r.c.respondent_key.in_(keys))
        .order_by(r.c.id)
    )
    return [
        {
            "round": row["name"],
            "group": row["grp"],
            "age_band": row["age_band"],
            "area": row["area"],
            "answered_at": None if row["answered_at"] is None else row["answered_at"].isoformat(),
            "answers": {item: row[item_column(n)] for n, item in enumerate(row["items"])},
            "score": row["score"],
        }
        for row in tx.conn.execute(query).mappings()
    ]


def export_text(store: Store, pid: str) -> str:
    with store.read() as tx:
        data = participant_data(tx, pid)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _json_text(column: sa.Column) -> sa.ColumnElement[str]:
    return sa.cast(column, sa.Text)


def _replace(value: Any, pid: str, token: str) -> Any:
    if value == pid:
        return token
    if isinstance(value, list):
        return [_replace(v, pid, token) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, pid, token) for k, v in value.items()}
    return value


def erase_in(tx: Transaction, pid: str) -> tuple[int, int]:
    """The erasure's writes inside one unit of work; returns (sessions, audit entries redacted)."""
    sessions, redacted, _ = _erase_in(tx, pid)
    return sessions, redacted


def _erase_in(tx: Transaction, pid: str) -> tuple[int, int, int]:
    tx.require_write()
    tx.participants.get(pid)
    token = "anon-" + secrets.token_hex(8)
    conn = tx.conn
    conn.execute(schema.anonymous_tokens.insert().values(token=token))
    sessions = conn.execute(
        ATTEND.update().where(ATTEND.c.participant == pid).values(participant=token)
    ).rowcount
    # A key answers a round once, so each key gets a token of its own: panels stay as linked as
    # they were, and no round gains a key twice.
    answers = 0
    for n, key in enumerate(_respondent_keys(tx, pid)):
        answers += conn.execute(
            ANSWERS.update()
            .where(ANSWERS.c.respondent_key == key)
            .values(respondent_key=token if n == 0 else f"{token}-{n}")
        ).rowcount
    s = schema.sessions
    for sid, facilitators in conn.execute(
        sa.select(s.c.id, s.c.facilitators).where(_json_text(s.c.facilitators).like(f'%"{pid}"%'))
    ).all():
        conn.execute(
            s.update().where(s.c.id == sid).values(facilitators=_replace(facilitators, pid, token))
        )
    # An election's roll names them; their code, if any, was never linked to them.
    conn.execute(schema.election_roll.delete().where(schema.election_roll.c.voter == pid))
    # Who has voted in a budget stays counted (one ballot each), no longer by whom.
    voters = schema.budget_voters
    conn.execute(voters.update().where(voters.c.voter == pid).values(voter=token))
    conn.execute(schema.personal_data.delete().where(schema.personal_data.c.participant == pid))
    conn.execute(schema.consents.delete().where(schema.consents.c.participant == pid))
    conn.execute(schema.participants.delete().where(schema.participants.c.id == pid))
    # The one path that touches audit rows; the database trigger lets only redactions through.
    a = schema.audit
    redacted = conn.execute(
        a.update().where(_about(tx, pid)).values(before=None, after=None, redacted=True)
    ).rowcount
    for seq, before, after in conn.execute(
        sa.select(a.c.seq, a.c.before, a.c.after)
        .where(_mentions(pid))
        .where(sa.not_(_about(tx, pid)))
    ).all():
        new_before, new_after = _replace(before, pid, token), _replace(after, pid, token)
        if (new_before, new_after) != (before, after):
            conn.execute(
                a.update()
                .where(a.c.seq == seq)
                .values(before=new_before, after=new_after, redacted=True)
            )
            redacted += 1
    after = {"erased": True, "sessions_kept_anonymously": sessions}
    if answers:
        after["survey_answers_kept_anonymously"] = answers
    tx.audit.record("erase", "participant", pid, None, after)
    return sessions, redacted, answers


def erase(store: Store, pid: str, operator: str | None = None) -> Erasure:
    """Erase a participant (one transaction), then compact the store."""
    with store.transaction(operator) as tx:
        sessions, redacted, answers = _erase_in(tx, pid)
    return Erasure(pid, sessions, redacted, compact(store), answers)


def compact(store: Store) -> bool:
    """Make deleted data leave the database files; False when another program kept the SQLite
    write-ahead log open, so the old pages leave at the next compaction."""
    engine = store.engine
    if engine.dialect.name == "postgresql":
        tables = (
            "personal_data",
            "participants",
            "consents",
            "audit",
            "session_attendance",
            "sessions",
            "survey_responses",
        )
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM (ANALYZE) {', '.join(tables)}")
        return True
    engine.dispose()  # our pooled connections must not pin old WAL frames
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("VACUUM")
        busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        cursor.close()
    finally:
        raw.close()
    engine.dispose()
    return not busy
