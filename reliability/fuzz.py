"""Fuzz: mutated input files of every kind, run in this process through the library and ``yk``.

Each kind starts from a valid seed file and applies edits that hypothesis draws: at the level of
bytes (delete, insert or repeat a span, insert a token that parsers find hard: brackets by the
thousand, ``NaN``, ``9`` × 30, quotes, NUL, a BOM, ``sep=;``, ``²``) or at the level of the
data (JSON and TOML values, the cells and rows of a ``.pb`` file: a value replaced by null, a
bool, an integer of 2^63 or more, a list, a table, a hostile string; a row duplicated; a key
removed). Every case must end either in success or in a :class:`YhteiskehitysError` (exit 2);
anything else is an internal error. A case that reaches the store and fails must leave it as it
was (0 partial writes).

The kinds take turns, a slice of each kind's cases a turn, so that when the time is up every
kind has run the same share of its cases, and a kind that has run all of them leaves its turns
to the others. Each of the fuzzing processes runs its part of every kind (:func:`run_lane`).
"""

from __future__ import annotations

import csv
import gc
import io
import json
import shutil
import sys
import time
import tomllib
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .common import RECORDS, ROOT, yk

TOKENS = [
    "[" * 3000, "{" * 3000, "]", "}", '"', "'", "\\", "\x00", "\ufeff", "\r", "\n", "\r\n", ";",
    ",", "\t", "NaN", "Infinity", "-", "9" * 30, "1e999", "null", "true", "[[x]]", "[x]", "=",
    "sep=;\n", "\u2028", "é", "\x81", "2024", "2024-03-01T12:00:00Z", "{{ 7*7 }}", "a" * 300,
    "²", "1e99999", "1/0",
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
BYTES_CASE = st.tuples(st.just("bytes"), st.lists(BYTE_EDIT, min_size=1, max_size=3))


def cases(values: st.SearchStrategy[Any] = VALUES) -> st.SearchStrategy[Any]:
    """A case: edits of bytes, or edits of the data with values drawn from ``values``."""
    edit = st.tuples(
        st.sampled_from(["replace", "replace", "delete", "duplicate"]),
        st.integers(0, 2**20),
        values,
    )
    return st.one_of(BYTES_CASE, st.tuples(st.just("data"), st.lists(edit, min_size=1, max_size=3)))


CASES = cases()
BATCH = 50
"""Cases drawn per hypothesis example: its own cost per example is then shared by many."""
CHUNK = 20
"""Examples per call, so that a kind stops soon after its deadline."""
TURNS = 50
"""Turns the kinds take: each turn runs 1/TURNS of each seed's cases (at least :data:`BATCH`),
so every kind has run the same share of its cases after every turn."""
DEADLINE: float | None = None
"""time.monotonic() at which every kind stops drawing cases (set by the runner's time budget)."""


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
    """The seed with the edits made; it is never changed itself: each edit copies only the
    lists and tables on its path (a deep copy of the seed per case cost more than the edits)."""
    data = seed
    for op, where, value in edits:
        path = paths[where % len(paths)]
        if not path:
            continue
        try:
            data = _edit(data, path, op, value)
        except (KeyError, IndexError, TypeError):
            continue
    return data


def _edit(node: Any, path: tuple, op: str, value: Any) -> Any:
    if isinstance(node, list):
        node = list(node)
    elif isinstance(node, dict):
        node = dict(node)
    key = path[0]
    if len(path) > 1:
        node[key] = _edit(node[key], path[1:], op, value)
    elif op == "replace":
        node[key] = value
    elif op == "delete":
        del node[key]
    elif isinstance(node, list):
        node.insert(key, node[key])
    else:
        node[f"{key}"] = node[key]
    return node


class Tally:
    def __init__(self, label: str = "") -> None:
        self.label = label
        self.cases = 0
        self.outcomes: Counter = Counter()
        self.internal: list[str] = []
        self.partial = 0
        self.store_cases = 0
        self.seconds = 0.0
        self.cpu_seconds = 0.0

    def internal_error(self, exc: BaseException, sample: bytes) -> None:
        self.outcomes["internal error"] += 1
        if len(self.internal) < 5:
            where = "".join(traceback.format_exception(exc, limit=-3)[-3:])
            self.internal.append(f"{type(exc).__name__}: {str(exc)[:200]}\n{where}")
            folder = Path("build/reliability")
            folder.mkdir(parents=True, exist_ok=True)
            name = f"internal-{_slug(self.label)}-{len(self.internal)}.bin"
            (folder / name).write_bytes(sample)

    def figures(self) -> dict:
        return {
            "cases": self.cases,
            "outcomes": dict(self.outcomes),
            "internal_errors": self.outcomes["internal error"],
            "partial_writes": self.partial,
            "store_cases": self.store_cases,
            "seconds": round(self.seconds, 1),
            "cpu_seconds": round(self.cpu_seconds, 1),
            "samples": self.internal,
        }


class Target:
    """One seed file of one kind in this process: its cases, and what runs each of them."""

    def __init__(
        self,
        name: str,
        seed: bytes,
        execute: Callable[[bytes], str],
        *,
        data: Any = None,
        dump: Callable[[Any], bytes] | None = None,
        values: st.SearchStrategy[Any] = VALUES,
        close: Callable[[], None] | None = None,
        tally: Tally | None = None,
    ) -> None:
        self.name = name
        self.seed = seed
        self.execute = execute
        self.data = data
        self.dump = dump
        self.paths = _paths(data) if data is not None else []
        self.strategy = (CASES if values is VALUES else cases(values)) if self.paths else BYTES_CASE
        self.close = close or (lambda: None)
        self.tally = tally or Tally(name)


def drive(target: Target, goal: int) -> None:
    """Run ``target``'s cases until it has run ``goal`` of them or the deadline has come."""
    tally = target.tally
    began, cpu = time.monotonic(), time.process_time()
    examples = [0]

    @settings(
        max_examples=min(CHUNK, max(1, (goal - tally.cases) // BATCH + 1)) + 1,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(target.strategy, min_size=BATCH, max_size=BATCH))
    def case(batch):
        examples[0] += 1
        if examples[0] == 1:  # every run starts with its simplest example: one trivial edit × 50
            return
        if DEADLINE is not None and time.monotonic() > DEADLINE:
            return
        for mode, edits in batch:
            if tally.cases >= goal:
                return
            if mode == "data":
                if target.dump is None:
                    continue
                try:
                    sample = target.dump(mutate_data(target.data, target.paths, edits))
                except (ValueError, TypeError, OverflowError):  # the writer refuses it
                    continue
            else:
                sample = mutate_bytes(target.seed, edits)
            tally.cases += 1
            try:
                outcome = target.execute(sample)
            except Exception as exc:  # noqa: BLE001 - counted and sampled
                tally.internal_error(exc, sample)
                continue
            tally.outcomes[outcome] += 1

    try:
        while tally.cases < goal and (DEADLINE is None or time.monotonic() < DEADLINE):
            examples[0] = 0
            case()
    finally:
        tally.seconds += time.monotonic() - began
        tally.cpu_seconds += time.process_time() - cpu


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


def records_kind(work: Path) -> list[Target]:
    """records.json: checked, then loaded in a unit of work that is rolled back at the end."""
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.store import open_store
    from yhteiskehitys.store.transfer import _check_header, is_empty, load_data
    from yhteiskehitys.store.validate_export import parse_export, validate_export

    seed_data = small_export()
    seed = json.dumps(seed_data, ensure_ascii=False, indent=1).encode()
    store = open_store(work / "fuzz-records.db")
    tally = Tally("records.json")

    class Rollback(Exception):
        pass

    def execute(sample: bytes) -> str:
        try:  # as import_text: the whole file checked before the store is touched …
            text = sample.decode("utf-8")
            data = parse_export(text, "records.json")
            _check_header(data, "records.json")
            validate_export(data, "records.json")
        except UnicodeDecodeError:
            return "refused"
        except YhteiskehitysError:
            return "refused"
        tally.store_cases += 1
        try:  # … then loaded in one unit of work, here rolled back
            with store.transaction() as tx:
                load_data(tx, data, source="records.json", checked=True)
                raise Rollback
        except Rollback:
            return "accepted"
        except YhteiskehitysError:
            with store.read() as tx:
                if not is_empty(tx):
                    tally.partial += 1
            return "refused by the store's checks"

    def dump(data: Any) -> bytes:
        return json.dumps(data, ensure_ascii=False).encode()

    return [Target("records.json", seed, execute, data=seed_data, dump=dump, close=store.close,
                   tally=tally)]  # fmt: skip


CLI_EVERY = 25
"""Every this many ``programme.toml`` cases, the whole command line: ``yk validate``."""


def programme_kind(work: Path) -> list[Target]:
    """programme.toml: opened as ``yk`` opens it, every :data:`CLI_EVERY`-th by ``yk validate``
    through ``main()``. The plugins' catalogue is collected once, as one ``yk`` command does."""
    import tomli_w

    from yhteiskehitys.catalogue import Catalogue
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.folder import ProgrammeFolder
    from yhteiskehitys.plugins import get_plugin_manager
    from yhteiskehitys.store import open_store
    from yhteiskehitys.store.url import resolve

    source = ROOT / "examples" / "kehittajaryhma" / "programme.toml"
    seed = source.read_bytes()
    seed_data = tomllib.loads(seed.decode("utf-8"))
    folder = work / "fuzz-programme"
    folder.mkdir(parents=True, exist_ok=True)
    tally = Tally("programme.toml")
    pm = get_plugin_manager()
    catalogue = Catalogue(pm)

    def execute(sample: bytes) -> str:
        (folder / "programme.toml").write_bytes(sample)
        tally.store_cases += 1
        if tally.cases % CLI_EVERY == 0:  # the whole command line, now and then
            code, err = yk("validate", folder)
            _clean(folder)
            if code == 3 or "internal error" in err:
                raise RuntimeError(err.strip().splitlines()[0] if err.strip() else "exit 3")
            return {0: "valid", 1: "check failed", 2: "refused"}.get(code, f"exit {code}")
        try:
            opened = ProgrammeFolder.open(folder, pm, catalogue=catalogue)
            if opened.programme.database_url:
                url = resolve(folder, programme_url=opened.programme.database_url, environ={})
                open_store(url).close()
        except YhteiskehitysError:
            return "refused"
        finally:
            _clean(folder)
        return "valid"

    def dump(data: Any) -> bytes:
        return tomli_w.dumps(_tomlable(data)).encode("utf-8")

    return [Target("programme.toml", seed, execute, data=seed_data, dump=dump, tally=tally)]


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
    csv_path, mapping = exports.generic(work / "seed-generic.csv", rows)
    seeds["csv"] = (csv_path, mapping)
    return seeds


def survey_target(
    work: Path, reader_name: str, seeds: dict[str, tuple[Path, Path | None]], store_every: int = 200
) -> Target:
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
    seed_path, mapping_path = seeds[reader_name]
    mapping = load_mapping(mapping_path, catalogue.converter(pm, "toml")) if mapping_path else None
    reader = get_reader(pm, reader_name)
    sample_path = work / f"fuzz-{reader_name}.csv"
    store = open_store(work / f"fuzz-{reader_name}.db")
    tally = Tally(reader_name)
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

    return Target(reader_name, seed_path.read_bytes(), execute, close=store.close, tally=tally)


READERS = ("csv", "webropol", "limesurvey", "msforms", "googleforms")


def surveys_kind(work: Path) -> list[Target]:
    """Survey exports: the cases shared out over every reader, each with its own seed."""
    seeds = _survey_seeds(work)
    return [survey_target(work, name, seeds) for name in READERS]


def mapping_kind(work: Path) -> list[Target]:
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
    csv_path, mapping_path = _survey_seeds(work)["csv"]
    assert mapping_path is not None
    converter = catalogue.converter(pm, "toml")
    reader = get_reader(pm, "csv")
    seed = mapping_path.read_bytes()
    seed_data = tomllib.loads(seed.decode("utf-8"))
    target = work / "fuzz-mapping.toml"

    def execute(sample: bytes) -> str:
        target.write_bytes(sample)
        try:
            mapping = load_mapping(target, converter)
            check_all(csv_path, BAROMETER, reader, mapping, group="participant")
        except YhteiskehitysError:
            return "refused"
        return "read"

    def dump(data: Any) -> bytes:
        return tomli_w.dumps(_tomlable(data)).encode("utf-8")

    return [Target("mapping file", seed, execute, data=seed_data, dump=dump)]


# --- pabulib .pb files -------------------------------------------------------------------------

PB_PROJECTS = [
    # id, cost, name, category, target, neighborhood, selected
    ("1", "25", "Skeittiramppi", "liikunta", "nuoret", "Keskusta", "1"),
    ("2", "12,50", "Lukunurkka; kirjasto", "kulttuuri", "lapset", "Kylä", "1"),
    ("10", "40", "Valaistus", "ympäristö", "nuoret,perheet", "Keskusta", "0"),
    ("p-4", "8", "Penkit", "ympäristö", "perheet", "Kylä", "1"),
    ("5", "30", 'Kuntosali "ulkona"', "liikunta", "nuoret", "Keskusta", "0"),
]
"""Sums of a class's budget, so that the Add1 rules need some thirty rounds (see
:data:`ADD1_MOST`)."""
PB_BALLOTS = [
    # voter, projects, points, age, sex, neighborhood, how
    ("v1", ["1", "10"], [3, 2], "15", "F", "Keskusta", "internet"),
    ("v2", ["2"], [5], "9", "M", "Kylä", "paper"),
    ("v3", ["p-4", "1", "2"], [1, 2, 3], "", "O", "Kylä", "internet"),
    ("v4", ["5"], [4], "34", "K", "", "internet"),
    ("v5", ["1", "5"], [2, 2], "17", "", "Keskusta", "paper"),
    ("v6", ["10"], [1], "130", "F", "Keskusta", "internet"),
    ("v7", ["2", "p-4"], [3, 3], "12", "M", "Kylä", "internet"),
    ("8", ["1"], [5], "16", "F", "Keskusta", "paper"),
]
PB_VALUES = st.one_of(
    VALUES,
    st.sampled_from([
        "²", "٣", "1e99999", "1e-99999", "1e101", "1/0", "1/3", "0", "-1", "-0", "0.5", "1,5",
        " 7 ", "1_000", "inf", "nan", "approval", "cumulative", "choose-1", "ordinal", "scoring",
        "1,1", "1,,2", ",", "M", "X", "131", "9" * 25, "1", "2", "10", "p-4", "5", "6", "v1",
        "META", "PROJECTS", "VOTES", "key", "value", "project_id", "cost", "voter_id", "vote",
        "points", "budget", "num_votes", "max_length", "categories", "neighborhoods",
        "Keskusta", "liikunta", "nuoret",
    ]),
    st.lists(st.sampled_from(["1", "2", "10", "p-4", "5", "6", ""]), max_size=5),
)  # fmt: skip
"""Values for the cells of a .pb file: the general ones, and what its own columns hold."""


def pb_seed(vote_type: str) -> list[list[str]]:
    """A small ``.pb`` file as rows of cells, with most of what the format allows: categories,
    targets, neighbourhoods with their budgets, limits on ballots, voters' age, sex and area,
    and the votes (and, for cumulative votes, the scores) that the VOTES section adds up to."""
    cumulative = vote_type == "cumulative"
    meta = [
        ["description", "Nuorten budjetti 2026"], ["country", "Finland"],
        ["unit", "Esimerkkilä"], ["instance", "2026"],
        ["num_projects", str(len(PB_PROJECTS))], ["num_votes", str(len(PB_BALLOTS))],
        ["budget", "100"], ["vote_type", vote_type], ["rule", "greedy"],
        ["date_begin", "2026-01-10"], ["date_end", "2026-01-31"], ["currency", "EUR"],
        ["min_length", "1"], ["max_length", "3"],
        ["categories", "liikunta,kulttuuri,ympäristö"], ["targets", "nuoret,lapset,perheet"],
        ["neighborhoods", "Keskusta,Kylä"], ["budget_per_neighborhood", "60,40"],
    ]  # fmt: skip
    meta += (
        [["min_points", "1"], ["max_points", "5"], ["max_sum_points", "6"]]
        if cumulative
        else [["max_sum_cost", "100"]]
    )
    votes = Counter(p for ballot in PB_BALLOTS for p in ballot[1])
    score = Counter()
    for _, chosen, points, *_ in PB_BALLOTS:
        for p, n in zip(chosen, points, strict=True):
            score[p] += n
    rows = [["META"], ["key", "value"], *meta, ["PROJECTS"]]
    rows.append(["project_id", "cost", "votes", *(["score"] if cumulative else []), "name",
                 "category", "target", "neighborhood", "selected"])  # fmt: skip
    for pid, cost, *rest in PB_PROJECTS:
        rows.append([pid, cost, str(votes[pid]), *([str(score[pid])] if cumulative else []), *rest])
    rows += [["VOTES"], ["voter_id", "vote", *(["points"] if cumulative else []), "age", "sex",
                         "neighborhood", "voting_method"]]  # fmt: skip
    for voter, chosen, points, *rest in PB_BALLOTS:
        rows.append([voter, ",".join(chosen),
                     *([",".join(map(str, points))] if cumulative else []), *rest])  # fmt: skip
    return rows


def pb_dump(rows: Any) -> bytes:
    """Rows of cells as a ``.pb`` file; a cell that is not text is written as text (a list as
    the comma-separated list the VOTES section uses)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    for row in rows if isinstance(rows, list) else [rows]:
        writer.writerow([_cell(c) for c in row] if isinstance(row, list) else [_cell(row)])
    return out.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ",".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k}:{_cell(v)}" for k, v in value.items())
    return str(value)


PB_STORE_EVERY = 5
"""Every this many readable ``.pb`` cases is also imported as a budget into a store."""
ADD1 = ("mes-add1", "mes-add1-greedy")
ADD1_MOST = 200
"""The Add1 rules raise every voter's share by one unit a round until the money runs out, so a
file whose costs are far above the shares (a cost of 10^9 among eight voters) takes as many
rounds, as it does in pabutools; such a file is counted by ``mes`` instead."""


def add1_rounds(election: Any) -> Any:
    """At most how many rounds Add1 takes: once a voter's share reaches the dearest project,
    every project anyone supports is affordable, and the count stops."""
    from fractions import Fraction

    if not election.ballots:
        return 0
    dearest = max(p.cost for p in election.projects)
    return dearest - Fraction(election.budget) / len(election.ballots)


def pb_target(work: Path, vote_type: str) -> Target:
    """A ``.pb`` file read as ``yk budget run FILE.pb`` reads it and counted by one of the
    installed rules in turn (see :data:`ADD1_MOST`); every :data:`PB_STORE_EVERY`-th readable
    one also imported whole as a new budget (``yk budget new ID --from FILE.pb``), after which
    the store must hold the budget with all its projects and ballots, or, when the import is
    refused, nothing new."""
    import sqlalchemy as sa

    from yhteiskehitys.decide.exchange import import_pb
    from yhteiskehitys.decide.pabulib import read_pabulib, read_pabulib_text
    from yhteiskehitys.decide.rules.registry import budget_rules, run_rule
    from yhteiskehitys.errors import YhteiskehitysError
    from yhteiskehitys.plugins import get_plugin_manager
    from yhteiskehitys.store import open_store, schema

    pm = get_plugin_manager()
    rules = sorted(budget_rules(pm))
    rows = pb_seed(vote_type)
    seed = pb_dump(rows)
    read_pabulib_text(seed.decode("utf-8"), source=f"the {vote_type} seed")  # a valid seed
    path = work / f"fuzz-{vote_type}.pb"
    store = open_store(work / f"fuzz-pb-{vote_type}.db")
    tables = (schema.budgets, schema.budget_projects, schema.budget_ballots)
    tally = Tally(f"pb-{vote_type}")
    readable = [0]

    def counts() -> tuple[int, ...]:
        with store.read() as tx:
            return tuple(
                tx.conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in tables
            )

    def execute(sample: bytes) -> str:
        path.write_bytes(sample)
        try:
            election = read_pabulib(path)
        except YhteiskehitysError:
            return "refused"
        readable[0] += 1
        rule = rules[readable[0] % len(rules)]
        if rule in ADD1 and add1_rounds(election) > ADD1_MOST:
            rule = "mes"
        try:
            run_rule(election, rule, pm=pm)
        except YhteiskehitysError:
            return "refused by the count"
        if readable[0] % PB_STORE_EVERY:
            return "counted"
        tally.store_cases += 1
        before = counts()
        try:
            with store.transaction() as tx:
                import_pb(tx, path, f"b-{tally.cases}")
        except YhteiskehitysError:
            if counts() != before:
                tally.partial += 1
            return "refused by the store"
        added = (1, len(election.projects), len(election.ballots))
        if counts() != tuple(b + n for b, n in zip(before, added, strict=True)):
            tally.partial += 1
        return "imported"

    return Target(vote_type, seed, execute, data=rows, dump=pb_dump, values=PB_VALUES,
                  close=store.close, tally=tally)  # fmt: skip


def pb_kind(work: Path) -> list[Target]:
    """pabulib ``.pb`` files: an approval and a cumulative seed."""
    return [pb_target(work, vote_type) for vote_type in ("approval", "cumulative")]


KINDS: dict[str, Callable[[Path], list[Target]]] = {
    "records.json": records_kind,
    "programme.toml": programme_kind,
    "survey exports": surveys_kind,
    "mapping file": mapping_kind,
    ".pb file": pb_kind,
}
PARTS = {"survey exports": "reader", ".pb file": "seed"}
"""Kinds of several seeds, and what each seed stands for: the cases are shared out over them."""
ALIASES = {
    "records": "records.json",
    "programme": "programme.toml",
    "surveys": "survey exports",
    "survey": "survey exports",
    "mapping": "mapping file",
    "pb": ".pb file",
    ".pb": ".pb file",
}
"""Short names for ``python -m reliability.run --only fuzz --kinds …``."""
LANES = 2
"""The fuzzing processes; each runs its share of every kind's cases."""


def kind_names(text: str | None) -> list[str]:
    """``records,pb`` → the kinds' names, in the order of :data:`KINDS`; None → every kind."""
    if not text:
        return list(KINDS)
    wanted = set()
    for word in text.split(","):
        name = ALIASES.get(word.strip(), word.strip())
        if name not in KINDS:
            known = ", ".join([*ALIASES, *KINDS])
            raise SystemExit(f"--kinds: no fuzz kind {word.strip()!r}; choose from {known}")
        wanted.add(name)
    return [name for name in KINDS if name in wanted]


def _slug(name: str) -> str:
    return "".join(c for c in name if c.isalnum() or c in "-_") or "kind"


def run_kinds(names: list[str], work: Path, cases: int, until: float | None) -> dict[str, dict]:
    """The kinds in turns, each until it has run ``cases`` cases or ``until`` has come."""
    global DEADLINE
    DEADLINE = until
    made: list[tuple[str, Path, list[Target]]] = []
    try:
        turns: list[tuple[Target, int, int]] = []
        for name in names:
            folder = work / f"fuzz-{_slug(name)}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            targets = KINDS[name](folder)
            made.append((name, folder, targets))
            goal = max(1, -(-cases // len(targets)))
            turns += [(t, goal, max(BATCH, -(-goal // TURNS))) for t in targets]
        turn = 0
        while until is None or time.monotonic() < until:
            turn += 1
            behind = [(t, goal, step) for t, goal, step in turns if t.tally.cases < goal]
            if not behind:
                break
            for target, goal, step in behind:
                drive(target, min(goal, step * turn))
    finally:
        for _, folder, targets in made:
            for target in targets:
                target.close()
            shutil.rmtree(folder, ignore_errors=True)
    return {name: _figures(name, targets) for name, _, targets in made}


def _figures(name: str, targets: list[Target]) -> dict:
    if name not in PARTS:
        return targets[0].tally.figures()
    return merge([{name: {**t.tally.figures(), "parts": {t.name: t.tally.cases}}}
                  for t in targets])[name] | {"part": PARTS[name]}  # fmt: skip


def merge(results: list[dict[str, dict]]) -> dict[str, dict]:
    """The figures of several processes (or seeds) kind by kind: counts added up, the time
    is the fuzzing time of all of them together."""
    out: dict[str, dict] = {}
    for result in results:
        for name, g in result.items():
            into = out.setdefault(
                name,
                {"cases": 0, "outcomes": {}, "internal_errors": 0, "partial_writes": 0,
                 "store_cases": 0, "seconds": 0.0, "cpu_seconds": 0.0, "samples": []},
            )  # fmt: skip
            for key in ("cases", "internal_errors", "partial_writes", "store_cases"):
                into[key] += g[key]
            for key in ("seconds", "cpu_seconds"):
                into[key] = round(into[key] + g[key], 1)
            into["outcomes"] = dict(Counter(into["outcomes"]) + Counter(g["outcomes"]))
            into["samples"] = (into["samples"] + g["samples"])[:5]
            if "parts" in g:
                into["parts"] = dict(Counter(into.get("parts", {})) + Counter(g["parts"]))
                into["part"] = g.get("part", into.get("part"))
    return out


def run_lane(args: tuple[list[str], str, int, float, int]) -> dict[str, dict]:
    """One fuzzing process: its share of every kind, in turns, until ``until``."""
    names, work, cases, until, lane = args
    gc.freeze()  # what the parent built before the fork is never garbage: leave it unscanned
    return run_kinds(names, Path(work) / f"lane-{lane}", cases, until)


def run_kind(args: tuple[str, str, int]) -> tuple[str, dict]:
    """One kind alone in this process, until :data:`DEADLINE`."""
    name, work, cases = args
    return name, run_kinds([name], Path(work), cases, DEADLINE)[name]
