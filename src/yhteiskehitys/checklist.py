"""Progress through the model's phases: which checklist items a programme has done.

Progress is kept in ``checklist.toml`` beside ``programme.toml`` (item id → date and operator),
so that the configuration file a person edits is never rewritten by a command.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from .errors import ConfigError
from .folder import atomic_write

if TYPE_CHECKING:
    from .model import ModelTemplate

CHECKLIST_FILE = "checklist.toml"


@frozen
class Done:
    on: date
    by: str


@frozen
class PhaseProgress:
    phase: str
    title: str
    items: tuple[tuple[str, str, Done | None], ...]

    @property
    def done(self) -> int:
        return sum(1 for _, _, d in self.items if d is not None)

    @property
    def total(self) -> int:
        return len(self.items)


def read_progress(folder: Path) -> dict[str, Done]:
    file = folder / CHECKLIST_FILE
    if not file.exists():
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        return {key: Done(on=v["on"], by=v["by"]) for key, v in data.get("done", {}).items()}
    except (
        tomllib.TOMLDecodeError,
        UnicodeDecodeError,
        KeyError,
        TypeError,
        AttributeError,
    ) as exc:
        raise ConfigError(
            [f"{CHECKLIST_FILE}: unreadable ({exc}); fix or delete the file"]
        ) from None


def mark_done(
    folder: Path, template: ModelTemplate, items: Iterable[str], operator: str, on: date
) -> list[str]:
    """Record items as done; unknown ids are refused all together and nothing is written."""
    items = list(items)
    known = template.checklist_ids()
    unknown = [item for item in items if item not in known]
    if unknown:
        raise ConfigError(
            [
                f"--done {item}: no such checklist item in model {template.name!r}"
                for item in unknown
            ]
            + [f"known items: {', '.join(known)}"]
        )
    progress = read_progress(folder)
    newly = [item for item in items if item not in progress]
    for item in newly:
        progress[item] = Done(on=on, by=operator)
    if newly:
        import tomli_w

        data = {"done": {k: {"on": v.on, "by": v.by} for k, v in sorted(progress.items())}}
        atomic_write(folder / CHECKLIST_FILE, tomli_w.dumps(data))
    return newly


def progress_by_phase(
    template: ModelTemplate, progress: dict[str, Done], lang: str
) -> list[PhaseProgress]:
    return [
        PhaseProgress(
            phase=phase.id,
            title=phase.title.get(lang),
            items=tuple((i.id, i.text.get(lang), progress.get(i.id)) for i in phase.items),
        )
        for phase in template.phases
    ]
