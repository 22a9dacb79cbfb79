"""Rebuild every example into a working programme folder under build/demo/ and run its main job.

Runs the installed ``yk`` command, as a user would; stops with the command's exit code when one
fails, so ``make demo`` fails loudly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BUILD = ROOT / "build" / "demo"
YK = str(Path(sys.executable).parent / "yk")


def yk(*args: str) -> None:
    print(f"\n$ yk {' '.join(args)}", flush=True)
    result = subprocess.run([YK, *args], check=False)
    if result.returncode != 0:
        sys.exit(f"demo: `yk {' '.join(args)}` exited {result.returncode}")


def build(example: Path) -> Path:
    target = BUILD / example.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(example, target, ignore=shutil.ignore_patterns("README.md"))
    return target


SURVEY_GROUPS = {"osallistujat": "participant", "vertailuryhma": "comparison"}
SURVEY_ROUNDS = {"kevat": "spring", "syksy": "autumn"}


def surveys(target: Path) -> None:
    """Import the example's barometer exports (surveys/<year>-<season>-<group>.csv) and show
    participants against the comparison group."""
    files = sorted((target / "surveys").glob("*.csv")) if (target / "surveys").is_dir() else []
    rounds: list[str] = []
    for file in files:
        year, season, group = file.stem.split("-", 2)
        round_name = f"{year}-{SURVEY_ROUNDS[season]}"
        yk("survey", "import", str(file), "--round", round_name, "--group", SURVEY_GROUPS[group],
           "--reader", "webropol", str(target))  # fmt: skip
        rounds += [] if round_name in rounds else [round_name]
    if files:
        # Rounds in time order: by year, then spring before autumn.
        rounds.sort(key=lambda r: (r[:4], list(SURVEY_ROUNDS.values()).index(r[5:])))
        yk("measure", str(target), *(arg for r in rounds for arg in ("--round", r)))
        yk("measure", str(target), "--by", "item", "--item", "influence3")


# The day each example's loop is judged on, so overdue flags in the demo output stay the same.
LOOP_TODAY = {
    "kehittajaryhma": "2025-03-01",
    "hameenlinna-kohti-uutta": "2025-03-01",
    "kouvola-unelmien-kela": "2023-06-01",
    "liminka-osallisuusmalli": "2019-09-01",
}


def records(target: Path) -> None:
    """Load the example's records (records.json, the store's export format) into its store."""
    if (target / "records.json").exists():
        yk("import", str(target / "records.json"), str(target))


def feedback_loop(target: Path) -> None:
    """Show the feedback loop of an example that has records: open and overdue steps, figures."""
    if (target / "records.json").exists():
        today = LOOP_TODAY.get(target.name, "2025-03-01")
        yk("loop", str(target), "--today", today)
        yk("status", str(target), "--today", today)


def publish(target: Path) -> list[Path]:
    """Build what people read: the site in three languages, certificates and the calendar."""
    if not (target / "records.json").exists():
        return []
    site, certificates, calendar = target / "site", target / "todistukset", target / "kalenteri.ics"
    yk("report", str(target), "--out", str(site))
    yk("certificates", str(target), "--out", str(certificates))
    yk("calendar", str(target), "--out", str(calendar))
    return [site / "index.html", certificates, calendar]


def main() -> None:
    examples = sorted(p for p in EXAMPLES.iterdir() if (p / "programme.toml").exists())
    yk("models")
    fresh = BUILD / "uusi-ohjelma"
    if fresh.exists():
        shutil.rmtree(fresh)
    yk("init", str(fresh), "--model", "nuoret-aikuiset", "--organisation", "Esimerkkikunta")
    built, outputs = [], []
    for example in examples:
        target = build(example)
        records(target)
        yk("validate", str(target), "--today", LOOP_TODAY.get(target.name, "2025-03-01"))
        yk("checklist", str(target))
        surveys(target)
        feedback_loop(target)
        outputs.extend(publish(target))
        built.append(target)
    print("\nDemo programmes built:")
    for path in [fresh, *built]:
        print(f"  {path.relative_to(ROOT)}")
    print("What people read (open the site's index.html in a browser; nothing is sent):")
    for path in outputs:
        print(f"  {path.relative_to(ROOT)}")
    print("Try `.venv/bin/yk status DIR` or `.venv/bin/yk --help` in any of them.")


if __name__ == "__main__":
    main()
