"""Each tool's export format, in every encoding and delimiter Finnish offices produce."""

from __future__ import annotations

from datetime import datetime

import pytest

from yhteiskehitys.convert import make_converter
from yhteiskehitys.errors import ConfigError
from yhteiskehitys.measure import registry
from yhteiskehitys.measure.importing import check_all
from yhteiskehitys.measure.readers.mapping import load_mapping
from yhteiskehitys.measure.readers.tabular import parse_datetime, parse_number
from yhteiskehitys.plugins import get_plugin_manager

from . import exports
from .exports import BAROMETER

PM = get_plugin_manager(entry_points=False)


def read(path, reader, mapping=None, group="participant"):
    return check_all(path, BAROMETER, registry.get_reader(PM, reader), mapping, group)


def test_builtin_readers_are_registered_through_the_hook():
    assert set(registry.readers(PM)) == {"csv", "webropol", "limesurvey", "msforms", "googleforms"}
    assert {"barometer", "barometer-lapset"} <= set(registry.instruments(PM))


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_webropol_text_answers_in_every_encoding(tmp_path, encoding):
    expected = exports.answers(30)
    rows = read(exports.webropol(tmp_path / "w.csv", expected, encoding=encoding), "webropol")
    assert [list(r.points) for r in rows] == expected
    assert rows[0].line == 2 and rows[0].group == "participant"
    assert rows[0].age_band == "16-18" and rows[0].area == "Keskusta"
    assert rows[0].answered_at == datetime(2024, 3, 2, 14, 1)


def test_webropol_matrix_headers_and_decimal_commas(tmp_path):
    expected = exports.answers(12, seed=4)
    path = exports.webropol(tmp_path / "w.csv", expected, encoding="utf-8-sig", style="matrix")
    assert [list(r.points) for r in read(path, "webropol")] == expected


@pytest.mark.parametrize("style", ["codes", "text"])
def test_limesurvey_codes_and_full_texts(tmp_path, style):
    expected = exports.answers(25, seed=2)
    rows = read(exports.limesurvey(tmp_path / "l.csv", expected, style=style), "limesurvey")
    assert [list(r.points) for r in rows] == expected
    assert rows[0].answered_at == datetime(2024, 3, 15, 14, 22, 1)


@pytest.mark.parametrize("excel", [False, True])
def test_msforms_never_reads_email_or_name(tmp_path, excel):
    expected = exports.answers(20, seed=3)
    rows = read(exports.msforms(tmp_path / "m.csv", expected, excel_dates=excel), "msforms")
    assert [list(r.points) for r in rows] == expected
    flat = repr(rows)
    assert "example.org" not in flat and "Person" not in flat
    assert rows[0].answered_at.date().isoformat().startswith("2024-03")


@pytest.mark.parametrize("locale", ["en", "fi", "tsv"])
def test_googleforms_locales_and_tabs(tmp_path, locale):
    expected = exports.answers(15, seed=5)
    rows = read(exports.googleforms(tmp_path / "g.csv", expected, locale=locale), "googleforms")
    assert [list(r.points) for r in rows] == expected
    assert rows[0].answered_at.year == 2024
    assert "example.org" not in repr(rows)


def test_generic_csv_with_a_mapping_file(tmp_path):
    expected = exports.answers(40, seed=6)
    path, mapping_file = exports.generic(tmp_path / "g.csv", expected)
    mapping = load_mapping(mapping_file, make_converter("toml"))
    rows = read(path, "csv", mapping)
    assert [list(r.points) for r in rows] == expected
    assert rows[2].respondent_key == "nuori-003"
    assert rows[0].answered_at == datetime(2024, 3, 16)  # Excel serial 45367


def test_a_bad_mapping_file_names_the_field(tmp_path):
    path = tmp_path / "m.toml"
    path.write_text('delimiter = ";;"\ncolour = 1\n[answers]\n"Ihan ok" = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_mapping(path, make_converter("toml"))
    text = "\n".join(caught.value.problems)
    assert "m.toml: delimiter: must be one character" in text
    assert "m.toml: colour: unknown field" in text


def test_numbers_and_dates():
    assert parse_number("4,0") == 4.0 and parse_number(" 3 ") == 3.0 and parse_number("x") is None
    assert parse_datetime("45366.5") == datetime(2024, 3, 15, 12, 0)
    assert parse_datetime("15.3.2024 klo 14.22.01") == datetime(2024, 3, 15, 14, 22, 1)
    assert parse_datetime("2024/03/15 2:22:01 PM EET") == datetime(2024, 3, 15, 14, 22, 1)
    assert parse_datetime("3/15/24 14:22:01") == datetime(2024, 3, 15, 14, 22, 1)
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime("eilen")


def test_windows_1252_further_down_than_the_sample(tmp_path):
    """ASCII for the first rows says nothing: the first non-ASCII bytes decide the encoding."""
    from yhteiskehitys.measure.readers.tabular import SAMPLE_BYTES, open_table

    rows = SAMPLE_BYTES // 5 + 10
    path = tmp_path / "late.csv"
    path.write_bytes(b"id;q1\r\n" + b"1;4\r\n" * rows + "2;En osaa sanoa ä\r\n".encode("cp1252"))
    table = open_table(path)
    try:
        assert table.encoding == "cp1252"
        assert list(table.rows)[-1] == (rows + 2, ["2", "En osaa sanoa ä"])
    finally:
        table.close()


@pytest.mark.parametrize("first", ["q1", "q1 ä"])
def test_an_undecodable_byte_is_named_on_its_own_line(tmp_path, first):
    from yhteiskehitys.measure.readers.tabular import TableError, open_table

    path = tmp_path / "bad.csv"
    path.write_bytes(f"id;{first}\r\n".encode() + b"1;4\r\n" * 20_000 + b"2;\x81\r\n3;4\r\n")
    table = open_table(path)
    try:
        with pytest.raises(TableError, match=r"bad\.csv: line 20002: not valid"):
            list(table.rows)
    finally:
        table.close()
