"""E-mail drafts after a session (RFC 5322 ``.eml`` files); nothing is ever sent.

Participants who attended get the session's summary, what became of the group's views and the
next meeting; each actor whose commission was handled gets the group's views on it and the time
limit for answering. An actor has no address in the records, so the draft's ``To`` is an empty
group with the actor's name (``"Name":;``), valid RFC 5322 that a mail program asks to fill in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.errors import HeaderParseError
from email.headerregistry import Address, Group
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from attrs import frozen

from ..consent import missing_consent
from ..errors import YhteiskehitysError
from ..folder import atomic_write
from .i18n import gettext
from .snapshot import Records, by_id
from .templating import render
from .trails import trails
from .views import session_summaries

PLACEHOLDER_SENDER = "noreply@example.invalid"
MSGID_DOMAIN = "yhteiskehitys.invalid"


@frozen(kw_only=True)
class Draft:
    file_name: str
    message: EmailMessage


def _one_line(text: str, limit: int = 200) -> str:
    """Header text: no line breaks (they would start a new header), bounded length."""
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _address(name: str, addr_spec: str, whose: str, fix: str) -> Address:
    """An address for a header, or an error naming whose address it is and how to mend it."""
    try:
        return Address(display_name=_one_line(name), addr_spec=addr_spec)
    except (ValueError, HeaderParseError):
        raise YhteiskehitysError(
            f"{whose}: {addr_spec!r} is not an e-mail address; {fix}"
        ) from None


def _message(subject: str, body: str, sender: Address, to: Any, lang: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = _one_line(subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=MSGID_DOMAIN)
    message["X-Unsent"] = "1"  # mail programs open the file as a draft to edit and send
    message.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    # After set_content, which drops every Content-* header set before it.
    message["Content-Language"] = lang
    return message


def session_drafts(
    records: Records, session_id: str, env: Any, lang: str, *, sender: str | None = None
) -> list[Draft]:
    if not records.template.email_between_meetings:
        raise YhteiskehitysError(
            f"the model {records.template.name!r} keeps no e-mail between meetings "
            "(email_between_meetings = false); tell the group through the model's other channels"
        )
    _ = gettext(lang)
    sessions = by_id(records.sessions)
    if session_id not in sessions:
        known = ", ".join(sorted(sessions)[:10]) or "none"
        raise YhteiskehitysError(f"--session {session_id}: no such session (known: {known})")
    all_trails = tuple(trails(records))
    summary = next(
        s for s in session_summaries(records, all_trails, lang) if s.session.id == session_id
    )
    session = summary.session
    from_address = _address(
        records.programme.organisation,
        sender or PLACEHOLDER_SENDER,
        "--from",
        "give one like ryhma@example.org",
    )
    context = {
        "programme": records.programme,
        "summary": summary,
        "next": summary.next,
        "respond_by": session.date + timedelta(days=records.programme.loop_limits.respond_days),
        "said_did": news_since_last_meeting(records, all_trails, session),
    }
    drafts = []
    names = {p.participant: p for p in records.personal_data}
    subject = _("Summary of the meeting on %(day)s") % {"day": env.filters["date"](session.date)}
    participants = by_id(records.participants)
    policy = records.programme.consent_policy
    for pid in session.attendees:
        person = names.get(pid)
        if person is None or not person.email:
            continue
        if pid in participants and missing_consent(participants[pid], records.today, policy):
            continue  # consent withdrawn since the session (or never given): write to no one
        to: Address | Group = _address(
            person.name,
            person.email,
            f"participant {pid}",
            f"correct it with `yk participant contact {pid} --email ADDRESS`",
        )
        body = render(env, "mail/participant.txt", {**context, "name": person.name})
        drafts.append(
            Draft(
                file_name=f"participant-{_safe(pid)}.eml",
                message=_message(subject, body, from_address, to, lang),
            )
        )
    actors = by_id(records.actors)
    handled_by_actor: dict[str, list[Any]] = {}
    for trail in summary.handled:
        if trail.actor is not None:
            handled_by_actor.setdefault(trail.actor.id, []).append(trail)
    for actor_id, handled in sorted(handled_by_actor.items()):
        actor = actors[actor_id]
        body = render(env, "mail/actor.txt", {**context, "actor": actor, "handled": handled})
        to = Group(display_name=_one_line(actor.name))
        actor_subject = _("The group's views from the meeting on %(day)s") % {
            "day": env.filters["date"](session.date)
        }
        drafts.append(
            Draft(
                file_name=f"actor-{_safe(actor_id)}.eml",
                message=_message(actor_subject, body, from_address, to, lang),
            )
        )
    return drafts


def news_since_last_meeting(records: Records, all_trails: Any, session: Any) -> list[Any]:
    """Answers decided since the meeting before ``session`` (all answers if it is the first)."""
    earlier = [s.date for s in records.sessions if s.date < session.date]
    since = max(earlier) if earlier else None
    return [
        t
        for t in all_trails
        if t.findings and t.response is not None and (since is None or t.response.decided > since)
    ]


def _safe(record_id: str) -> str:
    return record_id.replace(":", "~")


def write_drafts(drafts: list[Draft], out: Path) -> list[Path]:
    written = []
    for draft in drafts:
        path = Path(out) / draft.file_name
        # The message's own bytes (CRLF line ends as RFC 5322 wants), written via text for
        # the atomic write; quoted-printable keeps the body 7-bit.
        policy = draft.message.policy.clone(linesep="\r\n")
        atomic_write(path, draft.message.as_bytes(policy=policy).decode("ascii"))
        written.append(path)
    return written
