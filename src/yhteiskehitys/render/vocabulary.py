"""Plain words for the codes that records carry (session kinds, outcomes, roles, …).

Codes stay in the data; people read these labels. A programme's own words (``[vocabulary]`` in
``programme.toml``) come with their labels in fi, sv and en, which :func:`word` prefers. A code
that neither knows (``yk validate`` warns about it) is shown on pages for actors with its
underscores as spaces, and replaced by a general word on pages for participants, so that no
internal code reaches a participant.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


SESSION_KINDS = {
    "workshop": N_("workshop"),
    "meeting": N_("meeting"),
    "network_meeting": N_("network meeting"),
    "event": N_("event"),
    "sitting": N_("sitting"),
    "open_evening": N_("open evening"),
    "game_workshop": N_("participation game workshop"),
    "survey": N_("survey"),
    "meeting_place_evaluation": N_("meeting-place evaluation"),
    "developer_parents_meeting": N_("developer-parents meeting"),
    "family_centre_network_meeting": N_("family-centre network meeting"),
}
METHODS = {
    "individual": N_("individual work"),
    "pair": N_("pair work"),
    "group_discussion": N_("group discussion"),
    "expert_by_experience_opening": N_("opening by an expert by experience"),
    "email_between_meetings": N_("e-mail between meetings"),
    "pictures_and_stickers": N_("pictures and stickers"),
    "faces": N_("faces"),
    "survey": N_("survey"),
    "event_stall": N_("event stall"),
    "social_media": N_("social media"),
}
ROLES = {
    "participant": N_("participant"),
    "expert_by_experience": N_("expert by experience"),
    "facilitator": N_("facilitator"),
    "coordinator": N_("coordinator"),
    "actor": N_("actor"),
    "developer_group_member": N_("member of the developer group"),
    "child": N_("child"),
    "parent": N_("parent"),
    "developer_parent": N_("developer parent"),
    "family_representative": N_("family representative"),
    "youth_council_member": N_("youth-council member"),
    "family_centre_coordinator": N_("family-centre coordinator"),
    "professional": N_("professional"),
}
OUTCOMES = {
    "adopted": N_("adopted"),
    "adapted": N_("adapted"),
    "not_adopted": N_("not adopted"),
    "pending": N_("pending"),
}
PILOT_DECISIONS = {
    "permanent": N_("made permanent"),
    "continue": N_("continues"),
    "dropped": N_("dropped"),
}
THEME_KINDS = {"permanent": N_("permanent theme"), "situational": N_("situational theme")}
CHANNELS = {
    "meeting": N_("at a meeting"),
    "event": N_("at an event"),
    "social_media": N_("on social media"),
    "youth_council": N_("through the youth council"),
    "email": N_("by e-mail"),
    "form": N_("with a form"),
    "partner_services": N_("through partner services"),
    "youth_work_networks": N_("through youth work"),
    "partners": N_("through partners"),
    "meeting_place": N_("at a meeting place"),
}
FEEDBACK_KINDS = {
    "barriers": N_("Barriers"),
    "challenges": N_("Challenges"),
    "successes": N_("Successes"),
}
KINDS = {"commission": N_("commission"), "idea": N_("idea")}
LOOP_STATES = {
    "draft": N_("being drafted"),
    "commissioned": N_("given to the group"),
    "submitted": N_("raised"),
    "routed": N_("passed to an actor"),
    "in_work": N_("the group is working on it"),
    "documented": N_("the group's view is written down"),
    "delivered": N_("waiting for an answer"),
    "responded": N_("answered"),
    "reported_back": N_("told back to the group"),
}
WAITING_FOR = {
    "respond": N_("an answer from the actor"),
    "report_back": N_("telling the group the answer"),
    "follow_up": N_("the follow-up answer"),
}
GROUPS = {
    "participant": N_("Participants"),
    "comparison": N_("Comparison group"),
    "participant − comparison": N_("Difference: participants − comparison"),
    "children": N_("Children"),
    "parents": N_("Parents"),
}

CHILD_IMPACT = {
    "affected": N_("Who is affected"),
    "heard": N_("How children were heard"),
    "changes": N_("What changes for them"),
    "telling": N_("How the children will be told"),
    "told": N_("The children were told"),
}

GENERAL = {
    "session": N_("meeting"),
    "method": N_("way of working"),
    "role": N_("participant"),
    "channel": N_("in other ways"),
}


def label(
    table: dict[str, str], code: str | None, gettext: Callable[[str], str], *, plain: str = ""
) -> str:
    """The translated label of ``code``; for participants (``plain``) never the raw code."""
    if code is None:
        return ""
    if code in table:
        return gettext(table[code])
    if plain:
        return gettext(GENERAL[plain])
    return code.replace("_", " ")


OWN = {
    "SESSION_KINDS": "session_kinds",
    "METHODS": "methods",
    "ROLES": "roles",
    "CHANNELS": "recruitment_channels",
}
"""Tables a programme may extend, and the part of its ``vocabulary`` that does."""


def word(
    programme: Any,
    table: str,
    code: str | None,
    lang: str,
    gettext: Callable[[str], str],
    *,
    plain: str = "",
) -> str:
    """The label of ``code`` from table ``table`` (a name such as ``"SESSION_KINDS"``) in
    ``lang``: the programme's own label first, then the built-in one (see :func:`label`)."""
    if code is None:
        return ""
    vocabulary = getattr(programme, "vocabulary", None)
    if vocabulary is not None and table in OWN:
        own = vocabulary.label(OWN[table], code, lang)
        if own:
            return own
    return label(globals()[table], code, gettext, plain=plain)
