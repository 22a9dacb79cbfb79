"""One small repository module per group of record kinds; see ``base.Repository``."""

from .base import NotFoundError, RecordError, Repository

__all__ = ["NotFoundError", "RecordError", "Repository"]
