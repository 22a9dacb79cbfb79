"""The plugin conformance kit: what every plugin's test suite should run.

``check_plugin(plugin)`` registers the plugin in a fresh manager beside the built-ins and checks
each of its contributions; it returns readable problems (empty when all is well).
``assert_plugin_conforms(plugin)`` raises ``AssertionError`` listing them::

    import my_plugin
    from yhteiskehitys.testing.conformance import assert_plugin_conforms

    def test_conforms():
        assert_plugin_conforms(my_plugin)
"""

from __future__ import annotations

import inspect
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pluggy

from .. import catalogue
from ..catalogue import flatten
from ..checks import Check, CheckContext, Problem
from ..convert import dumps_json, dumps_toml, loads_json, loads_toml
from ..errors import YhteiskehitysError
from ..folder import programme_from_template
from ..model import AllOf, AnyOf, EligibilityRule, ModelTemplate, TargetGroup
from ..plugins import get_plugin_manager
from ..store import open_store
from .measure_conformance import check_instruments, check_readers

HOOK_PREFIX = "yk_"


def check_plugin(plugin: object, *, name: str | None = None) -> list[str]:
    """Every problem found in ``plugin`` (a module or an object with ``@hookimpl`` methods)."""
    pm = get_plugin_manager(entry_points=False)
    if pm.is_registered(plugin):  # a built-in is checked against the other built-ins
        pm.unregister(plugin)
    others = list(pm.get_plugins())
    builtin_models = catalogue.models(pm)
    builtin_rules = {rule.kind for rule in catalogue.eligibility_rules(pm)}
    builtin_instruments = {i.name for i in flatten(pm.hook.yk_instruments())}
    builtin_readers = {r.name for r in flatten(pm.hook.yk_readers())}
    try:
        pm.register(plugin, name=name)
        pm.check_pending()
    except (ValueError, pluggy.PluginValidationError) as exc:
        return [f"cannot register the plugin: {exc}"]

    kit = _Kit(pm, others)
    problems = list(_unmarked(plugin, pm))
    if not pm.get_hookcallers(plugin):
        problems.append("the plugin implements no hook (is each function marked @hookimpl?)")
    rules = kit.call("yk_eligibility_rules", problems)
    problems += _check_rules(rules, builtin_rules)
    models = kit.call("yk_models", problems)
    problems += _check_models(pm, models, set(builtin_models))
    checks = kit.call("yk_checks", problems)
    valid_models = [m for m in models if isinstance(m, ModelTemplate)]
    problems += _check_checks(pm, checks, valid_models or list(builtin_models.values()))
    instruments = kit.call("yk_instruments", problems)
    problems += check_instruments(instruments, builtin_instruments, _converter(pm, "toml"))
    with tempfile.TemporaryDirectory() as tmp:
        problems += check_readers(kit.call("yk_readers", problems), builtin_readers, Path(tmp))
    problems += _check_template_paths(kit.call("yk_template_paths", problems))
    problems += _check_cli_commands(kit, problems)
    return problems


def assert_plugin_conforms(plugin: object, *, name: str | None = None) -> None:
    """Raise ``AssertionError`` listing every problem ``check_plugin`` finds."""
    problems = check_plugin(plugin, name=name)
    if problems:
        label = name or getattr(plugin, "__name__", type(plugin).__name__)
        lines = "\n".join(f"  - {p}" for p in problems)
        raise AssertionError(f"plugin {label} does not conform:\n{lines}")


class _Kit:
    """Calls one hook of the plugin under test only, turning a crash into a problem."""

    def __init__(self, pm: pluggy.PluginManager, others: list[object]) -> None:
        self.pm = pm
        self.others = others

    def caller(self, hook: str) -> Callable[..., list[Any]]:
        return self.pm.subset_hook_caller(hook, remove_plugins=self.others)

    def call(self, hook: str, problems: list[str], **kwargs: Any) -> list[Any]:
        try:
            results = self.caller(hook)(**kwargs)
        except Exception as exc:  # noqa: BLE001 - a crashing hook is the finding
            problems.append(f"{hook}() raised {type(exc).__name__}: {exc}")
            return []
        items: list[Any] = []
        for result in results:
            if result is None:
                continue
            if isinstance(result, (str, bytes)) or not isinstance(result, Iterable):
                problems.append(f"{hook}() must return a list (got {type(result).__name__})")
                continue
            items.extend(result)
        return items


def _unmarked(plugin: object, pm: pluggy.PluginManager) -> Iterator[str]:
    """Functions named like hooks but not marked ``@hookimpl`` are silently ignored by pluggy."""
    for attr in dir(plugin):
        if not attr.startswith(HOOK_PREFIX) or not callable(getattr(plugin, attr, None)):
            continue
        if pm.parse_hookimpl_opts(plugin, attr) is None:
            yield f"{attr} looks like a hook but is not marked with @hookimpl"


def _rules_in(rules: Iterable[EligibilityRule]) -> Iterator[EligibilityRule]:
    for rule in rules:
        yield rule
        if isinstance(rule, (AllOf, AnyOf)):
            yield from _rules_in(rule.rules)


