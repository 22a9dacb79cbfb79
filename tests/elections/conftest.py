"""Stores on SQLite and PostgreSQL (the store tests' fixtures), the plugin manager, and an
election ready for voting."""

from __future__ import annotations

import importlib.util
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhteiskehitys.decide import elections as el
from yhteiskehitys.model import Text
from yhteiskehitys.plugins import get_plugin_manager


def _store_fixtures():
    path = Path(__file__).resolve().parent.parent / "store" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_yk_store_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_store = _store_fixtures()
pg_database = _store.pg_database
store_url = _store.store_url
store = _store.store
twin_store_url = _store.twin_store_url

BEFORE = datetime(2025, 2, 1, 12, tzinfo=UTC)
DURING = datetime(2025, 3, 5, 12, tzinfo=UTC)
AFTER = datetime(2025, 3, 20, 12, tzinfo=UTC)
RULES = ("municipality=Kittilä", "studying=yes", "age=13-20")
CHEAP = 10  # the lowest code cost: the tests hash thousands of codes


@pytest.fixture(scope="session")
def pm():
    return get_plugin_manager(entry_points=False)


def make_election(tx, pm, election_id="nuva", **overrides):
    from yhteiskehitys import catalogue

    fields = dict(
        id=election_id,
        title=Text(fi="Nuorisovaltuustovaalit 2025", en="Youth council elections 2025"),
        seats=3,
        deputies=2,
        opens=date(2025, 3, 3),
        closes=date(2025, 3, 14),
        rules=el.parse_rules(RULES, catalogue.eligibility_rules(pm)),
        code_cost=CHEAP,
    )
    fields.update(overrides)
    return el.new_election(tx, pm, **fields)


def voter(vid, birth_year=2009, municipality="Kittilä", studying=True, school="Levin koulu"):
    return el.Voter(
        voter=vid,
        birth_year=birth_year,
        municipality=municipality,
        studying=studying,
        school=school,
    )
