# ruff: noqa: E501  (the commands read better unbroken)
"""The parliament's checks on a real store: schools represented, ideas answered, consents."""

from __future__ import annotations

from datetime import date

from yhteiskehitys import open_programme

TODAY = date(2026, 12, 1)


def problems(folder, check):
    with open_programme(folder) as programme:
        found = programme.validate(today=TODAY).problems
    return [p for p in found if p.check == check]


def test_a_full_sitting_passes_every_check(parliament, yk_lines):
    yk_lines(
        "session add S-1 {f} --date 2026-09-15 --kind sitting --facilitator ope-levi "
        "--facilitator ope-sirkka --attendee L-1 --attendee S-1",
        parliament,
    )
    for check in ("schools_represented", "ideas_answered", "children_consented"):
        assert problems(parliament, check) == []
    with open_programme(parliament) as programme:
        assert programme.validate(today=TODAY).errors == 0


def test_a_school_without_its_pupil_or_teacher_is_named(parliament, yk_lines):
    yk_lines(
        "session add S-1 {f} --date 2026-09-15 --kind sitting --facilitator ope-levi "
        "--attendee L-1",
        parliament,
    )
    [found] = problems(parliament, "schools_represented")
    assert found.severity == "warning"
    assert found.record == "session S-1"
    assert found.message == ("not represented on 2026-09-15: Sirkan koulu (a pupil and a teacher)")


def test_a_teacher_alone_leaves_the_pupil_missing(parliament, yk_lines):
    yk_lines(
        "session add S-1 {f} --date 2026-09-15 --kind general_assembly --facilitator ope-levi "
        "--facilitator ope-sirkka --attendee L-1",
        parliament,
    )
    [found] = problems(parliament, "schools_represented")
    assert "Sirkan koulu (a pupil)" in found.message
    assert "Levin koulu" not in found.message


def test_a_board_meeting_needs_no_school_of_its_own(parliament, yk_lines):
    yk_lines(
        "session add B-1 {f} --date 2026-09-20 --kind board_meeting --attendee L-1", parliament
    )
    assert problems(parliament, "schools_represented") == []


def test_an_idea_without_an_answer_past_the_limit_is_an_error(parliament, yk_lines):
    yk_lines(
        "session add S-1 {f} --date 2026-09-15 --kind sitting --facilitator ope-levi "
        "--facilitator ope-sirkka --attendee L-1 --attendee S-1 --idea I-1",
        parliament,
    )
    [found] = problems(parliament, "ideas_answered")
    assert found.severity == "error"
    assert found.record == "idea I-1"
    assert "no agreed action or answer by 2026-10-27 (42 days)" in found.message
    with open_programme(parliament) as programme:
        early = programme.validate(today=date(2026, 10, 1)).problems
    assert [p for p in early if p.check == "ideas_answered"] == []


def test_an_answer_in_time_closes_it_and_a_late_one_is_a_warning(parliament, yk_lines):
    yk_lines(
        """
session add S-1 {f} --date 2026-09-15 --kind sitting --facilitator ope-levi --facilitator ope-sirkka --attendee L-1 --attendee S-1 --idea I-1
idea route I-1 {f} --actor lautakunta --at 2026-09-15
idea start I-1 {f} --at 2026-09-15
finding add F-1 {f} --subject I-1 --session S-1 --text "Keinut molemmille pihoille."
idea document I-1 {f} --at 2026-09-15
idea deliver I-1 {f} --at 2026-09-16
idea respond I-1 {f} --outcome pending --decided-by Lautakunta --follow-up 2026-11-30 --decision-text "Selvitetään." --at 2026-09-20
""",
        parliament,
    )
    [pending] = problems(parliament, "ideas_answered")
    assert pending.severity == "error", "a pending answer is not an answer"
    yk_lines(
        "idea respond I-1 {f} --outcome adopted --decided-by Lautakunta --decided 2026-11-20 "
        '--change "Keinut tilattu" --decision-text "Hankitaan." --at 2026-11-20',
        parliament,
    )
    [late] = problems(parliament, "ideas_answered")
    assert late.severity == "warning"
    assert "answered on 2026-11-20, 24 days after the 42-day limit" in late.message


def test_a_sitting_without_attendance_is_an_error(parliament, yk_lines):
    yk_lines("session add S-1 {f} --date 2026-09-15 --kind sitting", parliament)
    [found] = problems(parliament, "children_consented")
    assert found.record == "session S-1"
    assert "no attendance is recorded" in found.message


def test_a_child_of_unknown_age_needs_a_guardians_consent(parliament, yk_lines):
    """The core accepts a person's own consent when the age is unknown; a parliament of
    children does not."""
    yk_lines(
        """
participant add X-1 {f} --school levi
consent add X-1 {f} --kind own --given 2026-08-20
session add S-1 {f} --date 2026-09-15 --kind regional_parliament --attendee X-1
""",
        parliament,
    )
    [found] = problems(parliament, "children_consented")
    assert found.message == (
        "participant X-1 (of unknown age) attended on 2026-09-15 without a guardian's consent "
        "covering participation"
    )
    yk_lines("consent add X-1 {f} --kind guardian --given 2026-09-01", parliament)
    assert problems(parliament, "children_consented") == []
