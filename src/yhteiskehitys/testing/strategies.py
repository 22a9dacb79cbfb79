"""Hypothesis strategies for every model class, for the project's tests and for plugin authors.

Each strategy generates only objects the classes accept: ids match the id pattern, age ranges
are ordered, dates fall within the accepted years, a :class:`Response` carries what its outcome
requires. ``STRATEGIES`` maps each model class to its strategy, so a test can cover them all::

    from hypothesis import given
    from yhteiskehitys.testing import strategies as yks

    @given(yks.programmes())
    def test_my_export(programme): ...
"""

from __future__ import annotations

import string
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import strategies as st

from ..model import (
    LANGUAGES,
    Actor,
    AgeRange,
    AgeRule,
    AllOf,
    AnyOf,
    Artefact,
    ChecklistItem,
    ChildImpact,
    CollaborationFeedback,
    Commission,
    Consent,
    ConsentPolicy,
    EligibilityRule,
    Finding,
    Idea,
    LoopLimits,
    ModelTemplate,
    MunicipalityRule,
    Network,
    Note,
    Organisation,
    Participant,
    Period,
    PersonalData,
    Phase,
    Pilot,
    Programme,
    ReportBack,
    Response,
    Session,
    StatusRule,
    StudyingRule,
    TargetGroup,
    Text,
    Theme,
    Vocabulary,
)
from ..model._validate import EARLIEST, LATEST
from ..model.network import CADENCES
from ..model.records import OUTCOMES, PILOT_DECISIONS
from ..model.theme import THEME_KINDS

_ID_FIRST = string.ascii_letters + string.digits
_ID_REST = _ID_FIRST + "_.:-"

# --- building blocks ------------------------------------------------------------------------


def ids() -> st.SearchStrategy[str]:
    """Ids as the model accepts them: 1-64 of letters, digits and ``_ . : -``."""
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(_ID_FIRST),
        st.text(_ID_REST, max_size=63),
    )


def texts(*, min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text that survives UTF-8, JSON and TOML (no surrogates)."""
    return st.text(st.characters(codec="utf-8"), min_size=min_size, max_size=max_size)


def non_empty_texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text with at least one visible character, as ``non_empty`` fields require."""
    return texts(min_size=1, max_size=max_size).filter(lambda s: s.strip())


def dates(low: date = EARLIEST, high: date = LATEST) -> st.SearchStrategy[date]:
    """Dates within the years the model accepts."""
    return st.dates(min_value=low, max_value=high)


def _date_pairs(*, optional_second: bool) -> st.SearchStrategy[tuple[date, date | None]]:
    """``(first, second)`` with ``first <= second``; ``second`` may be None when optional."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[date, date | None]:
        first = draw(dates())
        if optional_second and draw(st.booleans()):
            return first, None
        return first, draw(dates(low=first))

    return build()


def id_tuples(max_size: int = 4, *, unique: bool = False) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(ids(), max_size=max_size, unique=unique).map(tuple)


def word_tuples(max_size: int = 4, *, unique: bool = False) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(max_size=20), max_size=max_size, unique=unique).map(tuple)


def languages() -> st.SearchStrategy[str]:
    return st.sampled_from(LANGUAGES)


# --- text and target groups ------------------------------------------------------------------


def text_values() -> st.SearchStrategy[Text]:
    return st.builds(Text, fi=non_empty_texts(), sv=texts(), en=texts())


def _ordered_ints(low: int, high: int) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(low, high), st.integers(low, high)).map(
        lambda pair: (min(pair), max(pair))
    )


def age_ranges() -> st.SearchStrategy[AgeRange]:
    return _ordered_ints(0, 120).map(lambda p: AgeRange(min=p[0], max=p[1]))


def age_rules() -> st.SearchStrategy[AgeRule]:
    return _ordered_ints(0, 120).map(lambda p: AgeRule(min=p[0], max=p[1]))


def municipality_rules() -> st.SearchStrategy[MunicipalityRule]:
    return st.builds(
        MunicipalityRule,
        municipalities=st.lists(non_empty_texts(20), min_size=1, max_size=3).map(tuple),
    )


def studying_rules() -> st.SearchStrategy[StudyingRule]:
    return st.builds(StudyingRule, studying=st.booleans())


def status_rules() -> st.SearchStrategy[StatusRule]:
    return st.builds(StatusRule, statuses=word_tuples())


def _leaf_rules() -> st.SearchStrategy[EligibilityRule]:
    return st.one_of(age_rules(), municipality_rules(), studying_rules(), status_rules())


def eligibility_rules(
    extra: st.SearchStrategy[EligibilityRule] | None = None,
) -> st.SearchStrategy[EligibilityRule]:
    """Built-in rules, nested through ``all_of``/``any_of``; ``extra`` adds a plugin's rules."""
    leaves = _leaf_rules() if extra is None else st.one_of(_leaf_rules(), extra)
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.builds(AllOf, rules=st.lists(inner, max_size=3).map(tuple)),
            st.builds(AnyOf, rules=st.lists(inner, min_size=1, max_size=3).map(tuple)),
        ),
        max_leaves=6,
    )


