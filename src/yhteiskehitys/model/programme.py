"""Ohjelma: one organisation running one model for one target group."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from ._validate import between, identifier, non_empty, one_of, ordered, sane_date
from .network import Network
from .target_group import TargetGroup
from .template import ConsentPolicy, LoopLimits
from .text import LANGUAGES
from .vocabulary import Vocabulary


@frozen(kw_only=True)
class Period:
    start: date = field(validator=sane_date)
    end: date | None = field(default=None, validator=sane_date)

    def __attrs_post_init__(self) -> None:
        ordered("start", "end")(self)


@frozen(kw_only=True)
class Programme:
    """What ``programme.toml`` holds. The model's phases and vocabulary come from the template
    named by ``model``; the settings below start as the template's defaults and may differ;
    ``vocabulary`` adds the programme's own roles, session kinds, methods and channels."""

    name: str = field(validator=non_empty)
    model: str = field(validator=identifier)
    organisation: str = field(validator=non_empty)
    target_group: TargetGroup
    language: str = field(default="fi", validator=one_of(*LANGUAGES))
    period: Period | None = None
    loop_limits: LoopLimits = field(factory=LoopLimits)
    consent_policy: ConsentPolicy = field(factory=ConsentPolicy)
    disclosure_threshold: int = field(default=5, validator=between(3, 1000))
    network: Network | None = None
    database_url: str | None = None
    vocabulary: Vocabulary = field(factory=Vocabulary)
    """Words the programme adds to its model's vocabulary, with their labels."""
