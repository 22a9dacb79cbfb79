"""A text longer than its column is refused before writing, on SQLite as on PostgreSQL."""

from __future__ import annotations

import pytest

from yhteiskehitys.errors import YhteiskehitysError
from yhteiskehitys.store import schema
from yhteiskehitys.store.bulk import insert_columns


def test_a_text_longer_than_its_column_is_refused_alike(store):
    table = schema.anonymous_tokens
    with pytest.raises(
        YhteiskehitysError, match=r"anonymous_tokens .*\.token: at most 64 characters \(got 65\)"
    ):
        with store.transaction() as tx:
            insert_columns(tx.conn, table, {"token": ["anon-ok", "anon-" + "x" * 60]})
    with store.read() as tx:
        assert tx.conn.execute(table.select()).all() == []
