"""The general model ``yhteiskehitys``: the phases of a developer-group pilot, for any group.

Derived from how a wellbeing services county piloted a developer group of young adults; the
texts are our own summary of those phases. This is public (``yhteiskehitys.general_model()``)
so that a plugin can start its own model from it; the built-in plugin
``yhteiskehitys.builtin.general_model`` offers it through ``yk_models``.
"""

# ruff: noqa: E501  (the checklist texts read better unbroken)
from __future__ import annotations

from .target_group import AgeRange, StatusRule, TargetGroup
from .template import ChecklistItem, ConsentPolicy, LoopLimits, ModelTemplate, Phase
from .text import Text


def _item(item_id: str, fi: str, sv: str, en: str) -> ChecklistItem:
    return ChecklistItem(id=item_id, text=Text(fi=fi, sv=sv, en=en))


PHASES = (
    Phase(
        id="gather",
        title=Text(
            fi="Verkoston ja kohderyhmän tunnistaminen ja kokoaminen",
            sv="Att identifiera och samla nätverket och målgruppen",
            en="Identifying and gathering the network and the target group",
        ),
        items=(
            _item(
                "present_model",
                "Esittele malli alueellisille verkostoille",
                "Presentera modellen för de regionala nätverken",
                "Present the model to regional networks",
            ),
            _item(
                "identify_partners",
                "Tunnista keskeiset yhteistyökumppanit",
                "Identifiera de viktigaste samarbetspartnerna",
                "Identify key partners",
            ),
            _item(
                "agree_communication",
                "Sovi viestinnästä ja rekrytoinnista kumppaneiden kanssa",
                "Kom överens om kommunikation och rekrytering med partnerna",
                "Agree communication and recruitment with partners",
            ),
            _item(
                "agree_exchange",
                "Sovi säännöllisestä tiedonvaihdosta: aikataulut, koosteet, raportit",
                "Kom överens om regelbundet informationsutbyte: scheman, sammandrag, rapporter",
                "Agree regular exchange: schedules, summaries, reports",
            ),
            _item(
                "permanent_link",
                "Neuvottele toiminnan kytkemisestä pysyviin rakenteisiin",
                "Förhandla om att koppla verksamheten till permanenta strukturer",
                "Negotiate a link to permanent structures",
            ),
            _item(
                "define_target_group",
                "Määrittele kohderyhmä",
                "Definiera målgruppen",
                "Define the target group",
            ),
            _item(
                "recruit_through_partners",
                "Rekrytoi osallistujat kumppaneiden ja palvelujen kautta",
                "Rekrytera deltagare via partner och tjänster",
                "Recruit participants through partners and services",
            ),
        ),
    ),
    Phase(
        id="culture",
        title=Text(
            fi="Työskentelykulttuurin ja jatkuvuuden rakentaminen",
            sv="Att bygga arbetskultur och kontinuitet",
            en="Building the working culture and continuity",
        ),
        items=(
            _item(
                "dialogic_work",
                "Työskentele dialogisesti ja vuorovaikutteisesti",
                "Arbeta dialogiskt och interaktivt",
                "Work dialogically and interactively",
            ),
            _item(
                "timely_information",
                "Kerro osallistujille ajoissa etenemisestä ja vaikuttamismahdollisuuksista",
                "Informera deltagarna i tid om framstegen och möjligheterna att påverka",
                "Tell participants in good time about progress and their chances to influence",
            ),
            _item(
                "schedules_and_messages",
                "Pidä aikataulut selkeinä ja viesti tapaamisten välillä",
                "Håll tydliga scheman och kommunicera mellan mötena",
                "Keep clear schedules and send messages between meetings",
            ),
            _item(
                "transparent_documentation",
                "Dokumentoi läpinäkyvästi ja jaa yhteenvedot osallistujille",
                "Dokumentera öppet och dela sammandragen med deltagarna",
                "Document transparently and share summaries with participants",
            ),
            _item(
                "certificates",
                "Anna osallistumistodistukset",
                "Ge intyg över deltagandet",
                "Give participation certificates",
            ),
            _item(
                "continuity_structures",
                "Tunnista rakenteet, joissa toiminta voi jatkua",
                "Identifiera strukturer där verksamheten kan fortsätta",
                "Identify structures where the work can continue",
            ),
            _item(
                "link_participation_structures",
                "Kytke toiminta organisaation osallisuusrakenteisiin",
                "Koppla verksamheten till organisationens delaktighetsstrukturer",
                "Link the work to the organisation's participation structures",
            ),
            _item(
                "hand_over_model",
                "Siirrä malli pysyvälle toimijalle",
                "Överlämna modellen till en permanent aktör",
                "Hand the model over to a permanent owner",
            ),
            _item(
                "agree_responsibilities",
                "Sovi vastuista",
                "Kom överens om ansvar",
                "Agree responsibilities",
            ),
        ),
    ),
    Phase(
        id="ways_of_working",
        title=Text(fi="Toimintatavat", sv="Arbetssätt", en="Ways of working"),
        items=(
            _item(
                "network_based",
                "Verkostolähtöisyys: työskentele toimijaverkoston kanssa",
                "Nätverksbaserat: arbeta med aktörsnätverket",
                "Network-based: work with the network of actors",
            ),
            _item(
                "phenomenon_based",
                "Ilmiölähtöisyys: jaa teemat pysyviin ja tilannekohtaisiin ja kytke ne toimeksiantoihin",
                "Fenomenbaserat: dela teman i permanenta och situationsbundna och koppla dem till uppdrag",
                "Phenomenon-based: split themes into permanent and situational and link them to commissions",
            ),
            _item(
                "actor_participant_based",
                "Toimija- ja osallistujalähtöisyys: selkeät toimeksiannot, dokumentoidut näkemykset toimijoille, todennettava palautekehä",
                "Aktörs- och deltagarbaserat: tydliga uppdrag, dokumenterade synpunkter till aktörerna, en verifierbar återkopplingsslinga",
                "Actor- and participant-based: clear commissions, documented views delivered to actors, a verifiable feedback loop",
            ),
            _item(
                "topic_method_based",
                "Aihe- ja menetelmälähtöisyys: kokemusasiantuntijat, työpajat yksin-, pari- ja ryhmätyönä",
                "Ämnes- och metodbaserat: erfarenhetsexperter, workshoppar med individuellt arbete, pararbete och grupparbete",
                "Topic- and method-based: experts by experience, workshops with individual, pair and group work",
            ),
        ),
    ),
)

