"""The one cattrs converter, and the one place where its errors become readable messages.

``make_converter(fmt, rules=...)`` returns a converter configured by ``configure_converter``:

- every attrs class is structured with ``forbid_extra_keys`` so a misspelt key is reported;
- ``str``, ``int``, ``float`` and ``bool`` are strict: ``5`` is not silently the string ``"5"``;
- a list field takes a list only, never a string or a table cut into its characters or keys;
- dates are TOML dates or ISO strings on the way in; ISO strings in JSON, native in TOML out;
- times carry a time zone; JSON writes them as UTC ISO strings with microseconds and ``Z``;
- :class:`Text` may be written as a plain string, meaning the Finnish text;
- eligibility rules are a tagged union on their ``rule`` key, open to plugins' rule classes;
- a programme's ``vocabulary`` is written with only the kinds it adds words to;
- a field added to a stored record after release (``Session.ideas``) is left out while empty,
  so a record written before it existed reads and exports exactly as it did;
- every problem in a file is collected, then raised as one :class:`ConfigError` whose lines read
  ``FILE: dotted.field.path: reason``.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .errors import ConfigError, FieldValueError
from .model.records import Session
from .model.target_group import BUILTIN_RULES, EligibilityRule
from .model.text import Text
from .model.vocabulary import KINDS as VOCABULARY_KINDS
from .model.vocabulary import Vocabulary

T = TypeVar("T")
FORMATS = ("json", "toml")


def _strict(kind: type, label: str):
    def structure(value: Any, _: Any) -> Any:
        if kind is not bool and isinstance(value, bool):
            raise TypeError(f"expected {label} (got {value!r})")
        if kind is float and isinstance(value, int):
            return float(value)
        if not isinstance(value, kind):
            raise TypeError(f"expected {label} (got {value!r})")
        return value

    return structure


def _structure_date(value: Any, _: Any) -> date:
    if isinstance(value, datetime):
        raise TypeError(f"expected a date such as 2024-03-01, not a date and time (got {value})")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise TypeError(f"expected a date such as 2024-03-01 (got {value!r})")


def _structure_datetime(value: Any, _: Any) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise TypeError(
                f"expected a time such as 2024-03-01T12:00:00Z (got {value!r})"
            ) from None
    if not isinstance(value, datetime):
        raise TypeError(f"expected a time such as 2024-03-01T12:00:00Z (got {value!r})")
    if value.tzinfo is None:
        raise TypeError(f"give the time zone, e.g. 2024-03-01T12:00:00Z (got {value.isoformat()})")
    return value.astimezone(UTC)


def iso_utc(value: datetime) -> str:
    """The one text form of a time: UTC, microseconds, ``Z``; sorts as the time does."""
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _is_homogenous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _list_only(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs would iterate a string or a table: ``"abc"`` would become ``("a", "b", "c")``."""
    from cattrs.cols import homogenous_tuple_structure_factory

    structure_items = homogenous_tuple_structure_factory(t, converter)

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            got = "a table" if isinstance(value, Mapping) else repr(value)
            raise TypeError(f"expected a list (got {got})")
        return structure_items(value, type_)

    return structure


