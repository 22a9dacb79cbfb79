"""The children's parliament (lapsiparlamentti): a copyable model for primary-school pupils.

Offers through the core's hooks: the model ``lapsiparlamentti``, three checks of its own,
the budget rule ``one-per-school``, the children's page template and the ``yk school``
command. Built on the public API of ``yhteiskehitys`` only.
"""

from __future__ import annotations

from pathlib import Path

from yhteiskehitys import hookimpl

from .model import MODEL_NAME, childrens_parliament_model

__version__ = "0.1.0"
__all__ = ["MODEL_NAME", "childrens_parliament_model"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


@hookimpl
def yk_models():
    return [childrens_parliament_model()]


@hookimpl
def yk_checks():
    from .checks import CHECKS

    return list(CHECKS)


@hookimpl
def yk_budget_rules():
    from yhteiskehitys.decide.rules import BudgetRule

    from .budget import RULE_NAME, one_per_school

    return [
        BudgetRule(
            RULE_NAME,
            one_per_school,
            "greedy, keeping money so that every school gets at least one project",
        )
    ]


@hookimpl
def yk_template_paths():
    return [TEMPLATES]


@hookimpl
def yk_cli_commands(cli):
    from .commands import school

    cli.add_command(school)
