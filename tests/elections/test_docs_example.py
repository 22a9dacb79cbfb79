"""docs/elections.md's Python example runs as written, and the page links what exists."""

from __future__ import annotations

import re
from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "docs" / "elections.md"


def test_the_python_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, str(PAGE), "exec"), {"__name__": "elections_doc"})


def test_the_page_names_every_command_of_yk_election():
    from yhteiskehitys.cli.election import election

    text = PAGE.read_text(encoding="utf-8")
    for name, command in election.commands.items():
        subcommands = getattr(command, "commands", None) or {"": command}
        for sub in subcommands:
            assert f"yk election {name} {sub}".strip() in text, (name, sub)
