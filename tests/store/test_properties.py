"""Properties over random programmes: what is written reads back equal; export → import →
export gives the same bytes. Each example runs in transactions that are rolled back, so one
store serves every example on either backend."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from yhteiskehitys.store import open_store
from yhteiskehitys.store.transfer import dumps, export_data, load_data

from .strategies import programmes, write

SETTINGS = settings(
    max_examples=min(settings().max_examples, 30),  # x2 backends; each example is a programme
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Rollback(Exception):
    """Ends an example's transaction without keeping anything."""


def _sorted(name: str, records: list) -> list:
    if name in ("responses", "report_backs"):
        return records  # numbered in the order they were recorded
    key = "participant" if name == "personal_data" else "id"
    return sorted(records, key=lambda r: getattr(r, key))


@SETTINGS
@given(programme=programmes())
def test_a_programme_reads_back_equal(store, programme):
    try:
        with store.transaction() as tx:
            write(tx, programme)
            for name, records in programme.items():
                assert getattr(tx, name).list() == _sorted(name, records), name
            raise Rollback
    except Rollback:
        pass


@SETTINGS
@given(programme=programmes())
def test_export_import_export_is_byte_identical(store, twin_store_url, programme):
    with open_store(twin_store_url) as twin:
        try:
            with store.transaction() as tx, twin.transaction() as other:
                write(tx, programme)
                first = dumps(export_data(tx))
                load_data(other, json.loads(first))
                assert dumps(export_data(other)) == first
                raise Rollback
        except Rollback:
            pass
