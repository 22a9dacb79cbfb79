"""What the reliability checks share: the example programme, running ``yk`` in-process, and a
fingerprint of a store's contents."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kehittajaryhma"
RECORDS = EXAMPLE / "records.json"
SURVEY = EXAMPLE / "surveys" / "2024-kevat-osallistujat.csv"


def yk(*args: object) -> tuple[int, str]:
    """``yk ARGS`` through the command line's ``main()`` in this process: (exit code, stderr)."""
    from yhteiskehitys.cli.main import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, err.getvalue()


def quiet_child() -> None:
    """In a forked child: send its output nowhere, so hundreds of trials stay readable."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.stdout = open(os.devnull, "w")
    sys.stderr = sys.stdout


def programme(target: Path) -> Path:
    """The developer-group example as a working programme folder with its records imported."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLE / "programme.toml", target / "programme.toml")
    if (EXAMPLE / "files").is_dir():
        shutil.copytree(EXAMPLE / "files", target / "files", dirs_exist_ok=True)
    code, err = yk("import", RECORDS, target)
    if code != 0:
        raise RuntimeError(f"cannot build the example programme: {err}")
    return target


def copy_store(source: Path, target: Path) -> None:
    """A store's file copied with its WAL folded in (the source is closed)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_dir():
            shutil.copytree(item, target / item.name, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target / item.name)


def integrity(db: Path) -> str:
    if not db.exists():
        return "ok"
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


ANON = re.compile(r"anon-[0-9a-f]{16}")
"""An erasure's random token: two runs of one erasure differ only in it."""
VOLATILE = {"at", "applied_at", "created", "state_since", "follow_up", "withdrawn", "erased"}
"""Columns that hold the time of a write, so two runs of one command differ in them."""


def fingerprint(db: Path) -> dict[str, tuple[int, str]]:
    """Per table: the number of rows and a hash of their contents without write times."""
    if not db.exists():
        return {}
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if not r[0].startswith("sqlite_")
        ]
        out = {}
        for name in names:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            keep = [c for c in columns if c not in VOLATILE and name not in ("imports",)]
            rows = conn.execute(
                f'SELECT {", ".join(map(_q, keep)) or "1"} FROM "{name}"'
            ).fetchall()
            text = ANON.sub("anon-X", repr(sorted(map(repr, rows))))
            digest = hashlib.sha256(text.encode()).hexdigest()[:16]
            out[name] = (len(rows), digest)
        return out
    finally:
        conn.close()


def _q(name: str) -> str:
    return f'"{name}"'
