"""Programmes made whole: a new folder from a model, or from another programme's export."""

from __future__ import annotations

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
    finished_interrupted: bool = False
    """True when this import only completed an earlier one that stopped between the store's
    commit and ``programme.toml`` (the records were there already)."""


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
    too, as one step with the records (see :mod:`yhteiskehitys.folder_import`). The export is
    validated before the store is touched, and bad input leaves nothing behind: not the
    records, nor an empty store file or schema, nor a half-written ``programme.toml``.
    """
    from ..folder_import import import_into_folder

    file = Path(file)
    prog = OpenProgramme(folder, database=database, operator=operator, pm=pm)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YhteiskehitysError(f"{file}: not UTF-8 text") from None
    prog.folder.mkdir(parents=True, exist_ok=True)
    done = import_into_folder(
        prog.folder,
        text,
        prog.pm,
        prog.store_url,
        source=file.name,
        operator=prog.operator,
    )
    return Imported(
        records=done.records,
        wrote_config=done.wrote_programme,
        finished_interrupted=done.finished_interrupted,
    )
