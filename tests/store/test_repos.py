"""Every record kind written through its repository reads back equal, with an audit entry."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from yhteiskehitys.model import (
    Actor,
    Commission,
    Consent,
    Finding,
    Idea,
    Organisation,
    Participant,
    PersonalData,
    Response,
    Session,
    Theme,
)
from yhteiskehitys.store import NotFoundError, ReadOnlyError, RecordError

from .records import fill


def test_every_kind_reads_back(store):
    with store.transaction() as tx:
        fill(tx)
    with store.read() as tx:
        assert [o.id for o in tx.organisations.list()] == ["city", "kela"]
        assert tx.actors.get("a-kela").themes == ("housing",)
        assert tx.participants.get("P-001").consents[0].kind == "guardian"
        assert tx.personal_data.get("P-002").name == "Eero Esimerkki"
        s1 = tx.sessions.get("S-1")
        assert s1.attendees == ("P-001", "P-002", "P-003")
        assert s1.commissions == ("C-1",)
        assert s1.facilitators == ("a-city", "P-002")
        assert tx.findings.get("F-1").artefacts[0].name == "poster"
        assert tx.responses.latest("C-1").outcome == "pending"
        assert tx.report_backs.list("C-1")[0].at == datetime(2024, 3, 5, 12, tzinfo=UTC)
        assert tx.feedback.get("FB-1").barriers[0].tags == ("time",)
        assert tx.pilots.get("PI-1").end == date(2024, 5, 31)
        assert tx.commissions.state_of("C-1")[0] == "reported_back"
        assert tx.ideas.state_of("I-1")[0] == "submitted"
        assert tx.sessions.attended_by("P-001") == ["S-1", "S-2"]
        entries = tx.audit.entries()
        assert [e.seq for e in entries] == sorted(e.seq for e in entries)
        assert {e.operator for e in entries} == {"tester"}
        assert ("add", "participant", "P-003") in {
            (e.action, e.entity, e.entity_id) for e in entries
        }


def test_list_equals_get_and_order_is_by_id(store):
    with store.transaction() as tx:
        fill(tx)
    with store.read() as tx:
        for repo in (tx.participants, tx.sessions, tx.findings, tx.commissions, tx.actors):
            listed = repo.list()
            assert listed == [repo.get(i) for i in repo.ids()]
            assert repo.count() == len(listed)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda tx: tx.actors.add(Actor(id="x", name="X", organisation="nowhere")),
            "actor 'x': organisation 'nowhere' is not in the store; add the organisation first",
        ),
        (
            lambda tx: tx.sessions.add(
                Session(id="S-9", date=date(2024, 1, 1), kind="k", attendees=["P-404"])
            ),
            "session 'S-9': attendee 'P-404' is not in the store; add the participant first",
        ),
        (
            lambda tx: tx.findings.add(
                Finding(id="F-9", subject="C-404", text="t", recorded=date(2024, 1, 1))
            ),
            "subject 'C-404' is neither a commission nor an idea",
        ),
        (
            lambda tx: tx.personal_data.add(PersonalData(participant="P-404", name="N")),
            "participant 'P-404' is not in the store",
        ),
        (
            lambda tx: tx.commissions.add(
                Commission(
                    id="C-9", title="t", question="q", actor="a-404", created=date(2024, 1, 1)
                )
            ),
            "actor 'a-404' is not in the store",
        ),
    ],
)
def test_unknown_reference_names_record_and_fix_and_writes_nothing(store, make, expected):
    with store.transaction() as tx:
        tx.themes.add(Theme(id="t", title="T"))
    with store.read() as tx:
        before = tx.audit.count()
    with pytest.raises(RecordError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        with store.transaction() as tx:
            tx.themes.add(Theme(id="t2", title="T2"))  # also rolled back
            make(tx)
    with store.read() as tx:
        assert tx.audit.count() == before
        assert tx.themes.ids() == ["t"]


def test_bulk_is_all_or_nothing(store):
    people = [Participant(id=f"P-{n:04d}") for n in range(500)]
    with pytest.raises(RecordError, match="'P-0007' is given twice"):
        with store.transaction() as tx:
            tx.participants.add_many([*people, Participant(id="P-0007")])
    with store.read() as tx:
        assert tx.participants.count() == 0
    with store.transaction() as tx:
        assert tx.participants.add_many(people) == 500
    with pytest.raises(RecordError, match="'P-0000' is already in the store"):
        with store.transaction() as tx:
            tx.participants.add_many([Participant(id="P-9999"), Participant(id="P-0000")])
    with store.read() as tx:
        assert tx.participants.count() == 500
        assert tx.audit.count() == 500


def test_update_and_remove_are_audited_with_before_and_after(store):
    with store.transaction() as tx:
        tx.themes.add(Theme(id="t", title="Old"))
    with store.transaction(operator="anna") as tx:
        tx.themes.update(Theme(id="t", title="New"))
    with store.transaction(operator="ben") as tx:
        tx.themes.remove("t")
    with store.read() as tx:
        assert tx.themes.find("t") is None
        add, update, remove = tx.audit.entries(entity="theme", entity_id="t")
    assert (add.before, add.after["title"]) == (None, "Old")
    assert (update.operator, update.before["title"], update.after["title"]) == (
        "anna",
        "Old",
        "New",
    )
    assert (remove.operator, remove.before["title"], remove.after) == ("ben", "New", None)


def test_remove_refuses_a_referenced_record(store):
    with store.transaction() as tx:
        fill(tx)
    with pytest.raises(RecordError, match="organisation 'kela' is referred to by actors"):
        with store.transaction() as tx:
            tx.organisations.remove("kela")
    with pytest.raises(RecordError, match="erasure"):
        with store.transaction() as tx:
            tx.participants.remove("P-003")


def test_consents_are_added_and_withdrawn_in_order(store):
    with store.transaction() as tx:
        tx.participants.add(
            Participant(id="P-1", consents=[Consent(kind="own", given=date(2024, 1, 1))])
        )
        assert (
            tx.consents.add(
                "P-1", Consent(kind="own", given=date(2024, 2, 1), scope=["certificate"])
            )
            == 2
        )
        tx.consents.withdraw("P-1", 1, date(2024, 3, 1))
    with store.read() as tx:
        first, second = tx.participants.get("P-1").consents
        assert first.withdrawn == date(2024, 3, 1) and second.scope == ("certificate",)
        assert [e.action for e in tx.audit.entries(entity="consent", entity_id="P-1")] == [
            "add",
            "update",
        ]


def test_commission_and_idea_ids_share_one_namespace(store):
    with store.transaction() as tx:
        tx.ideas.add(Idea(id="X-1", title="t", submitted=date(2024, 1, 1)))
    with pytest.raises(RecordError, match="an idea already has this id"):
        with store.transaction() as tx:
            tx.organisations.add_many([])
            tx.commissions.add(
                Commission(id="X-1", title="t", question="q", actor="a", created=date(2024, 1, 1))
            )


def test_responses_keep_every_version_per_subject(store):
    with store.transaction() as tx:
        fill(tx)
        final = Response(
            subject="C-1",
            outcome="adopted",
            decided_by="Kela",
            decided=date(2024, 5, 1),
            change="New login page",
            decision_text="Done",
        )
        number = tx.responses.add(final)
    with store.read() as tx:
        assert [r.outcome for r in tx.responses.list("C-1")] == ["pending", "adopted"]
        assert tx.responses.latest("C-1") == final
        assert tx.responses.get(number) == final


def test_read_only_unit_refuses_writes_and_get_names_missing(store):
    with store.read() as tx:
        with pytest.raises(ReadOnlyError):
            tx.themes.add(Theme(id="t", title="T"))
        with pytest.raises(NotFoundError, match="no session 'S-404'"):
            tx.sessions.get("S-404")


def test_wrong_type_is_refused(store):
    with pytest.raises(RecordError, match="participants take Participant objects"):
        with store.transaction() as tx:
            tx.participants.add(Theme(id="t", title="T"))


def test_a_nul_character_is_refused_alike_on_every_backend(store):
    from yhteiskehitys.errors import YhteiskehitysError

    with pytest.raises(
        YhteiskehitysError, match=r"themes.title: a text contains the NUL character"
    ):
        with store.transaction() as tx:
            tx.themes.add(Theme(id="t", title="bad\x00title"))
    with store.transaction() as tx:
        tx.themes.add(Theme(id="t", title="fine"))
    with pytest.raises(YhteiskehitysError, match="NUL character"):
        with store.transaction() as tx:
            tx.themes.update(Theme(id="t", title="bad\x00again"))
    with store.read() as tx:
        assert tx.themes.get("t").title == "fine"


def test_a_second_subject_with_the_same_id_is_refused_by_name(store):
    """The primary key judges; the error names the id and nothing is written."""
    from yhteiskehitys.model import Commission, Idea

    with store.transaction() as tx:
        tx.organisations.add(Organisation(id="o-dup", name="O"))
        tx.actors.add(Actor(id="a-dup", name="A", organisation="o-dup"))
        tx.commissions.add(
            Commission(id="c-dup", title="T", question="Q", actor="a-dup", created=date(2024, 1, 2))
        )
        tx.ideas.add(Idea(id="i-dup", title="T", submitted=date(2024, 1, 2)))
    before = _audit_count(store)
    for kind, obj in (
        ("commissions", Commission(id="c-dup", title="T2", question="Q", actor="a-dup",
                                   created=date(2024, 1, 3))),
        ("ideas", Idea(id="i-dup", title="T2", submitted=date(2024, 1, 3))),
    ):  # fmt: skip
        with pytest.raises(RecordError, match="is already in the store; choose another id"):
            with store.transaction() as tx:
                getattr(tx, kind).add(obj)
    with pytest.raises(RecordError, match="'c-dup': a commission already has this id"):
        with store.transaction() as tx:
            tx.ideas.add(Idea(id="c-dup", title="T", submitted=date(2024, 1, 3)))
    assert _audit_count(store) == before
    with store.read() as tx:
        assert tx.commissions.get("c-dup").title == "T"


def _audit_count(store):
    with store.read() as tx:
        return tx.audit.count()