ROLES = ("participant", "expert_by_experience", "facilitator", "coordinator", "actor")
SESSION_KINDS = ("workshop", "meeting", "network_meeting", "event")
METHODS = ("individual", "pair", "group_discussion", "expert_by_experience_opening")


def general_model() -> ModelTemplate:
    """A fresh copy of the general model; a plugin may ``attrs.evolve`` it into a model for its
    own group (``from yhteiskehitys import general_model``)."""
    return ModelTemplate(
        name="yhteiskehitys",
        title=Text(
            fi="Yhteiskehittämisen malli", sv="Modell för samutveckling", en="Co-development model"
        ),
        description=Text(
            fi="Yleinen malli palvelujen kehittämiseen yhdessä minkä tahansa kohderyhmän kanssa.",
            sv="En allmän modell för att utveckla tjänster tillsammans med vilken målgrupp som helst.",
            en="A general model for co-developing services with any target group.",
        ),
        target_group=TargetGroup(
            name="Kohderyhmä",
            age=AgeRange(min=13, max=29),
            eligibility=(StatusRule(),),
            recruitment_channels=("partners",),
        ),
        roles=ROLES,
        session_kinds=SESSION_KINDS,
        methods=METHODS,
        phases=PHASES,
        consent_policy=ConsentPolicy(),
        loop_limits=LoopLimits(),
    )
