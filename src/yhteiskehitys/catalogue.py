"""What the installed plugins contribute, collected from their hooks and checked for clashes."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import UnknownModelError, YhteiskehitysError

if TYPE_CHECKING:
    import cattrs
    import pluggy

    from .checks import Check
    from .measure.readers.base import Reader
    from .model import EligibilityRule, ModelTemplate


T = TypeVar("T")


def flatten(results: list[list] | list) -> list:
    """One list from the lists that a hook's implementations returned (None skipped)."""
    return [item for result in results if result for item in result]


def by_name(items: Iterable[T], clash: str) -> dict[str, T]:
    """Index contributions by their ``name``, sorted; a name given twice raises
    ``clash.format(name=...)``: two plugins offering one name is an error, not a silent pick."""
    found: dict[str, T] = {}
    for item in items:
        name = item.name  # type: ignore[attr-defined]
        if name in found:
            raise YhteiskehitysError(clash.format(name=repr(name)))
        found[name] = item
    return dict(sorted(found.items()))


def pick(
    available: Mapping[str, T],
    name: str,
    what: str,
    hint: str = "",
    error: type[YhteiskehitysError] = YhteiskehitysError,
) -> T:
    """``available[name]``, or an error listing what there is to choose from."""
    if name not in available:
        listed = ", ".join(available) or "none"
        raise error(f"unknown {what} {name!r} (available: {listed}){hint}")
    return available[name]


def models(pm: pluggy.PluginManager) -> dict[str, ModelTemplate]:
    """Every model by name."""
    return by_name(flatten(pm.hook.yk_models()), "two plugins offer a model named {name}")


def get_model(pm: pluggy.PluginManager, name: str) -> ModelTemplate:
    return pick(models(pm), name, "model", "; see `yk models`", UnknownModelError)


def _is(item: object) -> Callable[[object], bool]:
    return lambda other: other is item


def _kind_is(kind: str) -> Callable[[object], bool]:
    return lambda other: getattr(other, "kind", None) == kind


def eligibility_rules(pm: pluggy.PluginManager) -> list[type[EligibilityRule]]:
    """Every eligibility rule class, the built-ins' included (all come through the hook); a
    ``kind`` offered twice is an error naming the plugins that offer it."""
    rules: list[type[EligibilityRule]] = []
    kinds: set[str] = set()
    from .model import EligibilityRule

    for rule in flatten(pm.hook.yk_eligibility_rules()):
        if not (isinstance(rule, type) and issubclass(rule, EligibilityRule)):
            owners = contributors(pm, "yk_eligibility_rules", _is(rule))
            by = f" from plugin {owners[0]!r}" if owners else ""
            raise YhteiskehitysError(
                f"the eligibility rule {rule!r}{by} is not a subclass of EligibilityRule"
            )
        if rule.kind in kinds:
            owners = contributors(pm, "yk_eligibility_rules", _kind_is(rule.kind))
            raise YhteiskehitysError(
                f"two eligibility rules are called {rule.kind!r}{_offered_by(owners)}; "
                "each rule needs a kind of its own"
            )
        kinds.add(rule.kind)
        rules.append(rule)
    return rules


def contributors(pm: pluggy.PluginManager, hook: str, match: Callable[[Any], bool]) -> list[str]:
    """Names of the plugins whose ``hook`` (one without arguments) returns an item that
    ``match``es, once per item: used only to explain a clash, so it calls each plugin again."""
    names: list[str] = []
    for impl in getattr(pm.hook, hook).get_hookimpls():
        try:
            result = impl.function()
        except Exception:  # noqa: BLE001 - this only explains a clash; the hook call reports it
            continue
        names += [impl.plugin_name for item in result or () if match(item)]
    return names


def _offered_by(owners: list[str]) -> str:
    if len(owners) < 2:
        return ""
    if len(set(owners)) == 1:
        return f" (plugin {owners[0]!r} offers it twice)"
    return " (offered by plugins " + " and ".join(repr(o) for o in dict.fromkeys(owners)) + ")"


def converter(pm: pluggy.PluginManager, fmt: str = "json") -> cattrs.Converter:
    """The project converter with the plugins' eligibility rules registered."""
    from .convert import make_converter

    return make_converter(fmt, eligibility_rules(pm))


def checks(pm: pluggy.PluginManager) -> list[Check]:
    return flatten(pm.hook.yk_checks())


def template_paths(pm: pluggy.PluginManager) -> list[Path]:
    return [Path(p) for p in flatten(pm.hook.yk_template_paths())]


class Catalogue:
    """Everything the plugins of one plugin manager contribute, collected once and kept.

    An open programme holds one, so a command builds its converter, reads the hooks and checks
    for clashes once rather than at every use.
    """

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self.pm = pm
        self._converters: dict[str, cattrs.Converter] = {}

    def converter(self, fmt: str = "json") -> cattrs.Converter:
        """The project converter for ``fmt`` (json or toml), with the plugins' rules."""
        if fmt not in self._converters:
            from .convert import make_converter

            self._converters[fmt] = make_converter(fmt, self.eligibility_rules)
        return self._converters[fmt]

    @functools.cached_property
    def models(self) -> dict[str, ModelTemplate]:
        return models(self.pm)

    def model(self, name: str) -> ModelTemplate:
        return pick(self.models, name, "model", "; see `yk models`", UnknownModelError)

    @functools.cached_property
    def eligibility_rules(self) -> list[type[EligibilityRule]]:
        return eligibility_rules(self.pm)

    @functools.cached_property
    def checks(self) -> list[Check]:
        return checks(self.pm)

    @functools.cached_property
    def readers(self) -> dict[str, Reader]:
        return by_name(
            flatten(self.pm.hook.yk_readers()), "two plugins offer a survey reader named {name}"
        )

    @functools.cached_property
    def template_paths(self) -> list[Path]:
        return template_paths(self.pm)
