"""An export loaded into a programme folder: its store and, for a new folder, its programme.toml.

The two are one step to a user, so they are made to look like one: the configuration is written
first under a temporary name (``.programme.toml.importing``), the records are committed, and
only then is the file renamed into place. A kill before the commit leaves the folder as it was
(a new SQLite file or a new PostgreSQL schema is removed again on any error); a kill between
the commit and the rename leaves the temporary file, and the next import of the same file
finds its records already stored (by the export's hash in the ``imports`` table) and finishes
the rename instead of refusing a store that holds records.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from attrs import frozen

from . import catalogue
from .convert import dumps_toml, structure
from .folder import PENDING_FILE, PROGRAMME_FILE, atomic_write

if TYPE_CHECKING:
    import pluggy


@frozen
class FolderImport:
    """What an import did: records loaded, and whether it wrote ``programme.toml``."""

    records: int
    wrote_programme: bool
    finished_interrupted: bool = False


def import_into_folder(
    folder: Path | str,
    text: str,
    pm: pluggy.PluginManager,
    url: str,
    *,
    source: str = "export.json",
    operator: str | None = None,
) -> FolderImport:
    """Load the export ``text`` into the empty store at ``url``; when ``folder`` has no
    programme.toml yet, write the export's configuration there too. All or nothing."""
    from .model import Programme
    from .store import Store
    from .store.transfer import _check_header, import_text
    from .store.url import missing_sqlite_file
    from .store.validate_export import parse_export, validate_export

    folder = Path(folder)
    data = parse_export(text, source)
    _check_header(data, source)
    validate_export(data, source)
    converter = catalogue.converter(pm)
    config_text = None
    if not (folder / PROGRAMME_FILE).exists() and data.get("programme") is not None:
        config = structure(data["programme"], Programme, converter, f"{source}: programme")
        config_text = dumps_toml(config, catalogue.converter(pm, "toml"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    finished = _finish_interrupted(folder, url, digest, converter)
    if finished is not None:
        return finished
    folder.mkdir(parents=True, exist_ok=True)
    pending = folder / PENDING_FILE
    created = missing_sqlite_file(url)
    store = None
    try:
        if config_text is not None:
            atomic_write(pending, config_text)
        store = Store(url, converter=converter, operator=operator)
        count = import_text(store, text, source=source, operator=operator)
    except BaseException:
        pending.unlink(missing_ok=True)
        _remove_new_store(store, created)
        raise
    finally:
        if store is not None:
            store.close()
    if config_text is not None:
        _promote(folder)
    return FolderImport(count, config_text is not None)


def _promote(folder: Path) -> None:
    os.replace(folder / PENDING_FILE, folder / PROGRAMME_FILE)
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)  # the rename itself survives a power cut
    finally:
        os.close(fd)


def _finish_interrupted(folder: Path, url: str, digest: str, converter) -> FolderImport | None:
    """Complete an import whose records were committed but whose programme.toml was not
    renamed into place; forget a temporary file whose import never committed."""
    from .store import Store, schema
    from .store.url import missing_sqlite_file

    pending = folder / PENDING_FILE
    if not pending.exists() or (folder / PROGRAMME_FILE).exists():
        return None
    if missing_sqlite_file(url) is None:
        with Store(url, converter=converter) as store, store.read() as tx:
            rows = tx.conn.execute(
                sa.select(schema.imports.c.records).where(schema.imports.c.sha256 == digest)
            ).all()
        if rows:
            _promote(folder)
            return FolderImport(int(rows[0][0]), True, finished_interrupted=True)
    pending.unlink()
    return None


def _remove_new_store(store, created: Path | None) -> None:
    """Bad input leaves nothing behind: not an empty SQLite file, nor a PostgreSQL schema
    that this import created."""
    if created is not None:
        if store is not None:
            store.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{created}{suffix}").unlink(missing_ok=True)
        return
    if store is None or store.dialect != "postgresql" or not store.migrated[:1] == [1]:
        return
    from .store import schema

    with store.engine.begin() as conn:
        schema.metadata.drop_all(conn)
