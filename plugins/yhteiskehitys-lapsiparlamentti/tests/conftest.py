# ruff: noqa: E501  (the commands read better unbroken)
"""A small children's parliament in a temporary folder, built with ``yk`` as a user would."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from yhteiskehitys.cli.main import main

SETUP = """
init {f} --model lapsiparlamentti --organisation "Esimerkin kunta"
school add levi {f} --name "Levin koulu"
school add sirkka {f} --name "Sirkan koulu"
actor add ope-levi {f} --name "Opettaja A" --organisation levi --role teacher
actor add ope-sirkka {f} --name "Opettaja B" --organisation sirkka --role teacher
actor add lautakunta {f} --name "Sivistyslautakunta" --organisation kunta --organisation-name "Esimerkin kunta"
participant add L-1 {f} --birth-year 2015 --school levi --role pupil_representative
participant add S-1 {f} --birth-year 2016 --school "Sirkan koulu" --role pupil_representative
consent add L-1 {f} --kind guardian --given 2026-08-20
consent add S-1 {f} --kind guardian --given 2026-08-21
idea new I-1 {f} --title "Keinut koulun pihalle" --channel classes --at 2026-09-01
"""


def yk(*args: str | Path) -> int:
    return main([str(a) for a in args])


def run_lines(text: str, folder: Path) -> None:
    for line in text.strip().splitlines():
        argv = shlex.split(line.format(f=shlex.quote(str(folder))))
        assert main(argv) == 0, line


@pytest.fixture
def parliament(tmp_path: Path) -> Path:
    """Two schools with a teacher and a pupil representative each, and one idea."""
    folder = tmp_path / "lp"
    run_lines(SETUP, folder)
    return folder


@pytest.fixture
def yk_lines():
    """``yk_lines(text, folder)``: run each line of ``text`` as a ``yk`` command; each must pass."""
    return run_lines
