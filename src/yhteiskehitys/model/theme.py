"""Ilmiö, teema: phenomena of the group's everyday life, permanent or situational."""

from __future__ import annotations

from attrs import field, frozen

from ._validate import identifier, non_empty, one_of

THEME_KINDS = ("permanent", "situational")


@frozen(kw_only=True)
class Theme:
    id: str = field(validator=identifier)
    title: str = field(validator=non_empty)
    kind: str = field(default="situational", validator=one_of(*THEME_KINDS))
    description: str = ""
