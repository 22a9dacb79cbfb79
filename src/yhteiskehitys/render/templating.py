"""The one jinja2 environment: layered loaders, autoescape, and a sandbox for programme templates.

Templates are looked up in this order: the programme folder's ``templates/``, the folders that
plugins return from ``yk_template_paths``, the built-in templates; ``default:NAME`` always names
the built-in template, so an override can ``{% extends "default:page.html" %}``.

A programme folder's templates are written by whoever edits that folder, not by whoever installed
the software, so as soon as a programme folder has templates the whole render runs in an
:class:`ImmutableSandboxedEnvironment` (a programme template may extend or be included by any
other one, so the sandbox cannot stop at its edges). An attempt to reach Python internals raises
:class:`TemplateSecurityError` naming the template file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from ..errors import YhteiskehitysError
from .bounds import (
    FolderLoader,
    TemplateLimitError,
    bounded_range,
    check_power,
    check_repeat,
    current_tick,
    render_bounded,
)

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
PROGRAMME_TEMPLATES = "templates"
AUTOESCAPE = jinja2.select_autoescape(
    enabled_extensions=("html", "htm", "xml", "svg"), default_for_string=True, default=False
)


class TemplateError(YhteiskehitysError):
    """A template could not be read or rendered; the message names the template file."""


class TemplateSecurityError(TemplateError):
    """A sandboxed template reached for Python internals (``__class__``, ``__globals__``)."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """Fails at the first unsafe attribute instead of quietly rendering an empty string, and
    keeps within the limits of :mod:`.bounds` (time, page size, values built with ``*``)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            check_repeat(left, right)
        elif operator == "**":
            check_power(left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        current_tick()
        return super().call(__context, __obj, *args, **kwargs)

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        raise SecurityError(
            f"access to attribute {attribute!r} of a {type(obj).__name__!r} object is not allowed"
        )


def programme_template_folder(folder: Path | None) -> Path | None:
    """The programme folder's ``templates/``, if it holds any file."""
    if folder is None:
        return None
    path = Path(folder) / PROGRAMME_TEMPLATES
    if path.is_dir() and any(p.is_file() for p in path.rglob("*")):
        return path
    return None


def make_environment(
    *, programme_folder: Path | None = None, plugin_paths: Iterable[Path] = ()
) -> jinja2.Environment:
    """A fresh environment with the layered loader; sandboxed when the programme has templates."""
    own = programme_template_folder(programme_folder)
    builtin = jinja2.FileSystemLoader(BUILTIN_TEMPLATES)
    loaders: list[jinja2.BaseLoader] = []
    if own is not None:
        loaders.append(FolderLoader(own))
    loaders.extend(jinja2.FileSystemLoader(Path(p)) for p in plugin_paths)
    loaders.append(builtin)
    loaders.append(jinja2.PrefixLoader({"default": builtin}, delimiter=":"))
    cls = _Sandbox if own is not None else jinja2.Environment
    loader = jinja2.ChoiceLoader(loaders)
    env = cls(
        loader=loader,
        autoescape=AUTOESCAPE,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals["sandboxed"] = own is not None
    if own is not None:
        env.globals["range"] = bounded_range
    # The stylesheet is the same on every page: read once, not included per page.
    source, _, _ = loader.get_source(env, "site.css")
    env.globals["css"] = Markup(source)
    return env


def _template_file(tb: TracebackType | None) -> str | None:
    """The last template frame of a traceback (jinja2 rewrites frames to template files)."""
    found = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".txt", ".xml", ".svg", ".css", ".eml")):
            found = name
        tb = tb.tb_next
    return found


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render ``name``; template failures become :class:`TemplateError` naming the file."""
    try:
        return render_bounded(env.get_template(name), context, name)
    except TemplateLimitError as exc:
        where = _template_file(exc.__traceback__) or name
        message = str(exc)
        if not message.startswith("template "):
            message = f"template {where}: {message}"
        raise TemplateError(message) from None
    except SecurityError as exc:
        where = _template_file(exc.__traceback__) or name
        raise TemplateSecurityError(
            f"template {where}: {exc}; a programme's templates may only use the values they "
            "are given (see docs/reports.md, 'Your own templates')"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template {exc.filename or exc.name or name}, line {exc.lineno}: {exc.message}"
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name!r} not found (rendering {name})") from None
    except jinja2.UndefinedError as exc:
        where = _template_file(exc.__traceback__) or name
        raise TemplateError(f"template {where}: {exc.message}") from None
    except RecursionError:
        if not env.globals.get("sandboxed"):
            raise
        raise TemplateError(
            f"template {name}: includes or calls itself without end; look for a template that "
            "includes or extends itself"
        ) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        if not env.globals.get("sandboxed"):
            raise  # a built-in template's failure is a bug to report, not the user's to fix
        where = _template_file(exc.__traceback__) or name
        raise TemplateError(f"template {where}: {type(exc).__name__}: {exc}") from None
