"""Instruments: a survey as data (TOML), so that an organisation can add its own without code.

An instrument has one answer scale, dimensions, and items that each belong to a dimension and
may be reverse-coded. Built-in instruments live in ``measure/instruments/*.toml``; plugins add
more through ``yk_instruments``; a programme folder may hold its own in ``instruments/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from attrs import field, frozen

from ..errors import FieldValueError
from ..model._validate import as_tuple, between, identifier, unique_ids
from ..model.text import Text

if TYPE_CHECKING:
    import cattrs

BUILTIN_DIR = Path(__file__).parent / "instruments"

DEFAULT_MISSING = ("En osaa sanoa", "Vet ej", "Kan inte säga", "Don't know", "EOS")


@frozen(kw_only=True)
class Scale:
    """Answer points 1..points, each with a label; ``symbols`` (e.g. faces) are shown with the
    labels to children; ``missing`` are answer texts that mean no answer (don't know)."""

    points: int = field(validator=between(2, 11))
    labels: tuple[Text, ...] = field(converter=as_tuple)
    symbols: tuple[str, ...] = field(default=(), converter=as_tuple)
    missing: tuple[str, ...] = field(default=DEFAULT_MISSING, converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        if len(self.labels) != self.points:
            raise FieldValueError(
                "labels", f"needs one label per point: {self.points} (got {len(self.labels)})"
            )
        if self.symbols and len(self.symbols) != self.points:
            raise FieldValueError(
                "symbols", f"needs one symbol per point: {self.points} (got {len(self.symbols)})"
            )
        seen: dict[str, int] = {}
        for point, label in enumerate(self.labels, start=1):
            for text in (label.fi, label.sv, label.en):
                key = text.strip().casefold()
                if key and seen.setdefault(key, point) != point:
                    raise FieldValueError("labels", f"label {text!r} names two points")


@frozen(kw_only=True)
class Dimension:
    id: str = field(validator=identifier)
    title: Text


@frozen(kw_only=True)
class Item:
    """A statement answered on the scale. ``reverse`` items are scored points + 1 - answer."""

    id: str = field(validator=identifier)
    dimension: str = field(validator=identifier)
    text: Text
    reverse: bool = False


@frozen(kw_only=True)
class Scoring:
    """Scores are the mean of the answered items rescaled to 0-100; a score is valid only when
    at least ``min_answered`` (a share, 0-1) of its items were answered."""

    min_answered: float = field(default=0.5, validator=between(0.0, 1.0))


SURVEY, STICKERS = "survey", "stickers"
KINDS = (SURVEY, STICKERS)


def _kind(_instance: object, attribute: object, value: str) -> None:
    if value not in KINDS:
        raise FieldValueError("kind", f"must be one of {', '.join(KINDS)} (got {value!r})")


@frozen(kw_only=True)
class Instrument:
    """A survey (``kind = "survey"``: answers on a scale, scored and averaged) or a sticker
    board (``kind = "stickers"``: children put stickers on the scale's faces for each activity,
    and the result is how many stickers each face got, never a mean). A sticker board's items
    are the activities it names; with none, any activity the tally names is taken."""

    name: str = field(validator=identifier)
    kind: str = field(default=SURVEY, validator=_kind)
    title: Text
    description: Text
    version: str = "1"
    licence: str = ""
    audience: str = ""
    scale: Scale
    dimensions: tuple[Dimension, ...] = field(converter=as_tuple)
    items: tuple[Item, ...] = field(converter=as_tuple)
    scoring: Scoring = Scoring()

    def __attrs_post_init__(self) -> None:
        unique_ids(self.dimensions, "dimensions")
        unique_ids(self.items, "items")
        if not self.items and self.kind == SURVEY:
            raise FieldValueError("items", "a survey needs at least one item")
        known = {d.id for d in self.dimensions}
        for item in self.items:
            if item.dimension not in known:
                raise FieldValueError(
                    "items", f"item {item.id!r}: unknown dimension {item.dimension!r}"
                )
        used = {item.dimension for item in self.items}
        for dim in self.dimensions:
            if dim.id not in used:
                raise FieldValueError("dimensions", f"dimension {dim.id!r} has no items")

    @property
    def is_stickers(self) -> bool:
        return self.kind == STICKERS

    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    def items_of(self, dimension: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.dimension == dimension)


def load_instrument(path: Path, converter: cattrs.Converter | None = None) -> Instrument:
    """Read an instrument file; every problem is raised at once as ``FILE: field: reason``.
    Without ``converter``, the core's TOML converter is used (what a plugin's own file needs)."""
    from ..convert import make_converter, read_toml, structure

    converter = converter or make_converter("toml")
    return structure(read_toml(path), Instrument, converter, path.name)


def builtin_instruments(converter: cattrs.Converter) -> list[Instrument]:
    return [load_instrument(p, converter) for p in sorted(BUILTIN_DIR.glob("*.toml"))]
