"""An election through the store, on SQLite and PostgreSQL: roll → candidates → codes → votes →
paper tallies → count → publish → erase; every refusal with its own error and nothing written."""

from __future__ import annotations

import json
from datetime import date

import attrs
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yhteiskehitys.decide import elections as el
from yhteiskehitys.errors import ConfigError
from yhteiskehitys.model import Participant
from yhteiskehitys.store import RecordError, open_store, schema
from yhteiskehitys.store.transfer import export_text, import_text

from .conftest import AFTER, BEFORE, DURING, make_election, voter

ROLL = [
    voter("v01"),
    voter("v02", school="Kittilän lukio"),
    voter("v03", school="Kittilän lukio"),
    voter("v04", municipality="Sodankylä"),
    voter("v05", studying=False),
    voter("v06", birth_year=2003),
    voter("v07"),
]


def _setup(store, pm):
    with store.transaction() as tx:
        make_election(tx, pm)
        summary = el.add_voters(tx, pm, "nuva", ROLL, source="roll.csv", at=BEFORE)
        for cid, name in [("v01", "Aino"), ("v02", "Eino"), ("v03", "Sini")]:
            el.add_candidate(tx, pm, "nuva", cid, name=name, at=BEFORE)
        pairs = el.issue_codes(tx, pm, "nuva", at=BEFORE)
    return summary, dict(pairs)


def _rows(store, table):
    with store.read() as tx:
        return tx.conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def test_an_election_from_roll_to_published_result(store, pm):
    summary, codes = _setup(store, pm)
    assert summary.as_data() == {
        "voters": 7,
        "eligible": 4,
        "reasons": {"lives_elsewhere": 1, "not_studying": 1, "too_old": 1},
    }
    assert sorted(codes) == ["v01", "v02", "v03", "v07"]
    with store.transaction() as tx:
        el.cast_vote(tx, pm, "nuva", code=codes["v01"], candidate="v02", at=DURING)
        el.cast_vote(tx, pm, "nuva", code=codes["v02"].lower(), candidate="v02", at=DURING)
        el.cast_vote(tx, pm, "nuva", code=codes["v03"], candidate="v03", at=DURING)
        el.import_ballots(tx, pm, "nuva", {"Kirjasto": {"v01": 2, "v03": 1}})
    with store.transaction() as tx:
        result = el.count_election(tx, pm, "nuva", seed=2025, at=AFTER)
        assert result.votes == {"v01": 2, "v02": 2, "v03": 2}
        assert len(result.lots) == 1 and result.lots[0].tied == ("v01", "v02", "v03")
        assert result.elected == result.lots[0].order
        assert el.published_result(tx, pm, "nuva") is None
        el.publish_election(tx, pm, "nuva", at=AFTER)
    with store.read() as tx:
        published = el.published_result(tx, pm, "nuva")
        shown = el.show_election(tx, pm, "nuva")
    assert [c.name for c in published.candidates] == [
        {"v01": "Aino", "v02": "Eino", "v03": "Sini"}[c] for c in result.elected
    ]
    assert {c.outcome for c in published.candidates} == {"elected"}
    assert published.lots[0]["tied"] == ["Aino", "Eino", "Sini"]
    assert published.seed == 2025 and published.places == {"Kirjasto": 3, "online": 3}
    assert "v01" not in repr(published)  # names, never voter ids
    data = published.as_data()
    assert json.loads(json.dumps(data)) == data
    assert data["turnout"]["Levin koulu"] == {"voted": "<5", "did_not_vote": "<5"}
    assert [c["outcome"] for c in data["candidates"]] == ["elected"] * 3
    assert shown["codes"] == {"issued": 4, "used": 3}
    assert shown["turnout"] == {
        "Kittilän lukio": {"voted": "<5", "did_not_vote": 0},
        "Levin koulu": {"voted": "<5", "did_not_vote": "<5"},
    }
    assert shown["roll"]["ineligible"]["too_old"]["fi"] == "yli 20-vuotias"
    with store.transaction() as tx:  # the same seed again: the published result stands
        assert el.count_election(tx, pm, "nuva", seed=2025, at=AFTER) == result
        with pytest.raises(el.ElectionError, match="published with seed 2025"):
            el.count_election(tx, pm, "nuva", seed=1, at=AFTER)


def _refused(store, pm, error, match, **vote):
    before = export_text(store)
    with pytest.raises(error, match=match), store.transaction() as tx:
        el.cast_vote(tx, pm, "nuva", **vote)
    assert export_text(store) == before


