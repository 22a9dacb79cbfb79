"""``make reliability``: crash, concurrency, fuzz, injection and privacy, with a table of figures.

    python -m reliability.run          # the full run (about 30 minutes): docs/reliability.md
    python -m reliability.run --smoke  # a few trials of each, for the test suite
    python -m reliability.run --only fuzz --kinds records,pb --seconds 60   # the fuzz alone
    YK_TEST_DATABASE_URL=postgresql://... adds PostgreSQL to concurrency and privacy

The fuzz runs in two processes, each with its half of every kind's cases; the kinds take turns,
so when the time is up every kind has run the same share of its cases, and the table says how
many each ran. ``--only fuzz`` runs the fuzz alone for ``--seconds`` (default 60) and prints
each kind's cases per second of fuzzing time (wall clock, and CPU time, which other work on
the machine changes less); it writes no page (``--json`` writes its figures).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reliability import concurrency, crash, fuzz, outputs  # noqa: E402
from reliability.common import programme  # noqa: E402

FULL = {"crash": 1000, "processes": 8, "writes": 1000, "fuzz": 100_000, "payloads": None,
        "minutes": 29.0}  # fmt: skip
SMOKE = {"crash": 10, "processes": 2, "writes": 20, "fuzz": 40, "payloads": 4, "minutes": 5.0}


def run(scale: dict, work: Path, postgresql: str | None, log=print) -> dict:
    began = time.monotonic()
    end = began + scale["minutes"] * 60
    figures: dict = {"scale": scale, "started": datetime.now(UTC).isoformat(timespec="seconds")}
    base = work / "base"
    programme(base / "p")

    log(f"crash: {scale['crash']} trials")
    figures["crash"] = crash.run(work / "crash", scale["crash"])
    log(f"  {crash.bad(figures['crash']) or 'no partial, lost or damaged store'}")

    log(f"concurrency: {scale['processes']} × {scale['writes']} writes")
    figures["concurrency"] = concurrency.run(work, scale["processes"], scale["writes"], postgresql)

    log("injection")
    figures["injection"] = outputs.injection(work / "injection", base, scale["payloads"])
    log("privacy")
    figures["privacy"] = outputs.privacy(work / "privacy", base, postgresql)

    # The fuzz takes what is left of the budget, in two processes.
    left = max(60.0, end - time.monotonic() - 30)
    figures["fuzz"] = run_fuzz(list(fuzz.KINDS), work, scale["fuzz"], left, log)
    figures["seconds"] = round(time.monotonic() - began, 1)
    return figures


def run_fuzz(names: list[str], work: Path, cases: int, seconds: float, log=print) -> dict:
    """The fuzz of ``names``, ``cases`` each, in :data:`fuzz.LANES` processes for at most
    ``seconds``: each process runs its share of every kind, the kinds in turns."""
    log(f"fuzz: {len(names)} kinds × {cases:,} cases, {seconds / 60:.1f} min left")
    until = time.monotonic() + seconds
    share = -(-cases // fuzz.LANES)
    jobs = [(names, str(work / "fuzz"), share, until, lane) for lane in range(fuzz.LANES)]
    with multiprocessing.get_context("fork").Pool(len(jobs), maxtasksperchild=1) as pool:
        results = pool.map(fuzz.run_lane, jobs)
    merged = fuzz.merge(results)
    for name, result in merged.items():
        rate = result["cases"] / result["seconds"] if result["seconds"] else 0.0
        log(f"  {name}: {result['cases']:,} cases ({rate:,.0f}/s), "
            f"{result['internal_errors']} internal errors, {result['partial_writes']} partial "
            "writes")  # fmt: skip
    return {name: merged[name] for name in names}


# --- the report --------------------------------------------------------------------------------


def _ok(good: bool) -> str:
    return "yes" if good else "**NO**"


def table(f: dict) -> str:
    c = f["crash"]
    bad = crash.bad(c)
    conc = f["concurrency"]
    inj = f["injection"]
    priv = f["privacy"]
    fz = f["fuzz"]
    rows = [
        ("crash", f"{c['trials']} SIGKILL trials over 5 commands ({c['killed']} killed mid-run)",
         f"partial {bad.get('partial', 0)}, lost {bad.get('lost', 0)}, "
         f"integrity_check failed {bad.get('integrity', 0)}",
         _ok(not bad)),
    ]  # fmt: skip
    for backend, g in conc.items():
        rows.append(
            (
                f"concurrency ({backend})",
                f"{g['processes']} processes × {g['writes']} writes",
                f"{g['participants']} of {g['expected']} records, audit {g['audit']}, "
                f"errors {g['errors']}, {g['writes_per_second']} writes/s",
                _ok(g["exact"] and g["errors"] == 0),
            )
        )
    for name, g in fz.items():
        rows.append(
            (
                f"fuzz: {name}",
                f"{g['cases']:,} cases ({g['store_cases']:,} reaching the store or the CLI)",
                f"internal errors {g['internal_errors']}, partial writes {g['partial_writes']}",
                _ok(g["internal_errors"] == 0 and g["partial_writes"] == 0),
            )
        )
    t = inj["template_outcomes"]
    crashed = [x for x in inj["output_failures"] if ": exit 3:" in x]
    rows += [
        ("injection: outputs", "site, certificates, .eml, .ics and export of the hostile programme",
         f"internal errors {len(crashed)}, refused {len(inj['output_failures']) - len(crashed)}",
         _ok(not crashed)),
        ("injection: fields", f"{inj['fields']} hostile fields, {inj['outputs']} output files",
         f"unescaped: HTML {len(inj['html'])}, .eml {len(inj['eml'])}, .ics {len(inj['ics'])}",
         _ok(inj["escapes"] == 0)),
        ("injection: templates", f"{inj['template_payloads']} template payloads",
         f"refused {t['refused']}, rendered inert {t['rendered inert']}, escaped {t['escaped']}",
         _ok(t["escaped"] == 0)),
    ]  # fmt: skip
    for backend, g in priv.items():
        rows.append(
            (
                f"privacy ({backend})",
                f"{g['store_bytes_scanned']:,} store bytes, {g['output_files_scanned']} outputs "
                "after erasure",
                f"name, e-mail, phone or notes found {len(g['hits_after_erasure'])} times "
                f"(all four were found before erasure: "
                f"{_ok(len(g['markers_found_before_erasure']) == 4)})",
                _ok(not g["hits_after_erasure"] and len(g["markers_found_before_erasure"]) == 4),
            )
        )
    lines = ["| check | size | result | passed |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def details(f: dict) -> str:
    c = f["crash"]
    out = ["### Crash outcomes per command", ""]
    out += ["| command | undisturbed time (s) | commits | outcomes |", "|---|---|---|---|"]
    for name, counts in c["outcomes"].items():
        text = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        out.append(f"| {name} | {c['per_command_seconds'][name]} | {c['commits'][name]} | {text} |")
    out += ["", "Kill placements: " + ", ".join(f"{k} {v}" for k, v in c["placements"].items())]
    out += ["", "### Fuzz outcomes per kind", ""]
    for name, g in f["fuzz"].items():
        text = ", ".join(f"{k} {v:,}" for k, v in sorted(g["outcomes"].items()))
        out.append(f"- {name}: {text} ({g['seconds']} s of fuzzing, both processes together)")
        if "parts" in g:
            out.append(
                f"  - cases per {g['part']}: "
                + ", ".join(f"{k} {v:,}" for k, v in g["parts"].items())
            )
        out += [f"  - internal error: `{s.splitlines()[0]}`" for s in g["samples"]]
    inj = f["injection"]
    if inj["output_failures"]:
        out += ["", "Outputs of the hostile programme that failed:", ""]
        out += [f"- `{x}`" for x in inj["output_failures"]]
    return "\n".join(out)


DOC = """# Reliability

