"""Programmes made whole: a new folder from a model, or from another programme's export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from ..errors import YhteiskehitysError
from .programme import OpenProgramme

if TYPE_CHECKING:
    import pluggy


def create_programme(
    folder: Path | str,
    *,
    model: str,
    name: str | None = None,
    organisation: str = "",
    language: str = "fi",
    force: bool = False,
    pm: pluggy.PluginManager | None = None,
) -> Path:
    """Create ``folder`` with a ``programme.toml`` from the model ``model`` (``yk init``);
    returns the file. A folder that is not empty is refused unless ``force``."""
    from ..folder import init_folder

    prog = OpenProgramme(folder, pm=pm)
    template = prog.catalogue.model(model)
    return init_folder(
        prog.folder,
        template,
        prog.pm,
        name=name,
        organisation=organisation,
        language=language,
        force=force,
    )


@frozen
class Imported:
    """What :func:`import_programme` did."""

    records: int
    wrote_config: bool


def import_programme(
    file: Path | str,
    folder: Path | str,
    *,
    database: str | None = None,
    operator: str | None = None,
    pm: pluggy.PluginManager | None = None,
) -> Imported:
    """Load an export (``yk export``) into the empty store of ``folder``.

    When the folder has no ``programme.toml`` yet, the export's configuration is written there
    too. Bad input leaves nothing behind: not the records, nor an empty store file.
    """
    from ..convert import dumps_toml, structure
    from ..folder import PROGRAMME_FILE, atomic_write
    from ..model import Programme
    from ..store.transfer import import_text
    from ..store.url import missing_sqlite_file

    file = Path(file)
    prog = OpenProgramme(folder, database=database, operator=operator, pm=pm)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YhteiskehitysError(f"{file}: not UTF-8 text") from None
    config = None
    if not prog.has_config:
        try:
            data = json.loads(text) if text.strip().startswith("{") else None
        except json.JSONDecodeError as exc:
            raise YhteiskehitysError(
                f"{file.name}: line {exc.lineno}: not JSON ({exc.msg}); give a file "
                "written by `yk export`"
            ) from None
        raw = data.get("programme") if isinstance(data, dict) else None
        if raw is not None:
            config = structure(
                raw, Programme, prog.catalogue.converter(), f"{file.name}: programme"
            )
    prog.folder.mkdir(parents=True, exist_ok=True)
    created = missing_sqlite_file(prog.store_url)
    try:
        with prog:
            count = import_text(prog.store(), text, source=file.name)
    except BaseException:
        if created is not None:  # bad input leaves nothing behind, not even an empty store
            for suffix in ("", "-wal", "-shm"):
                Path(f"{created}{suffix}").unlink(missing_ok=True)
        raise
    if config is not None:
        atomic_write(
            prog.folder / PROGRAMME_FILE, dumps_toml(config, prog.catalogue.converter("toml"))
        )
    return Imported(records=count, wrote_config=config is not None)
