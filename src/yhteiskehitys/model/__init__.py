"""The domain model: attrs classes, validated on construction, with no I/O."""

from .child_impact import ChildImpact
from .general import general_model
from .network import Actor, Network, Organisation
from .participant import Consent, Participant, PersonalData
from .programme import Period, Programme
from .records import (
    Artefact,
    CollaborationFeedback,
    Commission,
    Finding,
    Idea,
    Note,
    Pilot,
    ReportBack,
    Response,
    Session,
)
from .target_group import (
    AgeRange,
    AgeRule,
    AllOf,
    AnyOf,
    EligibilityRule,
    MunicipalityRule,
    StatusRule,
    StudyingRule,
    TargetGroup,
)
from .template import ChecklistItem, ConsentPolicy, LoopLimits, ModelTemplate, Phase
from .text import LANGUAGES, Text
from .theme import Theme
from .vocabulary import Vocabulary, known_words

__all__ = [
    "LANGUAGES",
    "Actor",
    "AgeRange",
    "AgeRule",
    "AllOf",
    "AnyOf",
    "Artefact",
    "ChecklistItem",
    "ChildImpact",
    "CollaborationFeedback",
    "Commission",
    "Consent",
    "ConsentPolicy",
    "EligibilityRule",
    "Finding",
    "Idea",
    "LoopLimits",
    "ModelTemplate",
    "MunicipalityRule",
    "Network",
    "Note",
    "Organisation",
    "Participant",
    "Period",
    "PersonalData",
    "Phase",
    "Pilot",
    "Programme",
    "ReportBack",
    "Response",
    "Session",
    "StatusRule",
    "StudyingRule",
    "TargetGroup",
    "Text",
    "Theme",
    "Vocabulary",
    "general_model",
    "known_words",
]
