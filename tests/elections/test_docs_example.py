"""docs/elections.md names every command of ``yk election``; tests/test_docs_run.py runs its
blocks."""

from __future__ import annotations

from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "docs" / "elections.md"


def test_the_page_names_every_command_of_yk_election():
    from yhteiskehitys.cli.election import election

    text = PAGE.read_text(encoding="utf-8")
    for name, command in election.commands.items():
        subcommands = getattr(command, "commands", None) or {"": command}
        for sub in subcommands:
            assert f"yk election {name} {sub}".strip() in text, (name, sub)
