"""Stores on SQLite and PostgreSQL for the survey tests (the store suite's fixtures)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "_yk_store_fixtures", Path(__file__).resolve().parent.parent / "store" / "conftest.py"
)
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

pg_database = _fixtures.pg_database
store_url = _fixtures.store_url
store = _fixtures.store
