"""The loop's built-in checks, run as ``yk validate`` runs them."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhteiskehitys import catalogue
from yhteiskehitys.checks import CheckContext, run_checks
from yhteiskehitys.folder import ProgrammeFolder
from yhteiskehitys.loop import actions
from yhteiskehitys.model import (
    Commission,
    Consent,
    Finding,
    Participant,
    ReportBack,
    Response,
    Session,
    Theme,
)
from yhteiskehitys.plugins import get_plugin_manager
from yhteiskehitys.store import open_store

from .conftest import seed

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kehittajaryhma" / "programme.toml"


def at(day: int) -> datetime:
    return datetime(2024, 3, day, 12, tzinfo=UTC)


@pytest.fixture
def problems(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "programme.toml")
    with open_store(tmp_path / "yhteiskehitys.db") as store:
        seed(store)
        with store.transaction() as tx:
            tx.themes.add(Theme(id="orpo", title="Ei käytössä"))
            tx.participants.add(Participant(id="p-young", birth_year=2012))
            tx.participants.add(
                Participant(
                    id="p-ok",
                    birth_year=1999,
                    consents=[Consent(kind="own", given=date(2024, 1, 1))],
                )
            )
            tx.sessions.add(
                Session(
                    id="s1", date=date(2024, 3, 4), kind="workshop", attendees=["p-young", "p-ok"]
                )
            )
            actions.add_commission(
                tx,
                Commission(
                    id="c1",
                    title="T",
                    question="Q",
                    actor="nuoriso",
                    theme="mieli",
                    created=date(2024, 3, 1),
                ),
                at=at(1),
            )
            actions.add_commission(
                tx,
                Commission(
                    id="c2",
                    title="T",
                    question="Q",
                    actor="tyollisyys",
                    theme="tyo",
                    created=date(2024, 3, 1),
                ),
                at=at(1),
            )
            for target in ("commissioned", "in_work"):
                actions.advance(tx, "commission", "c1", target, at=at(2))
            tx.findings.add(Finding(id="f1", subject="c1", text="V", recorded=date(2024, 3, 3)))
            actions.document(tx, "commission", "c1", at=at(3))
            actions.advance(tx, "commission", "c1", "delivered", at=at(4))
            # records written around the loop, as a careless import might
            tx.responses.add(
                Response(
                    subject="c2",
                    outcome="adopted",
                    decided_by="x",
                    decided=date(2024, 3, 5),
                    change="y",
                    decision_text="z",
                )
            )
            tx.report_backs.add(
                ReportBack(subject="c1", at=at(6), channel="email", text="t", operator="o")
            )
    pm = get_plugin_manager()
    opened = ProgrammeFolder.open(tmp_path, pm)
    ctx = CheckContext(programme=opened.programme, template=opened.template, folder=tmp_path)
    try:
        yield run_checks(catalogue.checks(pm), ctx)
    finally:
        ctx.close()


def test_loop_integrity(problems):
    found = {(p.check, p.record, p.message) for p in problems}
    assert (
        "loop_integrity",
        "commission c1",
        "the group was told back, but no response is recorded",
    ) in found
    assert (
        "loop_integrity",
        "commission c2",
        "a response is recorded, but the views were never delivered",
    ) in found


def test_overdue_findings_consent_and_themes(problems):
    by = {}
    for p in problems:
        by.setdefault(p.check, []).append(p)
    assert by["overdue_steps"][0].record == "commission c1"
    assert by["overdue_steps"][0].message.startswith("no response")
    assert by["finding_session"][0].record == "finding f1"
    assert [p.message for p in by["attendance_consent"]] == [
        "participant p-young (aged 11) attended on 2024-03-04 without a guardian's consent "
        "covering participation"
    ]
    assert [p.record for p in by["theme_linked"]] == ["theme orpo"]
    assert not any("the check itself failed" in p.message for p in problems)
