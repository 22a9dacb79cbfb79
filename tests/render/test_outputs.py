"""Certificates, e-mail drafts and the calendar: they parse back, hold what they should, and
hostile text stays inert in each."""

from __future__ import annotations

import email
import email.policy
from datetime import date

import pytest
from icalendar import Calendar

from yhteiskehitys.errors import YhteiskehitysError
from yhteiskehitys.render import environment
from yhteiskehitys.render.calendar import calendar
from yhteiskehitys.render.certificates import certificates, write_certificates
from yhteiskehitys.render.mail import session_drafts, write_drafts

from .conftest import HOSTILE, fill_store, hostile_records
from .htmlcheck import Page
from .test_cli_report import copy_example, run

# --- certificates -----------------------------------------------------------------------


def test_certificates_only_with_consent_and_a_name(records):
    made = {c.participant for c in certificates(records, "fi", signer="Koordinaattori")}
    # Odd members consented to certificates; member 5 has no name; members 6- attended s2 only.
    assert made == {"pseudo-001", "pseudo-003", "pseudo-007", "pseudo-009", "pseudo-011"}
    with pytest.raises(YhteiskehitysError, match="no active consent for 'certificate'"):
        certificates(records, "fi", signer="x", participant="pseudo-002")
    with pytest.raises(YhteiskehitysError, match="no name in the personal-data table"):
        certificates(records, "fi", signer="x", participant="pseudo-005")
    with pytest.raises(YhteiskehitysError, match="no participant 'nobody'"):
        certificates(records, "fi", signer="x", participant="nobody")


def test_a_child_needs_a_guardians_consent_for_a_certificate(records):
    """The consent policy's age rule holds for certificates as for attending."""
    from attrs import evolve

    from yhteiskehitys.model import Consent

    def aged_with(kind):
        consent = Consent(kind=kind, given=date(2024, 1, 1), scope=("participation", "certificate"))
        child = evolve(records.participants[1], birth_year=2012, consents=(consent,))
        return evolve(records, participants=(child, *records.participants[2:]))

    with pytest.raises(YhteiskehitysError, match="no active consent for 'certificate'"):
        certificates(aged_with("own"), "fi", signer="x", participant="pseudo-001")
    made = certificates(aged_with("guardian"), "fi", signer="x", participant="pseudo-001")
    assert [c.participant for c in made] == ["pseudo-001"]


def test_certificate_content_and_inert_hostile_text(records, tmp_path):
    written = write_certificates(
        records,
        tmp_path,
        environment("sv"),
        "sv",
        signer=f"Signer {HOSTILE}",
        participant="pseudo-001",
    )
    assert [p.name for p in written] == ["certificate-pseudo-001.html"]
    html = written[0].read_text(encoding="utf-8")
    page = Page(html)
    assert not [t for t, _ in page.tags if t == "script"]
    assert "<script>alert('x')</script>" in page.text and "{{ 7*7 }}" in page.text
    assert 'lang="sv"' in html
    assert "Ánde Sámi" in page.text  # the name from the personal-data table
    assert "pseudo-001" not in page.text
    assert "12 mars 2024" in page.text and "9 april 2024" in page.text  # period, in Swedish


# --- e-mail -----------------------------------------------------------------------------


