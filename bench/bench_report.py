"""The whole site of a national-scale programme: ``yk report`` in three languages.

Run by ``make bench``; ``make test`` runs it at toy size (``YK_BENCH_SMOKE=1``, see README.md
here); ``python bench/bench_report.py`` runs it alone.

The store is the feedback loop's synthetic national-scale store,
``yhteiskehitys.testing.synthetic.build_loop_store`` (seed 0; actors, themes, commissions and
ideas with their whole loop history, responses and report-backs), with what the site shows
besides added on top: participants, sessions of 20-40 people that handled the commissions, two
findings for every subject the group has documented, actors' feedback and pilots.

``YK_BENCH_SUBJECTS`` commissions and ideas (default 12 000, which gives about 14 000 pages per
language, 42 000 in all). The loop's own benchmark uses a million subjects to time its SQL
figures; a static site with a page per commission and idea would then be three million files,
which no static build writes in 30 seconds, so the site is timed at the size of a large national
programme's own records.

The bench builds every page into a fresh folder ``YK_BENCH_ROUNDS`` times (default 3) and
prints the median and the time per kind of page. Target: under 30 s.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

SMOKE = os.environ.get("YK_BENCH_SMOKE") == "1"
SUBJECTS = int(os.environ.get("YK_BENCH_SUBJECTS", "30" if SMOKE else "12000"))
ROUNDS = int(os.environ.get("YK_BENCH_ROUNDS", "1" if SMOKE else "3"))
TARGET = 30.0
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kehittajaryhma"
BUILD = Path(os.environ.get("YK_BENCH_DIR", ROOT / "build" / "bench"))
WORKED_ON = ("documented", "delivered", "responded", "reported_back")


def make_store(folder: Path) -> dict[str, int]:
    """The loop's synthetic store in ``folder``, with participants, sessions, findings, actors'
    feedback and pilots added through the store's API; returns the counts."""
    from yhteiskehitys.model import (
        CollaborationFeedback,
        Consent,
        Finding,
        Note,
        Participant,
        Pilot,
        Session,
    )  # fmt: skip
    from yhteiskehitys.store import open_store
    from yhteiskehitys.testing.synthetic import build_loop_store

    counts = build_loop_store(folder / "yhteiskehitys.db", subjects=SUBJECTS)
    rng = random.Random(0)
    consent = Consent(kind="own", given=datetime(2021, 1, 1).date(),
                      scope=("participation", "certificate"))  # fmt: skip
    people = [Participant(id=f"P{i:06d}", birth_year=1990 + i % 16, consents=[consent])
              for i in range(max(100, SUBJECTS * 5 // 3))]  # fmt: skip
    with open_store(folder, operator="bench") as store, store.transaction() as tx:
        actors = tx.actors.ids()
        commissions = sorted(tx.commissions.list(), key=lambda c: (c.created, c.id))
        states = {**tx.commissions.states(), **tx.ideas.states()}
        subjects = [*commissions, *tx.ideas.list()]
        sessions = []
        for i in range(0, len(commissions), 3):
            handled = commissions[i : i + 3]
            sessions.append(Session(
                id=f"S{i // 3:06d}", date=handled[-1].created + timedelta(days=7),
                kind="workshop", title=f"Työpaja {i // 3}",
                methods=["pair", "group_discussion"], facilitators=[actors[i % len(actors)]],
                attendees=[p.id for p in rng.sample(people, rng.randint(20, 40))],
                commissions=[c.id for c in handled],
            ))  # fmt: skip
        session_of = {c: s for s in sessions for c in s.commissions}
        findings = []
        for subject in subjects:
            state, since = states[subject.id]
            if state not in WORKED_ON:
                continue
            started = getattr(subject, "created", None) or subject.submitted
            recorded = min(started + timedelta(days=7), since.date())
            session = session_of.get(subject.id)
            for j in range(2):
                findings.append(Finding(
                    id=f"F-{subject.id}-{j}", subject=subject.id, recorded=recorded,
                    text="Ryhmän näkemys: selkeämpi kieli ja nopeampi vastaus.",
                    session=session.id if session else None,
                ))  # fmt: skip
        feedback = [
            CollaborationFeedback(id=f"FB{i:04d}", actor=actors[i % len(actors)],
                                  given=datetime(2022, 1, 1).date() + timedelta(days=i % 900),
                                  rating=1 + i % 5, barriers=[Note(text="Aikataulut.")],
                                  successes=[Note(text="Nuorten ääni kuului.")])
            for i in range(300)
        ]  # fmt: skip
        start = datetime(2022, 1, 10, tzinfo=UTC).date()
        pilots = [Pilot(id=f"PL{i:03d}", title=f"Pilotti {i}", goal="Uusi tapa osallistua.",
                        start=start + timedelta(days=i * 20),
                        end=start + timedelta(days=i * 20 + 60),
                        decision=("permanent", "continue", "dropped", None)[i % 4])
                  for i in range(40)]  # fmt: skip
        tx.participants.add_many(people)
        tx.sessions.add_many(sessions)
        tx.findings.add_many(findings)
        tx.feedback.add_many(feedback)
        tx.pilots.add_many(pilots)
    counts.update(participants=len(people), sessions=len(sessions), findings=len(findings))
    return counts


def build(folder: Path, out: Path) -> tuple[float, object]:
    """``yk report`` as an embedder runs it: one open programme, its snapshot, the site."""
    from yhteiskehitys import open_programme
    from yhteiskehitys.render.site import build_site

    start = time.perf_counter()
    with open_programme(folder) as programme:
        records = programme.snapshot(figures=True)
        loaded = time.perf_counter() - start
        result = build_site(records, out, programme.environment)
    total = time.perf_counter() - start
    result.seconds["(reading the store)"] = loaded
    result.counts["(reading the store)"] = 1
    return total, result


def main() -> float:
    # Under build/, not the system's temporary folder: on some systems creating tens of
    # thousands of files there is far slower than on the disk the site will be written to.
    BUILD.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=BUILD) as tmp:
        folder = Path(tmp) / "programme"
        shutil.copytree(
            EXAMPLE, folder, ignore=shutil.ignore_patterns("*.db*", "surveys", "records.json")
        )
        started = time.perf_counter()
        counts = make_store(folder)
        print(f"synthetic store ({time.perf_counter() - started:.1f} s): "
              + ", ".join(f"{v} {k}" for k, v in counts.items()))  # fmt: skip
        times, result = [], None
        for round_ in range(ROUNDS):
            seconds, result = build(folder, Path(tmp) / f"site{round_}")
            times.append(seconds)
            print(f"  round {round_ + 1}: {seconds:.1f} s, {len(result.pages)} pages")
        median = statistics.median(times)
        print(f"yk report: median of {ROUNDS}: {median:.1f} s for {len(result.pages)} pages "
              f"(target < {TARGET:.0f} s)")  # fmt: skip
        for template, total in sorted(result.seconds.items(), key=lambda kv: -kv[1]):
            count = result.counts[template]
            print(f"  {template:28} {count:7d} × {1000 * total / count:8.2f} ms = {total:6.2f} s")
        return median


def test_report_site_national_scale():
    median = main()
    assert SMOKE or median < TARGET


if __name__ == "__main__":
    main()
