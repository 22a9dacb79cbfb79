"""Fuzz: mutated input files of every kind, run in this process through the library and ``yk``.

Each kind starts from a valid seed file and applies edits that hypothesis draws: at the level of
bytes (delete, insert or repeat a span, insert a token that parsers find hard: brackets by the
thousand, ``NaN``, ``9`` × 30, quotes, NUL, a BOM, ``sep=;``) or, for JSON and TOML, at the level
of the data (a value replaced by null, a bool, an integer of 2^63 or more, a list, a table, a
hostile string; a row duplicated; a key removed). Every case must end either in success or in a
:class:`YhteiskehitysError` (exit 2); anything else is an internal error. A case that reaches the
store and fails must leave it as it was (0 partial writes).
"""

from __future__ import annotations

import copy
import json
import shutil
import sys
import time
import tomllib
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .common import RECORDS, ROOT, yk

TOKENS = [
    "[" * 3000, "{" * 3000, "]", "}", '"', "'", "\\", "\x00", "\ufeff", "\r", "\n", "\r\n", ";",
    ",", "\t", "NaN", "Infinity", "-", "9" * 30, "1e999", "null", "true", "[[x]]", "[x]", "=",
    "sep=;\n", "\u2028", "é", "\x81", "2024", "2024-03-01T12:00:00Z", "{{ 7*7 }}", "a" * 300,
]  # fmt: skip
NASTY = [
    None, True, False, 2**63, -(2**63) - 1, 2**64, 10**30, -1, 0, 1, 2**31, 1.5, 1e308, "",
    "x" * 70, "x" * 300, "a\nb", "anon-", "2024-13-45", "1900-01-01", "2024-03-01T12:00:00Z",
    "ka-01", "c-tyo-1", "s-2024-09", [], [1, 2], ["ka-01", "ka-01"], {}, {"id": 1},
    {"a": {"a": {"a": {}}}}, [[[[[[]]]]]], "\x00", "<script>", "{{ 7*7 }}", "Ω" * 65,
]  # fmt: skip
VALUES = st.one_of(st.sampled_from(NASTY), st.integers(), st.text(max_size=6))
BYTE_EDIT = st.tuples(
    st.sampled_from(["delete", "insert", "repeat", "token"]),
    st.integers(0, 2**20),
    st.integers(1, 40),
    st.sampled_from(TOKENS),
)
DATA_EDIT = st.tuples(
    st.sampled_from(["replace", "replace", "delete", "duplicate"]),
    st.integers(0, 2**20),
    VALUES,
)
CASES = st.one_of(
    st.tuples(st.just("bytes"), st.lists(BYTE_EDIT, min_size=1, max_size=3)),
    st.tuples(st.just("data"), st.lists(DATA_EDIT, min_size=1, max_size=3)),
)
BYTES_ONLY = st.tuples(st.just("bytes"), st.lists(BYTE_EDIT, min_size=1, max_size=3))
BATCH = 50
CHUNK = 20
"""Examples per call, so that a kind stops soon after its deadline."""
DEADLINE: float | None = None
"""time.monotonic() at which a kind stops drawing cases (set by the runner's time budget)."""
"""Cases drawn per hypothesis example: its own cost per example is then shared by many."""


def mutate_bytes(seed: bytes, edits: list) -> bytes:
    data = bytearray(seed)
    for op, where, size, token in edits:
        at = where % (len(data) + 1)
        if op == "delete":
            del data[at : at + size]
        elif op == "insert":
            data[at:at] = bytes([where % 256]) * (size % 4 + 1)
        elif op == "repeat":
            data[at:at] = bytes(data[at : at + size]) * 3
        else:
            data[at:at] = token.encode("utf-8", "surrogatepass")
    return bytes(data)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*path, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*path, i)))
    return out


def mutate_data(seed: Any, paths: list[tuple], edits: list) -> Any:
    data = copy.deepcopy(seed)
    for op, where, value in edits:
        path = paths[where % len(paths)]
        if not path:
            continue
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            last = path[-1]
            if op == "replace":
                parent[last] = value
            elif op == "delete":
                del parent[last]
            elif isinstance(parent, list):
                parent.insert(last, copy.deepcopy(parent[last]))
            else:
                parent[f"{last}"] = copy.deepcopy(parent[last])
        except (KeyError, IndexError, TypeError):
            continue
    return data


