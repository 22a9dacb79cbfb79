"""The store fixture, parametrised over SQLite and the real PostgreSQL server.

PostgreSQL runs when ``YK_TEST_DATABASE_URL`` names a server: the session creates a throwaway
database with a random name (so parallel runs never collide) and each test gets a fresh schema
in it; both are dropped afterwards. Without the URL the PostgreSQL variants skip, and under
``YK_REQUIRE_ALL=1`` a skip is a failure.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from yhteiskehitys.store import Store, open_store
from yhteiskehitys.store.url import sqlalchemy_url

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def _server_url() -> str | None:
    url = os.environ.get("YK_TEST_DATABASE_URL")
    return sqlalchemy_url(url) if url else None


@pytest.fixture(scope="session")
def pg_database() -> Iterator[sa.URL]:
    url = _server_url()
    if url is None:
        pytest.skip("YK_TEST_DATABASE_URL is not set; PostgreSQL tests need a server")
    name = f"yk_test_{secrets.token_hex(6)}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(url).set(database=name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def pg_schema_url(database: sa.URL) -> Iterator[str]:
    """A fresh schema in the session's database, as a URL whose search_path points to it."""
    schema = f"t_{secrets.token_hex(6)}"
    engine = sa.create_engine(database, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = database.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        engine.dispose()


def make_store_url(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> Iterator[str]:
    if backend == "sqlite":
        yield sqlalchemy_url(tmp_path / "yhteiskehitys.db")
    else:
        yield from pg_schema_url(request.getfixturevalue("pg_database"))


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from make_store_url(request, tmp_path, request.param)


@pytest.fixture(params=BACKENDS)
def second_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Another empty store (for export → import), on either backend."""
    (tmp_path / "second").mkdir()
    yield from make_store_url(request, tmp_path / "second", request.param)


@pytest.fixture
def twin_store_url(request: pytest.FixtureRequest, store_url: str, tmp_path: Path) -> Iterator[str]:
    """Another empty store on the same backend as ``store_url``."""
    (tmp_path / "twin").mkdir()
    yield from make_store_url(request, tmp_path / "twin", request.node.callspec.params["store_url"])


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url, operator="tester") as opened:
        yield opened
