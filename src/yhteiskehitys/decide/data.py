"""An outcome with its explanations as plain data (JSON-ready), for the CLI, reports and sites."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from attrs import asdict

from .election import Election, format_number
from .explain import explain, summarise
from .explain_text import LANGUAGES, sentence, summary_text
from .rules.outcome import Outcome


def plain(value: Any) -> Any:
    """Exact numbers as JSON numbers when whole, else as decimal strings; floats rounded."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else format_number(value)
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def outcome_data(
    election: Election, outcome: Outcome, languages: tuple[str, ...] = LANGUAGES
) -> dict[str, Any]:
    """``selected`` (in the file's order), ``order`` (as chosen), explanations and summary."""
    chosen = outcome.selected_set
    currency = election.currency or "EUR"
    summary = summarise(election, outcome)
    return {
        "rule": outcome.rule,
        "tie_breaking": plain(outcome.tie_breaking),
        "budget": plain(outcome.budget),
        "spent": plain(outcome.spent),
        "currency": currency,
        "selected": [p.id for p in election.projects if p.id in chosen],
        "order": list(outcome.selected),
        "explanations": [
            {
                "project": e.project,
                "name": e.name,
                "funded": e.funded,
                "kind": e.kind,
                "figures": plain(e.figures),
                "text": {lang: sentence(e, lang, currency) for lang in languages},
            }
            for e in explain(election, outcome)
        ],
        "summary": {
            **plain(asdict(summary, recurse=True)),
            "text": {lang: summary_text(summary, lang, currency) for lang in languages},
        },
    }