def all_of_rules() -> st.SearchStrategy[AllOf]:
    return st.builds(AllOf, rules=st.lists(eligibility_rules(), max_size=3).map(tuple))


def any_of_rules() -> st.SearchStrategy[AnyOf]:
    return st.builds(AnyOf, rules=st.lists(eligibility_rules(), min_size=1, max_size=3).map(tuple))


def target_groups() -> st.SearchStrategy[TargetGroup]:
    return st.builds(
        TargetGroup,
        name=non_empty_texts(),
        age=age_ranges(),
        description=texts(),
        eligibility=st.lists(eligibility_rules(), max_size=3).map(tuple),
        recruitment_channels=word_tuples(),
    )


# --- models and programmes -------------------------------------------------------------------


def checklist_items() -> st.SearchStrategy[ChecklistItem]:
    return st.builds(ChecklistItem, id=ids(), text=text_values())


def phases(item_ids: st.SearchStrategy[list[str]] | None = None) -> st.SearchStrategy[Phase]:
    """Phases whose items have unique ids (drawn from ``item_ids`` when given)."""
    item_ids = item_ids if item_ids is not None else st.lists(ids(), max_size=4, unique=True)

    @st.composite
    def build(draw: st.DrawFn) -> Phase:
        items = tuple(ChecklistItem(id=i, text=draw(text_values())) for i in draw(item_ids))
        return Phase(id=draw(ids()), title=draw(text_values()), items=items)

    return build()


def consent_policies() -> st.SearchStrategy[ConsentPolicy]:
    return st.builds(
        ConsentPolicy,
        guardian_under=st.integers(0, 30),
        required_scopes=word_tuples(),
        certificate_scope=texts(max_size=20),
    )


def loop_limits() -> st.SearchStrategy[LoopLimits]:
    return st.builds(
        LoopLimits, respond_days=st.integers(1, 3650), report_back_days=st.integers(1, 3650)
    )


def disclosure_thresholds() -> st.SearchStrategy[int]:
    return st.integers(3, 1000)


@st.composite
def _model_phases(draw: st.DrawFn) -> tuple[Phase, ...]:
    phase_ids = draw(st.lists(ids(), max_size=4, unique=True))
    item_ids = draw(st.lists(ids(), max_size=4 * len(phase_ids), unique=True))
    out = []
    for n, phase_id in enumerate(phase_ids):
        chunk = item_ids[n :: len(phase_ids)] if phase_ids else []
        items = tuple(ChecklistItem(id=i, text=draw(text_values())) for i in chunk)
        out.append(Phase(id=phase_id, title=draw(text_values()), items=items))
    return tuple(out)


def model_templates() -> st.SearchStrategy[ModelTemplate]:
    """Models with unique phase ids and checklist item ids unique across phases."""
    return st.builds(
        ModelTemplate,
        name=ids(),
        title=text_values(),
        description=text_values(),
        target_group=target_groups(),
        roles=word_tuples(unique=True),
        session_kinds=word_tuples(unique=True),
        methods=word_tuples(unique=True),
        phases=_model_phases(),
        consent_policy=consent_policies(),
        loop_limits=loop_limits(),
        instrument=texts(max_size=20),
        certificates=st.booleans(),
        email_between_meetings=st.booleans(),
        disclosure_threshold=disclosure_thresholds(),
        vocabulary=vocabularies(),
    )


def periods() -> st.SearchStrategy[Period]:
    return _date_pairs(optional_second=True).map(lambda p: Period(start=p[0], end=p[1]))


