"""Reports people read: the programme's site, certificates, e-mail drafts and the calendar.

Rendering needs jinja2 and babel, so nothing here is imported until a command renders.

- :func:`environment` – the layered, translated jinja2 environment for one language;
- :func:`yhteiskehitys.render.site.build_site` – the static site (``yk report``);
- :mod:`.certificates`, :mod:`.mail`, :mod:`.calendar` – the other outputs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2
    import pluggy


def environment(
    lang: str, *, programme_folder: Path | None = None, pm: pluggy.PluginManager | None = None
) -> jinja2.Environment:
    """The environment for ``lang``: loaders programme folder → plugins → built-in, translated."""
    from ..catalogue import template_paths
    from .filters import install_filters
    from .i18n import install
    from .templating import make_environment

    env = make_environment(
        programme_folder=programme_folder,
        plugin_paths=template_paths(pm) if pm is not None else (),
    )
    install(env, lang)
    install_filters(env, lang)
    return env


__all__ = ["environment"]
