"""A fresh SQLite store with two actors and two themes, for the loop's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from yhteiskehitys.loop.limits import pending_follow_up
from yhteiskehitys.loop.stats import SubjectRow
from yhteiskehitys.model import Actor, Organisation, Theme
from yhteiskehitys.store import Store, Transaction, open_store


def seed(store: Store) -> None:
    with store.transaction(operator="setup") as tx:
        tx.organisations.add(Organisation(id="hva", name="Hyvinvointialue"))
        tx.themes.add(Theme(id="tyo", title="Työelämä", kind="permanent"))
        tx.themes.add(Theme(id="mieli", title="Mielen hyvinvointi"))
        tx.actors.add(
            Actor(id="tyollisyys", name="Työllisyyspalvelut", organisation="hva", themes=["tyo"])
        )
        tx.actors.add(
            Actor(id="nuoriso", name="Nuorisopalvelut", organisation="hva", themes=["mieli"])
        )


def subject_rows(tx: Transaction) -> list[SubjectRow]:
    """Every commission and idea as the plain-Python definition of the figures reads them,
    so the SQL aggregates can be held to it."""
    rows = []
    for kind, repo in (("commission", tx.commissions), ("idea", tx.ideas)):
        states = repo.states()
        for obj in repo.list():
            state, since = states[obj.id]
            rows.append(
                SubjectRow(
                    kind=kind,
                    id=obj.id,
                    title=obj.title,
                    state=state,
                    since=since.date(),
                    actor=obj.actor,
                    theme=obj.theme,
                    follow_up=pending_follow_up(tx.responses.latest(obj.id)),
                )
            )
    return rows


def fresh_store(folder: Path) -> Store:
    store = open_store(folder / "loop.db", operator="tester")
    seed(store)
    return store


@pytest.fixture
def store(tmp_path: Path):
    with fresh_store(tmp_path) as s:
        yield s


@pytest.fixture
def pg_store():
    """A fresh store in a throwaway PostgreSQL database (YK_TEST_DATABASE_URL), dropped after."""
    import os
    import secrets

    import sqlalchemy as sa

    from yhteiskehitys.store.url import sqlalchemy_url

    url = os.environ.get("YK_TEST_DATABASE_URL")
    if not url:
        pytest.skip("YK_TEST_DATABASE_URL is not set; PostgreSQL tests need a server")
    server = sa.make_url(sqlalchemy_url(url))
    name = f"yk_loop_{secrets.token_hex(6)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        store = open_store(
            server.set(database=name).render_as_string(hide_password=False), operator="tester"
        )
        seed(store)
        with store:
            yield store
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
