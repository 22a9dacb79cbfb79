"""The built-in eligibility rules, contributed through ``yk_eligibility_rules`` like any
plugin's, so that a plugin's rule reusing a built-in ``kind`` is found as a clash."""

from __future__ import annotations

from .. import hookimpl
from ..model import EligibilityRule
from ..model.target_group import BUILTIN_RULES


@hookimpl
def yk_eligibility_rules() -> list[type[EligibilityRule]]:
    return list(BUILTIN_RULES)
