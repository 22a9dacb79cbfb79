"""What commands share: the operator and the plugin manager, created on first use."""

from __future__ import annotations

import functools
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from attrs import define

if TYPE_CHECKING:
    from ..folder import ProgrammeFolder
    from ..plugins import YkPluginManager
    from ..store import Store

F = TypeVar("F", bound=Callable[..., Any])


@functools.cache
def plugin_manager() -> YkPluginManager:
    from ..plugins import get_plugin_manager

    return get_plugin_manager()


@define
class State:
    operator: str | None = None
    database: str | None = None

    @property
    def pm(self) -> YkPluginManager:
        return plugin_manager()

    def who(self) -> str:
        if self.operator:
            return self.operator
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"

    def folder(self, path: Path) -> ProgrammeFolder:
        from ..folder import ProgrammeFolder

        return ProgrammeFolder.open(path, self.pm)

    def store_url(self, path: Path) -> str:
        """The store of the programme in ``path``: --database / YK_DATABASE_URL, else
        programme.toml's database_url, else ``yhteiskehitys.db`` in the folder."""
        from ..folder import PROGRAMME_FILE
        from ..store.url import resolve

        programme_url = None
        if not self.database and (path / PROGRAMME_FILE).exists():
            programme_url = self.folder(path).programme.database_url
        return resolve(path, database=self.database, programme_url=programme_url)

    def store(self, path: Path, *, create: bool = True) -> Store:
        """Open the programme's store for one command (use it as a context manager).

        With ``create=False`` a SQLite store that does not exist yet is an error rather than
        an empty file left behind by a command that only reads.
        """
        from .. import catalogue
        from ..errors import YhteiskehitysError
        from ..store import open_store
        from ..store.url import missing_sqlite_file

        url = self.store_url(path)
        missing = None if create else missing_sqlite_file(url)
        if missing is not None:
            raise YhteiskehitysError(
                f"{path}: no store yet ({missing.name} does not exist); "
                "record something first, or name the store with --database"
            )
        return open_store(url, converter=catalogue.converter(self.pm), operator=self.who())


pass_state = click.make_pass_decorator(State)

folder_argument = click.argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)

LANGUAGES = click.Choice(["fi", "sv", "en"])


def format_option(*more: str) -> Callable[[F], F]:
    """``--format``: table (the default) or json, and the further formats a command writes."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", *more]),
        default="table",
        show_default=True,
        help="Output format.",
    )


def lang_option(help_text: str = "Language (default: the programme's).") -> Callable[[F], F]:
    """``--lang``: one of the three languages; the programme's when not given."""
    return click.option("--lang", type=LANGUAGES, default=None, help=help_text)
