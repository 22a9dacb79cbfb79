"""The README's Python example: short, and about the programme's own target group.

tests/test_docs_run.py runs every block of the README, also beside a plugin's check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_an_embedding_example():
    blocks = python_blocks()
    assert blocks
    assert len(blocks[0].strip().splitlines()) <= 20


def test_the_example_checks_the_programmes_target_group_not_the_models(
    tmp_path, monkeypatch, capsys
):
    """The organisation narrows the group in programme.toml (ages 18-29 instead of the model's
    13-29): the example's check then refuses the 17-year-old, since it reads the programme's."""
    import yhteiskehitys

    made = yhteiskehitys.create_programme

    def create_and_narrow(folder, **options):
        result = made(folder, **options)
        config = Path(folder) / "programme.toml"
        text = config.read_text(encoding="utf-8")
        assert "[target_group.age]\nmin = 13\n" in text
        config.write_text(
            text.replace("[target_group.age]\nmin = 13\n", "[target_group.age]\nmin = 18\n")
        )
        return result

    monkeypatch.setattr(yhteiskehitys, "create_programme", create_and_narrow)
    monkeypatch.chdir(tmp_path)
    text = README.read_text(encoding="utf-8")
    (block,) = python_blocks()
    above = text[: text.index(block)].count("\n")  # the block at its own lines of the README
    with pytest.raises(AssertionError) as refused:
        exec(compile("\n" * above + block, str(README), "exec"), {"__name__": "readme"})
    lines = [entry.lineno + 1 for entry in refused.traceback if entry.path == README]
    assert "group.check(" in text.splitlines()[lines[-1] - 1]


def test_readme_links_exist():
    text = README.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)\)", text):
        assert (README.parent / target).exists(), target