class Tally:
    def __init__(self) -> None:
        self.cases = 0
        self.outcomes: Counter = Counter()
        self.internal: list[str] = []
        self.partial = 0
        self.store_cases = 0

    def internal_error(self, exc: BaseException, sample: bytes) -> None:
        self.outcomes["internal error"] += 1
        if len(self.internal) < 5:
            where = "".join(traceback.format_exception(exc, limit=-3)[-3:])
            self.internal.append(f"{type(exc).__name__}: {str(exc)[:200]}\n{where}")
            Path("build/reliability").mkdir(parents=True, exist_ok=True)
            Path(f"build/reliability/internal-{len(self.internal)}.bin").write_bytes(sample)

    def figures(self, seconds: float) -> dict:
        return {
            "cases": self.cases,
            "outcomes": dict(self.outcomes),
            "internal_errors": self.outcomes["internal error"],
            "partial_writes": self.partial,
            "store_cases": self.store_cases,
            "seconds": round(seconds, 1),
            "samples": self.internal,
        }


def _drive(seed: bytes, data_seed: Any, dump, execute, cases: int, tally: Tally) -> None:
    paths = _paths(data_seed) if data_seed is not None else []

    strategy = CASES if data_seed is not None else BYTES_ONLY

    @settings(
        max_examples=min(CHUNK, max(1, (cases - tally.cases) // BATCH + 1)),
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(strategy, min_size=BATCH, max_size=BATCH))
    def case(batch):
        if DEADLINE is not None and time.monotonic() > DEADLINE:
            return
        for mode, edits in batch:
            if mode == "data" and paths:
                try:
                    sample = dump(mutate_data(data_seed, paths, edits))
                except (ValueError, TypeError, OverflowError):  # the writer refuses it
                    continue
            elif mode == "data":
                continue
            else:
                sample = mutate_bytes(seed, edits)
            tally.cases += 1
            try:
                outcome = execute(sample)
            except Exception as exc:  # noqa: BLE001 - counted and sampled
                tally.internal_error(exc, sample)
                continue
            tally.outcomes[outcome] += 1

    while tally.cases < cases and (DEADLINE is None or time.monotonic() < DEADLINE):
        case()


# --- the kinds -------------------------------------------------------------------------------


def small_export() -> dict:
    """The example's export cut to the first rows of each kind that still refer to each
    other, so that a case reaching the store costs milliseconds."""
    data = json.loads(RECORDS.read_text(encoding="utf-8"))
    keep = {"ka-01", "ka-02"}
    records = data["records"]
    records["participants"] = [p for p in records["participants"] if p["id"] in keep]
    records["personal_data"] = [p for p in records["personal_data"] if p["participant"] in keep]
    for session in records["sessions"]:
        session["attendees"] = [a for a in session["attendees"] if a in keep]
    data["audit"] = data["audit"][:8]
    return data


def records_kind(work: Path, cases: int) -> dict:
    """records.json: checked, then loaded in a unit of work that is rolled back at the end."""
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.store import open_store
    from yhteiskehitys.store.transfer import _check_header, is_empty, load_data
    from yhteiskehitys.store.validate_export import parse_export, validate_export

    seed_data = small_export()
    seed = json.dumps(seed_data, ensure_ascii=False, indent=1).encode()
    store = open_store(work / "fuzz-records.db")
    tally = Tally()

    class Rollback(Exception):
        pass

    def execute(sample: bytes) -> str:
        try:
            text = sample.decode("utf-8")
            data = parse_export(text, "records.json")
            _check_header(data, "records.json")
            validate_export(data, "records.json")
        except UnicodeDecodeError:
            return "refused"
        except YhteiskehitysError:
            return "refused"
        tally.store_cases += 1
        try:
            with store.transaction() as tx:
                load_data(tx, data, source="records.json")
                raise Rollback
        except Rollback:
            return "accepted"
        except YhteiskehitysError:
            with store.read() as tx:
                if not is_empty(tx):
                    tally.partial += 1
            return "refused by the store's checks"

    started = time.monotonic()
    try:
        _drive(
            seed,
            seed_data,
            lambda d: json.dumps(d, ensure_ascii=False).encode(),
            execute,
            cases,
            tally,
        )
    finally:
        store.close()
    return tally.figures(time.monotonic() - started)


def programme_kind(work: Path, cases: int) -> dict:
    """programme.toml: ``yk validate`` on the folder, through ``main()``."""
    import tomli_w

    source = ROOT / "examples" / "kehittajaryhma" / "programme.toml"
    seed = source.read_bytes()
    seed_data = tomllib.loads(seed.decode("utf-8"))
    folder = work / "fuzz-programme"
    folder.mkdir(parents=True, exist_ok=True)
    tally = Tally()

    def dump(data: Any) -> bytes:
        return tomli_w.dumps(_tomlable(data)).encode("utf-8")

    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.folder import ProgrammeFolder
    from yhteiskehitys.plugins import get_plugin_manager
    from yhteiskehitys.store import open_store
    from yhteiskehitys.store.url import resolve

    pm = get_plugin_manager()

    def execute(sample: bytes) -> str:
        (folder / "programme.toml").write_bytes(sample)
        tally.store_cases += 1
        if tally.cases % 25 == 0:  # the whole command line, now and then
            code, err = yk("validate", folder)
            _clean(folder)
            if code == 3 or "internal error" in err:
                raise RuntimeError(err.strip().splitlines()[0] if err.strip() else "exit 3")
            return {0: "valid", 1: "check failed", 2: "refused"}.get(code, f"exit {code}")
        try:
            opened = ProgrammeFolder.open(folder, pm)
            if opened.programme.database_url:
                url = resolve(folder, programme_url=opened.programme.database_url, environ={})
                open_store(url).close()
        except YhteiskehitysError:
            return "refused"
        finally:
            _clean(folder)
        return "valid"

    started = time.monotonic()
    _drive(seed, seed_data, dump, execute, cases, tally)
    return tally.figures(time.monotonic() - started)


def _clean(folder: Path) -> None:
    for leftover in folder.iterdir():
        if leftover.name != "programme.toml":
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def _tomlable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _tomlable(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_tomlable(v) for v in value if v is not None]
    return value


def _survey_seeds(work: Path) -> dict[str, tuple[Path, Path | None]]:
    sys.path.insert(0, str(ROOT))
    from tests.measure import exports

    rows = exports.answers(6, seed=5)
    seeds = {
        "webropol": (exports.webropol(work / "seed-webropol.csv", rows), None),
        "limesurvey": (exports.limesurvey(work / "seed-limesurvey.csv", rows), None),
        "msforms": (exports.msforms(work / "seed-msforms.csv", rows), None),
        "googleforms": (exports.googleforms(work / "seed-googleforms.csv", rows), None),
    }
    csv, mapping = exports.generic(work / "seed-generic.csv", rows)
    seeds["csv"] = (csv, mapping)
    return seeds


def survey_kind(work: Path, reader_name: str, cases: int, store_every: int = 200) -> dict:
    """One survey reader: every row read and checked; every ``store_every``-th readable case
    also imported into a store, which must then hold all its rows or none."""
    import sqlalchemy as sa

    from yhteiskehitys import catalogue
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.measure.importing import check_all, import_export
    from yhteiskehitys.measure.readers.mapping import load_mapping
    from yhteiskehitys.measure.registry import get_reader
    from yhteiskehitys.plugins import get_plugin_manager
    from yhteiskehitys.store import open_store, schema

    sys.path.insert(0, str(ROOT))
    from tests.measure.exports import BAROMETER

    pm = get_plugin_manager()
    seeds = _survey_seeds(work)
    seed_path, mapping_path = seeds[reader_name]
    mapping = load_mapping(mapping_path, catalogue.converter(pm, "toml")) if mapping_path else None
    reader = get_reader(pm, reader_name)
    sample_path = work / f"fuzz-{reader_name}.csv"
    store = open_store(work / f"fuzz-{reader_name}.db")
    tally = Tally()
    readable = [0]

    def count() -> int:
        with store.read() as tx:
            return tx.conn.execute(
                sa.select(sa.func.count()).select_from(schema.survey_responses)
            ).scalar()

    def execute(sample: bytes) -> str:
        sample_path.write_bytes(sample)
        try:
            rows = check_all(sample_path, BAROMETER, reader, mapping, group="participant")
        except YhteiskehitysError:
            return "refused"
        readable[0] += 1
        if readable[0] % store_every:
            return "read"
        tally.store_cases += 1
        before = count()
        try:
            import_export(
                store, sample_path, round_name=f"r-{tally.cases}", instrument=BAROMETER,
                reader=reader, mapping=mapping, group="participant",
            )  # fmt: skip
        except YhteiskehitysError:
            if count() != before:
                tally.partial += 1
            return "refused by the store"
        if count() != before + len(rows):
            tally.partial += 1
        return "imported"

    started = time.monotonic()
    try:
        _drive(seed_path.read_bytes(), None, None, execute, cases, tally)
    finally:
        store.close()
    return tally.figures(time.monotonic() - started)


def mapping_kind(work: Path, cases: int) -> dict:
    """Mapping files: read, then used to read the generic CSV seed."""
    import tomli_w

    from yhteiskehitys import catalogue
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.measure.importing import check_all
    from yhteiskehitys.measure.readers.mapping import load_mapping
    from yhteiskehitys.measure.registry import get_reader
    from yhteiskehitys.plugins import get_plugin_manager

    sys.path.insert(0, str(ROOT))
    from tests.measure.exports import BAROMETER

    pm = get_plugin_manager()
    csv, mapping_path = _survey_seeds(work)["csv"]
    converter = catalogue.converter(pm, "toml")
    reader = get_reader(pm, "csv")
    seed = mapping_path.read_bytes()
    seed_data = tomllib.loads(seed.decode("utf-8"))
    target = work / "fuzz-mapping.toml"
    tally = Tally()

    def execute(sample: bytes) -> str:
        target.write_bytes(sample)
        try:
            mapping = load_mapping(target, converter)
            check_all(csv, BAROMETER, reader, mapping, group="participant")
        except YhteiskehitysError:
            return "refused"
        return "read"

    started = time.monotonic()
    _drive(seed, seed_data, lambda d: tomli_w.dumps(_tomlable(d)).encode(), execute, cases, tally)
    return tally.figures(time.monotonic() - started)


READERS = ("csv", "webropol", "limesurvey", "msforms", "googleforms")


def surveys_kind(work: Path, cases: int) -> dict:
    """Survey exports: the cases shared out over every reader, each with its own seed."""
    global DEADLINE
    overall = DEADLINE
    began = time.monotonic()
    parts = {}
    for n, name in enumerate(READERS):
        if overall is not None:  # each reader its share of what is left
            DEADLINE = time.monotonic() + (overall - time.monotonic()) / (len(READERS) - n)
        parts[name] = survey_kind(work, name, cases // len(READERS))
    DEADLINE = overall
    figures = {
        key: sum(p[key] for p in parts.values())
        for key in ("cases", "internal_errors", "partial_writes", "store_cases")
    }
    outcomes: Counter = Counter()
    for p in parts.values():
        outcomes.update(p["outcomes"])
    figures.update(
        outcomes=dict(outcomes),
        seconds=round(time.monotonic() - began, 1),
        samples=[s for p in parts.values() for s in p["samples"]],
        readers={name: p["cases"] for name, p in parts.items()},
    )
    return figures


KINDS = {
    "records.json": records_kind,
    "programme.toml": programme_kind,
    "survey exports": surveys_kind,
    "mapping file": mapping_kind,
}
WEIGHTS = {"records.json": 2.9, "programme.toml": 2.0, "survey exports": 1.3, "mapping file": 1.0}
"""Relative time per case, measured: the time budget is shared out by them."""
LANES = (("records.json", "mapping file"), ("programme.toml", "survey exports"))
"""The kinds each of the two fuzzing processes runs, in order."""


def run_kind(args: tuple[str, str, int]) -> tuple[str, dict]:
    name, work, cases = args
    folder = Path(work) / f"fuzz-{name.replace(' ', '').replace(':', '-')}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    figures = KINDS[name](folder, cases)
    shutil.rmtree(folder, ignore_errors=True)
    return name, figures


def run_lane(args: tuple[tuple[str, ...], str, int, float]) -> list[tuple[str, dict]]:
    """One process's kinds in turn, each with its share of the time until ``until``."""
    global DEADLINE
    names, work, cases, until = args
    results = []
    for n, name in enumerate(names):
        left = until - time.monotonic()
        weight = WEIGHTS[name] / sum(WEIGHTS[k] for k in names[n:])
        DEADLINE = time.monotonic() + max(1.0, left * weight)
        results.append(run_kind((name, work, cases)))
    return results
