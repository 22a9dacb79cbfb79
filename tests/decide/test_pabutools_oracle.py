"""pabutools 1.2.3 as the oracle on random small elections (it is a test-only dependency)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from yhteiskehitys.decide import write_pabulib
from yhteiskehitys.decide.rules import run_rule
from yhteiskehitys.plugins import get_plugin_manager

from .strategies import elections

PM = get_plugin_manager(entry_points=False)


def pabutools_outcomes(election) -> dict[str, set[str]]:
    from pabutools.election import (
        AbstractApprovalProfile,
        Additive_Cardinal_Sat,
        Cost_Sat,
    )
    from pabutools.election.pabulib import parse_pabulib_from_string
    from pabutools.rules import (
        completion_by_rule_combination,
        greedy_utilitarian_welfare,
        method_of_equal_shares,
    )

    instance, profile = parse_pabulib_from_string(write_pabulib(election))
    sat = Cost_Sat if isinstance(profile, AbstractApprovalProfile) else Additive_Cardinal_Sat
    multi = profile.as_multiprofile()
    names = lambda outcome: {p.name for p in outcome}  # noqa: E731
    return {
        "greedy": names(greedy_utilitarian_welfare(instance, multi, sat_class=sat)),
        "mes": names(method_of_equal_shares(instance, multi, sat_class=sat)),
        "mes-add1": names(
            method_of_equal_shares(instance, multi, sat_class=sat, voter_budget_increment=1)
        ),
        "mes-add1-greedy": names(
            completion_by_rule_combination(
                instance,
                multi,
                [method_of_equal_shares, greedy_utilitarian_welfare],
                [{"sat_class": sat, "voter_budget_increment": 1}, {"sat_class": sat}],
            )
        ),
    }


oracle_elections = elections(
    vote_type=None,
    max_projects=5,
    max_voters=6,
    costs=st.integers(min_value=1, max_value=40),
    names=st.sampled_from(["1", "2", "10", "11", "a", "B"]),
)


@settings(max_examples=80)
@given(oracle_elections)
def test_every_rule_agrees_with_pabutools(election):
    # pabutools cannot read an empty points ballot ("" is not a number to it)
    assume(election.vote_type == "approval" or all(b.vote for b in election.ballots))
    theirs = pabutools_outcomes(election)
    for rule, outcome in theirs.items():
        assert set(run_rule(election, rule, pm=PM).selected) == outcome, rule


def test_the_library_never_imports_pabutools():
    src = Path(__file__).resolve().parents[2] / "src"
    offenders = [
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if "import pabutools" in path.read_text(encoding="utf-8")
        or "from pabutools" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
