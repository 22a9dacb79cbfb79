"""Every hook of yhteiskehitys, documented here; the hook reference is generated from this file.

A plugin implements hooks with ``from yhteiskehitys import hookimpl`` and is found through the
``yhteiskehitys`` entry-point group. Hooks returning lists are collected from every plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from pathlib import Path

    import click

    from .checks import Check
    from .decide.rules import BudgetRule
    from .measure.instrument import Instrument
    from .measure.readers.base import Reader
    from .model import EligibilityRule, ModelTemplate

hookspec = pluggy.HookspecMarker("yhteiskehitys")

# --- models and configuration ---------------------------------------------------------------


@hookspec
def yk_models() -> list[ModelTemplate]:
    """Copyable models (toimintamallit) this plugin offers.

    :returns: a list of :class:`~yhteiskehitys.model.ModelTemplate`; names must be unique across
        all plugins.

    Called when models are listed (``yk models``) and when a programme is created from or
    checked against its model (``yk init``, ``yk validate``, ``yk checklist``).
    """


@hookspec
def yk_eligibility_rules() -> list[type[EligibilityRule]]:
    """Eligibility rule classes a target group may use.

    :returns: a list of subclasses of :class:`~yhteiskehitys.model.EligibilityRule`, each an
        attrs class with a unique ``kind`` (the value of ``rule =`` in ``programme.toml``). The
        built-in rules (``age``, ``municipality``, ...) come through this hook too, from the
        plugin ``yhteiskehitys.builtin.eligibility``; a ``kind`` offered twice is an error that
        names both plugins.

    Called once when the converter is built, before any configuration is read.
    """


# --- checks ---------------------------------------------------------------------------------


@hookspec
def yk_checks() -> list[Check]:
    """Checks run over a programme by ``yk validate``.

    :returns: a list of :class:`~yhteiskehitys.checks.Check`; each check's function receives a
        :class:`~yhteiskehitys.checks.CheckContext` and yields
        :class:`~yhteiskehitys.checks.Problem` objects.

    Called by ``yk validate`` after the configuration has been read without errors.
    """


# --- measurement ----------------------------------------------------------------------------


@hookspec
def yk_instruments() -> list[Instrument]:
    """Survey instruments (barometer variants) this plugin offers.

    :returns: a list of :class:`~yhteiskehitys.measure.instrument.Instrument`; names must be
        unique across all plugins and the programme folder's own ``instruments/*.toml``.

    Called when answers are imported (``yk survey import``) and measured (``yk measure``), to
    find the instrument a round uses.
    """


@hookspec
def yk_readers() -> list[Reader]:
    """Readers of survey-tool exports (Webropol, LimeSurvey, Microsoft Forms, ...).

    :returns: a list of readers, each meeting the contract stated in
        :class:`~yhteiskehitys.measure.readers.base.Reader`; usually a
        :class:`~yhteiskehitys.measure.readers.base.TabularReader`.

    Called by ``yk survey import`` to choose the reader named by ``--reader``.
    """


# --- participatory budgeting ---------------------------------------------------------------


@hookspec
def yk_budget_rules() -> list[BudgetRule]:
    """Allocation rules for participatory budgeting (greedy, Method of Equal Shares, ...).

    :returns: a list of :class:`~yhteiskehitys.decide.rules.BudgetRule`, each a ``name``, a
        one-line ``summary`` and a ``function(election, *, tie_breaking, progress=None)``
        returning an :class:`~yhteiskehitys.decide.rules.Outcome`. Names must be unique across
        all plugins.

    Called when a budget is counted (``yk budget run``) to find the rule named by ``--rule``.
    """


# --- output ---------------------------------------------------------------------------------


@hookspec
def yk_template_paths() -> list[Path]:
    """Folders of templates that add to or override the built-in reports, certificates, e-mails.

    :returns: a list of :class:`pathlib.Path` folders.

    Called when the template environment is built; a programme folder's own ``templates/``
    comes first, then these, then the built-in templates.
    """


# --- command line ---------------------------------------------------------------------------


@hookspec
def yk_cli_commands(cli: click.Group) -> None:
    """Add the plugin's own commands to the ``yk`` command line.

    :param cli: the root :class:`click.Group`; call ``cli.add_command(...)``.
    :returns: nothing.

    Called once when the command line starts, after built-in commands are registered, so a
    plugin's command must not reuse a built-in name.
    """
