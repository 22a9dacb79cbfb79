"""Checks that a programme keeps the floor its model sets (consent, disclosure, age)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import hookimpl
from ..checks import Check, CheckContext, Problem


def _consent_floor(ctx: CheckContext) -> Iterator[Problem]:
    ours, model = ctx.programme.consent_policy, ctx.template.consent_policy
    if ours.guardian_under < model.guardian_under:
        yield Problem(
            check="consent_floor",
            message=(
                f"consent_policy.guardian_under is {ours.guardian_under} but the model "
                f"{ctx.template.name!r} requires guardian consent under {model.guardian_under}"
            ),
        )
    missing = set(model.required_scopes) - set(ours.required_scopes)
    if missing:
        yield Problem(
            check="consent_floor",
            message=f"consent_policy.required_scopes lacks {', '.join(sorted(missing))}, "
            "which the model requires",
        )


def _disclosure_floor(ctx: CheckContext) -> Iterator[Problem]:
    if ctx.programme.disclosure_threshold < ctx.template.disclosure_threshold:
        yield Problem(
            check="disclosure_floor",
            message=(
                f"disclosure_threshold {ctx.programme.disclosure_threshold} is below the model's "
                f"{ctx.template.disclosure_threshold}; a programme may raise it, never lower it"
            ),
        )


def _age_within_model(ctx: CheckContext) -> Iterator[Problem]:
    ours, model = ctx.programme.target_group.age, ctx.template.target_group.age
    if ours.min < model.min or ours.max > model.max:
        yield Problem(
            check="target_group_age",
            severity="warning",
            message=(
                f"target_group.age {ours.min}-{ours.max} goes beyond the model's "
                f"{model.min}-{model.max}; check that the model's methods suit that age"
            ),
        )


@hookimpl
def yk_checks() -> list[Check]:
    return [
        Check(
            name="consent_floor",
            description="Consent rules at least as strict as the model's.",
            run=_consent_floor,
        ),
        Check(
            name="disclosure_floor",
            description="Disclosure threshold not below the model's.",
            run=_disclosure_floor,
        ),
        Check(
            name="target_group_age",
            description="Target group age within the model's range.",
            run=_age_within_model,
        ),
    ]
