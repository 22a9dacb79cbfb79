"""A fresh SQLite store with two actors and two themes, for the loop's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from yhteiskehitys.model import Actor, Organisation, Theme
from yhteiskehitys.store import Store, open_store


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


def fresh_store(folder: Path) -> Store:
    store = open_store(folder / "loop.db", operator="tester")
    seed(store)
    return store


@pytest.fixture
def store(tmp_path: Path):
    with fresh_store(tmp_path) as s:
        yield s