def configure_converter(
    converter: cattrs.Converter, fmt: str, rules: Iterable[type[EligibilityRule]]
) -> None:
    """Apply the project's conventions to ``converter`` (see the module docstring)."""
    converter.register_structure_hook_factory(
        _is_homogenous_tuple, lambda t: _list_only(t, converter)
    )
    for kind, label in ((str, "a string"), (int, "an integer"), (bool, "true or false")):
        converter.register_structure_hook(kind, _strict(kind, label))
    converter.register_structure_hook(float, _strict(float, "a number"))
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    if fmt == "json":
        converter.register_unstructure_hook(date, lambda d: d.isoformat())
        converter.register_unstructure_hook(datetime, iso_utc)

    converter.register_unstructure_hook(
        Session,
        make_dict_unstructure_fn(Session, converter, ideas=override(omit_if_default=True)),
    )

    text_fn = make_dict_structure_fn(Text, converter, _cattrs_forbid_extra_keys=True)
    converter.register_structure_hook(
        Text, lambda v, t: Text(fi=v) if isinstance(v, str) else text_fn(v, t)
    )

    def unstructure_vocabulary(vocabulary: Vocabulary) -> dict[str, Any]:
        # Only the words a programme adds, so a new programme.toml has no empty tables.
        return {
            kind: {word: converter.unstructure(text, Text) for word, text in words.items()}
            for kind in VOCABULARY_KINDS
            if (words := getattr(vocabulary, kind))
        }

    converter.register_unstructure_hook(Vocabulary, unstructure_vocabulary)

    registry = {rule.kind: rule for rule in rules}

    def structure_rule(value: Any, _: Any) -> EligibilityRule:
        if not isinstance(value, dict):
            raise TypeError(f"expected a table with a 'rule' key (got {value!r})")
        kind = value.get("rule")
        if kind not in registry:
            known = ", ".join(sorted(registry))
            raise FieldValueError("rule", f"unknown rule {kind!r} (known: {known})")
        rest = {k: v for k, v in value.items() if k != "rule"}
        return converter.structure(rest, registry[kind])

    def unstructure_rule(rule: EligibilityRule) -> dict[str, Any]:
        return {"rule": rule.kind, **converter.unstructure(rule, type(rule))}

    converter.register_structure_hook_func(lambda t: t is EligibilityRule, structure_rule)
    converter.register_unstructure_hook_func(lambda t: t is EligibilityRule, unstructure_rule)


class Converter(cattrs.Converter):
    """The project's converter; ``thorough()`` gives its twin that reports every problem."""

    thorough: Callable[[], cattrs.Converter] | None = None


def make_converter(
    fmt: str = "json", rules: Iterable[type[EligibilityRule]] | None = None
) -> Converter:
    """A converter for ``fmt`` ("json" or "toml"); ``rules`` defaults to the built-in ones.

    Build it after plugins are loaded and pass their rules (see ``catalogue.converter``).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    rules = tuple(BUILTIN_RULES if rules is None else rules)
    converter = Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter, fmt, rules)
    converter.thorough = functools.partial(_thorough_converter, fmt, rules)
    return converter


@functools.cache
def _thorough_converter(fmt: str, rules: tuple[type[EligibilityRule], ...]) -> cattrs.Converter:
    """A slower converter, used only after a failure, that finds every problem at once.

    cattrs' generated code stops at the first class whose fields fail and runs validators only
    once every field structured; this one structures and validates each field on its own.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(converter, fmt, rules)
    converter.register_structure_hook_factory(
        lambda t: attrs.has(t) and t is not Text, functools.partial(_thorough_hook, converter)
    )
    return converter


def _thorough_hook(converter: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    names = {f.name for f in fields}

    def structure_fields(data: Any, _: Any) -> Any:
        if not isinstance(data, Mapping):
            raise TypeError(f"expected a table of fields (got {data!r})")
        errors: list[Exception] = []
        values: dict[str, Any] = {}
        for f in fields:
            if f.name not in data:
                if f.default is attrs.NOTHING:
                    errors.append(_noted(KeyError(f.name), cls, f.name))
                continue
            try:
                value = converter.structure(data[f.name], hints[f.name])
                if f.converter is not None:
                    value = f.converter(value)
                if f.validator is not None:
                    f.validator(None, f, value)
                values[f.name] = value
            except Exception as exc:  # noqa: BLE001 - every kind of failure is a finding here
                errors.append(_noted(exc, cls, f.name))
        extra = set(data) - names
        if extra:
            errors.append(ForbiddenExtraKeysError("", cls, extra))
        if errors:
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return cls(**values)

    return structure_fields


def _noted(exc: Exception, cls: type, name: str) -> Exception:
    exc.add_note(
        AttributeValidationNote(f"Structuring class {cls.__name__} @ attribute {name}", name, cls)
    )
    return exc


# --- errors ---------------------------------------------------------------------------------


def _join(path: list[str]) -> str:
    out = ""
    for part in path:
        out += part if part.startswith("[") or not out else "." + part
    return out or "(top level)"


def _problems(exc: BaseException, path: list[str]) -> Iterator[tuple[list[str], str]]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without_notes = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, IterableValidationNote):
                step = f"[{note.index}]"
            else:
                step = getattr(note, "name", None) or str(note)
            yield from _problems(sub, [*path, str(step)])
        for sub in without_notes:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(a.name for a in attrs.fields(exc.cl)) if attrs.has(exc.cl) else ""
        for key in sorted(exc.extra_fields):
            yield [*path, key], f"unknown field (allowed: {allowed})"
    elif isinstance(exc, FieldValueError):
        # A validator of the class at ``path`` names its own field; the last step of the path
        # may already be that field when cattrs attributed the error to it.
        tail = [] if path and path[-1] == exc.field else [exc.field]
        yield [*path, *tail], exc.message
    elif isinstance(exc, KeyError):
        yield path, "required field is missing"
    else:
        yield path, str(exc) or type(exc).__name__


