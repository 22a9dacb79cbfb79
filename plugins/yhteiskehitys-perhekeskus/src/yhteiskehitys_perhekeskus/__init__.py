"""The family-centre model (perhekeskus) for yhteiskehitys: its model, eligibility rule,
instruments (the meeting place's sticker board, the parents' levels of participation) and
checks, all through the public plugin API."""

from __future__ import annotations

from pathlib import Path

from yhteiskehitys import Check, ModelTemplate, hookimpl
from yhteiskehitys.measure.instrument import Instrument, load_instrument

from .checks import CHECKS
from .model import MODEL_NAME, FamilyRule, family_centre_model

__version__ = "0.1.0"
__all__ = ["MODEL_NAME", "FamilyRule", "family_centre_model", "instruments"]

INSTRUMENTS = Path(__file__).parent / "instruments"


def instruments() -> list[Instrument]:
    """The children's sticker board and the parents' levels-of-participation survey."""
    return [load_instrument(p) for p in sorted(INSTRUMENTS.glob("*.toml"))]


@hookimpl
def yk_models() -> list[ModelTemplate]:
    return [family_centre_model()]


@hookimpl
def yk_eligibility_rules() -> list[type]:
    return [FamilyRule]


@hookimpl
def yk_instruments() -> list[Instrument]:
    return instruments()


@hookimpl
def yk_checks() -> list[Check]:
    return list(CHECKS)
