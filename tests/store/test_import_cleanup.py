"""A failed import into a new PostgreSQL database leaves it as it was: no tables behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from .conftest import pg_schema_url

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "kouvola-unelmien-kela" / "records.json"
)


@pytest.fixture
def pg_schema(pg_database):
    yield from pg_schema_url(pg_database)


@pytest.mark.postgresql
def test_a_failed_import_leaves_a_postgresql_database_as_it_was(tmp_path, pg_schema):
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.folder_import import import_into_folder
    from yhteiskehitys.plugins import get_plugin_manager

    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["records"]["themes"].append({**data["records"]["themes"][0], "id": "x" * 60 + "-y"})
    data["records"]["commissions"][0]["theme"] = "no-such-theme"
    with pytest.raises(YhteiskehitysError):
        import_into_folder(tmp_path / "p", json.dumps(data), get_plugin_manager(), pg_schema)
    engine = sa.create_engine(pg_schema)
    try:
        with engine.connect() as conn:
            assert sa.inspect(conn).get_table_names() == []
    finally:
        engine.dispose()
