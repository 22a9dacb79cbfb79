"""LimeSurvey CSV export, with either question codes or full texts as headers and either
answer codes (``A1`` .. ``A5``) or full answer texts as values.

Array questions export their sub-questions as ``code[subcode]`` or ``Question [statement]``;
both forms are matched against the instrument's item ids and texts.
"""

from __future__ import annotations

from .base import TabularReader


def answer_codes(points: int) -> dict[str, int]:
    """LimeSurvey's default answer codes A1..An for the points 1..n."""
    return {f"A{p}": p for p in range(1, points + 1)}


READER = TabularReader(
    name="limesurvey",
    description="LimeSurvey CSV export (codes or full texts; answer codes A1..An).",
    ignore=(
        "id", "Response ID", "lastpage", "Last page", "startlanguage", "Start language",
        "seed", "Seed", "startdate", "Date started", "datestamp", "Date last action",
        "ipaddr", "IP address", "refurl", "Referrer URL", "token", "Access code",
        "firstname", "lastname", "email",
    ),
    timestamp=("submitdate", "Date submitted"),
    codes=answer_codes,
)  # fmt: skip