def parse(path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def test_mail_drafts_parse_back(records, tmp_path):
    drafts = session_drafts(records, "s1", environment("fi"), "fi", sender="ryhma@example.org")
    written = write_drafts(drafts, tmp_path)
    names = sorted(p.name for p in written)
    # Attendees 0-2 all have an address; the actor of the handled commission gets one too.
    assert names == [
        "actor-kela-1.eml",
        "participant-pseudo-000.eml",
        "participant-pseudo-001.eml",
        "participant-pseudo-002.eml",
    ]
    for path in written:
        raw = path.read_bytes()
        assert b"\r\n" in raw and raw.isascii()
        message = parse(path)
        assert message["X-Unsent"] == "1"
        assert message["Content-Language"] == "fi"
        assert message["From"].addresses[0].addr_spec == "ryhma@example.org"
        assert message["Date"] and message["Message-ID"]
        assert "\n" not in str(message["Subject"])
        body = message.get_content()
        assert "{{ 7*7 }}" in body and "<script>alert('x')</script>" in body
    person = parse(tmp_path / "participant-pseudo-001.eml")
    assert person["To"].addresses[0].addr_spec == "person1@example.org"
    assert person["To"].addresses[0].display_name.startswith("Ánde Sámi")
    body = person.get_content()
    assert "12. maaliskuuta 2024" in body and "pseudo-" not in body
    actor = parse(tmp_path / "actor-kela-1.eml")
    assert actor["To"].groups[0].display_name.startswith("Aino Toimija")
    assert actor["To"].addresses == ()
    assert "11. huhtikuuta 2024" in actor.get_content()  # 12.3. + 30 days to answer


def test_mail_with_an_address_that_is_not_one_is_refused_by_name(records):
    from attrs import evolve

    for sender in ("not an address", "a@b@c", "x@example.org\nBcc: evil@example.org"):
        with pytest.raises(YhteiskehitysError, match=r"--from: .* is not an e-mail address"):
            session_drafts(records, "s1", environment("fi"), "fi", sender=sender)
    broken = evolve(records.personal_data[1], email="person1 at example.org")
    odd = evolve(
        records, personal_data=(records.personal_data[0], broken, *records.personal_data[2:])
    )
    with pytest.raises(YhteiskehitysError, match=r"participant pseudo-001: .*participant contact"):
        session_drafts(odd, "s1", environment("fi"), "fi")


def test_no_draft_to_a_participant_whose_consent_is_withdrawn(records):
    from attrs import evolve

    first = records.participants[0]
    withdrawn = evolve(first, consents=[evolve(c, withdrawn=records.today) for c in first.consents])
    changed = evolve(records, participants=(withdrawn, *records.participants[1:]))
    drafts = session_drafts(changed, "s1", environment("fi"), "fi", sender="ryhma@example.org")
    names = sorted(d.file_name for d in drafts)
    assert f"participant-{first.id}.eml" not in names
    assert "participant-pseudo-001.eml" in names


def test_no_certificates_when_the_model_gives_none(records):
    from attrs import evolve

    without = evolve(records, template=evolve(records.template, certificates=False))
    with pytest.raises(YhteiskehitysError, match=r"gives no participation certificates"):
        certificates(without, "fi", signer="Koordinaattori")


def test_no_drafts_when_the_model_keeps_no_email(records):
    from attrs import evolve

    without = evolve(records, template=evolve(records.template, email_between_meetings=False))
    with pytest.raises(YhteiskehitysError, match=r"keeps no e-mail between meetings"):
        session_drafts(without, "s1", environment("fi"), "fi")


def test_mail_for_an_unknown_session_is_refused(records):
    with pytest.raises(YhteiskehitysError, match="--session nope: no such session"):
        session_drafts(records, "nope", environment("fi"), "fi")


# --- calendar ---------------------------------------------------------------------------


def test_calendar_parses_back(records):
    data = calendar(records, "en").to_ical()
    parsed = Calendar.from_ical(data)
    events = parsed.walk("VEVENT")
    sessions = [e for e in events if str(e["uid"]).startswith("session-")]
    network = [e for e in events if str(e["uid"]).startswith("network-")]
    assert len(sessions) == 3
    first = next(e for e in sessions if e.decoded("dtstart") == date(2024, 3, 12))
    assert str(first["summary"]) == records.sessions[0].title  # hostile text, back intact
    assert first.decoded("dtend") == date(2024, 3, 13)
    # Monthly from 6.2.2024 to the end of the period, 31.12.2025.
    assert len(network) == 23
    assert len({str(e["uid"]) for e in events}) == len(events)
    # The same UIDs in a file made again later (and in another language), so a calendar
    # program updates the events instead of adding them twice.
    again = Calendar.from_ical(calendar(records, "fi").to_ical()).walk("VEVENT")
    assert [str(e["uid"]) for e in again] == [str(e["uid"]) for e in events]


# --- through the command line -----------------------------------------------------------


def test_commands_write_their_outputs(tmp_path, capsys, example):
    folder = copy_example(tmp_path)
    fill_store(hostile_records(example), folder)
    code, _, err = run(capsys, "certificates", folder, "--out", tmp_path / "cert")
    assert code == 0, err
    assert len(list((tmp_path / "cert").glob("*.html"))) == 5
    code, _, err = run(capsys, "mail", folder, "--session", "s2", "--out", tmp_path / "mail")
    assert code == 0, err
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 11
    code, _out, err = run(capsys, "calendar", folder, "--out", tmp_path / "cal.ics")
    assert code == 0, err
    assert Calendar.from_ical((tmp_path / "cal.ics").read_bytes()).walk("VEVENT")
    code, _, err = run(
        capsys, "certificates", folder, "--out", tmp_path / "c2", "--participant", "pseudo-002"
    )
    assert code == 2 and "no active consent" in err
    assert not (tmp_path / "c2").exists()


def test_line_breaks_in_names_never_break_the_calendar(records):
    import attrs

    name = "Ohjelma\r\nBEGIN:VEVENT\rSUMMARY:evil\nEND:VEVENT"
    programme = attrs.evolve(records.programme, name=name)
    session = attrs.evolve(records.sessions[0], title="Työpaja\r\nATTENDEE:mailto:x@example.org")
    broken = attrs.evolve(records, programme=programme, sessions=[session, *records.sessions[1:]])
    data = calendar(broken, "en").to_ical().decode("utf-8")
    lines = data.replace("\r\n ", "").split("\r\n")
    assert sum(1 for line in lines if line == "BEGIN:VEVENT") == len(
        Calendar.from_ical(calendar(records, "en").to_ical()).walk("VEVENT")
    )
    assert not [line for line in lines if line.startswith(("ATTENDEE", "SUMMARY:evil"))]
