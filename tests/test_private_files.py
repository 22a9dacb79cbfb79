"""Files holding personal data are created readable by their owner only (0600)."""

from __future__ import annotations

import os
import stat

import pytest

from yhteiskehitys.cli.main import main
from yhteiskehitys.store import open_store


@pytest.fixture(autouse=True)
def _open_umask(monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    old = os.umask(0o022)  # the usual default, which would make new files world-readable
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_store_wal_shm_and_every_export_are_0600(tmp_path):
    folder = tmp_path / "p"
    assert main(["init", str(folder), "--model", "nuoret-aikuiset"]) == 0
    add = ["participant", "add", "p-1", str(folder), "--birth-year", "2001"]
    assert main([*add, "--name", "Aino Esimerkki", "--email", "aino@example.org"]) == 0
    db = folder / "yhteiskehitys.db"
    with open_store(db) as store, store.read():  # an open store has its -wal and -shm
        for suffix in ("", "-wal", "-shm"):
            assert _mode(f"{db}{suffix}") == 0o600, suffix
    out = tmp_path / "export.json"
    assert main(["export", str(folder), "--out", str(out)]) == 0
    assert _mode(out) == 0o600
    mine = tmp_path / "p-1.json"
    assert main(["participant", "export", "p-1", str(folder), "--out", str(mine)]) == 0
    assert _mode(mine) == 0o600


def test_a_store_opened_by_the_library_is_0600(tmp_path):
    with open_store(tmp_path / "s.db"):
        pass
    assert _mode(tmp_path / "s.db") == 0o600


@pytest.mark.parametrize("target", [":memory:", "sqlite://", "sqlite:///:memory:"])
def test_a_store_in_memory_is_refused(tmp_path, monkeypatch, target):
    from yhteiskehitys.errors import YhteiskehitysError

    monkeypatch.chdir(tmp_path)
    with pytest.raises(YhteiskehitysError, match="a store in memory would vanish"):
        open_store(target)
    assert not (tmp_path / ":memory:").exists()


def test_a_database_error_never_shows_the_values_of_the_row(tmp_path):
    import sqlalchemy as sa

    from yhteiskehitys.store import schema

    secret = "anon-Salainen-4711"
    with open_store(tmp_path / "s.db") as store:
        with store.transaction() as tx:
            tx.conn.execute(schema.anonymous_tokens.insert(), [{"token": secret}])
        with pytest.raises(sa.exc.IntegrityError) as caught, store.transaction() as tx:
            tx.conn.execute(schema.anonymous_tokens.insert(), [{"token": secret}])
    assert secret not in str(caught.value)
    assert "anonymous_tokens" in str(caught.value)
