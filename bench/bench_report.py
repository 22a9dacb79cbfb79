"""The whole site of a national-scale programme: ``yk report`` in three languages.

Run by ``make bench`` (never by ``make test``); ``python bench/bench_report.py`` runs it alone.

The store is synthetic and national in scale (``YK_BENCH_SCALE``, default 1.0): 20 000
participants, 2 000 sessions of 20-40 people, 6 000 commissions and 6 000 ideas across 60
themes and 400 actors, two findings per subject that was worked on, answers and report-backs for
most, 300 actors' feedback and 40 pilots. Each subject's loop state is set as the loop would
have left it. The bench reads the store and builds every page (about 14 000 per language) into
a fresh folder, ``YK_BENCH_ROUNDS`` times (default 3), and prints the median and the time per
kind of page. Target: under 30 s.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

SCALE = float(os.environ.get("YK_BENCH_SCALE", "1.0"))
ROUNDS = int(os.environ.get("YK_BENCH_ROUNDS", "3"))
TARGET = 30.0
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kehittajaryhma"
BUILD = ROOT / "build" / "bench"
START = date(2022, 1, 10)


def n(base: int) -> int:
    return max(1, int(base * SCALE))


def make_store(folder: Path) -> dict[str, int]:
    """Fill ``folder``'s store with the synthetic programme; returns the counts."""
    from yhteiskehitys.model import (
        Actor,
        CollaborationFeedback,
        Commission,
        Consent,
        Finding,
        Idea,
        Note,
        Organisation,
        Participant,
        Pilot,
        ReportBack,
        Response,
        Session,
        Theme,
    )  # fmt: skip
    from yhteiskehitys.store import open_store

    rng = random.Random(2024)
    day = lambda d: START + timedelta(days=d)  # noqa: E731
    moment = lambda d: datetime.combine(day(d), clock(12), tzinfo=UTC)  # noqa: E731
    consent = Consent(kind="own", given=START, scope=("participation", "certificate"))
    people = [Participant(id=f"P{i:06d}", birth_year=1990 + i % 16, consents=[consent])
              for i in range(n(20000))]  # fmt: skip
    orgs = [Organisation(id=f"org{i}", name=f"Organisaatio {i}") for i in range(40)]
    actors = [Actor(id=f"A{i:04d}", name=f"Toimija {i}", organisation=f"org{i % 40}")
              for i in range(n(400))]  # fmt: skip
    themes = [Theme(id=f"T{i:03d}", title=f"Teema {i}: arki, opiskelu ja palvelut",
                    kind="permanent" if i % 3 == 0 else "situational",
                    description="Ilmiö nuorten arjesta.") for i in range(60)]  # fmt: skip
    commissions = [
        Commission(id=f"C{i:05d}", title=f"Toimeksianto {i}: miten palvelu paranee",
                   question="Mitä mieltä olette palvelun uudesta mallista ja miksi?",
                   actor=actors[i % len(actors)].id, theme=themes[i % 60].id,
                   created=day(i % 900))
        for i in range(n(6000))
    ]  # fmt: skip
    ideas = [
        Idea(id=f"I{i:05d}", title=f"Idea {i}: pidempi aukioloaika", text="Nuorten toive.",
             channel=rng.choice(["meeting", "event", "social_media"]), theme=themes[i % 60].id,
             submitted=day(i % 900), actor=actors[i % len(actors)].id)
        for i in range(n(6000))
    ]  # fmt: skip
    sessions = [
        Session(id=f"S{i:05d}", date=day(i * 900 // n(2000)), kind="workshop",
                title=f"Työpaja {i}", methods=["pair", "group_discussion"],
                facilitators=[actors[i % len(actors)].id],
                attendees=[p.id for p in rng.sample(people, rng.randint(20, 40))],
                commissions=[c.id for c in commissions[i * 3 % len(commissions):][:3]])
        for i in range(n(2000))
    ]  # fmt: skip
    subjects = [("commission", c, c.created) for c in commissions] + [
        ("idea", i, i.submitted) for i in ideas
    ]
    findings, responses, backs, states = [], [], [], {"commission": {}, "idea": {}}
    for index, (kind, subject, started) in enumerate(subjects):
        stage = index % 10  # 0-1 new, 2 in work, 3 delivered, 4-5 responded, 6-9 told back
        begun = (started - START).days
        state = {"commission": "commissioned", "idea": "routed"}[kind]
        if stage >= 2:
            state = "in_work"
        if stage >= 3:
            for j in range(2):
                findings.append(Finding(id=f"F{index:06d}-{j}", subject=subject.id,
                                        text="Ryhmän näkemys: selkeämpi kieli ja nopeampi vastaus.",
                                        session=sessions[index % len(sessions)].id,
                                        recorded=day(begun + 10)))  # fmt: skip
            state = "delivered"
        if stage >= 4:
            outcome = ("adopted", "adapted", "not_adopted", "pending")[index % 4]
            responses.append(Response(
                subject=subject.id, outcome=outcome, decided_by="Palvelupäällikkö",
                decided=day(begun + 30), change="Ohjeet kirjoitettiin uudelleen.",
                reason="Ei mahdollista tänä vuonna." if outcome == "not_adopted" else "",
                follow_up=day(begun + 120) if outcome == "pending" else None,
                decision_text="Päätös kirjattu.",
            ))  # fmt: skip
            state = "responded"
        if stage >= 6:
            backs.append(ReportBack(subject=subject.id, at=moment(begun + 40), channel="meeting",
                                    text="Kerrottu ryhmälle.", operator="bench"))  # fmt: skip
            state = "reported_back"
        states[kind].setdefault(state, []).append((subject, moment(begun + 40)))
    feedback = [
        CollaborationFeedback(id=f"FB{i:04d}", actor=actors[i % len(actors)].id,
                              given=day(i % 900), rating=1 + i % 5,
                              barriers=[Note(text="Aikataulut eivät sovi.")],
                              successes=[Note(text="Nuorten ääni kuului.")])
        for i in range(n(300))
    ]  # fmt: skip
    pilots = [Pilot(id=f"PL{i:03d}", title=f"Pilotti {i}", goal="Uusi tapa osallistua.",
                    start=day(i * 20), end=day(i * 20 + 60),
                    decision=("permanent", "continue", "dropped", None)[i % 4])
              for i in range(40)]  # fmt: skip
    with open_store(folder, operator="bench") as store, store.transaction() as tx:
        tx.organisations.add_many(orgs)
        tx.actors.add_many(actors)
        tx.themes.add_many(themes)
        tx.participants.add_many(people)
        for kind, repo in (("commission", tx.commissions), ("idea", tx.ideas)):
            for state, items in states[kind].items():
                repo.add_many([s for s, _ in items], state=state, at=items[0][1])
        tx.sessions.add_many(sessions)
        tx.findings.add_many(findings)
        tx.responses.add_many(responses)
        tx.report_backs.add_many(backs)
        tx.feedback.add_many(feedback)
        tx.pilots.add_many(pilots)
    return {"participants": len(people), "sessions": len(sessions),
            "commissions": len(commissions), "ideas": len(ideas), "findings": len(findings),
            "responses": len(responses)}  # fmt: skip


def build(folder: Path, out: Path) -> tuple[float, object]:
    from yhteiskehitys.folder import ProgrammeFolder
    from yhteiskehitys.plugins import get_plugin_manager
    from yhteiskehitys.render import environment
    from yhteiskehitys.render.records import load_records
    from yhteiskehitys.render.site import build_site

    start = time.perf_counter()
    pm = get_plugin_manager()
    opened = ProgrammeFolder.open(folder, pm)
    state = type("State", (), {"pm": pm, "database": None})()
    records = load_records(opened, state, figures=True)
    loaded = time.perf_counter() - start
    result = build_site(
        records, out, lambda lang: environment(lang, programme_folder=folder, pm=pm)
    )
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
    assert main() < TARGET


if __name__ == "__main__":
    main()
