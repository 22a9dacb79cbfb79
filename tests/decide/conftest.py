"""Where the shared pabulib files are, and small elections built in code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

PABULIB = Path(__file__).resolve().parents[2] / ".." / "shared" / "pabulib"
FILES = (
    "US_Stanford_Dataset_2023_Youth_Power_PB_LB_vote_approvals.pb",
    "Netherlands_Amsterdam_252.pb",
    "Poland_Czestochowa_2024.pb",
    "Poland_Warszawa_2026.pb",
)


def pabulib_file(name: str) -> Path:
    """A shared ``.pb`` file; skipped (a failure in CI) when the shared folder is absent."""
    path = PABULIB / name
    if not path.exists():
        if os.environ.get("YK_REQUIRE_ALL"):
            pytest.fail(f"shared pabulib data missing: {path}")
        pytest.skip(f"shared pabulib data not beside the clone ({path})")
    return path


def expected() -> dict:
    return json.loads(pabulib_file("expected.json").read_text(encoding="utf-8"))


# The store suite's fixtures (SQLite, and PostgreSQL when YK_TEST_DATABASE_URL is set).
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "_yk_store_fixtures_decide", Path(__file__).resolve().parent.parent / "store" / "conftest.py"
)
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

pg_database = _fixtures.pg_database
store_url = _fixtures.store_url
second_store_url = _fixtures.second_store_url
store = _fixtures.store
