"""Toimintamalli: the copyable model an organisation starts a programme from."""

from __future__ import annotations

from attrs import field, frozen

from ..errors import FieldValueError
from ._validate import as_tuple, between, identifier, unique, unique_ids
from .target_group import TargetGroup
from .text import Text
from .vocabulary import Vocabulary


@frozen(kw_only=True)
class ChecklistItem:
    id: str = field(validator=identifier)
    text: Text


@frozen(kw_only=True)
class Phase:
    """A phase of setting up and running the model, with what to have done in it."""

    id: str = field(validator=identifier)
    title: Text
    items: tuple[ChecklistItem, ...] = field(converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        unique_ids(self.items, "items")


@frozen(kw_only=True)
class ConsentPolicy:
    """Whose consent is needed: under ``guardian_under`` years a guardian's, else the person's own.

    ``required_scopes`` are the scopes a consent must cover before the person may attend;
    ``certificate_scope`` is the one that allows naming them on a certificate.
    """

    guardian_under: int = field(default=15, validator=between(0, 30))
    required_scopes: tuple[str, ...] = field(default=("participation",), converter=as_tuple)
    certificate_scope: str = "certificate"


@frozen(kw_only=True)
class LoopLimits:
    """Time limits of the feedback loop (palautekehä), in days."""

    respond_days: int = field(default=30, validator=between(1, 3650))
    report_back_days: int = field(default=14, validator=between(1, 3650))


@frozen(kw_only=True)
class ModelTemplate:
    """Everything a new programme copies: defaults, vocabulary, phases and rules of the loop."""

    name: str = field(validator=identifier)
    title: Text
    description: Text
    target_group: TargetGroup
    roles: tuple[str, ...] = field(converter=as_tuple, validator=unique)
    session_kinds: tuple[str, ...] = field(converter=as_tuple, validator=unique)
    methods: tuple[str, ...] = field(converter=as_tuple, validator=unique)
    phases: tuple[Phase, ...] = field(converter=as_tuple)
    consent_policy: ConsentPolicy = ConsentPolicy()
    loop_limits: LoopLimits = LoopLimits()
    instrument: str = "barometer"
    certificates: bool = True
    email_between_meetings: bool = True
    disclosure_threshold: int = field(default=5, validator=between(3, 1000))
    vocabulary: Vocabulary = Vocabulary()  # noqa: RUF009 - frozen, so one shared empty one is safe
    """Labels in fi/sv/en of the model's own words (codes the core has no label for)."""

    def __attrs_post_init__(self) -> None:
        unique_ids(self.phases, "phases")
        seen: set[str] = set()
        for phase in self.phases:
            for item in phase.items:
                if item.id in seen:
                    raise FieldValueError("phases", f"checklist item id {item.id!r} used twice")
                seen.add(item.id)

    def checklist_ids(self) -> list[str]:
        return [item.id for phase in self.phases for item in phase.items]
