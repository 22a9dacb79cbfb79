"""Who may take part, as a sentence people read, grammatical in fi, sv and en.

The model's rules describe themselves in English for developers (``describe()``); pages need
more: Finnish and Swedish word order, "you" rather than "the person", and no "not lives in".
Each built-in rule is worded here as a condition of "You can take part if …"; a plugin's rule
words itself with a method ``condition(lang)`` (a condition in ``lang``, or None when it excludes
no one), and a rule without one is shown with its own ``describe()``.

Place names are not inflected: Finnish locative cases depend on the name (Kittilässä,
Limingassa, Hämeenlinnassa), so a municipality is named in the nominative ("kotikuntasi on
Kittilä"), which is right for every name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .i18n import gettext
from .vocabulary import N_

OPEN_AGE = 99
"""An upper age limit at or above this means "no upper limit": the page says "at least 13",
never "13–99"."""


def age_condition(low: int, high: int, _: Callable[[str], str]) -> str | None:
    """The age range as a condition; None when it excludes no one (0 to open)."""
    if high >= OPEN_AGE:
        if low <= 0:
            return None
        return _(N_("you are at least %(low)s years old")) % {"low": low}
    if low <= 0:
        return _(N_("you are at most %(high)s years old")) % {"high": high}
    return _(N_("you are %(low)s to %(high)s years old")) % {"low": low, "high": high}


def _join(parts: Sequence[str], word: str) -> str:
    """``a, b and c``; the last two joined by ``word`` (already translated)."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def rule_condition(rule: Any, _: Callable[[str], str], lang: str = "en") -> str | None:
    """One eligibility rule as a condition; None when it excludes no one."""
    kind = getattr(rule, "kind", "")
    own = getattr(rule, "condition", None)
    if callable(own):
        return own(lang) or None
    if kind == "age":
        return age_condition(rule.min, rule.max, _)
    if kind == "municipality":
        places = _join(list(rule.municipalities), _(N_("or")))
        return _(N_("your home municipality is %(places)s")) % {"places": places}
    if kind == "studying":
        return _(N_("you study")) if rule.studying else _(N_("you do not study"))
    if kind == "status":
        if not rule.statuses:
            return None
        statuses = _join([s.replace("_", " ") for s in rule.statuses], _(N_("or")))
        return _(N_("your situation is %(statuses)s")) % {"statuses": statuses}
    if kind in ("all_of", "any_of"):
        parts = [p for p in (rule_condition(r, _, lang) for r in rule.rules) if p]
        if kind == "any_of" and len(parts) < len(rule.rules):
            return None  # one alternative excludes no one, so neither does the whole
        word = _(N_("and")) if kind == "all_of" else _(N_("or"))
        if not parts:
            return None
        return (
            parts[0]
            if len(parts) == 1
            else _(N_("(%(conditions)s)")) % {"conditions": _join(parts, word)}
        )
    return rule.describe() or None


def conditions(target_group: Any, lang: str) -> list[str]:
    """Every condition of the target group (its age range first) in ``lang``."""
    _ = gettext(lang)
    found = [age_condition(target_group.age.min, target_group.age.max, _)]
    found += [rule_condition(rule, _, lang) for rule in target_group.eligibility]
    return [c for c in found if c]


def who_can_take_part(target_group: Any, lang: str) -> str:
    """ "You can take part if you are 16 to 29 years old, your home municipality is Kittilä and
    you study." in ``lang``; "Anyone can take part." when nothing excludes anyone."""
    _ = gettext(lang)
    found = conditions(target_group, lang)
    if not found:
        return _("Anyone can take part.")
    return _("You can take part if %(conditions)s.") % {"conditions": _join(found, _("and"))}
