"""Crash: SIGKILL at random moments, and right before or after a commit, during five commands.

Each trial copies a prepared folder, forks a child (the modules already imported, so the kill
lands in the command rather than in start-up) that runs the command through ``yk``'s
``main()``, and kills it: after a random delay up to 1.2 × the command's undisturbed time, or
from inside the child just before or just after one of its database commits. The folder must
then be in the state before the command or the state after it (compared table by table, write
times aside), never in between ("partial") and never with fewer records than before ("lost"),
and SQLite's ``integrity_check`` must say ok.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from attrs import define, field

from .common import (
    RECORDS,
    ROOT,
    SURVEY,
    copy_store,
    fingerprint,
    integrity,
    programme,
    quiet_child,
    yk,
)

DB = "yhteiskehitys.db"
MIGRATION_FIXTURE = ROOT / "tests" / "fixtures" / "stores" / "v1.db"


@define
class Operation:
    name: str
    prepare: Callable[[Path], None]
    run: Callable[[Path], int]
    outcome: Callable[[Path, Operation], str]
    before: list = field(factory=list)
    after: list = field(factory=list)
    seconds: float = 0.0
    commits: int = 0


def _survey(folder: Path) -> int:
    return yk(
        "survey", "import", SURVEY, "--round", "2024-spring", "--group", "participant",
        "--reader", "webropol", folder / "p",
    )[0]  # fmt: skip


def _import(folder: Path) -> int:
    return yk("import", RECORDS, folder / "p")[0]


def _erase(folder: Path) -> int:
    return yk("participant", "erase", "ka-01", folder / "p", "--yes")[0]


def _report(folder: Path) -> int:
    return yk("report", folder / "p", "--out", folder / "site", "--lang", "fi")[0]


def _migrate(folder: Path) -> int:
    from yhteiskehitys.store import open_store

    with open_store(folder / "old.db"):
        return 0


def _store_outcome(db_of: Callable[[Path], Path]) -> Callable[[Path, Operation], str]:
    def outcome(folder: Path, op: Operation) -> str:
        db = db_of(folder)
        if integrity(db) != "ok":
            return "integrity"
        fp = fingerprint(db)
        if fp in op.before:
            return "before"
        if fp in op.after:
            return "after"
        before, after = op.before[0], op.after[0]
        if any(
            fp.get(t, (0, ""))[0] < n <= after.get(t, (0, ""))[0] for t, (n, _) in before.items()
        ):
            return "lost"
        return "partial"

    return outcome


def _import_outcome(folder: Path, op: Operation) -> str:
    from yhteiskehitys.folder_import import PENDING_FILE

    target = folder / "p"
    db = target / DB
    if integrity(db) != "ok":
        return "integrity"
    fp = fingerprint(db)
    has_toml = (target / "programme.toml").exists()
    if fp in op.before and not has_toml:
        return "before"
    if fp in op.after and has_toml:
        return "after"
    if fp in op.after and (target / PENDING_FILE).exists():
        # Committed, killed before the rename: the same import again must finish it.
        code = _import(folder)
        ok = code == 0 and (target / "programme.toml").exists()
        return "after (finished by a second import)" if ok else "partial"
    return "partial"


def _site_outcome(folder: Path, op: Operation) -> str:
    site = folder / "site"
    if not site.exists():
        return "before"
    files = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    return "after" if files == op.after[0] else "partial"


def operations(work: Path) -> list[Operation]:
    base = work / "base"
    if not base.exists():
        programme(base / "p")
    empty = work / "empty"
    empty.mkdir(exist_ok=True)

    def from_base(folder: Path) -> None:
        copy_store(base, folder)

    def from_empty(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)

    def old_store(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(MIGRATION_FIXTURE, folder / "old.db")

    in_p = _store_outcome(lambda f: f / "p" / DB)
    return [
        Operation("survey import", from_base, _survey, in_p),
        Operation("import", from_empty, _import, _import_outcome),
        Operation("participant erase", from_base, _erase, in_p),
        Operation("report", from_base, _report, _site_outcome),
        Operation("migration", old_store, _migrate, _store_outcome(lambda f: f / "old.db")),
    ]


# --- the child ---------------------------------------------------------------------------------


def _child(op: Operation, folder: Path, kill_commit: int, after_commit: bool, pipe: int) -> None:
    import sqlalchemy as sa

    quiet_child()
    count = [0]
    original = sa.engine.Connection.commit

    def commit(self):  # type: ignore[no-untyped-def]
        count[0] += 1
        if count[0] == kill_commit and not after_commit:
            os.kill(os.getpid(), signal.SIGKILL)
        original(self)
        if count[0] == kill_commit and after_commit:
            os.kill(os.getpid(), signal.SIGKILL)

    sa.engine.Connection.commit = commit  # type: ignore[method-assign]
    code = 99
    try:
        code = op.run(folder)
    finally:
        os.write(pipe, f"{count[0]}\n".encode())
        os._exit(code)


def _fork(op: Operation, folder: Path, kill_commit: int = 0, after: bool = False):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            _child(op, folder, kill_commit, after, write)
        finally:
            os._exit(98)
    os.close(write)
    return pid, read


def _wait(pid: int, read: int) -> tuple[int, int]:
    _, status = os.waitpid(pid, 0)
    text = b""
    while chunk := os.read(read, 1024):
        text += chunk
    os.close(read)
    commits = int(text.decode().strip() or 0)
    return (os.waitstatus_to_exitcode(status), commits)


def calibrate(op: Operation, work: Path) -> None:
    """Undisturbed runs: the state before, the state after (twice, to see it is repeatable),
    the command's time and its number of commits."""
    for n in range(2):
        folder = work / f"ref-{op.name.replace(' ', '-')}-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        op.prepare(folder)
        if n == 0:
            op.before = [_before_state(op, folder)]
            if op.name == "import":
                op.before.append(fingerprint(_empty_store(work)))
        started = time.monotonic()
        pid, read = _fork(op, folder)
        code, commits = _wait(pid, read)
        op.seconds = max(op.seconds, time.monotonic() - started)
        op.commits = commits
        if code != 0:
            raise RuntimeError(f"{op.name}: the undisturbed run ended with {code}")
        state = _after_state(op, folder)
        if state not in op.after:
            op.after.append(state)
        shutil.rmtree(folder, ignore_errors=True)


