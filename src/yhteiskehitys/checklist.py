"""Progress through the model's phases: which checklist items a programme has done.

Progress is kept in the programme's store (``tx.checklist``), so every mark is a transaction
with an audit entry. Earlier versions kept it in ``checklist.toml`` beside ``programme.toml``;
:func:`import_file` moves such a file into the store once.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError, FieldError, FieldErrors
from .model.progress import Done, PhaseProgress

if TYPE_CHECKING:
    from .model import ModelTemplate
    from .store import Transaction

CHECKLIST_FILE = "checklist.toml"


def read_file(folder: Path) -> dict[str, Done]:
    """The marks of an earlier ``checklist.toml`` (empty when there is none)."""
    file = folder / CHECKLIST_FILE
    if not file.exists():
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        marks = {key: Done(on=v["on"], by=v["by"]) for key, v in data.get("done", {}).items()}
    except (
        tomllib.TOMLDecodeError,
        UnicodeDecodeError,
        KeyError,
        TypeError,
        AttributeError,
    ) as exc:
        raise ConfigError([f"{file}: unreadable ({exc}); fix or delete the file"]) from None
    wrong = [
        key
        for key, mark in marks.items()
        if not isinstance(mark.on, date)
        or isinstance(mark.on, datetime)
        or not isinstance(mark.by, str)
        or not mark.by
    ]
    if wrong:
        raise ConfigError(
            [
                f"{file}: unreadable (done.{key}: on must be a date, by a name); "
                "fix or delete the file"
                for key in wrong
            ]
        )
    return marks


def check_items(template: ModelTemplate, items: Iterable[str]) -> list[str]:
    """The items as a list; unknown ids are refused all together, before anything is written."""
    items = list(items)
    known = template.checklist_ids()
    unknown = [item for item in items if item not in known]
    if unknown:
        raise FieldErrors(
            [
                FieldError(
                    "done",
                    f"no such checklist item in model {template.name!r}",
                    value=item,
                )
                for item in unknown
            ],
            [f"known items: {', '.join(known)}"],
        )
    return items


def import_file(tx: Transaction, folder: Path) -> list[str]:
    """Move the marks of an earlier ``checklist.toml`` into a store that has none yet (audit
    action ``import``, with the file's dates and operators); return the items imported."""
    if not (folder / CHECKLIST_FILE).exists() or tx.checklist.count():
        return []
    return tx.checklist.add_done(read_file(folder), action="import")


def mark_done(
    tx: Transaction, template: ModelTemplate, items: Iterable[str], on: date
) -> list[str]:
    """Mark items done by the transaction's operator; return those not marked before."""
    return tx.checklist.mark_many(check_items(template, items), on)


__all__ = ["Done", "PhaseProgress", "check_items", "import_file", "mark_done", "progress_by_phase"]


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