def _round_trip(pm: pluggy.PluginManager, value: Any, cls: type, label: str) -> Iterator[str]:
    try:
        converters = {fmt: catalogue.converter(pm, fmt) for fmt in ("json", "toml")}
    except YhteiskehitysError as exc:
        yield f"{label}: no converter can be built: {exc}"
        return
    codecs = {"json": (dumps_json, loads_json), "toml": (dumps_toml, loads_toml)}
    for fmt, (dumps, loads) in codecs.items():
        converter = converters[fmt]
        try:
            back: object = loads(dumps(value, converter), cls, converter, f"{label}.{fmt}")
        except Exception as exc:  # noqa: BLE001 - any failure to round-trip is the finding
            yield f"{label}: does not round-trip through {fmt.upper()}: {exc}"
            continue
        if back != value:
            yield f"{label}: changes on a round trip through {fmt.upper()}: {back!r}"


def _check_rules(rules: list[Any], builtin_kinds: set[str]) -> Iterator[str]:
    seen: set[str] = set()
    for rule in rules:
        if not (inspect.isclass(rule) and issubclass(rule, EligibilityRule)):
            yield f"yk_eligibility_rules: {rule!r} is not a subclass of EligibilityRule"
            continue
        label = f"eligibility rule {rule.__name__}"
        if not attrs.has(rule):
            yield f"{label}: must be an attrs class (@frozen(kw_only=True))"
        kind = getattr(rule, "kind", "")
        if not isinstance(kind, str) or not kind.strip():
            yield f"{label}: needs a non-empty string `kind`"
        elif kind in builtin_kinds:
            yield f"{label}: kind {kind!r} is already a built-in rule"
        elif kind in seen:
            yield f"{label}: kind {kind!r} is used twice"
        seen.add(kind)
        for method in ("accepts", "describe"):
            if getattr(rule, method) is getattr(EligibilityRule, method):
                yield f"{label}: must implement {method}()"


def _check_models(
    pm: pluggy.PluginManager, models: list[Any], builtin_names: set[str]
) -> Iterator[str]:
    seen: set[str] = set()
    for template in models:
        if not isinstance(template, ModelTemplate):
            yield f"yk_models: {template!r} is not a ModelTemplate"
            continue
        label = f"model {template.name!r}"
        if template.name in builtin_names:
            yield f"{label}: the name clashes with a built-in model"
        elif template.name in seen:
            yield f"{label}: offered twice"
        seen.add(template.name)
        ids = template.checklist_ids()
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            yield f"{label}: checklist ids used twice: {', '.join(doubles)}"
        yield from _round_trip(pm, template, ModelTemplate, label)
        for rule in _rules_in(template.target_group.eligibility):
            group = TargetGroup(
                name="conformance", age=template.target_group.age, eligibility=(rule,)
            )
            yield from _round_trip(pm, group, TargetGroup, f"{label}: rule {rule.kind!r}")


def _check_checks(
    pm: pluggy.PluginManager, checks: list[Any], models: list[ModelTemplate]
) -> Iterator[str]:
    valid: list[Check] = []
    for check in checks:
        if not isinstance(check, Check):
            yield f"yk_checks: {check!r} is not a Check"
            continue
        if check.name in {c.name for c in valid}:
            yield f"check {check.name!r}: the name is used twice"
        valid.append(check)
    if not valid:
        return
    converter = _converter(pm, "json")
    for template in models:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            # A real, empty store, as a programme has before anything is recorded: a check
            # over records must cope with none, and may not count on the store being None.
            open_store(folder, converter=converter).close()
            for check in valid:
                yield from _run_check(check, template, folder, converter)


def _converter(pm: pluggy.PluginManager, fmt: str) -> Any | None:
    """The plugins' converter, or None when it cannot be built (already reported as a clash of
    eligibility rules; the store then uses the built-in rules)."""
    try:
        return catalogue.converter(pm, fmt)
    except YhteiskehitysError:
        return None


def _run_check(
    check: Check, template: ModelTemplate, folder: Path, converter: Any | None
) -> Iterator[str]:
    label = f"check {check.name!r} on model {template.name!r}"
    programme = programme_from_template(
        template, name="Conformance", organisation="Conformance", language="fi"
    )
    context = CheckContext(
        programme=programme,
        template=template,
        folder=folder,
        database=str(folder),
        converter=converter,
    )
    try:
        found = list(check.run(context) or ())
    except Exception as exc:  # noqa: BLE001 - a crashing check is the finding
        yield f"{label}: raised {type(exc).__name__}: {exc}"
        return
    finally:
        context.close()
    for item in found:
        if not isinstance(item, Problem):
            yield f"{label}: yielded {item!r}, not a Problem"


def _check_template_paths(paths: list[Any]) -> Iterator[str]:
    for path in paths:
        if not isinstance(path, (str, Path)):
            yield f"yk_template_paths: {path!r} is not a path"
        elif not Path(path).is_dir():
            yield f"yk_template_paths: {path} is not an existing folder"


def _check_cli_commands(kit: _Kit, problems: list[str]) -> Iterator[str]:
    import click

    from ..cli.main import BUILTIN_COMMANDS

    group = click.Group("yk")
    try:
        kit.caller("yk_cli_commands")(cli=group)
    except Exception as exc:  # noqa: BLE001 - a crashing hook is the finding
        yield f"yk_cli_commands() raised {type(exc).__name__}: {exc}"
        return
    for name, command in group.commands.items():
        if name in BUILTIN_COMMANDS:
            yield f"yk_cli_commands: command {name!r} clashes with a built-in command"
        if not isinstance(command, click.Command):
            yield f"yk_cli_commands: {name!r} is not a click command"
