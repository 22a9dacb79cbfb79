"""What start-up imports: ``yk --help`` and ``yk models`` must not pay for templates or the store.

(Speed itself is measured in bench/; here only what gets imported, which is deterministic.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SCRIPT = """
import contextlib, io, json, sys
from yhteiskehitys.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

NEVER_AT_START = ("jinja2", "sqlalchemy", "psycopg", "scipy", "numpy")


def imported(tmp_path, *args):
    env = {"YK_CACHE_DIR": str(tmp_path), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, env=env, check=True
    )
    data = json.loads(result.stdout)
    assert data["code"] == 0, result.stderr
    return {name.split(".")[0] for name in data["modules"]}, set(data["modules"])


@pytest.mark.parametrize("args", [["--help"], ["models"], ["plugins"]])
def test_no_templates_or_store_at_start(tmp_path, args):
    tops, _ = imported(tmp_path, *args)
    assert tops.isdisjoint(NEVER_AT_START), sorted(tops & set(NEVER_AT_START))


def test_help_from_the_cache_imports_neither_model_nor_plugins(tmp_path):
    imported(tmp_path, "--help")  # fills the cache
    tops, modules = imported(tmp_path, "--help")
    assert tops.isdisjoint({"attrs", "attr", "cattrs", "pluggy", "yhteiskehitys_nuoret_aikuiset"})
    assert not any(m.startswith(("yhteiskehitys.model", "yhteiskehitys.builtin")) for m in modules)
