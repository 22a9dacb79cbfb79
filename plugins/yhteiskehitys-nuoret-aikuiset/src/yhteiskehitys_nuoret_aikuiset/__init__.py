"""The young-adults developer-group model: the general model with the group's own defaults."""

from __future__ import annotations

import attrs

from yhteiskehitys import general_model, hookimpl
from yhteiskehitys.model import AgeRange, ModelTemplate, StatusRule, TargetGroup, Text

__version__ = "0.1.0"

MODEL_NAME = "nuoret-aikuiset"


def developer_group_model() -> ModelTemplate:
    base = general_model()
    return attrs.evolve(
        base,
        name=MODEL_NAME,
        title=Text(
            fi="Nuorten aikuisten kehittäjäryhmä",
            sv="Utvecklargrupp för unga vuxna",
            en="Young adults' developer group",
        ),
        description=Text(
            fi="18–34-vuotiaat kehittävät hyvinvointialueen palveluja; työ-, opiskelu- tai "
            "asiakkuusstatus ei rajaa osallistumista.",
            sv="18–34-åringar utvecklar välfärdsområdets tjänster; arbets-, studie- eller "
            "klientstatus begränsar inte deltagandet.",
            en="18-34-year-olds develop the wellbeing services county's services; work, study "
            "or client status does not limit taking part.",
        ),
        target_group=TargetGroup(
            name="Nuoret aikuiset 18–34",
            age=AgeRange(min=18, max=34),
            description="Kehittämisestä ja vaikuttamisesta kiinnostuneet nuoret aikuiset.",
            eligibility=(StatusRule(),),
            recruitment_channels=("partner_services", "youth_work_networks", "social_media"),
        ),
        roles=(*base.roles, "developer_group_member"),
        methods=(*base.methods, "email_between_meetings"),
        certificates=True,
        email_between_meetings=True,
    )


@hookimpl
def yk_models() -> list[ModelTemplate]:
    return [developer_group_model()]