def format_problems(exc: BaseException, source: str) -> list[str]:
    """Readable ``source: path: reason`` lines for a structuring failure."""
    return [f"{source}: {_join(path)}: {reason}" for path, reason in _problems(exc, [])]


def structure(data: Any, cls: type[T], converter: cattrs.Converter, source: str) -> T:
    """Structure ``data`` into ``cls``; on failure raise :class:`ConfigError` with every problem."""
    if not isinstance(data, dict) and attrs.has(cls):
        raise ConfigError([f"{source}: (top level): expected a table of fields"])
    try:
        return converter.structure(data, cls)
    except (BaseValidationError, ValueError, TypeError, KeyError) as exc:
        problems = format_problems(exc, source)
    thorough = getattr(converter, "thorough", None)
    if thorough is not None:
        try:
            thorough().structure(data, cls)
        except (BaseValidationError, ValueError, TypeError, KeyError) as exc:
            problems = format_problems(exc, source)
    raise ConfigError(problems)


# --- reading and writing --------------------------------------------------------------------


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning every way it can be unreadable into a :class:`ConfigError`."""
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError([f"{path}: file not found"]) from None
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read: {exc.strerror}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            [f"{name}: line {line}: not UTF-8 text (byte {exc.start}); save the file as UTF-8"]
        ) from None
    if not text.strip():
        raise ConfigError([f"{name}: (top level): the file is empty"])
    return _parse_toml(text.removeprefix("\ufeff"), name)


_TOML_AT = re.compile(r"^(?P<reason>.*?) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    """tomllib's reason, with the place first as in every other message: ``FILE: line 3: ...``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_AT.match(str(exc))
        if match is None:
            raise ConfigError([f"{source}: invalid TOML: {exc}"]) from None
        place = f"line {match['line']}, column {match['column']}"
        raise ConfigError([f"{source}: {place}: invalid TOML: {match['reason']}"]) from None


def _drop_none(value: Any) -> Any:
    """TOML has no null; an empty table (``vocabulary`` with no words) is left out too."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None and v != {}}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def dumps_toml(obj: Any, converter: cattrs.Converter) -> str:
    import tomli_w  # only writers of TOML pay for the import

    return tomli_w.dumps(_drop_none(converter.unstructure(obj)))


def loads_toml(text: str, cls: type[T], converter: cattrs.Converter, source: str) -> T:
    return structure(_parse_toml(text, source), cls, converter, source)


def dumps_json(obj: Any, converter: cattrs.Converter, *, indent: int | None = 2) -> str:
    return json.dumps(converter.unstructure(obj), ensure_ascii=False, indent=indent, sort_keys=True)


def loads_json(text: str, cls: type[T], converter: cattrs.Converter, source: str) -> T:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError([f"{source}: line {exc.lineno}: invalid JSON: {exc.msg}"]) from None
    return structure(data, cls, converter, source)
