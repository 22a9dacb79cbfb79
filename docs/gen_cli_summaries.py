"""Generate src/yhteiskehitys/cli/summaries.py from the built-in commands' docstrings.

    python docs/gen_cli_summaries.py          # write it (``make docs``)
    python docs/gen_cli_summaries.py --check  # exit 1 when it is stale

A command's docstring is the one place its help is written: its first line is the summary that
``yk --help`` lists. ``yk --help`` must not import every command to read them, so the summaries
are kept in a generated module that a test holds equal to the docstrings.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "yhteiskehitys" / "cli" / "summaries.py"


def summary(command) -> str:
    return (command.help or "").strip().split("\n\n")[0].replace("\n", " ")


def render() -> str:
    from yhteiskehitys.cli.main import BUILTIN_COMMANDS

    lines = [
        '"""One-line summaries of the built-in commands for ``yk --help``.',
        "",
        "Generated from each command's docstring by docs/gen_cli_summaries.py (``make docs``);",
        'do not edit: change the docstring and regenerate."""',
        "",
        "SUMMARIES: dict[str, str] = {",
    ]
    for name, target in sorted(BUILTIN_COMMANDS.items()):
        module, attr = target.split(":")
        text = summary(getattr(importlib.import_module(module), attr))
        lines.append(f"    {json.dumps(name)}: {json.dumps(text, ensure_ascii=False)},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run `make docs`", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