def test_each_refused_vote_has_its_own_error_and_writes_nothing(store, pm):
    _, codes = _setup(store, pm)
    code = codes["v01"]
    _refused(
        store,
        pm,
        el.PeriodError,
        "opens at 2025-03-03 00:00",
        code=code,
        candidate="v02",
        at=BEFORE,
    )
    _refused(
        store,
        pm,
        el.PeriodError,
        "closed at 2025-03-14 24:00",
        code=code,
        candidate="v02",
        at=AFTER,
    )
    _refused(
        store, pm, el.UnknownCodeError, "not issued", code="AAA-AAA", candidate="v02", at=DURING
    )
    _refused(
        store, pm, el.UnknownCodeError, "not a voter code", code="hello", candidate="v02", at=DURING
    )
    _refused(
        store,
        pm,
        el.UnknownCandidateError,
        "'zz' is not a candidate",
        code=code,
        candidate="zz",
        at=DURING,
    )
    _refused(
        store,
        pm,
        el.UnknownCandidateError,
        "not eligible to stand \\(over 20\\)",
        code=code,
        candidate="v06",
        at=DURING,
    )
    with store.transaction() as tx:
        el.cast_vote(tx, pm, "nuva", code=code, candidate="v02", at=DURING)
    _refused(
        store, pm, el.UsedCodeError, "already been used", code=code, candidate="v03", at=DURING
    )


def test_setting_up_refuses_what_the_rules_and_the_calendar_do_not_allow(store, pm):
    _setup(store, pm)
    before = export_text(store)
    cases = [
        (
            el.NotEligibleError,
            "not eligible to stand: lives elsewhere \\(asuu muualla\\)",
            lambda tx: el.add_candidate(tx, pm, "nuva", "v04", name="X", at=BEFORE),
        ),
        (
            el.NotEligibleError,
            "not on the roll",
            lambda tx: el.add_candidate(tx, pm, "nuva", "nobody", name="X", at=BEFORE),
        ),
        (
            el.PeriodError,
            "candidates are named before",
            lambda tx: el.add_candidate(tx, pm, "nuva", "v07", name="X", at=DURING),
        ),
        (
            RecordError,
            "already a candidate",
            lambda tx: el.add_candidate(tx, pm, "nuva", "v01", name="X", at=BEFORE),
        ),
        (
            RecordError,
            "voter 'v01' is already on the roll",
            lambda tx: el.add_voters(tx, pm, "nuva", [voter("v09"), voter("v01")], at=BEFORE),
        ),
        (
            el.ElectionError,
            "'v09' is given twice",
            lambda tx: el.add_voters(tx, pm, "nuva", [voter("v09"), voter("v09")], at=BEFORE),
        ),
        (
            el.PeriodError,
            "roll is final",
            lambda tx: el.add_voters(tx, pm, "nuva", [voter("v09")], at=AFTER),
        ),
        (
            el.PeriodError,
            "no interim result",
            lambda tx: el.count_election(tx, pm, "nuva", at=DURING),
        ),
        (
            el.PeriodError,
            "publish after",
            lambda tx: el.publish_election(tx, pm, "nuva", at=DURING),
        ),
        (
            el.ElectionError,
            "count the votes first",
            lambda tx: el.publish_election(tx, pm, "nuva", at=AFTER),
        ),
        (
            ConfigError,
            "'zz' is not a candidate",
            lambda tx: el.import_ballots(tx, pm, "nuva", {"Kirjasto": {"v01": 1, "zz": 1}}),
        ),
        (
            el.ElectionError,
            "closes: must be after opens",
            lambda tx: make_election(
                tx, pm, "other", opens=date(2025, 3, 14), closes=date(2025, 3, 3)
            ),
        ),
        (RecordError, "already in the store", lambda tx: make_election(tx, pm)),
        (
            el.ElectionError,
            "unknown time zone 'Mars/Olympus'",
            lambda tx: make_election(tx, pm, "other", time_zone="Mars/Olympus"),
        ),
        (
            el.ElectionError,
            "seats: must be between 1 and 1000",
            lambda tx: make_election(tx, pm, "other", seats=0),
        ),
        (
            el.ElectionError,
            "term_end: must be after term_start",
            lambda tx: make_election(
                tx, pm, "other", term_start=date(2025, 4, 1), term_end=date(2025, 4, 1)
            ),
        ),
        (
            el.ElectionError,
            "quotas: reserve at most the 3 seats",
            lambda tx: make_election(tx, pm, "other", quotas={"A": 2, "B": 2}),
        ),
        (
            el.PeriodError,
            "term runs until",
            lambda tx: el.erase_roll_in(tx, pm, "nuva", today=date(2026, 1, 1)),
        ),
    ]
    for error, match, step in cases:
        with pytest.raises(error, match=match), store.transaction() as tx:
            step(tx)
        assert export_text(store) == before, match
    with store.transaction() as tx:
        el.import_ballots(tx, pm, "nuva", {"Kirjasto": {"v01": 1}})
    with pytest.raises(RecordError, match="'Kirjasto' are already counted"):
        with store.transaction() as tx:
            el.import_ballots(tx, pm, "nuva", {"Kirjasto": {"v01": 1}})


