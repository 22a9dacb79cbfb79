"""The conformance kit itself: good plugins pass, each kind of mistake is named."""

from __future__ import annotations

from typing import ClassVar

import attrs
import click
import pytest

from yhteiskehitys import hookimpl
from yhteiskehitys.builtin import config_checks, general_model
from yhteiskehitys.checks import Check, Problem
from yhteiskehitys.model import EligibilityRule
from yhteiskehitys.testing.conformance import assert_plugin_conforms, check_plugin


@attrs.frozen(kw_only=True)
class LivesOnIsland(EligibilityRule):
    kind: ClassVar[str] = "island"
    islands: tuple[str, ...] = attrs.field(default=("Hailuoto",), converter=tuple)

    def accepts(self, facts):
        home = facts.get("municipality")
        return None if home is None else home in self.islands

    def describe(self):
        return "lives on " + " or ".join(self.islands)


def island_model():
    base = general_model.general_model()
    group = attrs.evolve(base.target_group, eligibility=(LivesOnIsland(),))
    return attrs.evolve(base, name="saaristo", target_group=group)


class GoodPlugin:
    @hookimpl
    def yk_models(self):
        return [island_model()]

    @hookimpl
    def yk_eligibility_rules(self):
        return [LivesOnIsland]

    @hookimpl
    def yk_checks(self):
        def run(ctx):
            if ctx.programme.disclosure_threshold < 7:
                yield Problem(check="island_privacy", message="small islands need 7")

        return [Check(name="island_privacy", description="Islands are small.", run=run)]

    @hookimpl
    def yk_template_paths(
        self,
    ):
        return []

    @hookimpl
    def yk_cli_commands(self, cli):
        @click.command("saaristo")
        def saaristo():
            """Island things."""

        cli.add_command(saaristo)


def test_a_good_plugin_conforms(yk_conformance):
    assert check_plugin(GoodPlugin()) == []
    yk_conformance(GoodPlugin())


@pytest.mark.parametrize("plugin", [general_model, config_checks], ids=lambda m: m.__name__)
def test_the_builtins_conform(plugin):
    assert check_plugin(plugin) == []


class NotARule(EligibilityRule):
    kind: ClassVar[str] = ""


@attrs.frozen
class ClashingRule(EligibilityRule):
    kind: ClassVar[str] = "age"

    def accepts(self, facts):
        return True

    def describe(self):
        return "always"


class BrokenPlugin:
    @hookimpl
    def yk_models(self):
        return [general_model.general_model(), "not a model"]

    @hookimpl
    def yk_eligibility_rules(self):
        return [NotARule, ClashingRule, dict]

    @hookimpl
    def yk_checks(self):
        def crash(ctx):
            raise RuntimeError("boom")

        def wrong(ctx):
            return ["a string"]

        return [
            Check(name="crashes", description="", run=crash),
            Check(name="wrong_type", description="", run=wrong),
            "not a check",
        ]

    @hookimpl
    def yk_template_paths(self):
        return ["/nonexistent/templates"]

    @hookimpl
    def yk_cli_commands(self, cli):
        cli.add_command(click.Command("models"))

    def yk_forgotten(self):
        """Named like a hook but not marked."""


def test_a_broken_plugin_gets_every_problem_named():
    problems = check_plugin(BrokenPlugin())
    text = "\n".join(problems)
    expected = [
        "yk_forgotten looks like a hook but is not marked with @hookimpl",
        "model 'yhteiskehitys': the name clashes with a built-in model",
        "yk_models: 'not a model' is not a ModelTemplate",
        "eligibility rule NotARule: must be an attrs class",
        "eligibility rule NotARule: needs a non-empty string `kind`",
        "eligibility rule NotARule: must implement accepts()",
        "eligibility rule ClashingRule: kind 'age' is already a built-in rule",
        "yk_eligibility_rules: <class 'dict'> is not a subclass of EligibilityRule",
        "check 'crashes' on model 'yhteiskehitys': raised RuntimeError: boom",
        "check 'wrong_type' on model 'yhteiskehitys': yielded 'a string', not a Problem",
        "yk_checks: 'not a check' is not a Check",
        "yk_template_paths: /nonexistent/templates is not an existing folder",
        "yk_cli_commands: command 'models' clashes with a built-in command",
    ]
    for line in expected:
        assert line in text, f"missing {line!r} in:\n{text}"


def test_a_misspelt_hook_fails_registration():
    class Misspelt:
        @hookimpl
        def yk_model(self):
            return []

    problems = check_plugin(Misspelt())
    assert len(problems) == 1
    assert problems[0].startswith("cannot register the plugin: unknown hook 'yk_model'")


def test_a_plugin_without_hooks_is_reported():
    class Empty:
        pass

    assert check_plugin(Empty()) == [
        "the plugin implements no hook (is each function marked @hookimpl?)"
    ]


def test_a_crashing_hook_and_a_non_list_are_reported():
    class Crashing:
        @hookimpl
        def yk_models(self):
            raise ValueError("no models today")

        @hookimpl
        def yk_checks(self):
            return "oops"

    assert check_plugin(Crashing()) == [
        "yk_models() raised ValueError: no models today",
        "yk_checks() must return a list (got str)",
    ]


def test_a_model_that_does_not_round_trip_is_reported():
    @attrs.frozen(kw_only=True)
    class Unregistered(EligibilityRule):
        kind: ClassVar[str] = "unregistered"

        def accepts(self, facts):
            return True

        def describe(self):
            return "anyone"

    class Forgetful:
        @hookimpl
        def yk_models(self):
            base = general_model.general_model()
            group = attrs.evolve(base.target_group, eligibility=(Unregistered(),))
            return [attrs.evolve(base, name="unohtui", target_group=group)]

    problems = check_plugin(Forgetful())
    assert problems
    assert all("does not round-trip through" in p for p in problems)
    assert any("unknown rule 'unregistered'" in p for p in problems)


def test_assert_plugin_conforms_lists_the_problems():
    with pytest.raises(AssertionError) as info:
        assert_plugin_conforms(BrokenPlugin(), name="broken")
    message = str(info.value)
    assert message.startswith("plugin broken does not conform:\n  - ")
    assert "yk_template_paths" in message


def test_yk_register_adds_and_removes_a_plugin(yk_plugin_manager, yk_register):
    plugin = yk_register(GoodPlugin(), name="good")
    assert yk_plugin_manager.get_plugin("good") is plugin
    names = [m.name for ms in yk_plugin_manager.hook.yk_models() for m in ms]
    assert "saaristo" in names


def test_yk_register_fails_on_a_misspelt_hook(yk_register):
    class Misspelt:
        @hookimpl
        def yk_checkz(self):
            return []

    import pluggy

    with pytest.raises(pluggy.PluginValidationError, match="yk_checkz"):
        yk_register(Misspelt())
