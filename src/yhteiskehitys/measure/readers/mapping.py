"""The column mapping file (TOML) that tells a reader which column is which, for exports whose
headers do not match the instrument's item ids or texts::

    reader = "csv"
    encoding = "cp1252"        # optional: otherwise detected
    delimiter = ";"            # optional: otherwise detected
    ignore = ["Sähköposti"]    # columns never read
    missing = ["Ei vastausta"] # answers that mean no answer

    [columns]                  # an item id or a role -> the column header in the file
    respondent_key = "Tunnus"
    age_band = "Ikäryhmä"
    area = "Alue"
    group = "Ryhmä"
    answered_at = "Vastausaika"
    heard1 = "K1"

    [answers]                  # an answer text -> scale point
    "Ihan ok" = 3

    [groups]                   # a value of the group column -> group name
    "Nuoren ääni" = "participant"
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from attrs import field, frozen

from ...errors import FieldValueError
from ...model._validate import as_tuple, identifier

if TYPE_CHECKING:
    import cattrs

ROLES = ("respondent_key", "age_band", "area", "group", "answered_at")


def _delimiter(instance: object, attribute: object, value: str | None) -> None:
    if value is not None and len(value) != 1:
        raise FieldValueError("delimiter", f"must be one character such as ';' (got {value!r})")


def _points(instance: object, attribute: object, value: dict[str, int]) -> None:
    for text, point in value.items():
        if point < 1:
            raise FieldValueError("answers", f"{text!r}: a scale point starts from 1 (got {point})")


def _groups(instance: object, attribute: object, value: dict[str, str]) -> None:
    for text, group in value.items():
        identifier(instance, type("A", (), {"name": f"groups.{text}"}), group)


@frozen(kw_only=True)
class ColumnMapping:
    reader: str | None = None
    instrument: str | None = None
    encoding: str | None = None
    delimiter: str | None = field(default=None, validator=_delimiter)
    date_format: str | None = None
    ignore: tuple[str, ...] = field(default=(), converter=as_tuple)
    missing: tuple[str, ...] = field(default=(), converter=as_tuple)
    columns: dict[str, str] = field(factory=dict)
    answers: dict[str, int] = field(factory=dict, validator=_points)
    groups: dict[str, str] = field(factory=dict, validator=_groups)


def load_mapping(path: Path, converter: cattrs.Converter) -> ColumnMapping:
    from ...convert import read_toml, structure

    return structure(read_toml(path), ColumnMapping, converter, path.name)
