"""Where the shared pabulib files are, and small elections built in code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

PABULIB = Path(__file__).resolve().parents[2] / ".." / "shared" / "pabulib"
FILES = (
    "US_Stanford_Dataset_2023_Youth_Power_PB_LB_vote_approvals.pb",
    "Netherlands_Amsterdam_252.pb",
    "Poland_Czestochowa_2024.pb",
    "Poland_Warszawa_2026.pb",
)


def pabulib_file(name: str) -> Path:
    """A shared ``.pb`` file; skipped (a failure in CI) when the shared folder is absent."""
    path = PABULIB / name
    if not path.exists():
        if os.environ.get("YK_REQUIRE_ALL"):
            pytest.fail(f"shared pabulib data missing: {path}")
        pytest.skip(f"shared pabulib data not beside the clone ({path})")
    return path


def expected() -> dict:
    return json.loads(pabulib_file("expected.json").read_text(encoding="utf-8"))
