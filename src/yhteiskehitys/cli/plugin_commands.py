"""The names and help of plugins' commands, cached so ``yk --help`` need not import plugins.

Listing a plugin's commands means importing the plugin, and with it the model and whatever else
it needs: too slow for ``--help``. So the rows that ``--help`` shows are kept in a small JSON file
keyed on what could change them: the installed distributions' ``entry_points.txt`` files, the
plugins' own module files, ``YK_DISABLE_PLUGINS`` and the version of yhteiskehitys. A command is
still loaded from its plugin when it runs. ``YK_NO_CACHE=1`` turns the cache off;
``YK_CACHE_DIR`` moves it (default: ``$XDG_CACHE_HOME/yhteiskehitys`` or ``~/.cache/...``).
"""

from __future__ import annotations

import binascii
import json
import os
import sys
from collections.abc import Iterable
from types import ModuleType

from .. import __version__

Row = tuple[str, str]


def cache_file() -> str | None:
    if os.environ.get("YK_NO_CACHE"):
        return None
    base = os.environ.get("YK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "yhteiskehitys",
    )
    # One file per environment: two virtualenvs have different plugins.
    where = binascii.crc32("\0".join([sys.prefix, *sys.path]).encode())
    return os.path.join(base, f"commands-{where:08x}.json")


def _stamp(path: str) -> list[object] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [path, st.st_mtime_ns, st.st_size]


def _entry_point_files() -> list[list[object]]:
    """Every distribution's entry_points.txt: any install, upgrade or removal changes this."""
    stamps: list[list[object]] = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                stamp = _stamp(os.path.join(entry or ".", name, "entry_points.txt"))
                if stamp is not None:
                    stamps.append(stamp)
    return sorted(stamps, key=lambda s: str(s[0]))


def _key() -> dict[str, object]:
    return {
        "version": __version__,
        "disabled": os.environ.get("YK_DISABLE_PLUGINS", ""),
        "entry_points": _entry_point_files(),
    }


def cached_rows() -> list[Row] | None:
    """The cached rows, or None when there is no cache or anything it depends on changed."""
    file = cache_file()
    if file is None:
        return None
    try:
        with open(file, encoding="utf-8") as handle:
            data = json.load(handle)
        if data["key"] != _key():
            return None
        if any(_stamp(str(stamp[0])) != stamp for stamp in data["files"]):
            return None
        return [(str(name), str(text)) for name, text in data["rows"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def store_rows(rows: Iterable[Row], files: Iterable[str]) -> None:
    """Remember ``rows``; ``files`` are the plugins' module files whose change voids them."""
    file = cache_file()
    if file is None:
        return
    stamps = [s for s in (_stamp(f) for f in sorted(set(files))) if s is not None]
    data = {"key": _key(), "files": stamps, "rows": [list(row) for row in rows]}
    try:
        os.makedirs(os.path.dirname(file), exist_ok=True)
        tmp = f"{file}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(tmp, file)
    except OSError:
        pass  # a read-only home only costs speed


def plugin_files(plugins: Iterable[object], commands: Iterable[object]) -> list[str]:
    """The module files of entry-point plugins and of the modules defining their commands."""
    modules = {p.__name__ if isinstance(p, ModuleType) else type(p).__module__ for p in plugins}
    for command in commands:
        callback = getattr(command, "callback", None)
        modules.add(getattr(callback, "__module__", None) or type(command).__module__)
    files = []
    for name in modules:
        module = sys.modules.get(name or "")
        path = getattr(module, "__file__", None)
        if path:
            files.append(path)
    return files
