"""`yk survey import` takes every row or none; `yk measure` publishes only what may be shown."""

from __future__ import annotations

import json
import math

import pytest

from yhteiskehitys.cli.main import main
from yhteiskehitys.measure.scoring import Scorer
from yhteiskehitys.measure.stats import Moments
from yhteiskehitys.store import open_store

from . import exports
from .exports import BAROMETER, ITEMS, LABELS_FI


@pytest.fixture
def programme(tmp_path):
    folder = tmp_path / "ohjelma"
    assert main(["init", str(folder), "--model", "nuoret-aikuiset", "--organisation", "Kunta"]) == 0
    return folder


def yk(*args):
    return main([str(a) for a in args])


def stored_rows(folder):
    with open_store(folder) as store, store.read() as tx:
        rounds = tx.surveys.rounds()
        counts = tx.surveys.moments([r.id for r in rounds], ["score"]) if rounds else {}
    return sum(v[0][0] for v in counts.values()), [r.name for r in rounds]


def header_line(sep=";"):
    return sep.join(["Vastaaja", *[f"{i}. {it.text.fi}" for i, it in enumerate(ITEMS, 1)]])


def good_row(n, sep=";"):
    return sep.join([str(n), *["4"] * len(ITEMS)])


MALFORMED = {
    "empty": (b"", 1, "the file is empty"),
    "only-whitespace": (b"  \r\n\r\n", 1, "the file is empty"),
    "binary-garbage": (bytes(range(256)) * 40, 1, "binary data"),
    "gzip-bytes": (b"\x1f\x8b\x08\x00" + bytes(500), 1, "binary data"),
    "header-only": ((header_line() + "\r\n").encode(), 2, "no answers after the header"),
    "missing-column": (
        (
            ";".join(header_line().split(";")[:-1])
            + "\r\n"
            + ";".join(good_row(1).split(";")[:-1])
            + "\r\n"
        ).encode(),
        1,
        "missing column for item trust2",
    ),
    "unknown-column": (
        (header_line() + ";Lempiväri\r\n" + good_row(1) + ";sininen\r\n").encode(),
        1,
        "unknown column 'Lempiväri'",
    ),
    "duplicate-column": (
        (header_line() + f";{ITEMS[0].text.fi}\r\n" + good_row(1) + ";4\r\n").encode(),
        1,
        "two columns for item heard1",
    ),
    "unknown-label": (
        (
            header_line()
            + "\r\n"
            + good_row(1)
            + "\r\n"
            + good_row(2).replace(";4", ";Ihan kiva", 1)
            + "\r\n"
        ).encode(),
        3,
        "unknown answer 'Ihan kiva'",
    ),
    "out-of-range": (
        (header_line() + "\r\n" + good_row(1).replace(";4", ";7", 1) + "\r\n").encode(),
        2,
        "unknown answer '7'",
    ),
    "fractional-point": (
        (header_line() + "\r\n" + good_row(1).replace(";4", ";3,5", 1) + "\r\n").encode(),
        2,
        "unknown answer '3,5'",
    ),
    "ragged-short": (
        (header_line() + "\r\n" + good_row(1) + "\r\n" + "2;4;4\r\n").encode(),
        3,
        "expected 13 fields as in the header, found 3",
    ),
    "ragged-long": (
        (header_line() + "\r\n" + good_row(1) + ";4;4\r\n").encode(),
        2,
        "expected 13 fields as in the header, found 15",
    ),
    "bad-encoding-late": (
        (header_line() + "\r\n").encode("utf-8") + b"1" + b";4" * 11 + b";\x81\x8d\r\n",
        2,
        "neither UTF-8 nor Windows-1252",
    ),
    "unterminated-quote": (
        (header_line() + "\r\n" + good_row(1) + "\r\n" + '2;"4;4\r\n').encode(),
        3,
        "expected 13 fields",
    ),
    "email-as-key": (
        ("Tunnus;" + header_line() + "\r\n" + "nuori@example.org;" + good_row(1) + "\r\n").encode(),
        2,
        "not an e-mail address",
    ),
    "bad-last-row-only": (
        (
            header_line()
            + "\r\n"
            + "\r\n".join(good_row(n) for n in range(1, 30))
            + "\r\n30;"
            + ";".join(["5"] * 11)
            + ";Kyllä\r\n"
        ).encode(),
        31,
        "unknown answer 'Kyllä'",
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_files_exit_2_name_the_line_and_import_nothing(programme, tmp_path, capsys, name):
    content, line, reason = MALFORMED[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content)
    code = yk(
        "survey",
        "import",
        path,
        "--round",
        "2024-spring",
        "--group",
        "participant",
        "--reader",
        "webropol",
        programme,
    )
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"line {line}" in err and reason in err, err
    assert "Traceback" not in err
    assert stored_rows(programme) == (0, [])


def test_duplicate_key_within_a_file_and_across_imports(programme, tmp_path, capsys):
    head = "Tunnus;" + header_line()
    rows = [f"k{n};{good_row(n)}" for n in range(1, 8)] + [f"k3;{good_row(9)}"]
    first = tmp_path / "a.csv"
    first.write_text("\r\n".join([head, *rows]) + "\r\n", encoding="utf-8")
    assert (
        yk(
            "survey",
            "import",
            first,
            "--round",
            "r1",
            "--group",
            "participant",
            "--reader",
            "webropol",
            programme,
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "line 9: respondent key 'k3' answered round 'r1' already (line 4)" in err
    assert stored_rows(programme)[0] == 0
    first.write_text("\r\n".join([head, *rows[:-1]]) + "\r\n", encoding="utf-8")
    assert (
        yk(
            "survey",
            "import",
            first,
            "--round",
            "r1",
            "--group",
            "participant",
            "--reader",
            "webropol",
            programme,
        )
        == 0
    )
    second = tmp_path / "b.csv"
    second.write_text(
        "\r\n".join([head, f"k5;{good_row(1)}", f"k99;{good_row(2)}"]) + "\r\n", encoding="utf-8"
    )
    assert (
        yk(
            "survey",
            "import",
            second,
            "--round",
            "r1",
            "--group",
            "comparison",
            "--reader",
            "webropol",
            programme,
        )
        == 2
    )
    assert "line 2: respondent key 'k5' answered round 'r1' already (a.csv line 6)" in (
        capsys.readouterr().err
    )
    assert (
        yk(
            "survey",
            "import",
            first,
            "--round",
            "r1",
            "--group",
            "participant",
            "--reader",
            "webropol",
            programme,
        )
        == 2
    )
    assert "already imported into round 'r1'" in capsys.readouterr().err
    assert stored_rows(programme)[0] == 7


def _webropol(tmp_path, name, rows):
    return exports.webropol(tmp_path / name, rows, encoding="utf-8-sig")


def shifted(n, seed, shift):
    base = exports.answers(n, seed)
    return [[None if p is None else max(1, min(5, p + shift)) for p in row] for row in base]


def test_measure_reports_change_and_did_that_python_recomputes(programme, tmp_path, capsys):
    data = {
        ("2024-spring", "participant"): shifted(30, 1, -1),
        ("2024-autumn", "participant"): shifted(32, 2, 0),
        ("2024-spring", "comparison"): shifted(40, 3, 0),
        ("2024-autumn", "comparison"): shifted(38, 4, 0),
    }
    for (round_name, group), rows in data.items():
        path = _webropol(tmp_path, f"{round_name}-{group}.csv", rows)
        assert (
            yk(
                "survey",
                "import",
                path,
                "--round",
                round_name,
                "--group",
                group,
                "--reader",
                "webropol",
                programme,
            )
            == 0
        )
    capsys.readouterr()
    assert yk("measure", programme, "--format", "json") == 0
    result = json.loads(capsys.readouterr().out)
    table = result["tables"][0]
    scorer = Scorer(BAROMETER)
    moments = {
        key: Moments.of([s[-1] for s in map(scorer.score, rows) if s[-1] is not None])
        for key, rows in data.items()
    }
    cells = {row["row"]: row["cells"] for row in table["rows"]}
    spring = cells["participant"]["2024-spring"]
    assert spring["n"] == moments[("2024-spring", "participant")].n
    assert spring["mean"] == pytest.approx(moments[("2024-spring", "participant")].mean, abs=1e-9)
    change_p = (
        moments[("2024-autumn", "participant")].mean - moments[("2024-spring", "participant")].mean
    )
    change_c = (
        moments[("2024-autumn", "comparison")].mean - moments[("2024-spring", "comparison")].mean
    )
    assert cells["participant"]["change"]["estimate"] == pytest.approx(change_p, abs=1e-9)
    did = cells["participant − comparison"]["change"]
    assert did["estimate"] == pytest.approx(change_p - change_c, abs=1e-9)
    assert did["low"] < did["estimate"] < did["high"]

    assert yk("measure", programme, "--by", "dimension") == 0
    text = capsys.readouterr().out
    assert "Tulla kuulluksi (0–100)" in text and "α=" in text
    assert (
        yk("measure", programme, "--by", "item", "--format", "csv", "--round", "2024-spring") == 0
    )
    csv_text = capsys.readouterr().out
    assert csv_text.startswith("table,row,column,statistic,value")
    assert "Täysin samaa mieltä" in csv_text


def test_small_groups_are_never_published(programme, tmp_path, capsys):
    for group, n in (("participant", 25), ("comparison", 3), ("other", 12)):
        path = _webropol(tmp_path, f"{group}.csv", exports.answers(n, seed=n))
        assert (
            yk(
                "survey",
                "import",
                path,
                "--round",
                "2024-spring",
                "--group",
                group,
                "--reader",
                "webropol",
                programme,
            )
            == 0
        )
    capsys.readouterr()
    for by in ("group", "dimension", "item"):
        assert yk("measure", programme, "--by", by, "--format", "json") == 0
        data = json.loads(capsys.readouterr().out)
        for table in data["tables"]:
            for row in table["rows"]:
                for cell in row["cells"].values():
                    if isinstance(cell, dict) and "n" in cell:
                        assert not 1 <= cell["n"] < 5
        first = {row["row"]: row["cells"] for row in data["tables"][0]["rows"]}
        assert first["comparison"]["2024-spring"] == "<5"
        assert first["other"]["2024-spring"] == "hidden"  # secondary: the smallest other group
        assert first["participant"]["2024-spring"]["n"] == (25 if by != "item" else 22)
    assert yk("measure", programme) == 0
    out = capsys.readouterr().out
    assert "<5" in out and "hidden" in out.replace("piilotettu", "hidden")
    assert yk("measure", programme, "--lang", "en") == 0
    out = capsys.readouterr().out
    assert "<5 = fewer than 5 respondents" in out
    assert "hidden = hidden so that a smaller group cannot be worked out" in out
    for lang, primary, secondary in (
        ("fi", "<5 = alle 5 vastaajaa", "piilotettu = piilotettu, jotta pienempää ryhmää"),
        ("sv", "<5 = färre än 5 svarande", "dold = dold så att en mindre grupp"),
    ):
        assert yk("measure", programme, "--lang", lang) == 0
        out = capsys.readouterr().out
        assert primary in out and secondary in out


def test_store_import_and_aggregates_on_each_backend(store, tmp_path):
    from yhteiskehitys.measure.importing import import_export
    from yhteiskehitys.measure.readers.webropol import READER

    rows = exports.answers(50, seed=11)
    path = exports.webropol(tmp_path / "w.csv", rows, encoding="cp1252")
    result = import_export(
        store,
        path,
        round_name="2024-spring",
        instrument=BAROMETER,
        reader=READER,
        group="participant",
    )
    assert result.rows == 50
    scorer = Scorer(BAROMETER)
    expected = Moments.of([s[-1] for s in map(scorer.score, rows) if s[-1] is not None])
    with store.read() as tx:
        (r,) = tx.surveys.rounds()
        n, total, total_sq = tx.surveys.moments([r.id], ["score"])[(r.id, "participant")][0]
        dist = tx.surveys.distribution([r.id], ["p01"], 5)[(r.id, "participant")][0]
        entries = [e for e in tx.audit.entries(entity="survey_round") if e.action == "import"]
    assert n == expected.n
    assert total == pytest.approx(expected.total) and total_sq == pytest.approx(expected.total_sq)
    assert dist == [sum(1 for row in rows if row[0] == p) for p in range(1, 6)]
    assert entries and entries[0].after["rows"] == 50
    assert not math.isnan(expected.mean)
    assert LABELS_FI[0] == "Täysin eri mieltä"


def test_alpha_of_fewer_than_k_complete_answers_is_not_shown(programme, tmp_path, capsys):
    """Alpha uses only respondents who answered every item of the dimension: 12 have a score
    for 'heard', but 3 answered all its items, so its alpha would describe 3 people."""
    heard3 = [item.id for item in ITEMS].index("heard3")
    rows = exports.answers(12, seed=5)
    rows = [[p if p is not None else 3 for p in row] for row in rows]
    for row in rows[3:]:
        row[heard3] = None
    path = _webropol(tmp_path, "p.csv", rows)
    args = ("survey", "import", path, "--round", "r1", "--group", "participant")
    assert yk(*args, "--reader", "webropol", programme) == 0
    capsys.readouterr()
    assert yk("measure", programme, "--by", "dimension", "--format", "json") == 0
    tables = {t["title"]: t for t in json.loads(capsys.readouterr().out)["tables"]}
    heard = tables["Tulla kuulluksi (0–100)"]["rows"][0]["cells"]["r1"]
    assert heard["n"] == 12 and "alpha" not in heard
    influence = tables["Vaikuttaminen (0–100)"]
    assert "alpha" in influence["rows"][0]["cells"]["r1"]
