"""A programme's own words beside its model's vocabulary: roles, session kinds, methods and
recruitment channels, each with its label in fi, sv and en.

A copyable model names the words its programmes share; a programme may need more (Kittilä's
children's parliament sits in ``childrens_parliament`` sessions, ideas are collected on an
``idea_wall``). ``programme.toml`` adds them under ``[vocabulary]``; they then count as the
model's words for checks and verbs, and reports show their labels, never the ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from ..errors import FieldValueError
from ._validate import ID_PATTERN
from .text import Text

KINDS = ("roles", "session_kinds", "methods", "recruitment_channels")
"""The parts of a model's vocabulary a programme may extend, as ``[vocabulary.KIND]``."""


def _words(value: Mapping[str, Text] | None) -> Mapping[str, Text]:
    return MappingProxyType(dict(value or {}))


def _check_words(instance: Any, attribute: Any, value: Mapping[str, Text]) -> None:
    for word, text in value.items():
        if not isinstance(word, str) or not ID_PATTERN.fullmatch(word):
            raise FieldValueError(
                f"{attribute.name}.{word}",
                "a word is an id: letters, digits or . _ : - (e.g. idea_wall)",
            )
        if not isinstance(text, Text):
            raise FieldValueError(f"{attribute.name}.{word}", 'give its label, e.g. fi = "…"')


def _field() -> Any:
    return field(factory=dict, converter=_words, validator=_check_words, hash=False)


@frozen(kw_only=True, repr=False)
class Vocabulary:
    """Words a programme adds to its model's vocabulary, by kind: word id → label."""

    roles: Mapping[str, Text] = _field()
    session_kinds: Mapping[str, Text] = _field()
    methods: Mapping[str, Text] = _field()
    recruitment_channels: Mapping[str, Text] = _field()

    def __repr__(self) -> str:
        # Only the kinds with words: an empty vocabulary reads ``Vocabulary()``.
        parts = [f"{k}={dict(getattr(self, k))!r}" for k in KINDS if getattr(self, k)]
        return f"Vocabulary({', '.join(parts)})"

    def label(self, kind: str, word: str, lang: str) -> str | None:
        """The programme's label of ``word`` in ``lang``, or None when it gives none."""
        text = getattr(self, kind).get(word)
        return text.get(lang) if text is not None else None


def known_words(template: Any, programme: Any, kind: str) -> tuple[str, ...]:
    """The words of ``kind`` a programme may use: its model's, then its own additions."""
    if kind not in KINDS:
        raise ValueError(f"unknown vocabulary kind {kind!r} (one of {', '.join(KINDS)})")
    if kind == "recruitment_channels":
        base: tuple[str, ...] = tuple(template.target_group.recruitment_channels)
    else:
        base = tuple(getattr(template, kind))
    vocabulary = getattr(programme, "vocabulary", None)
    own = tuple(getattr(vocabulary, kind)) if vocabulary is not None else ()
    return (*base, *(w for w in own if w not in base))


def with_model_labels(vocabulary: Vocabulary, model: Vocabulary) -> Vocabulary:
    """``vocabulary`` with the model's labels added for words it does not label itself.

    A plugin's model labels its own codes (``ModelTemplate.vocabulary``); a programme may
    relabel any of them, and its label wins.
    """
    merged = {kind: {**getattr(model, kind), **getattr(vocabulary, kind)} for kind in KINDS}
    return Vocabulary(**merged)
