"""What commands share: the operator and the plugin manager, created on first use."""

from __future__ import annotations

import functools
import getpass
from pathlib import Path
from typing import TYPE_CHECKING

import click
from attrs import define

if TYPE_CHECKING:
    from ..folder import ProgrammeFolder
    from ..plugins import YkPluginManager


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


pass_state = click.make_pass_decorator(State)

folder_argument = click.argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)

format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="Output format.",
)
