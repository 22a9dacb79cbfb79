"""``yk election``: the command line of the issue, and bad input that exits 2, names the row
and stores nothing."""

from __future__ import annotations

import json

import pytest

from yhteiskehitys.cli.main import main
from yhteiskehitys.store import open_store
from yhteiskehitys.store.transfer import export_text

ROLL = """voter,birth_year,municipality,studying,school
v001,2009,Kittilä,yes,Levin koulu
v002,2008,Kittilä,kyllä,Kittilän lukio
v003,2010,Kittilä,no,Levin koulu
v004,2003,Kittilä,yes,Kittilän lukio
v005,2009,Sodankylä,yes,Levin koulu
v017,2011,Kittilä,yes,Kittilän lukio
"""
NEW = [
    "--title", "Nuorisovaltuustovaalit 2025", "--seats", "2", "--deputies", "1",
    "--opens", "2025-03-03", "--closes", "2025-03-14",
    "--rule", "municipality=Kittilä", "--rule", "studying=yes", "--rule", "age=13-20",
]  # fmt: skip


@pytest.fixture
def folder(tmp_path, monkeypatch):
    for var in ("YK_DATABASE_URL", "YK_OPERATOR"):
        monkeypatch.delenv(var, raising=False)
    path = tmp_path / "ohjelma"
    path.mkdir()
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _records(folder):
    with open_store(folder) as store:
        return json.loads(export_text(store))["records"]


def _elected(folder, capsys, roll=ROLL):
    (folder / "roll.csv").write_text(roll, encoding="utf-8")
    assert run(capsys, "election", "new", "nuva", folder, *NEW)[0] == 0
    assert (
        run(
            capsys,
            "election",
            "roll",
            "import",
            "nuva",
            folder / "roll.csv",
            folder,
            "--at",
            "2025-02-01",
        )[0]
        == 0
    )
    for cid, name in [("v001", "Aino Esimerkki"), ("v017", "Eino Esimerkki"), ("v002", "Sini")]:
        code, _, err = run(
            capsys,
            "election",
            "candidate",
            "add",
            "nuva",
            cid,
            folder,
            "--name",
            name,
            "--at",
            "2025-02-01",
        )
        assert code == 0, err


def test_the_issue_s_command_line_from_new_to_publish(folder, capsys):
    _elected(folder, capsys)
    code, out, err = run(
        capsys,
        "election",
        "codes",
        "nuva",
        folder,
        "--out",
        folder / "codes.csv",
        "--at",
        "2025-02-02",
    )
    assert code == 0, err
    assert "Wrote 3 code(s)" in out
    lines = (folder / "codes.csv").read_text().splitlines()
    assert lines[0] == "voter,code" and [line.split(",")[0] for line in lines[1:]] == [
        "v001",
        "v002",
        "v017",
    ]
    code_of = dict(line.split(",") for line in lines[1:])
    code, _, err = run(
        capsys,
        "election",
        "codes",
        "nuva",
        folder,
        "--out",
        folder / "codes.csv",
        "--at",
        "2025-02-02",
    )
    assert code == 2 and "exists" in err
    for voter, choice in [("v001", "v017"), ("v002", "v017"), ("v017", "v001")]:
        code, out, err = run(
            capsys,
            "election",
            "vote",
            "nuva",
            folder,
            "--code",
            code_of[voter],
            "--candidate",
            choice,
            "--at",
            "2025-03-05T10:00:00+02:00",
        )
        assert (code, out) == (0, "Vote recorded. Thank you!\n"), err
    code, _, err = run(
        capsys,
        "election",
        "vote",
        "nuva",
        folder,
        "--code",
        code_of["v001"],
        "--candidate",
        "v017",
        "--at",
        "2025-03-05",
    )
    assert code == 2 and "already been used" in err
    (folder / "paper.csv").write_text("place;candidate;votes\nKirjasto;v002;1\n", encoding="utf-8")
    assert (
        run(capsys, "election", "ballots", "import", "nuva", folder / "paper.csv", folder)[0] == 0
    )
    code, _, err = run(capsys, "election", "publish", "nuva", folder, "--at", "2025-03-10")
    assert code == 2 and "voting is open until 2025-03-14 24:00" in err
    code, out, err = run(
        capsys,
        "election",
        "count",
        "nuva",
        folder,
        "--seed",
        "2025",
        "--format",
        "json",
        "--at",
        "2025-03-15",
    )
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"elected", "deputies", "votes", "lots", "seed"}
    assert data["votes"] == {"v001": 1, "v002": 1, "v017": 2}
    assert data["elected"][0] == "v017" and data["seed"] == 2025
    assert data["lots"] == [
        {"votes": 1, "tied": ["v001", "v002"], "order": data["elected"][1:] + data["deputies"]}
    ]
    code, out, _ = run(
        capsys, "election", "count", "nuva", folder, "--seed", "2025", "--at", "2025-03-15"
    )
    assert code == 0 and "Lots drawn with seed 2025: 1" in out
    code, out, _ = run(capsys, "election", "publish", "nuva", folder, "--at", "2025-03-15")
    assert code == 0 and "Published" in out
    code, out, _ = run(capsys, "election", "show", "nuva", folder, "--format", "json")
    shown = json.loads(out)
    assert shown["roll"]["ineligible"]["lives_elsewhere"]["fi"] == "asuu muualla"
    assert shown["result"]["published_at"].startswith("2025-03-15")
    code, out, _ = run(capsys, "election", "show", "nuva", folder)
    assert code == 0 and "yli 20-vuotias / over 20 (too_old): 1" in out


