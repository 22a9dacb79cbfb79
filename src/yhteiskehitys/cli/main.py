"""The root command and the entry point that turns every error into a message and an exit code.

Built-in commands are listed in a table and imported only when run, so ``yk --help`` stays fast;
plugins add commands through ``yk_cli_commands``.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from .. import __version__
from ..errors import ConfigError, FieldError, FieldErrors, YhteiskehitysError

BUILTIN_COMMANDS: dict[str, str] = {
    "models": "yhteiskehitys.cli.info:models",
    "plugins": "yhteiskehitys.cli.info:plugins",
    "plugin": "yhteiskehitys.cli.plugin:plugin",
    "instruments": "yhteiskehitys.cli.info:instruments",
    "init": "yhteiskehitys.cli.init:init",
    "validate": "yhteiskehitys.cli.validate:validate",
    "checklist": "yhteiskehitys.cli.checklist:checklist",
    "log": "yhteiskehitys.cli.log:log",
    "export": "yhteiskehitys.cli.transfer:export",
    "import": "yhteiskehitys.cli.transfer:import_",
    "participant": "yhteiskehitys.cli.participant:participant",
    "report": "yhteiskehitys.cli.report:report",
    "survey": "yhteiskehitys.cli.survey:survey",
    "measure": "yhteiskehitys.cli.measure:measure",
    "certificates": "yhteiskehitys.cli.certificates:certificates",
    "mail": "yhteiskehitys.cli.mail:mail",
    "calendar": "yhteiskehitys.cli.calendar:calendar",
    "actor": "yhteiskehitys.cli.actor:actor",
    "theme": "yhteiskehitys.cli.actor:theme",
    "consent": "yhteiskehitys.cli.consent:consent",
    "commission": "yhteiskehitys.cli.subjects:commission",
    "idea": "yhteiskehitys.cli.subjects:idea",
    "session": "yhteiskehitys.cli.records:session",
    "finding": "yhteiskehitys.cli.records:finding",
    "feedback": "yhteiskehitys.cli.records:feedback",
    "pilot": "yhteiskehitys.cli.records:pilot",
    "partners": "yhteiskehitys.cli.loop:partners",
    "loop": "yhteiskehitys.cli.loop:loop",
    "status": "yhteiskehitys.cli.loop:status",
    "budget": "yhteiskehitys.cli.budget:budget",
    "child-impact": "yhteiskehitys.cli.child_impact:child_impact",
    "election": "yhteiskehitys.cli.election:election",
}
"""Built-in command → where it is defined; its one-line summary for ``yk --help`` is in
:mod:`.summaries`, generated from the command's own docstring by ``make docs``."""


class LazyGroup(click.Group):
    """A group whose built-in commands load on use and whose plugin commands load on demand.

    ``--help`` lists plugin commands from a cache (see ``plugin_commands``), so it imports
    neither the plugins nor the model; the plugins load when their command runs.
    """

    _plugins_loaded = False

    def _load_plugin_commands(self, ctx: click.Context) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        from . import plugin_commands
        from .state import plugin_manager

        pm = plugin_manager()
        # Each plugin on its own: one plugin's broken or clashing command must not take the
        # whole command line down with it.
        for impl in pm.hook.yk_cli_commands.get_hookimpls():
            before = set(self.commands)
            try:
                impl.function(cli=self)
            except Exception as exc:  # noqa: BLE001 - reported by the plugin's name
                click.echo(
                    f"warning: plugin {impl.plugin_name!r} failed to add its commands: "
                    f"{type(exc).__name__}: {exc}",
                    err=True,
                )
            for name in (set(self.commands) - before) & set(BUILTIN_COMMANDS):
                del self.commands[name]
                click.echo(
                    f"warning: plugin {impl.plugin_name!r} tried to replace the built-in "
                    f"command {name!r}; the built-in is kept",
                    err=True,
                )
        ours = {name: pm.get_plugin(name) for name in getattr(pm, "distributions", {})}
        plugin_commands.store_rows(
            self._plugin_rows_loaded(),
            plugin_commands.plugin_files(ours.values(), self.commands.values()),
        )

    def _plugin_rows_loaded(self) -> list[tuple[str, str]]:
        names = sorted(set(self.commands) - set(BUILTIN_COMMANDS))
        return [(name, self.commands[name].get_short_help_str(limit=60)) for name in names]

    def _plugin_rows(self, ctx: click.Context) -> list[tuple[str, str]]:
        from . import plugin_commands

        rows = None if self._plugins_loaded else plugin_commands.cached_rows()
        if rows is None:
            self._load_plugin_commands(ctx)
            rows = self._plugin_rows_loaded()
        return rows

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(BUILTIN_COMMANDS) | {name for name, _ in self._plugin_rows(ctx)})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in BUILTIN_COMMANDS:
            module, attr = BUILTIN_COMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attr)
        self._load_plugin_commands(ctx)
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Built-ins are described from the table, so help never imports their modules.
        from .summaries import SUMMARIES

        rows = [(name, SUMMARIES[name]) for name in sorted(BUILTIN_COMMANDS)]
        rows.extend(self._plugin_rows(ctx))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="yhteiskehitys")
@click.option(
    "--as",
    "operator",
    metavar="NAME",
    envvar="YK_OPERATOR",
    help="Who makes the changes, for the audit trail (default: YK_OPERATOR or your user name).",
)
@click.option(
    "--database",
    metavar="URL",
    envvar="YK_DATABASE_URL",
    help="The store: a postgresql:// URL or a SQLite file (default: programme.toml's "
    "database_url, else yhteiskehitys.db in the programme folder).",
)
@click.pass_context
def cli(ctx: click.Context, operator: str | None, database: str | None) -> None:
    """yhteiskehitys (yk): co-develop services with the people who use them.

    Set up a programme for a target group (kohderyhmä) from a copyable model
    (toimintamalli), record its work and check that every wish heard got an answer.
    """
    from .state import State

    ctx.obj = State(operator=operator, database=database)


def _report(lines: list[str]) -> None:
    for line in lines:
        click.echo(f"error: {line}", err=True)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code: 0 ok, 1 a check failed, 2 bad input."""
    try:
        result = cli.main(args=argv, prog_name="yk", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except FieldErrors as exc:
        _report(exc.as_options())
        return exc.exit_code
    except FieldError as exc:
        _report([exc.as_option()])
        return exc.exit_code
    except ConfigError as exc:
        _report(exc.problems)
        return exc.exit_code
    except YhteiskehitysError as exc:
        _report([str(exc)])
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("Interrupted; nothing was written by the interrupted step.", err=True)
        return 130
    except OSError as exc:
        # A path that cannot be read or written (a file where a folder should be, no
        # permission, a full disk) is the user's to fix, not a bug.
        where = f"{exc.filename}: " if exc.filename else ""
        _report([f"{where}{exc.strerror or exc}; check the path and its permissions"])
        return 2
    except Exception as exc:  # a user gets a message, never a traceback
        if os.environ.get("YK_DEBUG"):
            raise
        click.echo(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in yhteiskehitys or a plugin; run again with YK_DEBUG=1 for details.",
            err=True,
        )
        return 3
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
