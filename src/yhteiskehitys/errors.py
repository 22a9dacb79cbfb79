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


class FieldError(YhteiskehitysError):
    """Bad input in one named field; ``record`` names the record and ``value`` the value, when
    there is one.

    The library speaks of fields (``kind``); the command line shows the same error as its
    option (``--kind``), so both say the same thing in their own terms. ``{field}`` in the
    message names another field the same way.
    """

    def __init__(
        self, field: str, message: str, record: str | None = None, value: str | None = None
    ) -> None:
        self.field = field
        self.message = message
        self.record = record
        self.value = value
        where = f"{record}: " if record else ""
        what = f"{field} {value!r}" if value is not None else field
        super().__init__(f"{where}{what}: {_names(message, option=False)}")

    def as_option(self) -> str:
        """The message as the command line shows it, naming the option."""
        option = _option(self.field)
        what = f"{option} {self.value}" if self.value is not None else option
        return f"{what}: {_names(self.message, option=True)}"


def _option(field: str) -> str:
    return "--" + field.replace("_", "-")


def _names(message: str, *, option: bool) -> str:
    """``{field}`` in ``message`` as the field's name, or as its command-line option."""
    import re

    return re.sub(r"\{([a-z_]+)\}", lambda m: _option(m[1]) if option else m[1], message)


class FieldErrors(ConfigError):
    """Several :class:`FieldError` found at once, and notes that help to fix them."""

    def __init__(self, errors: list[FieldError], notes: list[str] | None = None) -> None:
        self.errors = list(errors)
        self.notes = list(notes or [])
        super().__init__([str(e) for e in self.errors] + self.notes)

    def as_options(self) -> list[str]:
        return [e.as_option() for e in self.errors] + self.notes


class UnknownModelError(YhteiskehitysError):
    """A model name that no installed plugin provides."""


class FieldValueError(ValueError):
    """A validator's complaint about one named field, so error paths can end in that field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")
