"""What the installed models and instruments contain, as plain data (``yk models``,
``yk instruments``), so no one has to read a TOML file inside a package.

Texts are given in one language (``lang``: fi, sv or en; Finnish where a translation is
missing); codes (roles, session kinds, methods, ids) as they are written in ``programme.toml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pluggy

    from ..measure.instrument import Instrument
    from ..model import ModelTemplate


def describe_model(template: ModelTemplate, lang: str = "en") -> dict[str, Any]:
    """One model: its target group, vocabulary, instrument, phases and rules of the loop."""
    group = template.target_group
    return {
        "name": template.name,
        "title": template.title.get(lang),
        "description": template.description.get(lang),
        "ages": [group.age.min, group.age.max],
        "target_group": {
            "name": group.name,
            "description": group.description,
            "ages": [group.age.min, group.age.max],
            "eligibility": [rule.describe() for rule in group.eligibility],
            "recruitment_channels": list(group.recruitment_channels),
        },
        "roles": list(template.roles),
        "session_kinds": list(template.session_kinds),
        "methods": list(template.methods),
        "instrument": template.instrument,
        "phases": [p.id for p in template.phases],
        "checklist": [
            {"phase": p.id, "title": p.title.get(lang), "items": [i.id for i in p.items]}
            for p in template.phases
        ],
        "consent_policy": {
            "guardian_under": template.consent_policy.guardian_under,
            "required_scopes": list(template.consent_policy.required_scopes),
        },
        "loop_limits": {
            "respond_days": template.loop_limits.respond_days,
            "report_back_days": template.loop_limits.report_back_days,
        },
        "disclosure_threshold": template.disclosure_threshold,
        "certificates": template.certificates,
        "email_between_meetings": template.email_between_meetings,
    }


def describe_instrument(instrument: Instrument, lang: str = "en") -> dict[str, Any]:
    """One instrument: its scale with a label per point, its dimensions and its items."""
    scale = instrument.scale
    return {
        "name": instrument.name,
        "title": instrument.title.get(lang),
        "description": instrument.description.get(lang),
        "version": instrument.version,
        "audience": instrument.audience,
        "licence": instrument.licence,
        "scale": {
            "points": scale.points,
            "labels": [label.get(lang) for label in scale.labels],
            "symbols": list(scale.symbols),
        },
        "dimensions": [{"id": d.id, "title": d.title.get(lang)} for d in instrument.dimensions],
        "items": [
            {
                "id": i.id,
                "dimension": i.dimension,
                "text": i.text.get(lang),
                "reverse": i.reverse,
            }
            for i in instrument.items
        ],
    }


def models(pm: pluggy.PluginManager | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """Every model the installed plugins offer, described in ``lang``."""
    from .. import catalogue

    pm = pm or _plugins()
    return [describe_model(t, lang) for t in catalogue.models(pm).values()]


def instruments(
    pm: pluggy.PluginManager | None = None, folder: Path | None = None, lang: str = "en"
) -> list[dict[str, Any]]:
    """Every instrument of the plugins, and of ``folder``'s ``instruments/`` when given."""
    from ..measure import registry

    pm = pm or _plugins()
    found = registry.instruments(pm, folder)
    return [describe_instrument(found[name], lang) for name in sorted(found)]


def _plugins() -> pluggy.PluginManager:
    from ..plugins import get_plugin_manager

    return get_plugin_manager()
