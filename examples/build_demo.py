"""Rebuild every example into a working programme folder under build/demo/ and run its main job.

Runs the installed ``yk`` command, as a user would; stops with the command's exit code when one
fails, so ``make demo`` fails loudly.
"""

from __future__ import annotations

import functools
import json
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
    target = BUILD / example.relative_to(EXAMPLES)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(example, target, ignore=shutil.ignore_patterns("README.md", "*.py"))
    return target


def programmes() -> list[Path]:
    """Every example's programme folder: ``examples/NAME/`` or, for a case with several
    programmes, ``examples/NAME/PROGRAMME/``."""
    found = [p.parent for p in EXAMPLES.glob("*/programme.toml")]
    found += [p.parent for p in EXAMPLES.glob("*/*/programme.toml")]
    return sorted(found)


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
    "kittila-perhekeskus/lapsiparlamentti": "2024-06-01",
    "kittila-perhekeskus/perhekeskus": "2025-01-15",
}


def name_of(folder: Path, root: Path = BUILD) -> str:
    """A programme's name in the tables here: its folder below ``root`` (``kehittajaryhma``,
    ``kittila-perhekeskus/perhekeskus``)."""
    return folder.relative_to(root).as_posix()


def loop_today(target: Path) -> str:
    return LOOP_TODAY.get(name_of(target), "2025-03-01")


# What else a programme's demo shows: its budget's outcome, its election's result, its answers.
SHOWS = {
    "kittila-perhekeskus/lapsiparlamentti": [("budget", "run", "pihat-2024", "--lang", "fi")],
    "kittila-perhekeskus/perhekeskus": [("election", "show", "nuva-2024"), ("measure",)],
}


def shows(target: Path) -> None:
    for command in SHOWS.get(name_of(target), []):
        yk(*command, str(target))


def records(target: Path) -> None:
    """Load the example's records (records.json, the store's export format) into its store."""
    if (target / "records.json").exists():
        yk("import", str(target / "records.json"), str(target))


def feedback_loop(target: Path) -> None:
    """Show the feedback loop of an example that has records: open and overdue steps, figures."""
    if (target / "records.json").exists():
        today = loop_today(target)
        yk("loop", str(target), "--today", today)
        yk("status", str(target), "--today", today)


def publish(target: Path) -> list[Path]:
    """Build what people read: the site in three languages, certificates and the calendar."""
    if not (target / "records.json").exists():
        return []
    site, certificates, calendar = target / "site", target / "todistukset", target / "kalenteri.ics"
    yk("report", str(target), "--out", str(site))
    outputs = [site / "index.html"]
    if gives_certificates(target):
        yk("certificates", str(target), "--out", str(certificates))
        outputs.append(certificates)
    yk("calendar", str(target), "--out", str(calendar))
    return [*outputs, calendar]


def gives_certificates(target: Path) -> bool:
    """Whether the programme's model gives participation certificates (a family centre's does
    not), as ``yk models --format json`` tells."""
    import tomllib

    model = tomllib.loads((target / "programme.toml").read_text(encoding="utf-8"))["model"]
    return model in certifying_models()


@functools.cache
def certifying_models() -> frozenset[str]:
    """The installed models that give certificates; asked of ``yk`` once for the whole demo."""
    listed = subprocess.run([YK, "models", "--format", "json"], check=True, capture_output=True)
    return frozenset(m["name"] for m in json.loads(listed.stdout) if m["certificates"])


def main() -> None:
    examples = programmes()
    yk("models")
    fresh = BUILD / "uusi-ohjelma"
    if fresh.exists():
        shutil.rmtree(fresh)
    yk("init", str(fresh), "--model", "nuoret-aikuiset", "--organisation", "Esimerkkikunta")
    built, outputs = [], []
    for example in examples:
        target = build(example)
        records(target)
        yk("validate", str(target), "--today", loop_today(target))
        yk("checklist", str(target))
        surveys(target)
        feedback_loop(target)
        shows(target)
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
