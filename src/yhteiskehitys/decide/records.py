"""A programme's own budgets as records: the budget and its projects, as attrs classes."""

from __future__ import annotations

from fractions import Fraction

from attrs import field, frozen

from ..errors import FieldValueError
from ..model._validate import identifier
from .election import VOTE_TYPES, Number, parse_number


def _amount(value) -> Number:
    if isinstance(value, str):
        try:
            value = parse_number(value)
        except (ValueError, ZeroDivisionError):
            raise FieldValueError("amount", f"not a number: {value!r}") from None
    value = Fraction(value) if not isinstance(value, int) else value
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value


def _non_negative(instance, attribute, value) -> None:
    if value < 0:
        raise FieldValueError(attribute.name, f"must not be negative (got {value})")


def _max_length(instance, attribute, value) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31
    ):
        raise FieldValueError(
            attribute.name, f"must be a whole number from 0 to 2^31 - 1 (got {value!r})"
        )


def _vote_type(instance, attribute, value) -> None:
    if value not in VOTE_TYPES:
        raise FieldValueError(
            attribute.name, f"must be one of {', '.join(VOTE_TYPES)} (got {value!r})"
        )


@frozen(kw_only=True)
class Budget:
    """A sum of money a group allocates by vote (osallistava budjetointi)."""

    id: str = field(validator=identifier)
    title: str
    amount: Number = field(converter=_amount, validator=_non_negative)
    currency: str = "EUR"
    vote_type: str = field(default="approval", validator=_vote_type)
    max_length: int | None = field(default=None, validator=_max_length)
    rule: str = "mes-add1-greedy"
    meta: dict[str, str] = field(factory=dict)


@frozen(kw_only=True)
class BudgetProject:
    """A project on the ballot: its cost, category and the school or area it belongs to."""

    id: str = field(validator=identifier)
    name: str
    cost: Number = field(converter=_amount, validator=_non_negative)
    category: str = ""
    area: str = ""
    fields: dict[str, str] = field(factory=dict)
