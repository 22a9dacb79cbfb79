"""A model's own pages: templates a plugin ships as ``pages/<model>/<name>.html``.

``yk report`` renders each of them as ``<name>.html`` in every language of the site for a
programme of that model (a children's parliament's page for the children, say), with the same
context as the built-in pages: ``data`` (the site's data, with its ``label`` for words),
``records``, ``programme`` and ``k``. A page whose name ends in ``_plain.html`` is for
participants (plain language, no raw codes); the others are for actors.
"""

from __future__ import annotations

from typing import Any

PREFIX = "pages/"


def model_page_templates(env: Any, model: str) -> list[str]:
    """The templates of the model's own pages, sorted by name."""
    prefix = f"{PREFIX}{model}/"
    try:
        names = env.list_templates(filter_func=lambda name: name.startswith(prefix))
    except TypeError:  # a loader that cannot list its templates offers no pages
        return []
    return sorted(n for n in names if n.endswith(".html") and "/" not in n[len(prefix) :])


def model_pages(env: Any, model: str) -> list[tuple[str, str, str]]:
    """The model's own pages as ``(path, template, audience)``; the site makes them pages
    with the context of every page."""
    out = []
    for template in model_page_templates(env, model):
        name = template.rsplit("/", 1)[1]
        if name.endswith("_plain.html"):
            out.append((name.removesuffix("_plain.html") + ".html", template, "participants"))
        else:
            out.append((name, template, "actors"))
    return out
