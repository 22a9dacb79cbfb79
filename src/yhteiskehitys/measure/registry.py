"""What instruments and readers are available: the plugins' (built-ins included), and a
programme folder's own instrument files in ``instruments/*.toml``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import YhteiskehitysError

if TYPE_CHECKING:
    import pluggy

    from .instrument import Instrument
    from .readers.base import Reader

FOLDER_INSTRUMENTS = "instruments"


def _flatten(results: list) -> list:
    return [item for result in results if result for item in result]


def instruments(pm: pluggy.PluginManager, folder: Path | None = None) -> dict[str, Instrument]:
    """Every instrument by name; the same name twice (two plugins, or a folder's file reusing a
    plugin's name) is an error, because stored answers would no longer say which was asked."""
    from ..catalogue import converter
    from .instrument import load_instrument

    found: dict[str, Instrument] = {}
    contributed = _flatten(pm.hook.yk_instruments())
    own: list[Instrument] = []
    if folder is not None and (folder / FOLDER_INSTRUMENTS).is_dir():
        toml = converter(pm, "toml")
        own = [
            load_instrument(p, toml) for p in sorted((folder / FOLDER_INSTRUMENTS).glob("*.toml"))
        ]
    for instrument in [*contributed, *own]:
        if instrument.name in found:
            raise YhteiskehitysError(
                f"two instruments are named {instrument.name!r}; rename the programme's own "
                f"file in {FOLDER_INSTRUMENTS}/"
            )
        found[instrument.name] = instrument
    return dict(sorted(found.items()))


def get_instrument(pm: pluggy.PluginManager, name: str, folder: Path | None = None) -> Instrument:
    available = instruments(pm, folder)
    if name not in available:
        raise YhteiskehitysError(
            f"unknown instrument {name!r} (available: {', '.join(available) or 'none'})"
        )
    return available[name]


def readers(pm: pluggy.PluginManager) -> dict[str, Reader]:
    found: dict[str, Reader] = {}
    for reader in _flatten(pm.hook.yk_readers()):
        if reader.name in found:
            raise YhteiskehitysError(f"two plugins offer a survey reader named {reader.name!r}")
        found[reader.name] = reader
    return dict(sorted(found.items()))


def get_reader(pm: pluggy.PluginManager, name: str) -> Reader:
    available = readers(pm)
    if name not in available:
        raise YhteiskehitysError(
            f"unknown reader {name!r} (available: {', '.join(available)}); see --reader"
        )
    return available[name]
