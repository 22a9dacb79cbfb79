"""The children's parliament model: pupils of every primary school, their teachers, sittings.

Built on what real children's parliaments do (Kittilä from 4.10.2023, Tampere, Jyväskylä,
Seinäjoki, Hollola): elected pupils and a teacher of each school meet in sittings, bring ideas
from their classes, agree concrete actions or get answers from the responsible body, decide
on money reserved for them, and take the answers back to their classes.
"""

# ruff: noqa: E501  (the checklist texts read better unbroken)
from __future__ import annotations

from yhteiskehitys.model import (
    AgeRange,
    ChecklistItem,
    ConsentPolicy,
    LoopLimits,
    ModelTemplate,
    Phase,
    TargetGroup,
    Text,
)

from .words import CHANNELS, METHODS, ROLES, SESSION_KINDS, VOCABULARY

MODEL_NAME = "lapsiparlamentti"
INSTRUMENT = "barometer-lapset"
SCHOOL_KIND = "school"
"""The ``kind`` of an organisation that is a school of the parliament."""
SITTING_KINDS = ("sitting", "general_assembly")
"""Session kinds where every school is represented; board meetings and regional parliaments
gather only some schools."""
PARLIAMENT_KINDS = SESSION_KINDS
"""Session kinds where children attend and ideas are handled."""


def _item(item_id: str, fi: str, sv: str, en: str) -> ChecklistItem:
    return ChecklistItem(id=item_id, text=Text(fi=fi, sv=sv, en=en))


PHASES = (
    Phase(
        id="founding",
        title=Text(
            fi="Lapsiparlamentin perustaminen",
            sv="Barnparlamentet grundas",
            en="Founding the parliament",
        ),
        items=(
            _item(
                "schools_asked",
                "Jokaista alakoulua on pyydetty valitsemaan oppilasedustajat ja varaedustajat.",
                "Varje lågstadieskola har ombetts välja elevrepresentanter och suppleanter.",
                "Every primary school has been asked to elect pupil representatives and deputies.",
            ),
            _item(
                "teachers_named",
                "Jokainen koulu on nimennyt opettajan, joka kulkee edustajien mukana.",
                "Varje skola har utsett en lärare som följer med representanterna.",
                "Every school has named a teacher who goes with its representatives.",
            ),
            _item(
                "consents_collected",
                "Huoltajien suostumukset alle 15-vuotiaiden osallistumiseen on kerätty.",
                "Vårdnadshavarnas samtycken för barn under 15 år har samlats in.",
                "Guardians' consents for children under 15 have been collected.",
            ),
        ),
    ),
    Phase(
        id="sittings",
        title=Text(fi="Istunnot ja ideat", sv="Sessioner och idéer", en="Sittings and ideas"),
        items=(
            _item(
                "first_sitting",
                "Ensimmäinen istunto on pidetty, ja lapset ovat valinneet puheenjohtajan ja sihteerin.",
                "Den första sessionen har hållits och barnen har valt ordförande och sekreterare.",
                "The first sitting has been held and the children have chosen a chair and a secretary.",
            ),
            _item(
                "ideas_gathered",
                "Edustajat ovat keränneet ideoita omista luokistaan.",
                "Representanterna har samlat idéer från sina klasser.",
                "The representatives have gathered ideas from their classes.",
            ),
            _item(
                "budget_set",
                "Lapsiparlamentille on varattu rahaa, ja sen summa on kerrottu kouluille.",
                "Pengar har reserverats för barnparlamentet och summan har meddelats skolorna.",
                "Money has been reserved for the parliament and the sum told to the schools.",
            ),
        ),
    ),
    Phase(
        id="answers",
        title=Text(fi="Vastaukset takaisin", sv="Svaren tillbaka", en="Answers back"),
        items=(
            _item(
                "budget_decided",
                "Lapset ovat äänestäneet hankkeista, ja tulos on julkaistu.",
                "Barnen har röstat om projekten och resultatet har publicerats.",
                "The children have voted on the projects and the result has been published.",
            ),
            _item(
                "answers_to_classes",
                "Edustajat ovat vieneet päätökset ja vastaukset takaisin omiin luokkiinsa.",
                "Representanterna har tagit besluten och svaren tillbaka till sina klasser.",
                "The representatives have taken the decisions and answers back to their classes.",
            ),
        ),
    ),
)


def childrens_parliament_model() -> ModelTemplate:
    """A fresh copy of the model (models are frozen; a copy each call keeps callers apart)."""
    return ModelTemplate(
        name=MODEL_NAME,
        title=Text(fi="Lapsiparlamentti", sv="Barnparlament", en="Children's parliament"),
        description=Text(
            fi="Jokaisen alakoulun valitsemat oppilaat ja opettajat kokoontuvat istuntoihin, tuovat "
            "ideoita luokistaan, sopivat tekoja, päättävät varatusta rahasta ja vievät vastaukset "
            "takaisin luokkiin.",
            sv="Elever och lärare som varje lågstadieskola valt samlas till sessioner, tar med "
            "idéer från sina klasser, kommer överens om åtgärder, beslutar om reserverade pengar "
            "och tar svaren tillbaka till klasserna.",
            en="Pupils and teachers elected by every primary school meet in sittings, bring ideas "
            "from their classes, agree actions, decide on money reserved for them and take the "
            "answers back to their classes.",
        ),
        target_group=TargetGroup(
            name="Alakoululaiset (luokat 1–6)",
            age=AgeRange(min=7, max=12),
            description="Alakoulujen oppilaat, noin 7–12-vuotiaat, luokat 1–6.",
            recruitment_channels=CHANNELS,
        ),
        roles=ROLES,
        session_kinds=SESSION_KINDS,
        methods=METHODS,
        phases=PHASES,
        consent_policy=ConsentPolicy(guardian_under=15),
        loop_limits=LoopLimits(respond_days=42, report_back_days=14),
        instrument=INSTRUMENT,
        certificates=True,
        email_between_meetings=False,
        vocabulary=VOCABULARY,
    )
