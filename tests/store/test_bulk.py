"""The bulk path stores values exactly as SQLAlchemy's own insert would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from yhteiskehitys.store import schema
from yhteiskehitys.store.bulk import insert_columns, paused_gc


@pytest.mark.parametrize(
    "at",
    [
        datetime(2024, 3, 1, 12, 30, 5, 123456, tzinfo=UTC),
        datetime(1999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=2))),
    ],
)
def test_bulk_and_core_inserts_store_the_same_bytes(store, at):
    row = {
        "subject_kind": "commission", "subject_id": "C-1", "from_state": None,
        "to_state": "delivered", "at": at, "operator": "o", "note": "ä “quoted”",
    }  # fmt: skip
    table = schema.loop_transitions
    with store.transaction() as tx:
        insert_columns(tx.conn, table, {k: [v] for k, v in row.items()})
        tx.conn.execute(table.insert(), [row])
        raw = tx.conn.execute(
            sa.select(sa.cast(table.c.at, sa.Text), table.c.note).order_by(table.c.seq)
        ).all()
        read = tx.conn.execute(sa.select(table.c.at).order_by(table.c.seq)).scalars().all()
    assert raw[0] == raw[1]
    assert read == [at, at] and read[0].tzinfo == UTC


def test_bulk_json_dates_and_booleans_read_back(store):
    with store.transaction() as tx:
        insert_columns(
            tx.conn,
            schema.pilots,
            {
                "id": ["a", "b"], "title": ["t", "t"], "goal": ["g", "g"],
                "criteria": [["x", "ä"], []], "start": [date(2024, 1, 1), date(1900, 1, 1)],
                "end": [date(2024, 2, 1), date(2200, 12, 31)], "evaluation": [[], ["e"]],
                "decision": [None, "permanent"],
            },
        )  # fmt: skip
        insert_columns(
            tx.conn,
            schema.audit,
            {
                "at": [datetime(2024, 1, 1, tzinfo=UTC)], "operator": ["o"], "action": ["add"],
                "entity": ["pilot"], "entity_id": ["a"], "before": [None],
                "after": [{"k": [1, "ö"]}], "redacted": [False],
            },
        )  # fmt: skip
    with store.read() as tx:
        a, b = tx.pilots.list()
        entry = tx.audit.entries()[0]
    assert a.criteria == ("x", "ä") and b.end == date(2200, 12, 31) and b.decision == "permanent"
    assert entry.before is None and entry.after == {"k": [1, "ö"]} and entry.redacted is False


def test_a_time_without_zone_is_refused(store):
    with pytest.raises((ValueError, sa.exc.StatementError), match="no time zone"):
        with store.transaction() as tx:
            insert_columns(
                tx.conn, schema.report_backs,
                {"subject_kind": ["idea"], "subject": ["I"], "at": [datetime(2024, 1, 1)],
                 "channel": ["c"], "text": ["t"], "operator": ["o"]},
            )  # fmt: skip


def test_paused_gc_restores_the_collector():
    import gc

    with paused_gc(10_000):
        assert not gc.isenabled()
    assert gc.isenabled()
    with paused_gc(10):
        assert gc.isenabled()


def test_wall_clock_times_are_stored_as_sqlalchemy_stores_them(store):
    from datetime import datetime as dt

    table = sa.Table("wall_clock_probe", sa.MetaData(), sa.Column("t", sa.DateTime))
    with store.transaction() as tx:
        table.create(tx.conn)
        insert_columns(tx.conn, table, {"t": [dt(2024, 3, 1, 9, 30, 0, 5)]})
        tx.conn.execute(table.insert(), [{"t": dt(2024, 3, 1, 9, 30, 0, 5)}])
        raw = tx.conn.execute(sa.select(sa.cast(table.c.t, sa.Text))).scalars().all()
        read = tx.conn.execute(sa.select(table.c.t)).scalars().all()
        table.drop(tx.conn)
    assert raw[0] == raw[1] and read == [dt(2024, 3, 1, 9, 30, 0, 5)] * 2
