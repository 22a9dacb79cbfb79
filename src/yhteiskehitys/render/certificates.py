"""Osallistumistodistus: one printable HTML certificate per participant who may have one.

A certificate names a person, so it is made only when the participant's consent covers the
model's certificate scope on the day it is made (a guardian's consent under the policy's
``guardian_under`` age, as for attending), and only from the name kept in the personal-data
table.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from attrs import evolve, frozen

from ..consent import missing_consent
from ..errors import YhteiskehitysError
from ..folder import atomic_write
from . import vocabulary as vocab
from .i18n import gettext
from .snapshot import Records, by_id
from .templating import render


@frozen(kw_only=True)
class Certificate:
    participant: str
    name: str
    roles: tuple[str, ...]
    start: date
    end: date
    sessions: tuple[Any, ...]
    signer: str
    issued: date


def attendance(records: Records) -> dict[str, list[Any]]:
    """Sessions by participant, in date order."""
    out: dict[str, list[Any]] = {}
    for session in sorted(records.sessions, key=lambda s: (s.date, s.id)):
        for pid in session.attendees:
            out.setdefault(pid, []).append(session)
    return out


def refusal(
    records: Records, participant_id: str, attended: dict[str, list[Any]] | None = None
) -> str | None:
    """Why ``participant_id`` gets no certificate, or None when they do."""
    attended = attendance(records) if attended is None else attended
    participants = _index(records)
    if participant_id not in participants:
        return f"no participant {participant_id!r} in the store"
    policy = records.programme.consent_policy
    scope = policy.certificate_scope
    # The attendance rule of whose consent counts (a guardian's under guardian_under years),
    # applied to the certificate's scope.
    only_certificate = evolve(policy, required_scopes=(scope,))
    if missing_consent(participants[participant_id], records.today, only_certificate):
        return (
            f"participant {participant_id!r} has no active consent for {scope!r} "
            f"(a guardian's under {policy.guardian_under} years, else their own)"
        )
    if participant_id not in _names(records):
        return f"participant {participant_id!r} has no name in the personal-data table"
    if not attended.get(participant_id):
        return f"participant {participant_id!r} has attended no session yet"
    return None


def certificates(
    records: Records, lang: str, *, signer: str, participant: str | None = None
) -> list[Certificate]:
    """The certificates to make: every allowed participant, or just ``participant``."""
    if not records.template.certificates:
        raise YhteiskehitysError(
            f"the model {records.template.name!r} gives no participation certificates "
            "(certificates = false); choose a model that does"
        )
    _ = gettext(lang)
    attended = attendance(records)
    if participant is not None:
        reason = refusal(records, participant, attended)
        if reason:
            raise YhteiskehitysError(f"no certificate: {reason}")
        wanted = [participant]
    else:
        wanted = [p.id for p in records.participants if refusal(records, p.id, attended) is None]
    names = _names(records)
    participants = _index(records)
    out = []
    for pid in wanted:
        sessions = attended[pid]
        out.append(
            Certificate(
                participant=pid,
                name=names[pid],
                roles=tuple(
                    vocab.word(records.programme, "ROLES", r, lang, _, plain="role")
                    for r in participants[pid].roles
                ),
                start=sessions[0].date,
                end=sessions[-1].date,
                sessions=tuple(sessions),
                signer=signer,
                issued=records.today,
            )
        )
    return out


def write_certificates(
    records: Records,
    out: Path,
    env: Any,
    lang: str,
    *,
    signer: str,
    participant: str | None = None,
) -> list[Path]:
    """Render every certificate first, then write them, so a failure writes nothing."""
    made = certificates(records, lang, signer=signer, participant=participant)
    pages = [
        (
            c,
            render(
                env,
                "certificate.html",
                {
                    "certificate": c,
                    "programme": records.programme,
                    "kind_label": _kind_labeller(records.programme, lang),
                },
            ),
        )
        for c in made
    ]
    written = []
    for certificate, html in pages:
        path = Path(out) / f"certificate-{certificate.participant.replace(':', '~')}.html"
        atomic_write(path, html)
        written.append(path)
    return written


def _index(records: Records) -> dict[str, Any]:
    return records.cache("participants", lambda: by_id(records.participants))


def _names(records: Records) -> dict[str, str]:
    return records.cache("names", lambda: {p.participant: p.name for p in records.personal_data})


def _kind_labeller(programme: Any, lang: str):
    _ = gettext(lang)
    return lambda code: vocab.word(programme, "SESSION_KINDS", code, lang, _, plain="session")
