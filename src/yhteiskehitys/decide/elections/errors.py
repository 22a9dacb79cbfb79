"""What an election refuses, each with its own class so an embedder can tell them apart."""

from __future__ import annotations

from ...errors import YhteiskehitysError


class ElectionError(YhteiskehitysError):
    """An election step refused: the message names the election, record and the fix."""


class NotEligibleError(ElectionError):
    """A candidate the rules do not admit (the message gives the reason)."""


class PeriodError(ElectionError):
    """A step outside the time it is allowed in (voting outside the period, publishing early)."""


class UnknownCodeError(ElectionError):
    """A voter code that was never issued for this election."""


class UsedCodeError(ElectionError):
    """A voter code that has already cast its vote."""


class UnknownCandidateError(ElectionError):
    """A vote or tally for someone who is not standing."""