What `make reliability` measures, and the figures of its last full run. It is not part of
`make test` (a smoke run of a few trials of each check is); run it after a change to the store,
an import, a reader or the templates:

<!-- not-run: takes about 30 minutes; `make test` runs a smoke version of it instead -->
```sh
make reliability                                              # SQLite only
YK_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test make reliability   # and PostgreSQL
.venv/bin/python -m reliability.run --only fuzz --kinds records,pb --seconds 60   # the fuzz alone
```

It runs `python -m reliability.run`, prints the table below and writes this page. The whole run
is bounded by {minutes:.0f} minutes: crash, concurrency, injection and privacy run first, and the
fuzz takes the time left in two processes, each running half of every kind's cases. The kinds
take turns, a slice of each kind's cases a turn, so a kind that has run its {fuzz:,} cases leaves
its turns to the others, and if the time runs out every kind has run the same share of its
cases; the table shows how many each ran. (The survey exports' cases are shared out over the
five readers, which share one tabular core but each have their own seed file; the `.pb` files'
cases over an approval and a cumulative seed.)

The last command above runs the fuzz alone, of some kinds, for a fixed time: it prints the
cases per second of each kind, and writes no page. The kinds are `records`, `programme`,
`surveys`, `mapping` and `pb` (all of them by default).

- **crash**: `survey import`, `import`, `participant erase`, `report` and a migration (schema
  version 1 to the current one), each run in a forked process that is killed with SIGKILL after a
  random delay (up to 1.2 × its undisturbed time) or from inside, just before or just after one of
  its database commits. Afterwards the folder must be in the state before the command or after it
  (table by table, write times aside); `import` killed between its commit and the rename of
  `programme.toml` counts as after only if running the same import again finishes it.
- **concurrency**: processes writing at once, each write a unit of work that reads and then adds
  a participant (every 100th also a theme); the counts must be exact and no process may see an
  error.
