"""The eligibility rules elections need beyond the target group's built-in ones."""

from __future__ import annotations

from .. import hookimpl


@hookimpl
def yk_eligibility_rules():
    from ..decide.elections.rules import AgeOnDayRule

    return [AgeOnDayRule]
