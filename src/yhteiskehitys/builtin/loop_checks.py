"""The feedback loop's checks, contributed through ``yk_checks`` like any plugin's."""

from __future__ import annotations

from .. import hookimpl
from ..checks import Check


@hookimpl
def yk_checks() -> list[Check]:
    from ..loop.checks import CHECKS

    return list(CHECKS)
