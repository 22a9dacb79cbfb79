"""What a page's code blocks call when they run as one module (see tests/test_docs_run.py).

The module a page becomes has each Python block at the page's own line numbers, so a traceback
names the line of the page. Around each block it calls ``start(i)`` and ``ran(i)``; a shell
block is ``shell(i)``, a Python file of a package (``# src/...``) is ``load(i)``. The plan (the
shell commands, where to report) is the JSON file named by ``YK_DOCS_PLAN``.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, TextIO

PLAN: dict[str, Any] = json.loads(Path(os.environ["YK_DOCS_PLAN"]).read_text(encoding="utf-8"))
FOLDER = Path(PLAN["folder"])
REPORT = Path(PLAN["report"])
CD = re.compile(r"^cd\s+(\S+)$")


class _Tee(io.TextIOBase):
    """Standard output that is also kept, to compare with what the page says it prints."""

    def __init__(self, through: TextIO) -> None:
        self.through = through
        self.kept = io.StringIO()

    def write(self, text: str) -> int:
        self.kept.write(text)
        return self.through.write(text)

    def flush(self) -> None:
        self.through.flush()


_open: dict[int, _Tee] = {}


def _block(i: int) -> dict[str, Any]:
    return PLAN["blocks"][str(i)]


def _setup(i: int) -> None:
    """What the page presupposes before the block (``<!-- setup: ... -->``)."""
    _run(_block(i).get("setup", []))


def start(i: int) -> None:
    """A Python block begins: keep what it prints."""
    _setup(i)
    tee = _Tee(sys.stdout)
    _open[i] = tee
    sys.stdout = tee


def ran(i: int) -> None:
    """A block ran to its end: say so, with what it printed."""
    printed = ""
    if i in _open:
        tee = _open.pop(i)
        sys.stdout = tee.through
        printed = tee.kept.getvalue()
    with REPORT.open("a", encoding="utf-8") as report:
        report.write(json.dumps({"block": i, "printed": printed}) + "\n")


def load(i: int) -> None:
    """A package's file the page shows: written before the page ran; import it here."""
    _setup(i)
    importlib.import_module(_block(i)["module"])


def _only_the_probes_errors(command: str, run: subprocess.CompletedProcess[str]) -> bool:
    """`yk validate` fails (exit 1) when a check reports an error; with the probe plugin
    installed it must, and only the probe's errors may be why."""
    probe = PLAN.get("probe_check")
    if not probe or run.returncode != 1 or "validate" not in command.split():
        return False
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    return bool(errors) and all(line.startswith(f"error: {probe}: ") for line in errors)


def shell(i: int) -> None:
    """Run a shell block's commands one by one in the page's folder."""
    _setup(i)
    _run(_block(i)["commands"])


def _run(commands: list[list[Any]]) -> None:
    """Run commands one by one from the page's folder; stop at the first that fails, naming its
    line of the page."""
    cwd = FOLDER
    for line, command in commands:
        where = f"{PLAN['page']}:{line}: {command}"
        moved = CD.match(command)
        if moved:
            cwd = cwd / moved[1]
            assert cwd.is_dir(), f"{where}: no such folder"
            continue
        run = subprocess.run(
            ["bash", "-c", command],
            input="y\n",  # a command that asks to be sure is answered as the reader would
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        ok = run.returncode == 0 or _only_the_probes_errors(command, run)
        assert ok, f"{where}\nexit {run.returncode}\n{run.stdout}\n{run.stderr}"
