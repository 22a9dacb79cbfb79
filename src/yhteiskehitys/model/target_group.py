"""Who may take part: an age range and composable eligibility rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import field, frozen

from ..errors import FieldValueError
from ._validate import as_tuple, between, non_empty

Facts = Mapping[str, Any]
"""What is known of a prospective participant: age, municipality, studying, status."""


@frozen(kw_only=True)
class AgeRange:
    min: int = field(validator=between(0, 120))
    max: int = field(validator=between(0, 120))

    def __attrs_post_init__(self) -> None:
        if self.max < self.min:
            raise FieldValueError("max", f"must be ≥ min (got {self.max} < {self.min})")

    def __contains__(self, age: int) -> bool:
        return self.min <= age <= self.max


class EligibilityRule:
    """Base of eligibility rules. Subclasses are attrs classes with a unique ``kind``.

    A plugin adds a rule by subclassing this and returning the class from
    ``yk_eligibility_rules``; in ``programme.toml`` a rule is a table with ``rule = KIND``.
    """

    kind: ClassVar[str] = ""

    def accepts(self, facts: Facts) -> bool | None:
        """True or False, or None when the facts do not tell."""
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


@frozen(kw_only=True)
class AgeRule(EligibilityRule):
    kind: ClassVar[str] = "age"
    min: int = field(validator=between(0, 120))
    max: int = field(validator=between(0, 120))

    def __attrs_post_init__(self) -> None:
        AgeRange(min=self.min, max=self.max)

    def accepts(self, facts: Facts) -> bool | None:
        age = facts.get("age")
        return None if age is None else self.min <= age <= self.max

    def describe(self) -> str:
        if self.max >= 99:
            return f"aged {self.min} or over"
        return f"aged {self.min}–{self.max}"


@frozen(kw_only=True)
class MunicipalityRule(EligibilityRule):
    """Lives in one of the municipalities (kotikunta)."""

    kind: ClassVar[str] = "municipality"
    municipalities: tuple[str, ...] = field(converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        if not self.municipalities:
            raise FieldValueError("municipalities", "name at least one municipality")

    def accepts(self, facts: Facts) -> bool | None:
        home = facts.get("municipality")
        if home is None:
            return None
        return home.casefold() in {m.casefold() for m in self.municipalities}

    def describe(self) -> str:
        return "lives in " + " or ".join(self.municipalities)


@frozen(kw_only=True)
class StudyingRule(EligibilityRule):
    """Studies (or does not), as the youth council's electorate in one case requires."""

    kind: ClassVar[str] = "studying"
    studying: bool = True

    def accepts(self, facts: Facts) -> bool | None:
        value = facts.get("studying")
        return None if value is None else bool(value) == self.studying

    def describe(self) -> str:
        return "studies" if self.studying else "does not study"


@frozen(kw_only=True)
class StatusRule(EligibilityRule):
    """Work, study or client status; an empty list means any status is welcome."""

    kind: ClassVar[str] = "status"
    statuses: tuple[str, ...] = field(default=(), converter=as_tuple)

    def accepts(self, facts: Facts) -> bool | None:
        if not self.statuses:
            return True
        status = facts.get("status")
        return None if status is None else status in self.statuses

    def describe(self) -> str:
        return "any status" if not self.statuses else "status " + " or ".join(self.statuses)


@frozen(kw_only=True)
class AllOf(EligibilityRule):
    """Every rule holds; with no rules, nothing is asked of anyone."""

    kind: ClassVar[str] = "all_of"
    rules: tuple[EligibilityRule, ...] = field(converter=as_tuple)

    def accepts(self, facts: Facts) -> bool | None:
        results = [rule.accepts(facts) for rule in self.rules]
        if False in results:
            return False
        return None if None in results else True

    def describe(self) -> str:
        if not self.rules:
            return "anyone"
        return " and ".join(f"({r.describe()})" for r in self.rules)


@frozen(kw_only=True)
class AnyOf(EligibilityRule):
    """One of the rules holds. An empty list would admit no one, so it is refused."""

    kind: ClassVar[str] = "any_of"
    rules: tuple[EligibilityRule, ...] = field(converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        if not self.rules:
            raise FieldValueError("rules", "name at least one rule (an empty any_of admits no one)")

    def accepts(self, facts: Facts) -> bool | None:
        results = [rule.accepts(facts) for rule in self.rules]
        if True in results:
            return True
        return None if None in results else False

    def describe(self) -> str:
        return " or ".join(f"({r.describe()})" for r in self.rules)


BUILTIN_RULES: tuple[type[EligibilityRule], ...] = (
    AgeRule,
    MunicipalityRule,
    StudyingRule,
    StatusRule,
    AllOf,
    AnyOf,
)


@frozen(kw_only=True)
class TargetGroup:
    """Kohderyhmä: the age range is always a rule; further rules all have to hold."""

    name: str = field(validator=non_empty)
    age: AgeRange
    description: str = ""
    eligibility: tuple[EligibilityRule, ...] = field(default=(), converter=as_tuple)
    recruitment_channels: tuple[str, ...] = field(default=(), converter=as_tuple)

    def check(self, facts: Facts) -> tuple[bool | None, list[str]]:
        """Whether the facts make a person eligible, with the rules that failed or can't tell."""
        rules: list[EligibilityRule] = [AgeRule(min=self.age.min, max=self.age.max)]
        rules.extend(self.eligibility)
        failed = [r.describe() for r in rules if r.accepts(facts) is False]
        unknown = [r.describe() for r in rules if r.accepts(facts) is None]
        # "not met: lives in Kittilä", never "not lives in Kittilä"; pages word the rules in
        # each language (yhteiskehitys.render.eligibility).
        if failed:
            return False, [f"not met: {d}" for d in failed]
        if unknown:
            return None, [f"not known: {d}" for d in unknown]
        return True, []