def _empty_store(work: Path) -> Path:
    from yhteiskehitys.store import open_store

    path = work / "empty-store.db"
    if not path.exists():
        open_store(path).close()
    return path


def _before_state(op: Operation, folder: Path):
    if op.name == "report":
        return None
    if op.name == "migration":
        return fingerprint(folder / "old.db")
    return fingerprint(folder / "p" / DB)


def _after_state(op: Operation, folder: Path):
    if op.name == "report":
        site = folder / "site"
        return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    if op.name == "migration":
        return fingerprint(folder / "old.db")
    return fingerprint(folder / "p" / DB)


def run(work: Path, trials: int, seed: int = 20261201, parallel: int = 2) -> dict:
    """``trials`` kills spread over the five commands; returns the figures."""
    rng = random.Random(seed)
    ops = operations(work)
    for op in ops:
        calibrate(op, work)
    outcomes: dict[str, Counter] = {op.name: Counter() for op in ops}
    placements: Counter = Counter()
    started = time.monotonic()
    plan = []
    for n in range(trials):
        op = ops[n % len(ops)]
        mode = rng.choice(["time", "time", "before-commit", "after-commit"])
        commit = rng.randint(1, max(1, op.commits))
        delay = rng.uniform(0.0, 1.2 * op.seconds)
        plan.append((n, op, mode, commit, delay))
    for start in range(0, len(plan), parallel):
        batch = plan[start : start + parallel]
        running = []
        for n, op, mode, commit, delay in batch:
            folder = work / f"trial-{n}"
            op.prepare(folder)
            if mode == "time":
                pid, read = _fork(op, folder)
            else:
                pid, read = _fork(op, folder, commit, after=mode == "after-commit")
            running.append((n, op, mode, delay, pid, read, folder, time.monotonic()))
        for _n, op, mode, delay, pid, read, folder, began in sorted(running, key=lambda r: r[3]):
            if mode == "time":
                time.sleep(max(0.0, began + delay - time.monotonic()))
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            code, _ = _wait(pid, read)
            killed = code == -signal.SIGKILL
            placements[(mode, killed)] += 1
            outcomes[op.name][op.outcome(folder, op)] += 1
            shutil.rmtree(folder, ignore_errors=True)
    return {
        "trials": trials,
        "seconds": time.monotonic() - started,
        "outcomes": {name: dict(c) for name, c in outcomes.items()},
        "killed": sum(v for (mode, killed), v in placements.items() if killed),
        "placements": {
            f"{m} ({'killed' if k else 'finished first'})": v for (m, k), v in placements.items()
        },
        "per_command_seconds": {op.name: round(op.seconds, 3) for op in ops},
        "commits": {op.name: op.commits for op in ops},
        "repeatable": {op.name: len(op.after) == 1 for op in ops},
    }


def bad(figures: dict) -> dict[str, int]:
    """Trials that ended partial, lost or failing the integrity check."""
    totals: Counter = Counter()
    for counts in figures["outcomes"].values():
        for outcome, n in counts.items():
            if outcome in ("partial", "lost", "integrity"):
                totals[outcome] += n
    return dict(totals)
