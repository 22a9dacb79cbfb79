"""A participant sees everything stored about them, and erasure leaves no trace in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from yhteiskehitys.store import NotFoundError, open_store
from yhteiskehitys.store.rights import erase, export_text
from yhteiskehitys.store.transfer import export_text as export_programme

from .records import EMAIL, NAME, NOTES, PHONE, fill


def test_participant_export_holds_everything_about_them(store):
    with store.transaction() as tx:
        fill(tx)
    data = json.loads(export_text(store, "P-002"))
    assert data["personal_data"]["name"] == "Eero Esimerkki"
    assert data["participant"]["roles"] == ["participant", "expert_by_experience"]
    assert [s["id"] for s in data["sessions_attended"]] == ["S-1"]
    assert data["sessions_facilitated"] == ["S-1"]
    about = {(e["action"], e["entity"], e["id"]) for e in data["audit"]}
    assert ("add", "participant", "P-002") in about
    assert ("add", "personal_data", "P-002") in about
    assert ("add", "session", "S-1") in about  # the session entry names them as attendee
    assert all("P-001" not in json.dumps(e) or "P-002" in json.dumps(e) for e in data["audit"])


def test_export_of_unknown_participant_is_refused(store):
    with pytest.raises(NotFoundError, match="no participant 'P-404'"):
        export_text(store, "P-404")


def test_erase_keeps_counts_and_records_the_erasure_only(store):
    with store.transaction() as tx:
        fill(tx)
    result = erase(store, "P-001", operator="dpo")
    assert result.sessions == 2 and result.compacted
    with store.read() as tx:
        assert tx.participants.find("P-001") is None
        assert tx.personal_data.find("P-001") is None
        s1, s2 = tx.sessions.get("S-1"), tx.sessions.get("S-2")
        assert len(s1.attendees) == 3 and "P-001" not in s1.attendees
        assert s1.attendees[0] == s2.attendees[0]  # one token per erased person
        assert s1.attendees[0].startswith("anon-")
        last = tx.audit.entries(newest_first=True, limit=1)[0]
        assert (last.action, last.entity, last.entity_id, last.operator) == (
            "erase",
            "participant",
            "P-001",
            "dpo",
        )
        earlier = tx.audit.entries(entity="personal_data", entity_id="P-001")
        assert earlier and all(e.redacted and e.before is None and e.after is None for e in earlier)
    text = export_programme(store)
    for secret in (NAME, EMAIL, PHONE, NOTES, '"P-001"'):
        assert secret not in text.replace('"id": "P-001"', "")
    with pytest.raises(NotFoundError):
        export_text(store, "P-001")
    # a session holding a token can still be rewritten
    with store.transaction() as tx:
        tx.sessions.update(tx.sessions.get("S-1"))


def _file_bytes(path: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()
    )


def test_erased_name_email_and_notes_are_not_in_the_sqlite_files(tmp_path):
    db = tmp_path / "yhteiskehitys.db"
    with open_store(db) as store:
        with store.transaction() as tx:
            fill(tx)
        # Churn so the personal data also sits in old WAL frames and freed pages.
        for n in range(3):
            with store.transaction() as tx:
                pd = tx.personal_data.get("P-001")
                tx.personal_data.update(
                    type(pd)(participant="P-001", name=NAME, email=EMAIL, phone=str(n), notes=NOTES)
                )
        assert NAME.encode() in _file_bytes(db)
        erase(store, "P-001")
        everything = _file_bytes(db)
        with store.read() as tx:
            assert tx.personal_data.get("P-002").name == "Eero Esimerkki"  # others untouched
    for secret in (NAME, EMAIL, PHONE, NOTES):
        assert secret.encode("utf-8") not in everything, secret
    assert b"Eero Esimerkki" in everything


def test_the_audit_trail_refuses_changes_outside_erasure(store):
    with store.transaction() as tx:
        fill(tx)
    for statement in ("DELETE FROM audit", "UPDATE audit SET operator = 'mallory'"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            with store.transaction() as tx:
                tx.conn.exec_driver_sql(statement)
    with store.read() as tx:
        assert {e.operator for e in tx.audit.entries()} == {"tester"}


def _answers(tx, keys):
    """Two survey rounds answered under ``keys`` (one answer per round and key)."""
    from datetime import UTC, datetime

    from yhteiskehitys.store import schema
    from yhteiskehitys.store.bulk import insert_columns

    for name in ("2024-spring", "2024-autumn"):
        round_id = tx.conn.execute(
            schema.survey_rounds.insert().values(
                name=name, instrument="barometer", instrument_version="1", items=["heard"],
                dimensions=[], created=datetime(2024, 3, 1, tzinfo=UTC),
            )
        ).inserted_primary_key[0]  # fmt: skip
        import_id = tx.conn.execute(
            schema.survey_imports.insert().values(
                round=round_id, at=datetime(2024, 3, 2, tzinfo=UTC), operator="o", reader="csv",
                source=f"{name}.csv", sha256=name.ljust(64, "0"), rows=len(keys),
            )
        ).inserted_primary_key[0]  # fmt: skip
        n = len(keys)
        insert_columns(tx.conn, schema.survey_responses, {
            "round": [round_id] * n, "grp": ["participant"] * n, "import_id": [import_id] * n,
            "line": list(range(2, n + 2)), "respondent_key": list(keys), "p01": [4] * n,
            "score": [4.0] * n,
        })  # fmt: skip


def test_survey_answers_under_the_id_or_a_contact_are_exported_and_erased(store):
    with store.transaction() as tx:
        fill(tx)
        _answers(tx, ["P-001", PHONE, "P-002", "k-77"])
    data = json.loads(export_text(store, "P-001"))
    assert [(a["round"], a["answers"]) for a in data["survey_answers"]] == [
        ("2024-spring", {"heard": 4}),
        ("2024-spring", {"heard": 4}),
        ("2024-autumn", {"heard": 4}),
        ("2024-autumn", {"heard": 4}),
    ]
    assert erase(store, "P-001").survey_answers == 4
    from yhteiskehitys.store.schema import survey_responses as r

    with store.read() as tx:
        keys = tx.conn.execute(sa.select(r.c.round, r.c.respondent_key).order_by(r.c.id)).all()
        last = tx.audit.entries(newest_first=True, limit=1)[0]
    assert last.after["survey_answers_kept_anonymously"] == 4
    spring = [k for round_, k in keys if round_ == keys[0][0]]
    autumn = [k for round_, k in keys if round_ != keys[0][0]]
    assert spring[2:] == autumn[2:] == ["P-002", "k-77"]  # others untouched
    assert spring[:2] == autumn[:2]  # each key keeps linking its own answers across rounds
    assert len(set(spring)) == 4 and all(k.startswith("anon-") for k in spring[:2])
    text = export_programme(store)
    assert PHONE not in text and '"P-001"' not in text.replace('"id": "P-001"', "")
