"""Everyday verbs of a coordinator: withdraw a consent, correct or remove a session, mark a
checklist item done earlier — each through the library (``open_programme``) and through ``yk``,
audited, and refused with the fix named and nothing written."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from yhteiskehitys import open_programme
from yhteiskehitys.errors import FieldError, YhteiskehitysError

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kehittajaryhma" / "programme.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "programme.toml")
    with open_programme(tmp_path, operator="tester") as prog:
        prog.actors.add("kela", name="Kela", organisation="kela", organisation_name="Kela")
        prog.ideas.new("i1", title="Chat-palvelu")
        prog.participants.add("p1", birth_year=2000)
        prog.participants.add("p2", birth_year=2001)
        prog.consents.add(
            "p1", kind="own", given=date(2024, 1, 1), scope=["participation", "photos"]
        )
        prog.sessions.add("s1", date=date(2024, 3, 5), kind="workshop", attendees=["p1"])
        prog.sessions.add("s2", date=date(2024, 3, 12), kind="workshop", attendees=["p2"])
        prog.findings.add("f1", subject="i1", text="Illalla", session="s1")
    return tmp_path


def audit(prog, entity):
    return [(e.action, e.entity_id) for e in prog.log(entity=entity)]


def test_library_consent_withdraw_keeps_the_other_scopes(folder):
    with open_programme(folder, operator="tester") as prog:
        done = prog.consents.withdraw("p1", scope=["photos"], at=date(2024, 6, 1))
        assert [n for n, _ in done.withdrawn] == [1] and done.withdrawn[0][1].withdrawn == date(
            2024, 6, 1
        )
        assert [(n, c.scope, c.given) for n, c in done.kept] == [
            (2, ("participation",), date(2024, 6, 1))
        ]
        p1 = prog.participants.get("p1")
        assert p1.consent_covers(date(2024, 7, 1), "participation")
        assert not p1.consent_covers(date(2024, 7, 1), "photos")
        assert p1.consent_covers(date(2024, 5, 31), "photos")
        with pytest.raises(FieldError) as refused:
            prog.consents.withdraw("p1", scope=["photos"], at=date(2024, 7, 1))
        assert refused.value.field == "scope" and "in force: participation" in str(refused.value)
        with pytest.raises(FieldError) as refused:
            prog.consents.withdraw("p2", at=date(2024, 7, 1))
        assert refused.value.field == "at"
        prog.consents.withdraw("p1", at=date(2024, 8, 1))
        assert not prog.participants.get("p1").consent_covers(date(2024, 8, 2), "participation")
        assert ("update", "p1") in audit(prog, "consent")


def test_library_session_edit_and_remove(folder):
    with open_programme(folder, operator="tester") as prog:
        new = prog.sessions.edit("s2", title="Toinen", attendees=["p1", "p2"], ideas=["i1"])
        assert (new.title, new.attendees, new.ideas, new.date) == (
            "Toinen",
            ("p1", "p2"),
            ("i1",),
            date(2024, 3, 12),
        )
        with pytest.raises(FieldError) as refused:
            prog.sessions.edit("s2", kind="no_such_kind")
        assert refused.value.field == "kind"
        with pytest.raises(FieldError) as refused:
            prog.sessions.edit("s1", date=date(2024, 3, 6))
        assert refused.value.field == "date" and "f1" in str(refused.value)
        with pytest.raises(YhteiskehitysError, match="nothing to change"):
            prog.sessions.edit("s1")
        with pytest.raises(FieldError) as refused:
            prog.sessions.remove("s1")
        assert refused.value.field == "move_findings_to" and "f1" in str(refused.value)
        assert [s.id for s in prog.sessions.list()] == ["s1", "s2"]
        with pytest.raises(YhteiskehitysError, match="s404"):
            prog.sessions.remove("s1", move_findings_to="s404")
        assert [s.id for s in prog.sessions.list()] == ["s1", "s2"]
        prog.sessions.remove("s1", move_findings_to="s2")
        assert [s.id for s in prog.sessions.list()] == ["s2"]
        with prog.read() as tx:
            assert tx.findings.get("f1").session == "s2"
        assert ("remove", "s1") in audit(prog, "session")
        assert ("update", "s2") in audit(prog, "session")
        assert ("update", "f1") in audit(prog, "finding")


def test_cli_consent_withdraw_session_edit_remove_and_checklist_done_at(folder, yk):
    r = yk("consent", "withdraw", "p1", folder, "--scope", "photos", "--at", "2024-06-01")
    assert r.returncode == 0, r.stderr
    assert "Withdrew consent 1" in r.stdout and "Consent 2 (own: participation)" in r.stdout
    r = yk("consent", "withdraw", "p1", folder, "--scope", "photos", "--at", "2024-07-01")
    assert r.returncode == 2 and "--scope" in r.stderr and "Traceback" not in r.stderr

    r = yk("session", "edit", "s2", folder, "--title", "Toinen", "--idea", "i1")
    assert r.returncode == 0, r.stderr
    assert "ideas: i1" in yk("session", "list", folder).stdout
    r = yk("session", "edit", "s1", folder, "--date", "2024-03-06")
    assert r.returncode == 2 and "--date" in r.stderr and "f1" in r.stderr
    r = yk("session", "remove", "s1", folder)
    assert r.returncode == 2 and "--move-findings-to" in r.stderr and "f1" in r.stderr
    assert "s1" in yk("session", "list", folder).stdout
    r = yk("session", "remove", "s1", folder, "--move-findings-to", "s2")
    assert r.returncode == 0, r.stderr
    assert "s1 " not in yk("session", "list", folder).stdout
    log = yk("log", folder, "--entity", "session").stdout
    assert "remove" in log and "s1" in log

    with open_programme(folder) as prog:
        first = prog.template.phases[0].items[0].id
    r = yk("checklist", folder, "--done", first, "--at", "2024-02-01")
    assert r.returncode == 0, r.stderr
    with open_programme(folder) as prog, prog.read() as tx:
        assert tx.checklist.done()[first].on == date(2024, 2, 1)


def test_library_checklist_done_on_an_earlier_day(folder):
    with open_programme(folder, operator="tester") as prog:
        first, second = (i.id for i in prog.template.phases[0].items[:2])
        found = prog.checklist.mark_done([first, second], on=date(2024, 1, 15))
        assert found.marked == [first, second]
        with prog.read() as tx:
            done = tx.checklist.done()
        assert (done[first].on, done[first].by) == (date(2024, 1, 15), "tester")
        with pytest.raises(YhteiskehitysError):
            prog.checklist.mark_done(["no_such_item"], on=date(2024, 1, 15))
