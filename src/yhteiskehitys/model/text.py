"""Text that a model shows people, in the three languages of the project."""

from __future__ import annotations

from attrs import field, frozen

from ._validate import non_empty

LANGUAGES = ("fi", "sv", "en")


@frozen(kw_only=True)
class Text:
    """A phrase in Finnish with optional Swedish and English versions.

    Finnish is required because every model in the field starts from a Finnish source; the
    other languages fall back to it until translated.
    """

    fi: str = field(validator=non_empty)
    sv: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        return getattr(self, lang, "") or self.fi
