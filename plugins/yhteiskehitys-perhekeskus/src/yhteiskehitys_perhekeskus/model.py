"""The family-centre model (perhekeskus): families with children co-developing the centre's work.

Children aged 0-17 take part with their guardians' consent; parents take part as themselves and
as a developer-parents group; a family representative is invited to every workshop and a
youth-council member sits in the family-centre network. Children evaluate the meeting place's
activities by stickers on faces, parents by the levels of their participation.
"""

# ruff: noqa: E501  (the checklist texts read better unbroken)
from __future__ import annotations

from typing import Any, ClassVar

import attrs

from yhteiskehitys import general_model
from yhteiskehitys.model import (
    AgeRange,
    ChecklistItem,
    EligibilityRule,
    LoopLimits,
    ModelTemplate,
    Phase,
    TargetGroup,
    Text,
)

MODEL_NAME = "perhekeskus"
CHILD_MAX = 17

ROLES = (
    "child",
    "parent",
    "developer_parent",
    "family_representative",
    "youth_council_member",
    "family_centre_coordinator",
    "professional",
    "participant",
    "expert_by_experience",
    "facilitator",
)
SESSION_KINDS = (
    "workshop",
    "meeting_place_evaluation",
    "developer_parents_meeting",
    "family_centre_network_meeting",
    "event",
)
METHODS = (
    "pictures_and_stickers",
    "faces",
    "survey",
    "event_stall",
    "social_media",
    "group_discussion",
)
CHANNELS = ("event", "meeting_place", "social_media", "youth_council")


@attrs.frozen(kw_only=True)
class FamilyRule(EligibilityRule):
    """A child of at most ``child_max`` years, or the guardian of one (``guardian_of_child``)."""

    kind: ClassVar[str] = "family"  # `rule = "family"` in programme.toml
    child_max: int = attrs.field(default=CHILD_MAX)

    @child_max.validator
    def _check(self, attribute: Any, value: int) -> None:
        if not 0 <= value <= 25:
            raise ValueError(f"child_max: must be 0-25 (got {value})")

    def accepts(self, facts: Any) -> bool | None:
        age = facts.get("age")
        if age is not None and age <= self.child_max:
            return True
        guardian = facts.get("guardian_of_child")
        if guardian is not None:
            return bool(guardian)
        return None if age is None else False

    def describe(self) -> str:
        return f"a child aged 0-{self.child_max} or the guardian of one"

    def condition(self, lang: str) -> str:
        """The rule as the site's "You can take part if …" says it, in ``lang``."""
        n = self.child_max
        return {
            "fi": f"olet 0–{n}-vuotias lapsi tai tällaisen lapsen huoltaja",
            "sv": f"du är ett barn i åldern 0–{n} år eller vårdnadshavare till ett sådant barn",
        }.get(lang, f"you are a child aged 0–{n} or the guardian of one")


def _item(item_id: str, fi: str, sv: str, en: str) -> ChecklistItem:
    return ChecklistItem(id=item_id, text=Text(fi=fi, sv=sv, en=en))


