"""What the installed plugins contribute, collected from their hooks and checked for clashes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UnknownModelError, YhteiskehitysError

if TYPE_CHECKING:
    import cattrs
    import pluggy

    from .checks import Check
    from .model import EligibilityRule, ModelTemplate


def _flatten(results: list[list] | list) -> list:
    return [item for result in results if result for item in result]


def models(pm: pluggy.PluginManager) -> dict[str, ModelTemplate]:
    """Every model by name; two plugins offering the same name is an error, not a silent pick."""
    found: dict[str, ModelTemplate] = {}
    for template in _flatten(pm.hook.yk_models()):
        if template.name in found:
            raise YhteiskehitysError(f"two plugins offer a model named {template.name!r}")
        found[template.name] = template
    return dict(sorted(found.items()))


def get_model(pm: pluggy.PluginManager, name: str) -> ModelTemplate:
    available = models(pm)
    if name not in available:
        raise UnknownModelError(
            f"unknown model {name!r} (installed: {', '.join(available) or 'none'}); see `yk models`"
        )
    return available[name]


def eligibility_rules(pm: pluggy.PluginManager) -> list[type[EligibilityRule]]:
    from .model.target_group import BUILTIN_RULES

    rules = list(BUILTIN_RULES)
    kinds = {rule.kind for rule in rules}
    for rule in _flatten(pm.hook.yk_eligibility_rules()):
        if rule.kind in kinds:
            raise YhteiskehitysError(f"two eligibility rules are called {rule.kind!r}")
        kinds.add(rule.kind)
        rules.append(rule)
    return rules


def converter(pm: pluggy.PluginManager, fmt: str = "json") -> cattrs.Converter:
    """The project converter with the plugins' eligibility rules registered."""
    from .convert import make_converter

    return make_converter(fmt, eligibility_rules(pm))


def checks(pm: pluggy.PluginManager) -> list[Check]:
    return _flatten(pm.hook.yk_checks())


def template_paths(pm: pluggy.PluginManager) -> list[Path]:
    return [Path(p) for p in _flatten(pm.hook.yk_template_paths())]
