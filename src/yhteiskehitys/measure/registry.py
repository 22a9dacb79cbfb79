"""What instruments and readers are available: the plugins' (built-ins included), and a
programme folder's own instrument files in ``instruments/*.toml``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..catalogue import by_name, flatten, pick

if TYPE_CHECKING:
    import pluggy

    from .instrument import Instrument
    from .readers.base import Reader

FOLDER_INSTRUMENTS = "instruments"


def instruments(pm: pluggy.PluginManager, folder: Path | None = None) -> dict[str, Instrument]:
    """Every instrument by name; the same name twice (two plugins, or a folder's file reusing a
    plugin's name) is an error, because stored answers would no longer say which was asked."""
    from ..catalogue import converter
    from .instrument import load_instrument

    contributed = flatten(pm.hook.yk_instruments())
    own: list[Instrument] = []
    if folder is not None and (folder / FOLDER_INSTRUMENTS).is_dir():
        toml = converter(pm, "toml")
        own = [
            load_instrument(p, toml) for p in sorted((folder / FOLDER_INSTRUMENTS).glob("*.toml"))
        ]
    return by_name(
        [*contributed, *own],
        "two instruments are named {name}; rename the programme's own file in "
        f"{FOLDER_INSTRUMENTS}/",
    )


def get_instrument(pm: pluggy.PluginManager, name: str, folder: Path | None = None) -> Instrument:
    return pick(instruments(pm, folder), name, "instrument")


def readers(pm: pluggy.PluginManager) -> dict[str, Reader]:
    return by_name(flatten(pm.hook.yk_readers()), "two plugins offer a survey reader named {name}")


def get_reader(pm: pluggy.PluginManager, name: str) -> Reader:
    return pick(readers(pm), name, "reader", "; see --reader")
