"""Errors of participatory budgeting, each naming the file, line, record or project at fault."""

from __future__ import annotations

from ..errors import YhteiskehitysError


class BudgetError(YhteiskehitysError):
    """Base of the budgeting errors: bad input, so the CLI exits with 2."""


class PabulibError(BudgetError):
    """A ``.pb`` file that breaks the pabulib format: ``FILE: line N: reason``."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}: line {line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class UnknownRuleError(BudgetError):
    """A rule or tie-breaking name that no installed plugin provides."""


class TieRefusedError(BudgetError):
    """The "refuse" tie-breaking met a tie that decides the outcome; names the tied projects."""

    def __init__(self, tied: list[str], stage: str) -> None:
        self.tied = list(tied)
        self.stage = stage
        names = ", ".join(self.tied)
        super().__init__(
            f"tie between projects {names} ({stage}); choose a tie-breaking "
            "(lexicographic or equal-shares) or break the tie by hand"
        )
