"""Figures of the feedback loop and the barometer, taken from their own libraries.

Reports never compute these themselves: the loop's figures come from
:mod:`yhteiskehitys.loop` and the barometer's from :mod:`yhteiskehitys.measure`, already through
its disclosure control. Until a programme has such records the pages say so.
"""

from __future__ import annotations

from typing import Any

from .records import Records


def loop_figures(records: Records, lang: str) -> Any:
    """The loop's funnel, closure rate and overdue steps, or None when there is nothing yet."""
    return None


def barometer_figures(records: Records, lang: str) -> Any:
    """The barometer's published results, or None when no round has answers yet."""
    return None
