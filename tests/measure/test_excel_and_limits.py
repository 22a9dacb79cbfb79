"""Survey exports as Excel saves them, and texts longer than the store holds on any backend."""

from __future__ import annotations

import pytest

from yhteiskehitys.cli.main import main
from yhteiskehitys.measure.parse import GROUP_LIMIT, TEXT_LIMITS
from yhteiskehitys.measure.readers.tabular import parse_datetime
from yhteiskehitys.store import schema

from .exports import ITEMS
from .test_survey_cli import good_row, header_line, stored_rows


@pytest.fixture
def programme(tmp_path, monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / "ohjelma"
    assert main(["init", str(folder), "--model", "nuoret-aikuiset"]) == 0
    return folder


def _import(programme, path, *more):
    return main(
        ["survey", "import", str(path), "--round", "2024-spring", "--group", "participant",
         "--reader", "webropol", *map(str, more), str(programme)]
    )  # fmt: skip


def test_limits_are_the_columns_of_the_store():
    columns = schema.survey_responses.c
    assert TEXT_LIMITS == {
        "age_band": columns.age_band.type.length,
        "area": columns.area.type.length,
    }
    assert GROUP_LIMIT == columns.grp.type.length


def test_a_sep_line_names_the_delimiter(programme, tmp_path):
    path = tmp_path / "excel.csv"
    lines = ["sep=;", header_line(), *(good_row(n) for n in range(1, 8))]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="cp1252")
    assert _import(programme, path) == 0
    assert stored_rows(programme) == (7, ["2024-spring"])


def test_a_sep_line_keeps_line_numbers_right(programme, tmp_path, capsys):
    path = tmp_path / "excel.csv"
    lines = ["sep=;", header_line(), good_row(1), good_row(2).replace(";4", ";9", 1)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="cp1252")
    assert _import(programme, path) == 2
    assert "line 4:" in capsys.readouterr().err
    assert stored_rows(programme) == (0, [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-03-01T12:00:00Z", "2024-03-01 12:00:00"),
        ("2024-03-01T12:00:00.250Z", "2024-03-01 12:00:00.250000"),
        ("2024-03-01 14:00:00+02:00", "2024-03-01 12:00:00"),
        ("2024-03-01T12:00:00", "2024-03-01 12:00:00"),
    ],
)
def test_iso_times_with_z_are_read(text, expected):
    assert str(parse_datetime(text)) == expected


def test_a_bare_year_is_not_a_day_in_1905():
    with pytest.raises(ValueError, match="a year alone"):
        parse_datetime("2024")


def _with_area(programme, tmp_path, area: str, name: str):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[columns]\narea = "Alue"\nanswered_at = "Aika"\n', encoding="utf-8")
    path = tmp_path / name
    head = "Alue;Aika;" + header_line()
    body = [f"{area};2024-03-0{n}T10:00:00Z;{good_row(n)}" for n in range(1, 6)]
    path.write_text("\r\n".join([head, *body]) + "\r\n", encoding="utf-8")
    return _import(programme, path, "--mapping", mapping)


def test_an_area_longer_than_the_store_holds_is_refused_by_line(programme, tmp_path, capsys):
    assert _with_area(programme, tmp_path, "A" * 65, "long.csv") == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "area: at most 64 characters (got 65)" in err
    assert stored_rows(programme) == (0, [])


def test_a_bare_year_in_the_time_column_is_refused_by_line(programme, tmp_path, capsys):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[columns]\nanswered_at = "Aika"\n', encoding="utf-8")
    path = tmp_path / "year.csv"
    path.write_text(f"Aika;{header_line()}\r\n2024;{good_row(1)}\r\n", encoding="utf-8")
    assert _import(programme, path, "--mapping", mapping) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "a year alone" in err


def test_the_same_area_limit_on_every_backend(store, tmp_path):
    from yhteiskehitys.errors import ConfigError
    from yhteiskehitys.measure.importing import import_export
    from yhteiskehitys.measure.readers.mapping import ColumnMapping
    from yhteiskehitys.measure.readers.webropol import READER

    from .exports import BAROMETER

    path = tmp_path / "long.csv"
    path.write_text(f"Alue;{header_line()}\r\n{'B' * 65};{good_row(1)}\r\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="area: at most 64 characters"):
        import_export(
            store, path, round_name="r1", instrument=BAROMETER, reader=READER,
            group="participant", mapping=ColumnMapping(columns={"area": "Alue"}),
        )  # fmt: skip
    with store.read() as tx:
        assert tx.surveys.rounds() == []
    assert ITEMS
