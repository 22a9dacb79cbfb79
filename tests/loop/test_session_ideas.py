"""A session handles ideas as well as commissions: model, store, export/import, library, CLI,
and both show on the trail."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhteiskehitys import open_programme
from yhteiskehitys.errors import FieldError, YhteiskehitysError
from yhteiskehitys.render.trails import trails

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kehittajaryhma" / "programme.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "programme.toml")
    at = datetime(2024, 3, 1, 9, tzinfo=UTC)
    with open_programme(tmp_path, operator="tester") as prog:
        prog.actors.add("kela", name="Kela", organisation="kela", organisation_name="Kela")
        prog.commissions.new(
            "c1", title="Verkkopalvelu", question="Mikä auttaa?", actor="kela", at=at
        )
        prog.ideas.new("i1", title="Chat-palvelu", channel="event", at=at)
        prog.participants.add("p1", birth_year=2000)
    return tmp_path


def test_library_session_handles_an_idea_and_the_trail_shows_it(folder, tmp_path_factory):
    with open_programme(folder) as prog:
        new = prog.sessions.add(
            "s1",
            date=date(2024, 3, 5),
            kind="workshop",
            attendees=["p1"],
            commissions=["c1"],
            ideas=["i1"],
        )
        assert new.ideas == ("i1",)
        (stored,) = prog.sessions.list()
        assert (stored.commissions, stored.ideas) == (("c1",), ("i1",))
        with pytest.raises(YhteiskehitysError, match=r"idea 'i404'.*yk idea new"):
            prog.sessions.add("s2", date=date(2024, 3, 6), kind="workshop", ideas=["i404"])
        with pytest.raises(FieldError) as refused:
            prog.sessions.add("s3", date=date(2024, 3, 6), kind="workshop", ideas=["not an id"])
        assert refused.value.field == "ideas"
        assert [s.id for s in prog.sessions.list()] == ["s1"]
        by_id = {t.id: t for t in trails(prog.snapshot())}
        assert [s.id for s in by_id["i1"].sessions] == ["s1"]
        assert [s.id for s in by_id["c1"].sessions] == ["s1"]
        text = prog.export()
    copy = tmp_path_factory.mktemp("copy")
    from yhteiskehitys.store import open_store
    from yhteiskehitys.store.transfer import export_text, import_text

    with open_store(copy / "imported.db") as store:
        import_text(store, text, source="export.json")
        with store.read() as tx:
            assert tx.sessions.get("s1").ideas == ("i1",)
        assert export_text(store) == text


def test_cli_session_add_idea(folder, yk):
    r = yk(
        "session",
        "add",
        "s1",
        folder,
        "--date",
        "2024-03-05",
        "--kind",
        "workshop",
        "--attendee",
        "p1",
        "--idea",
        "i1",
        "--commission",
        "c1",
    )
    assert r.returncode == 0, r.stderr
    out = yk("session", "list", folder).stdout
    assert "commissions: c1" in out and "ideas: i1" in out
    r = yk(
        "session",
        "add",
        "s2",
        folder,
        "--date",
        "2024-03-05",
        "--kind",
        "workshop",
        "--idea",
        "i404",
    )
    assert r.returncode == 2 and "i404" in r.stderr and "Traceback" not in r.stderr
    assert "s2" not in yk("session", "list", folder).stdout
    site = folder / "site"
    r = yk("report", folder, "--out", site)
    assert r.returncode == 0, r.stderr
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    idea_pages = [p for p in pages if "Chat-palvelu" in p and "<h1" in p]
    assert any("workshop" in p.lower() or "työpaja" in p.lower() for p in idea_pages)
