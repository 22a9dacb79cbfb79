"""Limits on what a programme's own templates may read and how much they may do.

A programme folder's templates are written by whoever edits that folder. They may only be files
inside its ``templates/`` (a symlink could publish any file the builder can read), and one page
may take only so long and be only so large: a template looping ``range(10**5)`` inside itself
or printing ``'a' * 50_000_000`` stops with a message naming it instead of running for minutes
or writing a 50 MB page.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2

from ..errors import YhteiskehitysError

MAX_PAGE_CHARS = 20_000_000
"""One page's characters; the largest built-in page of a national-scale programme is ~2 MB."""
MAX_SECONDS = 60.0
"""One page's rendering time."""
MAX_VALUE_CHARS = 1_000_000
"""One string or list that a template builds with ``*``."""
CHECK_EVERY = 1024


class TemplateLimitError(YhteiskehitysError):
    """A template went past a limit of :mod:`.bounds`; the message names the template."""


class FolderLoader(jinja2.FileSystemLoader):
    """A programme's ``templates/``: files inside the folder only, no symlinks anywhere."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, followlinks=False)
        self.folder = Path(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*jinja2.loaders.split_template_path(template))
        if path.exists() or path.is_symlink():
            refuse_outside(self.folder, path)
        return super().get_source(environment, template)


def refuse_outside(folder: Path, path: Path) -> None:
    """Raise when ``path`` or any folder on the way from ``folder`` is a symlink, or it
    resolves outside ``folder``."""
    steps, here = [folder], folder
    for part in path.relative_to(folder).parts:
        here = here / part
        steps.append(here)
    for step in steps:
        if step.is_symlink():
            raise TemplateLimitError(
                f"template {step}: a symbolic link; a programme's templates must be files "
                "inside its templates/ folder (copy the file there instead)"
            )
    real_root = os.path.realpath(folder)
    if os.path.commonpath([real_root, os.path.realpath(path)]) != real_root:
        raise TemplateLimitError(f"template {path}: lies outside {folder}")


class Deadline:
    """Rendering time and output size of one page, checked as the page is produced."""

    def __init__(self, name: str, seconds: float | None = None) -> None:
        seconds = MAX_SECONDS if seconds is None else seconds
        self.name = name
        self.until = time.monotonic() + seconds
        self.seconds = seconds
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks % CHECK_EVERY == 0 and time.monotonic() > self.until:
            raise TemplateLimitError(
                f"template {self.name}: rendering took longer than {self.seconds:.0f} s; "
                "look for a loop that runs far more often than the data needs"
            )

    def collect(self, chunks: Iterator[str]) -> str:
        out: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_PAGE_CHARS:
                raise TemplateLimitError(
                    f"template {self.name}: the page grew past {MAX_PAGE_CHARS:,} characters; "
                    "a template writes far more than its data"
                )
            out.append(chunk)
            self.ticks += CHECK_EVERY - 1
            self.tick()
        return "".join(out)


_current: list[Deadline] = []


def current_tick() -> None:
    if _current:
        _current[-1].tick()


def bounded_range(*args: int) -> Iterator[int]:
    """The sandbox's ``range``: lazily checks the page's time as a loop runs."""
    for n in jinja2.sandbox.safe_range(*args):
        current_tick()
        yield n


def check_repeat(left: Any, right: Any) -> None:
    """Refuse ``'a' * 50_000_000`` before Python builds it."""
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple | bytes) and isinstance(times, int):
            if len(seq) * max(times, 0) > MAX_VALUE_CHARS:
                raise TemplateLimitError(
                    f"a value of {len(seq) * times:,} items built with *; the limit is "
                    f"{MAX_VALUE_CHARS:,}"
                )


def check_power(left: Any, right: Any) -> None:
    """Refuse ``10 ** 10 ** 10`` before Python spends minutes on it."""
    if isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
        if right > 10_000 or abs(left).bit_length() * max(right, 0) > 100_000:
            raise TemplateLimitError(f"a power {left} ** {right} too large to compute")


def render_bounded(template: jinja2.Template, context: dict[str, Any], name: str) -> str:
    deadline = Deadline(name)
    _current.append(deadline)
    try:
        return deadline.collect(template.generate(context))
    finally:
        _current.pop()
