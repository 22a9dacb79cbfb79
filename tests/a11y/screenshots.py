"""Take screenshots of the example's site for the documentation (``make screenshots``).

Builds the example with ``yk report`` into a temporary folder and photographs a few pages in
headless Chromium; writes ``<page>-<lang>.png`` into the folder given on the command line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import Browser, chromium_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kehittajaryhma"
SURVEY_GROUPS = {"osallistujat": "participant", "vertailuryhma": "comparison"}
PAGES = (
    ("fi", "index.html", "dashboard"),
    ("fi", "said-did.html", "said-did"),
    ("sv", "said-did.html", "said-did"),
    ("en", "take-part.html", "take-part"),
    ("fi", "take-part.html", "take-part"),
    ("en", "item/*.html", "item"),
    ("fi", "session/*.html", "session"),
)


def main(target: Path) -> None:
    executable = chromium_path()
    if executable is None:
        sys.exit("screenshots: chromium is not installed (apt-get install chromium)")
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "example"
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("*.db*"))
        site = Path(tmp) / "site"
        yk = str(Path(sys.executable).parent / "yk")
        if (folder / "records.json").exists():
            subprocess.run([yk, "import", str(folder / "records.json"), str(folder)], check=True)
        for csv in sorted((folder / "surveys").glob("*.csv")):
            year, season, group = csv.stem.split("-", 2)
            command = [yk, "survey", "import", str(csv), "--round", f"{year}-{season}",
                       "--group", SURVEY_GROUPS[group], "--reader", "webropol",
                       str(folder)]  # fmt: skip
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([yk, "report", str(folder), "--out", str(site)], check=True)
        with Browser(executable, width=1000, height=800) as browser:
            for lang, pattern, name in PAGES:
                found = sorted((site / lang).glob(pattern))
                if not found:
                    print(f"  skipped {lang}/{pattern}: no such page in the example")
                    continue
                browser.open(found[0].as_uri())
                out = target / f"{name}-{lang}.png"
                browser.screenshot(out)
                print(f"  {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
