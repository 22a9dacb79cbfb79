"""Sticker boards: tallies read into counts per activity and face, all or nothing, stored beside
other instruments in one round, and published as counts under the disclosure threshold."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yhteiskehitys.cli.main import main
from yhteiskehitys.errors import ConfigError
from yhteiskehitys.measure import registry
from yhteiskehitys.measure.disclosure import Suppressed
from yhteiskehitys.measure.results import measure
from yhteiskehitys.measure.stickers import import_tally, read_tally
from yhteiskehitys.plugins import get_plugin_manager
from yhteiskehitys.store import open_store, schema

PM = get_plugin_manager()
BOARD = registry.instruments(PM)["tarrataulu"]
LABELS = [label.fi for label in BOARD.scale.labels]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_a_tally_is_read_by_number_label_or_symbol_in_any_language(tmp_path):
    tally = write(tmp_path / "t.csv", "Toiminta;Kasvot;Määrä\nLaulu;1;3\nLaulu;Kivaa;4\n"
                  "Laulu;😄;5\nLeikki;It was great fun;2\nLeikki;roligt;1\n")  # fmt: skip
    assert read_tally(tally, BOARD) == {
        ("Laulu", 1): 3, ("Laulu", 2): 4, ("Laulu", 3): 5, ("Leikki", 3): 2, ("Leikki", 2): 1
    }  # fmt: skip


def test_one_row_per_sticker_counts_the_rows(tmp_path):
    tally = write(tmp_path / "t.csv", "activity,face\nSinging,3\nSinging,3\nSinging,2\n\n")
    assert read_tally(tally, BOARD) == {("Singing", 3): 2, ("Singing", 2): 1}


def test_every_bad_row_is_named_and_nothing_is_returned(tmp_path):
    tally = write(tmp_path / "t.csv", "activity;face;count\n;1;3\nLaulu;sad;2\nLaulu;2;many\n"
                  "Laulu;2;4\n")  # fmt: skip
    with pytest.raises(ConfigError) as caught:
        read_tally(tally, BOARD)
    lines = caught.value.problems
    assert lines[0] == "t.csv: line 2: activity: empty; name the activity the stickers are for"
    assert lines[1].startswith("t.csv: line 3: face: 'sad' is not a face of the board")
    assert lines[2].startswith("t.csv: line 4: count: 'many' is not a whole number")
    assert lines[-1] == "t.csv: 3 bad row(s); nothing was imported"


@pytest.mark.parametrize("count", ["²", "9" * 5000])
def test_a_count_that_int_refuses_is_a_bad_row_not_an_internal_error(tmp_path, count):
    tally = write(tmp_path / "t.csv", f"activity;face;count\nLaulu;2;{count}\n")
    with pytest.raises(ConfigError, match=r"line 2: count: .* is not a whole number"):
        read_tally(tally, BOARD)


def test_a_file_without_the_columns_or_stickers_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="line 1: no face column"):
        read_tally(write(tmp_path / "a.csv", "activity;count\nLaulu;3\n"), BOARD)
    with pytest.raises(ConfigError, match="no stickers after the header"):
        read_tally(write(tmp_path / "b.csv", "activity;face;count\nLaulu;1;0\n"), BOARD)


def test_a_survey_instrument_is_not_a_sticker_board(tmp_path):
    survey = registry.instruments(PM)["barometer"]
    with pytest.raises(ConfigError, match="is a survey, not a sticker board"):
        read_tally(write(tmp_path / "a.csv", "activity;face\nLaulu;1\n"), survey)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stickers=st.lists(
        st.tuples(st.sampled_from(["Laulu", "Leikki", "Ulkoilu"]), st.integers(1, 3)),
        min_size=1,
        max_size=60,
    )
)
def test_per_sticker_rows_and_their_tally_read_alike(tmp_path, stickers):
    rows = "".join(f"{a};{LABELS[f - 1]}\n" for a, f in stickers)
    counted = Counter(stickers)
    tally = "".join(f"{a};{f};{n}\n" for (a, f), n in counted.items())
    one = read_tally(write(tmp_path / "rows.csv", "activity;face\n" + rows), BOARD)
    other = read_tally(write(tmp_path / "tally.csv", "activity;face;count\n" + tally), BOARD)
    assert one == other == dict(counted)


def _tally(tmp_path: Path, name: str = "t.csv") -> Path:
    return write(tmp_path / name, "activity;face;count\nLeikki;3;12\nLeikki;2;6\nLeikki;1;2\n"
                 "Laulu;3;9\nLaulu;2;7\nLaulu;1;5\n")  # fmt: skip


def test_a_tally_is_stored_once_and_published_as_counts(store, tmp_path):
    instruments = registry.instruments(PM)
    result = import_tally(store, _tally(tmp_path), round_name="r1", instrument=BOARD,
                          group="children")  # fmt: skip
    assert (result.rows, result.unit, result.groups) == (41, "stickers", {"children": 41})
    with pytest.raises(ConfigError, match="already imported"):
        import_tally(store, _tally(tmp_path), round_name="r1", instrument=BOARD, group="children")
    with store.read() as tx:
        (table,) = measure(tx.surveys, instruments, k=5, lang="en", stickers=tx.stickers)
        stored = tx.conn.execute(sa.select(sa.func.sum(schema.sticker_tallies.c.count))).scalar()
    assert stored == 41
    assert table.title == "Sticker board: r1 (children)"
    assert table.cols == ("It was okay", "It was fun", "It was great fun")
    assert table.cells[("Leikki", "It was great fun")].n == 12
    assert isinstance(table.cells[("Leikki", "It was okay")], Suppressed)
    shown = [c.n for c in table.cells.values() if not isinstance(c, Suppressed)]
    assert all(n >= 5 or n == 0 for n in shown)


def test_a_group_keeps_its_instrument_in_a_round_and_nothing_is_written(store, tmp_path):
    survey = registry.instruments(PM)["barometer-lapset"]
    import_tally(store, _tally(tmp_path), round_name="r1", instrument=BOARD, group="children")
    with store.read() as tx:
        before = tx.conn.execute(sa.select(sa.func.count()).select_from(schema.audit)).scalar()
    with pytest.raises(ConfigError, match="group 'children' answered round 'r1' with instrument"):
        with store.transaction() as tx:
            tx.surveys.ensure_round("r1", survey, "children", "lapset.csv")
    with store.read() as tx:
        after = tx.conn.execute(sa.select(sa.func.count()).select_from(schema.audit)).scalar()
    assert after == before


def test_yk_imports_a_tally_and_shows_it(tmp_path, capsys):
    folder = tmp_path / "p"
    assert main(["init", str(folder), "--model", "yhteiskehitys", "--organisation", "K"]) == 0
    tally = _tally(tmp_path)
    args = ["survey", "import", str(tally), str(folder), "--round", "r1", "--instrument",
            "tarrataulu"]  # fmt: skip
    assert main(args) == 2  # a tally needs its group
    assert "--group" in capsys.readouterr().err
    assert main([*args, "--group", "children"]) == 0
    assert "Imported 41 stickers into round r1 (children 41)." in capsys.readouterr().out
    assert main(["measure", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "Tarroja kullakin kasvolla; <5 = alle 5 tarraa" in text and "Keskiarvo" not in text
    assert main(["measure", str(folder), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"stickers": 12' in out and '"<5"' in out
    bad = write(tmp_path / "bad.csv", "activity;face;count\nLaulu;9;1\n")
    assert main(["survey", "import", str(bad), str(folder), "--round", "r2", "--instrument",
                 "tarrataulu", "--group", "children"]) == 2  # fmt: skip
    assert "bad.csv: line 2: face: '9'" in capsys.readouterr().err
    with open_store(folder) as s, s.read() as tx:
        assert [r.name for r in tx.surveys.rounds()] == ["r1"]


def test_a_programme_folder_may_hold_its_own_board(tmp_path):
    folder = tmp_path / "p"
    (folder / "instruments").mkdir(parents=True)
    source = Path(registry.__file__).parent / "instruments" / "tarrataulu.toml"
    text = source.read_text(encoding="utf-8").replace('name = "tarrataulu"', 'name = "oma"')
    (folder / "instruments" / "oma.toml").write_text(text, encoding="utf-8")
    assert registry.instruments(PM, folder)["oma"].is_stickers
    shutil.rmtree(folder)
