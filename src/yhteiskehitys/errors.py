"""Domain exceptions: one base class so that embedders and the CLI catch one thing."""

from __future__ import annotations


class YhteiskehitysError(Exception):
    """Base of every error the library raises on purpose.

    ``exit_code`` is what the CLI exits with: 2 for bad input or usage, 1 for a failed check.
    """

    exit_code = 2


class ConfigError(YhteiskehitysError):
    """A configuration or import file could not be read; holds every problem found at once."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class UnknownModelError(YhteiskehitysError):
    """A model name that no installed plugin provides."""


class FieldValueError(ValueError):
    """A validator's complaint about one named field, so error paths can end in that field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")