def networks() -> st.SearchStrategy[Network]:
    return st.builds(
        Network,
        name=non_empty_texts(),
        cadence=st.sampled_from(CADENCES),
        first_meeting=st.none() | dates(),
    )


def vocabularies() -> st.SearchStrategy[Vocabulary]:
    words = st.dictionaries(ids(), text_values(), max_size=3)
    return st.builds(
        Vocabulary, roles=words, session_kinds=words, methods=words, recruitment_channels=words
    )


def programmes() -> st.SearchStrategy[Programme]:
    return st.builds(
        Programme,
        name=non_empty_texts(),
        model=ids(),
        organisation=non_empty_texts(),
        target_group=target_groups(),
        language=languages(),
        period=st.none() | periods(),
        loop_limits=loop_limits(),
        consent_policy=consent_policies(),
        disclosure_threshold=disclosure_thresholds(),
        network=st.none() | networks(),
        database_url=st.none() | texts(),
        vocabulary=vocabularies(),
    )


# --- people and organisations ----------------------------------------------------------------


def organisations() -> st.SearchStrategy[Organisation]:
    return st.builds(Organisation, id=ids(), name=non_empty_texts(), kind=texts(max_size=20))


def actors() -> st.SearchStrategy[Actor]:
    return st.builds(
        Actor,
        id=ids(),
        name=non_empty_texts(),
        organisation=ids(),
        roles=word_tuples(),
        themes=id_tuples(),
    )


def consents() -> st.SearchStrategy[Consent]:
    return st.builds(
        lambda pair, kind, scope: Consent(kind=kind, given=pair[0], withdrawn=pair[1], scope=scope),
        _date_pairs(optional_second=True),
        st.sampled_from(("own", "guardian")),
        st.lists(texts(max_size=20), min_size=1, max_size=3).map(tuple),
    )


def age_bands() -> st.SearchStrategy[str]:
    return _ordered_ints(0, 999).map(lambda p: f"{p[0]}-{p[1]}")


def participants() -> st.SearchStrategy[Participant]:
    return st.builds(
        Participant,
        id=ids(),
        birth_year=st.none() | st.integers(1900, 2200),
        age_band=st.none() | age_bands(),
        roles=word_tuples(),
        consents=st.lists(consents(), max_size=3).map(tuple),
        joined=st.none() | dates(),
    )


def personal_data() -> st.SearchStrategy[PersonalData]:
    return st.builds(
        PersonalData,
        participant=ids(),
        name=non_empty_texts(),
        email=texts(),
        phone=texts(),
        notes=texts(),
    )


def themes() -> st.SearchStrategy[Theme]:
    return st.builds(
        Theme,
        id=ids(),
        title=non_empty_texts(),
        kind=st.sampled_from(THEME_KINDS),
        description=texts(),
    )


# --- records of the feedback loop ------------------------------------------------------------


def sessions() -> st.SearchStrategy[Session]:
    return st.builds(
        Session,
        id=ids(),
        date=dates(),
        kind=non_empty_texts(20),
        title=texts(),
        methods=word_tuples(unique=True),
        facilitators=id_tuples(),
        attendees=id_tuples(unique=True),
        commissions=id_tuples(),
        ideas=id_tuples(),
    )


def commissions() -> st.SearchStrategy[Commission]:
    return st.builds(
        Commission,
        id=ids(),
        title=non_empty_texts(),
        question=non_empty_texts(),
        actor=ids(),
        theme=st.none() | ids(),
        created=dates(),
    )


def ideas() -> st.SearchStrategy[Idea]:
    return st.builds(
        Idea,
        id=ids(),
        title=non_empty_texts(),
        text=texts(),
        channel=texts(max_size=20),
        theme=st.none() | ids(),
        submitted=dates(),
        actor=st.none() | ids(),
    )


def artefacts() -> st.SearchStrategy[Artefact]:
    return st.builds(Artefact, name=non_empty_texts(), path=non_empty_texts(), description=texts())


def findings() -> st.SearchStrategy[Finding]:
    return st.builds(
        Finding,
        id=ids(),
        subject=ids(),
        text=non_empty_texts(),
        session=st.none() | ids(),
        recorded=dates(),
        artefacts=st.lists(artefacts(), max_size=2).map(tuple),
    )


