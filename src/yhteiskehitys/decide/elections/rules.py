"""Who may vote and stand: the target group's composable rules, judged on the election day.

An election reuses :class:`~yhteiskehitys.model.EligibilityRule`: the built-in municipality and
studying rules, :class:`AgeOnDayRule` (registered by the built-in plugin
``yhteiskehitys.builtin.elections`` through ``yk_eligibility_rules``) and any rule a plugin adds.
A refused voter gets a *reason*: a short key stored on the roll and a phrase in Finnish, Swedish
and English ("asuu muualla"). A plugin's rule names its own reasons with ``reasons`` and
``refusal(facts)``; without them the rule's description stands in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, ClassVar

from attrs import field, frozen

from ...errors import FieldValueError, YhteiskehitysError
from ...model._validate import between
from ...model.target_group import EligibilityRule, Facts, MunicipalityRule, StudyingRule
from ...model.text import Text


class RuleTextError(YhteiskehitysError):
    """A ``--rule KIND=VALUE`` that cannot be read."""


@frozen(kw_only=True)
class AgeOnDayRule(EligibilityRule):
    """Aged ``min``-``max`` on the election day (vaalipäivä).

    The facts carry ``on`` (the day) and ``birth_date`` or ``birth_year``. With the birth year
    only, the age is the one reached in the day's year, as youth-council elections announce
    their electorate ("born 2005-2012"): a roll holds no birth dates.
    """

    kind: ClassVar[str] = "age_on_day"
    reasons: ClassVar[dict[str, Text]] = {
        "too_young": Text(fi="alle {min}-vuotias", sv="under {min} år", en="under {min}"),
        "too_old": Text(fi="yli {max}-vuotias", sv="över {max} år", en="over {max}"),
        "age_unknown": Text(fi="ikä ei tiedossa", sv="åldern okänd", en="age not known"),
    }
    min: int = field(validator=between(0, 120))
    max: int = field(validator=between(0, 120))

    def __attrs_post_init__(self) -> None:
        if self.max < self.min:
            raise FieldValueError("max", f"must be ≥ min (got {self.max} < {self.min})")

    def age(self, facts: Facts) -> int | None:
        day = facts.get("on")
        if not isinstance(day, date):
            return None
        born = facts.get("birth_date")
        if isinstance(born, date):
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        year = facts.get("birth_year")
        return None if year is None else day.year - int(year)

    def accepts(self, facts: Facts) -> bool | None:
        age = self.age(facts)
        return None if age is None else self.min <= age <= self.max

    def describe(self) -> str:
        return f"aged {self.min}-{self.max} on the election day"

    def refusal(self, facts: Facts) -> str:
        age = self.age(facts)
        if age is None:
            return "age_unknown"
        return "too_young" if age < self.min else "too_old"


# Reasons of the built-in rules that predate elections, keyed by the rule's kind.
_BUILTIN_REASONS: dict[str, dict[str, Text]] = {
    "municipality": {
        "lives_elsewhere": Text(fi="asuu muualla", sv="bor på annan ort", en="lives elsewhere"),
        "municipality_unknown": Text(
            fi="kotikunta ei tiedossa", sv="hemkommunen okänd", en="home municipality not known"
        ),
    },
    "studying": {
        "not_studying": Text(fi="ei opiskele", sv="studerar inte", en="not studying"),
        "studies": Text(fi="opiskelee", sv="studerar", en="studies"),
        "studying_unknown": Text(
            fi="opiskelu ei tiedossa", sv="okänt om studerar", en="not known whether studying"
        ),
    },
}


def reasons_of(rule: EligibilityRule) -> dict[str, Text]:
    """Every reason key ``rule`` can give, with its phrase (parameters already filled)."""
    own = getattr(rule, "reasons", None) or _BUILTIN_REASONS.get(rule.kind)
    if own is None:
        return {
            f"not_{rule.kind}"[:32]: Text(
                fi=f"ei täytä ehtoa: {rule.describe()}",
                sv=f"uppfyller inte villkoret: {rule.describe()}",
                en=f"does not meet: {rule.describe()}",
            )
        }
    params = {k: v for k, v in vars_of(rule).items() if isinstance(v, int | str)}
    return {
        key: Text(fi=t.fi.format(**params), sv=t.sv.format(**params), en=t.en.format(**params))
        for key, t in own.items()
    }


def vars_of(rule: EligibilityRule) -> dict[str, Any]:
    import attrs

    if not attrs.has(type(rule)):
        return {}
    return attrs.asdict(rule, recurse=False)  # type: ignore[arg-type]  # checked by attrs.has


def refusal(rule: EligibilityRule, facts: Facts) -> str:
    """The reason key for ``rule`` refusing (or not being able to judge) ``facts``."""
    own = getattr(rule, "refusal", None)
    if own is not None:
        return own(facts)
    unknown = rule.accepts(facts) is None
    if isinstance(rule, MunicipalityRule):
        return "municipality_unknown" if unknown else "lives_elsewhere"
    if isinstance(rule, StudyingRule):
        if unknown:
            return "studying_unknown"
        return "not_studying" if rule.studying else "studies"
    return next(iter(reasons_of(rule)))


def judge(rules: Iterable[EligibilityRule], facts: Facts) -> str | None:
    """None when every rule accepts ``facts``; else the reason of the first that does not.

    A rule that cannot tell (a fact missing) refuses too: a vote is given only to those
    the rules are known to admit.
    """
    for rule in rules:
        if rule.accepts(facts) is not True:
            return refusal(rule, facts)
    return None


def reason_text(rules: Iterable[EligibilityRule], key: str) -> Text:
    """The phrase of a stored reason key, in three languages; the key itself if unknown."""
    for rule in rules:
        found = reasons_of(rule).get(key)
        if found is not None:
            return found
    return Text(fi=key)


# --- rules as text: --rule municipality=Kittilä --rule studying=yes --rule age=13-20 ---------

YES = {"yes", "y", "true", "1", "kyllä", "k", "ja"}
NO = {"no", "n", "false", "0", "ei", "e", "nej"}


def parse_yes_no(value: str, what: str) -> bool:
    word = value.strip().casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    raise RuleTextError(f"{what}: expected yes or no (kyllä/ei), got {value!r}")


def _age(value: str) -> EligibilityRule:
    low, sep, high = value.partition("-")
    try:
        bounds = int(low), int(high if sep else low)
    except ValueError:
        raise RuleTextError(f"age: expected an age range such as 13-20, got {value!r}") from None
    return AgeOnDayRule(min=bounds[0], max=bounds[1])


def _municipality(value: str) -> EligibilityRule:
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise RuleTextError("municipality: name at least one municipality")
    return MunicipalityRule(municipalities=names)


def _studying(value: str) -> EligibilityRule:
    return StudyingRule(studying=parse_yes_no(value, "studying"))


TEXT_PARSERS = {
    "age": _age,
    "age_on_day": _age,
    "municipality": _municipality,
    "studying": _studying,
}
"""How the built-in rules are written as ``KIND=VALUE``; a plugin's rule class may offer a
``from_text(value)`` classmethod instead."""


def parse_rule(text: str, rules: Iterable[type[EligibilityRule]]) -> EligibilityRule:
    """One rule from ``KIND=VALUE``: ``municipality=Kittilä,Sodankylä``, ``studying=yes``,
    ``age=13-20`` (on the election day), or a plugin rule's ``from_text``."""
    kind, sep, value = text.partition("=")
    kind = kind.strip()
    if not sep or not kind:
        raise RuleTextError(f"rule {text!r}: write it as KIND=VALUE, e.g. municipality=Kittilä")
    registry = {r.kind: r for r in rules}
    cls = registry.get(kind)
    from_text = getattr(cls, "from_text", None)
    if from_text is not None:
        return from_text(value)
    if kind in TEXT_PARSERS:
        try:
            return TEXT_PARSERS[kind](value)
        except FieldValueError as exc:
            raise RuleTextError(f"rule {text!r}: {exc.field}: {exc.message}") from None
    known = ", ".join(
        sorted(set(TEXT_PARSERS) | {k for k, c in registry.items() if hasattr(c, "from_text")})
    )
    raise RuleTextError(f"rule {text!r}: unknown kind {kind!r} (known: {known})")


def parse_rules(
    texts: Iterable[str], rules: Iterable[type[EligibilityRule]]
) -> tuple[EligibilityRule, ...]:
    rules = tuple(rules)
    return tuple(parse_rule(t, rules) for t in texts)


def facts_on(day: date, facts: Mapping[str, Any]) -> dict[str, Any]:
    """The facts the rules see: the voter's own plus the day they are judged on, and the age
    reached that year for rules that read ``age``."""
    out = {k: v for k, v in facts.items() if v is not None}
    out["on"] = day
    if "birth_year" in out and "age" not in out:
        out["age"] = day.year - int(out["birth_year"])
    return out
