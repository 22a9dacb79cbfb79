"""Child impact assessment (lapsivaikutusten arviointi): recorded with a commission through the
library and `yk child-impact`, audited, exported, and complete only when the children were told."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from yhteiskehitys import open_programme
from yhteiskehitys.cli.main import main
from yhteiskehitys.errors import FieldError, YhteiskehitysError

AT = datetime(2025, 3, 1, tzinfo=UTC)


@pytest.fixture
def programme(tmp_path):
    folder = tmp_path / "p"
    assert main(["init", str(folder), "--model", "yhteiskehitys", "--organisation", "K"]) == 0
    with open_programme(folder, operator="koordinaattori") as p:
        p.actors.add("a-1", name="Neuvola", organisation="k", organisation_name="Kunta")
        p.commissions.new("C-1", title="Piha", question="Mitä pihalle?", actor="a-1", at=AT)
        yield p


def test_answers_are_kept_until_answered_again_and_audited(programme):
    p = programme
    first = p.child_impacts.record("C-1", affected="Lapset 0-6")
    assert [s for s, done in first.steps if done] == ["affected"]
    second = p.child_impacts.record("C-1", heard="Tarrataulu", telling="Juliste")
    assert second.impact.affected == "Lapset 0-6" and second.impact.heard == "Tarrataulu"
    assert [s for s, done in second.steps if not done] == ["changes", "told"]
    log = [e for e in p.log(entity="child_impact")]
    assert [e.action for e in log] == ["add", "update"]
    assert log[-1].after["telling"] == "Juliste"


def test_refusals_write_nothing(programme):
    p = programme
    with pytest.raises(YhteiskehitysError, match="no commission 'C-9'"):
        p.child_impacts.record("C-9", affected="x")
    with pytest.raises(FieldError, match="heard"):
        p.child_impacts.record("C-1", heard="   ")
    with pytest.raises(FieldError, match="answer at least one question"):
        p.child_impacts.record("C-1")
    assert p.child_impacts.show("C-1").impact is None
    assert [e for e in p.log() if e.entity == "child_impact"] == []


def test_the_report_back_is_the_last_step(programme):
    p = programme
    p.child_impacts.record("C-1", affected="a", heard="b", changes="c", telling="d")
    assert not p.child_impacts.show("C-1").complete
    p.commissions.start("C-1", at=AT)
    p.findings.add("F-1", subject="C-1", text="Keinu", recorded=date(2025, 3, 1))
    p.commissions.document("C-1", at=AT)
    p.commissions.deliver("C-1", at=AT)
    p.commissions.respond("C-1", outcome="adopted", decided_by="Neuvola", change="Keinu",
                          decision_text="§ 3", at=AT)  # fmt: skip
    p.commissions.report_back("C-1", channel="poster", text="Keinu tuli", at=AT)
    assert p.child_impacts.show("C-1").complete


def test_the_assessment_travels_in_the_export(programme, tmp_path):
    programme.child_impacts.record("C-1", affected="Lapset", changes="Uusi keinu")
    text = programme.export()
    rows = json.loads(text)["records"]["child_impacts"]
    assert [(r["commission"], r["affected"], r["heard"]) for r in rows] == [
        ("C-1", "Lapset", None)
    ]  # fmt: skip
    (tmp_path / "e.json").write_text(text, encoding="utf-8")
    assert main(["import", str(tmp_path / "e.json"), str(tmp_path / "copy")]) == 0
    with open_programme(tmp_path / "copy") as copy:
        assert copy.child_impacts.show("C-1").impact.changes == "Uusi keinu"


def test_yk_child_impact_records_and_shows(programme, capsys):
    folder = str(programme.folder)
    programme.close()
    assert main(["child-impact", "C-1", folder, "--affected", "Lapset 0-6"]) == 0
    out = capsys.readouterr().out
    assert "Child impact assessment of C-1 (1/5)" in out
    assert "[x] Who is affected: Lapset 0-6" in out
    assert main(["child-impact", "C-1", folder]) == 0
    assert "[ ] The children were told" in capsys.readouterr().out
    assert main(["child-impact", "C-9", folder, "--heard", "x"]) == 2
    assert "no commission 'C-9'" in capsys.readouterr().err
    assert main(["child-impact", "C-1", folder, "--heard", " "]) == 2
    assert "--heard" in capsys.readouterr().err
