"""A programme folder: ``programme.toml``, the store and the outputs of one programme."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import define

from . import catalogue
from . import catalogue as _catalogue
from .convert import dumps_toml, read_toml, structure
from .errors import ConfigError, FieldError, UnknownModelError, YhteiskehitysError

if TYPE_CHECKING:
    import pluggy

    from .model import ModelTemplate, Programme

PROGRAMME_FILE = "programme.toml"
PENDING_FILE = ".programme.toml.importing"
"""An import's ``programme.toml`` before its records are committed (see :mod:`.folder_import`)."""


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def comment_text(text: str) -> str:
    """``text`` made safe for one TOML comment line: every line break (``\\n``, ``\\r``, and
    Unicode's own) and control character becomes a space, so a name can never end the comment
    and start a setting of its own. Values go through the TOML writer, never into comments."""
    cleaned = "".join(
        " " if unicodedata.category(ch)[0] in "CZ" and ch != " " else ch for ch in text
    )
    return " ".join(cleaned.split())


def file_in_folder(folder: Path, path: str, field: str) -> str:
    """``path`` stripped, once it names a file inside ``folder``.

    Records keep paths relative to the programme folder, so the folder can move and a published
    page never shows where a file lies on someone's computer. ``field`` names the input in the
    error (the command line shows it as its option).
    """
    path = path.strip()
    relative = Path(path)
    if relative.is_absolute() or ".." in relative.parts:
        raise FieldError(
            field,
            f"{path} is outside {folder}; copy the file into the programme folder "
            "and give its path relative to it",
        )
    if not (folder / relative).is_file():
        raise FieldError(field, f"{path} is not a file in {folder}")
    return path


@define
class ProgrammeFolder:
    """A programme read from its folder, with the model template it names."""

    path: Path
    programme: Programme
    template: ModelTemplate

    @classmethod
    def open(
        cls,
        path: Path | str,
        pm: pluggy.PluginManager,
        *,
        catalogue: _catalogue.Catalogue | None = None,
    ) -> ProgrammeFolder:
        """Read and validate ``programme.toml``; every problem is raised at once as ConfigError.

        ``catalogue`` is the plugins' contributions when the caller has collected them already.
        """
        from .model import Programme

        found = catalogue or _catalogue.Catalogue(pm)

        folder = Path(path)
        file = folder / PROGRAMME_FILE
        if not file.exists():
            if message := interrupted_import_message(folder):
                raise ConfigError([message])
            raise ConfigError(
                [f"{file}: not found; create a programme with `yk init {folder} --model NAME`"]
            )
        data = read_toml(file)
        problems: list[str] = []
        try:
            programme = structure(data, Programme, found.converter("toml"), PROGRAMME_FILE)
        except ConfigError as exc:
            problems = exc.problems
        # An unknown model is reported with the file's other problems, not after they are fixed.
        name = data.get("model")
        template = None
        try:
            if isinstance(name, str):
                template = found.model(name)
        except UnknownModelError as exc:
            problems.append(f"{PROGRAMME_FILE}: model: {exc}")
        if problems:
            raise ConfigError(problems)
        assert template is not None
        return cls(
            path=folder, programme=inherit_settings(programme, template, data), template=template
        )


INHERITED_SETTINGS = ("loop_limits", "consent_policy", "disclosure_threshold")
"""Settings a programme takes from its model unless ``programme.toml`` sets them."""


def inherit_settings(
    programme: Programme, template: ModelTemplate, data: dict[str, object]
) -> Programme:
    """Fill the settings the file leaves out from the model, not from the library's defaults,
    so a model that asks for a stricter consent rule or a longer time limit is obeyed."""
    import attrs

    missing = {key: getattr(template, key) for key in INHERITED_SETTINGS if key not in data}
    return attrs.evolve(programme, **missing) if missing else programme


def programme_from_template(
    template: ModelTemplate, *, name: str, organisation: str, language: str
) -> Programme:
    """A new programme that starts from the model's defaults."""
    from .model import Programme

    return Programme(
        name=name,
        model=template.name,
        organisation=organisation,
        language=language,
        target_group=template.target_group,
        loop_limits=template.loop_limits,
        consent_policy=template.consent_policy,
        disclosure_threshold=template.disclosure_threshold,
    )


def init_folder(
    path: Path | str,
    template: ModelTemplate,
    pm: pluggy.PluginManager,
    *,
    name: str | None = None,
    organisation: str = "",
    language: str = "fi",
    force: bool = False,
) -> Path:
    """Create a programme folder from ``template``; refuse a non-empty folder unless ``force``."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise YhteiskehitysError(f"{folder}: exists and is not a folder")
    if folder.exists() and any(folder.iterdir()) and not force:
        raise YhteiskehitysError(
            f"{folder}: the folder is not empty; choose another or pass --force to overwrite "
            f"{PROGRAMME_FILE}"
        )
    try:
        programme = programme_from_template(
            template,
            name=name or template.title.get(language),
            organisation=organisation or "Organisaatio",
            language=language,
        )
    except ValueError as exc:
        raise YhteiskehitysError(f"cannot create the programme: {exc}") from None
    header = (
        f"# {comment_text(programme.name)}\n"
        f"# Created from the model {comment_text(repr(template.name))}. Edit freely; "
        "`yk validate` checks it.\n\n"
    )
    file = folder / PROGRAMME_FILE
    atomic_write(file, header + dumps_toml(programme, catalogue.converter(pm, "toml")))
    return file


def interrupted_import_message(folder: Path) -> str | None:
    """The fix for a folder whose import stopped between the commit and programme.toml."""
    if (folder / PENDING_FILE).exists() and not (folder / PROGRAMME_FILE).exists():
        return (
            f"{folder / PROGRAMME_FILE}: an import into this folder was interrupted; run the "
            f"same `yk import FILE {folder}` again to finish it"
        )
    return None