@st.composite
def responses(draw: st.DrawFn, outcome: str | None = None) -> Response:
    """Responses that meet their outcome's rules: a reason for ``not_adopted``, a follow-up
    date for ``pending``, the change for ``adopted``/``adapted``, and the decision itself."""
    outcome = outcome or draw(st.sampled_from(OUTCOMES))
    decided, follow_up = draw(_date_pairs(optional_second=outcome != "pending"))
    text, document = draw(
        st.one_of(
            st.tuples(non_empty_texts(), texts()),
            st.tuples(texts(), non_empty_texts()),
        )
    )
    return Response(
        subject=draw(ids()),
        outcome=outcome,
        decided_by=draw(non_empty_texts()),
        decided=decided,
        change=draw(non_empty_texts() if outcome in ("adopted", "adapted") else texts()),
        reason=draw(non_empty_texts() if outcome == "not_adopted" else texts()),
        follow_up=follow_up,
        decision_text=text,
        decision_document=document,
    )


def times() -> st.SearchStrategy[datetime]:
    """Aware UTC times within the model's date range, with microseconds."""
    return st.builds(
        lambda day, clock: datetime.combine(day, clock, tzinfo=UTC), dates(), st.times()
    )


def report_backs() -> st.SearchStrategy[ReportBack]:
    return st.builds(
        ReportBack,
        subject=ids(),
        at=times(),
        channel=non_empty_texts(),
        text=non_empty_texts(),
        operator=non_empty_texts(),
    )


def child_impacts() -> st.SearchStrategy[ChildImpact]:
    answer = st.none() | non_empty_texts()
    return st.builds(
        ChildImpact,
        commission=ids(),
        affected=answer,
        heard=answer,
        changes=answer,
        telling=answer,
        recorded=times(),
        operator=non_empty_texts(),
    )


def notes() -> st.SearchStrategy[Note]:
    return st.builds(Note, text=non_empty_texts(), tags=word_tuples())


def collaboration_feedback() -> st.SearchStrategy[CollaborationFeedback]:
    notes_ = st.lists(notes(), max_size=2).map(tuple)
    return st.builds(
        CollaborationFeedback,
        id=ids(),
        actor=ids(),
        given=dates(),
        rating=st.integers(1, 5),
        barriers=notes_,
        challenges=notes_,
        successes=notes_,
    )


def pilots() -> st.SearchStrategy[Pilot]:
    return st.builds(
        lambda pair, **kw: Pilot(start=pair[0], end=pair[1], **kw),
        _date_pairs(optional_second=False),
        id=ids(),
        title=non_empty_texts(),
        goal=non_empty_texts(),
        criteria=word_tuples(),
        evaluation=word_tuples(),
        decision=st.none() | st.sampled_from(PILOT_DECISIONS),
    )


STRATEGIES: dict[type, Any] = {
    Text: text_values,
    Vocabulary: vocabularies,
    AgeRange: age_ranges,
    AgeRule: age_rules,
    MunicipalityRule: municipality_rules,
    StudyingRule: studying_rules,
    StatusRule: status_rules,
    AllOf: all_of_rules,
    AnyOf: any_of_rules,
    TargetGroup: target_groups,
    ChecklistItem: checklist_items,
    Phase: phases,
    ConsentPolicy: consent_policies,
    LoopLimits: loop_limits,
    ModelTemplate: model_templates,
    Period: periods,
    Network: networks,
    Programme: programmes,
    Organisation: organisations,
    Actor: actors,
    Consent: consents,
    Participant: participants,
    PersonalData: personal_data,
    Theme: themes,
    Session: sessions,
    Commission: commissions,
    Idea: ideas,
    Artefact: artefacts,
    Finding: findings,
    Response: responses,
    ReportBack: report_backs,
    ChildImpact: child_impacts,
    Note: notes,
    CollaborationFeedback: collaboration_feedback,
    Pilot: pilots,
}
"""Every model class and the function returning its strategy."""


def for_class(cls: type) -> st.SearchStrategy[Any]:
    """The strategy for a model class; ``KeyError`` names a class that has none yet."""
    try:
        return STRATEGIES[cls]()
    except KeyError:
        raise KeyError(f"no strategy for {cls.__name__}; add one to STRATEGIES") from None
