"""The conformance kit checks instruments and readers, and gives checks a real, empty store."""

from __future__ import annotations

import attrs
import pytest

from yhteiskehitys import hookimpl
from yhteiskehitys.builtin import measure
from yhteiskehitys.checks import Check, Problem
from yhteiskehitys.convert import make_converter
from yhteiskehitys.errors import ConfigError
from yhteiskehitys.measure.instrument import builtin_instruments
from yhteiskehitys.measure.readers.base import TabularReader
from yhteiskehitys.model import Text
from yhteiskehitys.testing.conformance import check_plugin

BAROMETER = next(i for i in builtin_instruments(make_converter("toml")) if i.name == "barometer")
OWN = attrs.evolve(BAROMETER, name="kuntabarometri", title=Text(fi="Kuntabarometri"))
CONTRACT = "see yhteiskehitys.measure.readers.base.Reader"


def plugin_with(hook: str, items: list) -> object:
    """A throwaway plugin whose ``hook`` returns ``items``."""

    class Plugin:
        pass

    def implementation(self):
        return items

    implementation.__name__ = hook
    setattr(Plugin, hook, hookimpl(implementation))
    return Plugin()


def test_a_good_instrument_and_reader_conform():
    reader = TabularReader(name="kyselynetti", description="Kyselynetti export (CSV).")
    assert check_plugin(plugin_with("yk_instruments", [OWN])) == []
    assert check_plugin(plugin_with("yk_readers", [reader])) == []


def test_the_builtin_instruments_and_readers_conform():
    assert check_plugin(measure) == []


def test_not_an_instrument_is_named():
    problems = check_plugin(plugin_with("yk_instruments", ["not an instrument"]))
    assert problems == [
        "yk_instruments: 'not an instrument' is not an Instrument "
        "(yhteiskehitys.measure.instrument.Instrument)"
    ]


def test_an_instrument_reusing_a_name_is_named():
    problems = check_plugin(plugin_with("yk_instruments", [BAROMETER, OWN, OWN]))
    assert problems == [
        "instrument 'barometer': the name clashes with a built-in instrument",
        "instrument 'kuntabarometri': offered twice",
    ]


def test_an_instrument_without_a_readable_description_is_named():
    blank = attrs.evolve(OWN, name="tyhja")
    object.__setattr__(blank, "description", Text.__new__(Text))
    object.__setattr__(blank.description, "fi", "  ")
    problems = check_plugin(plugin_with("yk_instruments", [blank]))
    assert "instrument 'tyhja': the description is empty; write one people can read" in problems


def test_not_a_reader_is_named_with_what_it_lacks():
    problems = check_plugin(plugin_with("yk_readers", ["not a reader"]))
    assert problems == [
        "yk_readers: 'not a reader' is not a reader: it lacks `name`, `description`, `ignore`, "
        f"`timestamp`, `open`, `header_keys`, `answer_codes` ({CONTRACT})"
    ]


@attrs.frozen(kw_only=True)
class SloppyReader:
    """Has every member, each wrong in its own way."""

    name: str = "sloppy"
    description: str = " "
    ignore: str = "Sähköposti"
    timestamp: tuple = ("Aika",)

    def open(self, path, mapping):
        raise KeyError("sheet1")

    def header_keys(self, header):
        return header

    def answer_codes(self, points):
        return {"A1": 0}


def test_each_broken_member_of_a_reader_is_named():
    problems = check_plugin(plugin_with("yk_readers", [SloppyReader()]))
    assert problems == [
        "reader 'sloppy': `description` must be a line of text people can read",
        "reader 'sloppy': `ignore` must be a tuple of column headers (strings)",
        "reader 'sloppy': header_keys('1. Minua kuunnellaan') returned '1. Minua kuunnellaan', "
        f"not a tuple of strings ({CONTRACT})",
        "reader 'sloppy': answer_codes(5) returned {'A1': 0}, not a dict of answer texts to "
        f"points 1-5 ({CONTRACT})",
        "reader 'sloppy': open() raised KeyError: 'sheet1'; a file it cannot read must raise "
        f"ConfigError naming the file and line ({CONTRACT})",
    ]


def test_a_reader_refusing_the_sample_with_a_config_error_conforms():
    @attrs.frozen
    class ExcelOnly(SloppyReader):
        name: str = "excel"
        description: str = "Excel workbooks."
        ignore: tuple = ()

        def open(self, path, mapping):
            raise ConfigError([f"{path.name}: line 1: not an Excel workbook"])

        def header_keys(self, header):
            return (header.casefold(),)

        def answer_codes(self, points):
            return {}

    assert check_plugin(plugin_with("yk_readers", [ExcelOnly()])) == []


def test_a_reader_reusing_a_name_or_with_a_bad_name_is_named():
    webropol = TabularReader(name="webropol", description="Another Webropol.")
    spaced = TabularReader(name="my reader", description="Spaces in the name.")
    twice = TabularReader(name="twice", description="Offered twice.")
    problems = check_plugin(plugin_with("yk_readers", [webropol, spaced, twice, twice]))
    assert problems[0] == "reader 'webropol': the name clashes with a built-in reader"
    assert problems[1].startswith("yk_readers: TabularReader(name='my reader'")
    assert problems[1].endswith(
        f"has the name 'my reader'; a reader's name is a plain id such as 'webropol' ({CONTRACT})"
    )
    assert problems[2:] == ["reader 'twice': offered twice"]


def test_a_check_gets_a_real_empty_store():
    seen = {}

    def run(ctx):
        seen["store"] = ctx.store
        with ctx.store.read() as tx:
            seen["themes"] = tx.themes.list()
        return [Problem(check="reads_records", message="fine", severity="warning")]

    plugin = plugin_with("yk_checks", [Check(name="reads_records", description="", run=run)])
    assert check_plugin(plugin) == []
    assert seen["store"] is not None
    assert seen["themes"] == []


@pytest.mark.parametrize("hook", ["yk_instruments", "yk_readers"])
def test_a_crashing_hook_is_named(hook):
    class Crashes:
        pass

    def implementation(self):
        raise RuntimeError("no file")

    implementation.__name__ = hook
    setattr(Crashes, hook, hookimpl(implementation))
    assert check_plugin(Crashes()) == [f"{hook}() raised RuntimeError: no file"]
