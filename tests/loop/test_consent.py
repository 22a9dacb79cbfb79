"""Attendance needs the consent the model's policy requires."""

from __future__ import annotations

from datetime import date

from yhteiskehitys.consent import missing_consent
from yhteiskehitys.model import Consent, ConsentPolicy, Participant

POLICY = ConsentPolicy(guardian_under=15, required_scopes=("participation",))
DAY = date(2024, 5, 1)


def test_under_15_needs_a_guardians_consent():
    own_only = Participant(
        id="p1", birth_year=2010, consents=[Consent(kind="own", given=date(2024, 1, 1))]
    )
    assert missing_consent(own_only, DAY, POLICY) == (
        "participant p1 (aged 13) attended on 2024-05-01 without a guardian's consent "
        "covering participation"
    )
    guarded = Participant(
        id="p2", birth_year=2010, consents=[Consent(kind="guardian", given=date(2024, 1, 1))]
    )
    assert missing_consent(guarded, DAY, POLICY) is None


def test_adult_needs_own_consent_active_that_day():
    p = Participant(
        id="p3",
        birth_year=1999,
        consents=[Consent(kind="own", given=date(2024, 1, 1), withdrawn=date(2024, 4, 1))],
    )
    assert "their own consent" in missing_consent(p, DAY, POLICY)
    assert missing_consent(p, date(2024, 3, 1), POLICY) is None


def test_every_required_scope_must_be_covered():
    policy = ConsentPolicy(required_scopes=("participation", "photos"))
    p = Participant(
        id="p4", birth_year=1990, consents=[Consent(kind="own", given=date(2024, 1, 1))]
    )
    assert missing_consent(p, DAY, policy).endswith("covering photos")
