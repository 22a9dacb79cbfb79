"""What commands share: the operator, the store named by ``--database`` and the plugin manager."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from attrs import define

if TYPE_CHECKING:
    from ..api import OpenProgramme
    from ..plugins import YkPluginManager

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

    def programme(self, path: Path) -> OpenProgramme:
        """The programme in ``path``, opened through the library (use it as a context
        manager); every command calls one of its methods."""
        from ..api import open_programme

        return open_programme(path, database=self.database, operator=self.operator, pm=self.pm)


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