- **fuzz**: mutated files of every input kind, the edits drawn by hypothesis (bytes deleted,
  inserted or repeated; tokens such as 3,000 brackets, `NaN`, 30 nines, NUL, a BOM, `sep=;`, `²`;
  values replaced by null, booleans, integers of 2^63 and more, lists, tables, hostile text; rows
  duplicated; keys removed; for `.pb` files the same edits of cells and rows, with the values
  its columns hold: project ids, lists of them, numbers written in every way and `²`), run
  in-process through the library (`records.json` is checked and loaded in a unit of work that
  is then rolled back; `programme.toml` is opened as `yk` opens it, every 25th through
  `yk validate`; survey files are read by their reader, every 200th readable one imported into
  a store; mapping files are read and used; `.pb` files are read as `yk budget run FILE.pb`
  reads them and counted by each installed rule in turn, and every 5th readable one is imported
  whole as a new budget, after which the store must hold the budget with all its projects and
  ballots, or nothing new). An internal error is any exception that is not the library's own
  error (exit 2). (The Add1 rules raise every voter's share one unit a round, as pabutools
  does, so a file whose costs are far above the shares takes as many rounds; a file that would
  need more than 200 is counted by `mes` instead.)
- **injection**: hostile text (HTML, template syntax, CR/LF with e-mail headers and calendar
  properties, bidi controls) in every free-text field of the example's records and in the
  programme's name and organisation; the site, certificates, e-mail drafts, calendar and export
  are built and read back. Template payloads (sandbox escapes, includes outside the folder,
  symlinks, runaway loops and values) are put in the programme's `templates/` one at a time.
- **privacy**: one participant's name, e-mail, phone and notes set to unique markers, every output
  built, the participant erased, every output built again; the markers are searched for (UTF-8
  and UTF-16) in every byte of the SQLite store and its `-wal`/`-shm`, in every row of every
  PostgreSQL table, and in the outputs. (PostgreSQL keeps old row versions in its data files until
  `VACUUM`; those files are the server's and are not read here.)

## Last run

{when}, {machine}, {seconds:.0f} s in all.

{table}

{details}
"""


def document(f: dict) -> str:
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python " + (
        platform.python_version()
    )
    return DOC.format(
        minutes=f["scale"]["minutes"],
        fuzz=f["scale"]["fuzz"],
        when=f["started"],
        machine=machine,
        seconds=f["seconds"],
        table=table(f),
        details=details(f),
    )


def passed(f: dict) -> bool:
    conc = all(g["exact"] and g["errors"] == 0 for g in f["concurrency"].values())
    fz = all(g["internal_errors"] == 0 and g["partial_writes"] == 0 for g in f["fuzz"].values())
    inj = (
        f["injection"]["escapes"] == 0
        and f["injection"]["template_outcomes"]["escaped"] == 0
        and not [x for x in f["injection"]["output_failures"] if ": exit 3:" in x]
    )
    priv = all(not g["hits_after_erasure"] for g in f["privacy"].values())
    return not crash.bad(f["crash"]) and conc and fz and inj and priv


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a few trials of each check")
    parser.add_argument("--out", type=Path, default=None, help="where to write the page")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    parser.add_argument("--minutes", type=float, default=None, help="the time budget")
    parser.add_argument("--only", choices=["fuzz"], help="run only this check")
    parser.add_argument("--kinds", help="with --only fuzz: these kinds, e.g. records,pb")
    parser.add_argument("--seconds", type=float, default=60.0,
                        help="with --only fuzz: how long (default 60)")  # fmt: skip
    parser.add_argument("--cases", type=int, default=None,
                        help="with --only fuzz: cases of each kind (default 100000)")  # fmt: skip
    args = parser.parse_args(argv)
    scale = dict(SMOKE if args.smoke else FULL)
    if args.minutes:
        scale["minutes"] = args.minutes
    if args.only == "fuzz":
        return fuzz_only(args, scale)
    out = args.out or (None if args.smoke else ROOT / "docs" / "reliability.md")
    work = Path(tempfile.mkdtemp(prefix="yk-reliability-"))
    postgresql = os.environ.get("YK_TEST_DATABASE_URL")
    try:
        figures = run(scale, work, postgresql)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(figures))
    if out is not None:
        out.write_text(document(figures), encoding="utf-8")
        print(f"Wrote {out}.")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    return 0 if passed(figures) else 1


def fuzz_only(args: argparse.Namespace, scale: dict) -> int:
    """``--only fuzz``: the fuzz of some kinds for a fixed time, with each kind's speed."""
    names = fuzz.kind_names(args.kinds)
    cases = args.cases or scale["fuzz"]
    work = Path(tempfile.mkdtemp(prefix="yk-reliability-"))
    try:
        results = run_fuzz(names, work, cases, args.seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| kind | cases | fuzzing time (s) | cases/s | CPU time (s) | cases/CPU-s "
          "| internal errors | partial writes |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, g in results.items():
        rate = g["cases"] / g["seconds"] if g["seconds"] else 0.0
        cpu = g["cases"] / g["cpu_seconds"] if g["cpu_seconds"] else 0.0
        print(f"| {name} | {g['cases']:,} | {g['seconds']} | {rate:,.1f} | {g['cpu_seconds']} "
              f"| {cpu:,.1f} | {g['internal_errors']} | {g['partial_writes']} |")  # fmt: skip
        for sample in g["samples"]:
            print(f"  internal error: {sample.splitlines()[0]}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    good = all(g["internal_errors"] == 0 and g["partial_writes"] == 0 for g in results.values())
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