def _refused(folder, capsys, args, *expected):
    before = _records(folder) if (folder / "yhteiskehitys.db").exists() else None
    code, out, err = run(capsys, *args)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    for text in expected:
        assert text in err, err
    if before is not None:
        assert _records(folder) == before


def test_bad_input_exits_2_names_the_row_and_stores_nothing(folder, capsys):
    _refused(
        folder,
        capsys,
        ["election", "new", "nuva", folder, *NEW[:8], "--closes", "2025-03-01"],
        "closes: must be after opens",
    )
    assert not (folder / "yhteiskehitys.db").exists() or _records(folder)["elections"] == []
    _elected(folder, capsys)
    bad = folder / "bad.csv"
    bad.write_text(
        "voter,birth_year,municipality,school\nv100,2009,Kittilä,Levi\n", encoding="utf-8"
    )
    _refused(
        folder,
        capsys,
        ["election", "roll", "import", "nuva", bad, folder, "--at", "2025-02-01"],
        "bad.csv: line 1: missing column(s) studying",
    )
    bad.write_text(
        "voter,birth_year,municipality,studying,school\nv100,2009,Kittilä,yes,A\nv101,2009,Kittilä,yes,A\nv100,2010,Kittilä,yes,A\n",
        encoding="utf-8",
    )
    _refused(
        folder,
        capsys,
        ["election", "roll", "import", "nuva", bad, folder, "--at", "2025-02-01"],
        "bad.csv: line 4: voter 'v100' is given twice (first on line 2)",
    )
    bad.write_text(
        "voter,birth_year,municipality,studying,school\nv100,20o9,Kittilä,yes,A\nv101,2009,Kittilä,maybe,A\n",
        encoding="utf-8",
    )
    _refused(
        folder,
        capsys,
        ["election", "roll", "import", "nuva", bad, folder, "--at", "2025-02-01"],
        "bad.csv: line 2: birth_year",
        "bad.csv: line 3: studying: expected yes or no",
    )
    _refused(
        folder,
        capsys,
        ["election", "roll", "import", "nuva", folder / "roll.csv", folder, "--at", "2025-02-01"],
        "voter 'v001' is already on the roll",
    )
    bad.write_text("place,candidate,votes\nKirjasto,v001,3\nKirjasto,v999,2\n", encoding="utf-8")
    _refused(
        folder,
        capsys,
        ["election", "ballots", "import", "nuva", bad, folder],
        "bad.csv: line 3: 'v999' is not a candidate",
    )
    bad.write_text("place,candidate,votes\nKirjasto,v001,kolme\n", encoding="utf-8")
    _refused(
        folder,
        capsys,
        ["election", "ballots", "import", "nuva", bad, folder],
        "bad.csv: line 2: votes",
    )
    _refused(
        folder,
        capsys,
        [
            "election",
            "candidate",
            "add",
            "nuva",
            "v005",
            folder,
            "--name",
            "X",
            "--at",
            "2025-02-01",
        ],
        "not eligible to stand: lives elsewhere (asuu muualla)",
    )
    _refused(
        folder,
        capsys,
        [
            "election",
            "vote",
            "nuva",
            folder,
            "--code",
            "7KQ-4MX",
            "--candidate",
            "v999",
            "--at",
            "2025-03-05",
        ],
        "'v999' is not a candidate",
    )
    _refused(
        folder,
        capsys,
        ["election", "new", "x", folder, *NEW, "--rule", "colour=blue"],
        "unknown kind 'colour'",
    )
    _refused(
        folder, capsys, ["election", "new", "x", folder, *NEW, "--quota", "Levi"], "SCHOOL=SEATS"
    )
    _refused(folder, capsys, ["election", "show", "nope", folder], "no election 'nope'")


def test_participants_carry_the_facts_and_the_roll_is_drawn_from_them(folder, capsys):
    args = ["participant", "add"]
    assert (
        run(
            capsys,
            *args,
            "p1",
            folder,
            "--birth-year",
            "2009",
            "--municipality",
            "Kittilä",
            "--studying",
            "yes",
            "--school",
            "Levi",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            *args,
            "p2",
            folder,
            "--birth-year",
            "2009",
            "--municipality",
            "Kittilä",
            "--studying",
            "ei",
        )[0]
        == 0
    )
    code, _, err = run(capsys, *args, "p3", folder, "--studying", "maybe")
    assert code == 2 and "--studying: expected yes or no" in err
    participants = _records(folder)["participants"]
    assert participants[0]["municipality"] == "Kittilä" and participants[0]["school"] == "Levi"
    assert participants[1]["studying"] is False and "school" not in participants[1]
    assert run(capsys, "election", "new", "nuva", folder, *NEW)[0] == 0
    code, out, _ = run(
        capsys, "election", "roll", "participants", "nuva", folder, "--at", "2025-02-01"
    )
    assert code == 0 and "2 voter(s) added, 1 eligible" in out and "not_studying" in out
