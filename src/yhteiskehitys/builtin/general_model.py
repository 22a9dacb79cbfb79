"""Offers the general model (``yhteiskehitys.model.general``) through ``yk_models``."""

from __future__ import annotations

from .. import hookimpl
from ..model import ModelTemplate
from ..model.general import general_model

__all__ = ["general_model", "yk_models"]


@hookimpl
def yk_models() -> list[ModelTemplate]:
    return [general_model()]