def test_the_roll_can_be_drawn_from_participants_and_erased_after_the_term(store, pm):
    with store.transaction() as tx:
        tx.participants.add_many(
            [
                Participant(
                    id="p1", birth_year=2009, municipality="Kittilä", studying=True, school="Levi"
                ),
                Participant(id="p2", birth_year=2009, municipality="Kolari", studying=True),
                Participant(id="p3", birth_year=2009),
            ]
        )
        make_election(tx, pm)
        summary = el.roll_from_participants(tx, pm, "nuva", at=BEFORE)
        el.add_candidate(tx, pm, "nuva", "p1", name="Pia", at=BEFORE)
        el.issue_codes(tx, pm, "nuva", at=BEFORE)
    assert summary.as_data() == {
        "voters": 3,
        "eligible": 1,
        "reasons": {"lives_elsewhere": 1, "municipality_unknown": 1},
    }
    with store.read() as tx:
        assert tx.participants.get("p1").school == "Levi"
        term_end = el.show_election(tx, pm, "nuva")["term"][1]
    assert term_end == "2027-03-14"
    voters, codes = el.erase_roll(store, pm, "nuva", today=date(2027, 3, 15))
    assert (voters, codes) == (3, 1)
    assert _rows(store, schema.election_roll) == _rows(store, schema.election_codes) == 0
    assert _rows(store, schema.election_candidates) == 1
    with store.read() as tx:
        assert tx.audit.entries(entity="election")[-1].after == {"voters": 3, "codes": 1}


def test_elections_travel_through_export_and_import(store, pm, tmp_path):
    _, codes = _setup(store, pm)
    with store.transaction() as tx:
        el.cast_vote(tx, pm, "nuva", code=codes["v01"], candidate="v02", at=DURING)
        el.count_election(tx, pm, "nuva", seed=7, at=AFTER)
    text = export_text(store)
    with open_store(tmp_path / "copy.db") as other:
        import_text(other, text)
        assert export_text(other) == text
        with other.transaction() as tx:  # the copy still knows which codes are used
            with pytest.raises(el.UsedCodeError):
                el.cast_vote(tx, pm, "nuva", code=codes["v01"], candidate="v02", at=DURING)
            el.cast_vote(tx, pm, "nuva", code=codes["v02"], candidate="v02", at=DURING)


# --- properties, on SQLite ------------------------------------------------------------------

facts = st.builds(
    voter,
    st.just("x"),
    birth_year=st.one_of(st.none(), st.integers(2000, 2015)),
    municipality=st.one_of(st.none(), st.sampled_from(["Kittilä", "kittilä", "Kolari", "Levi"])),
    studying=st.one_of(st.none(), st.booleans()),
    school=st.one_of(st.none(), st.sampled_from(["A", "B"])),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    roll=st.lists(facts, min_size=1, max_size=15),
    attempts=st.lists(st.integers(0, 30), max_size=40),
)
def test_nobody_outside_the_rules_gets_a_code_and_no_voter_votes_twice(
    tmp_path_factory, pm, roll, attempts
):
    roll = [attrs.evolve(v, voter=f"v{n:02d}") for n, v in enumerate(roll)]
    path = tmp_path_factory.mktemp("prop") / "s.db"
    with open_store(path) as store:
        with store.transaction() as tx:
            election = make_election(tx, pm)
            el.add_voters(tx, pm, "nuva", roll, at=BEFORE)
            # The rules written out by hand: Kittilä, studying, 13-20 in the election's year.
            eligible = [
                v
                for v in roll
                if v.municipality in ("Kittilä", "kittilä")
                and v.studying is True
                and v.birth_year is not None
                and 13 <= election.election_day.year - v.birth_year <= 20
            ]
            if eligible:
                el.add_candidate(tx, pm, "nuva", eligible[0].voter, name="Ehdokas", at=BEFORE)
            pairs = el.issue_codes(tx, pm, "nuva", at=BEFORE)
            assert el.issue_codes(tx, pm, "nuva", at=BEFORE) == []  # nobody gets a second
        assert sorted(v for v, _ in pairs) == sorted(v.voter for v in eligible)
        accepted = 0
        for n in attempts:
            if not pairs:
                break
            code = pairs[n % len(pairs)][1]
            try:
                with store.transaction() as tx:
                    el.cast_vote(tx, pm, "nuva", code=code, candidate=eligible[0].voter, at=DURING)
                accepted += 1
            except el.UsedCodeError:
                pass
        used_codes = {pairs[n % len(pairs)][1] for n in attempts} if pairs else set()
        assert accepted == len(used_codes)
        with store.read() as tx:
            assert sum(sum(v.values()) for v in tx.elections.tallies("nuva").values()) == accepted


def test_a_participant_s_data_rights_reach_the_roll(store, pm):
    from yhteiskehitys.store.rights import erase, participant_data

    with store.transaction() as tx:
        tx.participants.add(
            Participant(id="p1", birth_year=2009, municipality="Kittilä", studying=True)
        )
        make_election(tx, pm)
        el.roll_from_participants(tx, pm, "nuva", at=BEFORE)
        assert participant_data(tx, "p1")["election_rolls"] == [
            {"election": "nuva", "school": None, "eligible": True, "reason": None}
        ]
    erase(store, "p1")
    assert _rows(store, schema.election_roll) == 0