PHASES = (
    Phase(
        id="family_network",
        title=Text(
            fi="Perhekeskuksen verkosto ja perheet mukaan",
            sv="Familjecentrets nätverk och familjerna med",
            en="The family centre's network, and families on board",
        ),
        items=(
            _item(
                "map_family_services",
                "Kokoa perhekeskuksen verkosto: neuvola, varhaiskasvatus, sosiaalipalvelut, järjestöt, seurakunta",
                "Samla familjecentrets nätverk: rådgivning, småbarnspedagogik, socialtjänster, organisationer, församling",
                "Gather the family centre's network: child health clinic, early education, social services, NGOs, parish",
            ),
            _item(
                "youth_council_seat",
                "Pyydä nuorisovaltuustolta jäsen perhekeskuksen verkostoon",
                "Be ungdomsfullmäktige om en medlem i familjecentrets nätverk",
                "Ask the youth council for a member in the family-centre network",
            ),
            _item(
                "developer_parents_group",
                "Perusta kehittäjävanhempien ryhmä",
                "Grunda en grupp av utvecklarföräldrar",
                "Found a developer-parents group",
            ),
            _item(
                "family_representative",
                "Nimeä perheiden edustaja, joka kutsutaan jokaiseen työpajaan",
                "Utse en familjerepresentant som bjuds in till varje verkstad",
                "Name a family representative who is invited to every workshop",
            ),
            _item(
                "guardian_consent",
                "Sovi, miten huoltajien suostumus lasten osallistumiseen pyydetään ja kirjataan",
                "Kom överens om hur vårdnadshavarnas samtycke till barnens deltagande begärs och registreras",
                "Agree how guardians' consent for children's taking part is asked and recorded",
            ),
        ),
    ),
    Phase(
        id="low_threshold",
        title=Text(
            fi="Matalan kynnyksen ideat ja arviointi",
            sv="Idéer och utvärdering med låg tröskel",
            en="Low-threshold ideas and evaluation",
        ),
        items=(
            _item(
                "idea_channels",
                "Kerää ideoita tapahtumissa, kohtaamispaikoissa ja sosiaalisessa mediassa",
                "Samla idéer på evenemang, mötesplatser och i sociala medier",
                "Collect ideas at events, meeting places and on social media",
            ),
            _item(
                "sticker_evaluation",
                "Arvioi kohtaamispaikan toimintaa lasten kanssa kuvin ja tarroin",
                "Utvärdera mötesplatsens verksamhet med barnen med bilder och klistermärken",
                "Evaluate the meeting place's activity with children by pictures and stickers",
            ),
            _item(
                "parent_evaluation",
                "Arvioi toimintaa vanhempien kanssa samalla kierroksella",
                "Utvärdera verksamheten med föräldrarna under samma omgång",
                "Evaluate the activity with parents in the same round",
            ),
            _item(
                "child_impact",
                "Arvioi lapsivaikutukset jokaisessa toimeksiannossa",
                "Bedöm konsekvenserna för barn i varje uppdrag",
                "Assess the impact on children in every commission",
            ),
        ),
    ),
    Phase(
        id="tell_back",
        title=Text(
            fi="Kerro takaisin perheille ja lapsille",
            sv="Berätta tillbaka för familjerna och barnen",
            en="Tell families and children what came of it",
        ),
        items=(
            _item(
                "tell_children",
                "Kerro lapsille heidän ymmärtämällään tavalla, mitä heidän ideoilleen tapahtui",
                "Berätta för barnen på ett sätt de förstår vad som hände med deras idéer",
                "Tell the children, in a way they understand, what happened to their ideas",
            ),
            _item(
                "tell_parents",
                "Jaa vanhemmille tiivistelmä ja päätökset",
                "Dela ett sammandrag och besluten med föräldrarna",
                "Share a summary and the decisions with the parents",
            ),
            _item(
                "root_in_structures",
                "Kytke toiminta perhekeskuksen pysyviin rakenteisiin",
                "Koppla verksamheten till familjecentrets permanenta strukturer",
                "Root the work in the family centre's permanent structures",
            ),
        ),
    ),
)


def family_centre_model() -> ModelTemplate:
    """A fresh copy of the family-centre model."""
    base = general_model()
    return attrs.evolve(
        base,
        name=MODEL_NAME,
        title=Text(fi="Perhekeskus", sv="Familjecentret", en="Family centre"),
        description=Text(
            fi="Lapsiperheet kehittävät perhekeskuksen toimintaa: lapset 0–17-vuotiaat huoltajan suostumuksella, vanhemmat ja kehittäjävanhemmat; lapset arvioivat tarroin ja kasvoin, vanhemmat osallisuuden tasoin.",
            sv="Barnfamiljer utvecklar familjecentrets verksamhet: barn 0–17 år med vårdnadshavarens samtycke, föräldrar och utvecklarföräldrar; barnen utvärderar med klistermärken och ansikten, föräldrarna med delaktighetens nivåer.",
            en="Families with children develop the family centre's work: children aged 0-17 with a guardian's consent, parents and developer parents; children evaluate by stickers and faces, parents by levels of participation.",
        ),
        target_group=TargetGroup(
            name="Lapsiperheet",
            age=AgeRange(min=0, max=99),
            description="Lapset 0–17-vuotiaat huoltajineen ja vanhemmat.",
            eligibility=(FamilyRule(),),
            recruitment_channels=CHANNELS,
        ),
        roles=ROLES,
        session_kinds=SESSION_KINDS,
        methods=METHODS,
        phases=PHASES,
        consent_policy=attrs.evolve(base.consent_policy, guardian_under=CHILD_MAX + 1),
        loop_limits=LoopLimits(respond_days=30, report_back_days=14),
        instrument="barometer",
        certificates=False,
        email_between_meetings=True,
    )
