"""Model objects built from a caller's values, with a validator's complaint naming the field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar

from ..errors import FieldError, FieldValueError, YhteiskehitysError

T = TypeVar("T")


def build(cls: type[T], **fields: Any) -> T:
    """``cls(**fields)``; a validator's complaint becomes a :class:`FieldError` naming the field
    (the command line shows it as the option, ``--title: must not be empty``), so bad input
    writes nothing."""
    try:
        return cls(**fields)
    except FieldValueError as exc:
        raise FieldError(exc.field, exc.message) from None
    except (TypeError, ValueError) as exc:
        raise YhteiskehitysError(f"{cls.__name__}: {exc}") from None


def evolve(obj: T, **changes: Any) -> T:
    """A copy of ``obj`` with ``changes``, validated like :func:`build`."""
    import attrs

    fields = attrs.asdict(obj, recurse=False)  # type: ignore[arg-type]  # T is an attrs class
    return build(type(obj), **{**fields, **changes})


def today_utc(day: date | None = None) -> date:
    """``day``, or today's date in UTC, the day every record's default date is taken on."""
    return day or datetime.now(UTC).date()
