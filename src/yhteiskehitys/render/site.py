"""``yk report``: the programme's static site, one folder per language.

The site is built into a temporary folder beside the target and moved into place at the end,
so a failed build leaves the previous site as it was. Pages are plain files that request
nothing: CSS is inline and charts are inline SVG.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from attrs import define, field, frozen

from ..errors import YhteiskehitysError
from ..model.text import LANGUAGES
from . import parallel, views
from .filters import file_name
from .snapshot import Records
from .templating import render

PARTICIPANT_PAGES = ("said-did.html", "take-part.html")
WRITERS = 4
"""Threads writing pages: opening many small files is slow on some file systems, and writing
them while the next page renders overlaps that wait."""


@frozen(kw_only=True)
class Page:
    path: str
    """Path inside the language folder, with ``/`` separators."""
    template: str
    context: dict[str, Any]
    audience: str = "actors"  # or "participants"


@define
class BuildResult:
    out: Path
    languages: tuple[str, ...]
    pages: list[Path] = field(factory=list)
    seconds: dict[str, float] = field(factory=dict)
    """Total render time per template name."""
    counts: dict[str, int] = field(factory=dict)


def pages(records: Records, lang: str, data: views.SiteData) -> Iterable[Page]:
    yield Page(path="index.html", template="site/dashboard.html", context={"data": data})
    yield Page(path="themes.html", template="site/themes.html", context={"data": data})
    for theme in data.themes:
        yield Page(
            path=f"theme/{file_name(theme.theme.id)}",
            template="site/theme.html",
            context={"data": data, "theme": theme},
        )
    for trail in data.trails:
        yield Page(
            path=f"item/{file_name(trail.id)}",
            template="site/item.html",
            context={"data": data, "trail": trail},
        )
    yield Page(path="sessions.html", template="site/sessions.html", context={"data": data})
    for summary in data.sessions:
        yield Page(
            path=f"session/{file_name(summary.session.id)}",
            template="site/session.html",
            context={"data": data, "summary": summary},
        )
    for budget in data.budgets:
        yield Page(
            path=f"budget/{file_name(budget.id)}",
            template="site/budget.html",
            context={"data": data, "budget": budget},
        )
    for election in data.elections:
        yield Page(
            path=f"election/{file_name(election.id)}",
            template="site/election.html",
            context={"data": data, "election": election},
        )
    yield Page(
        path="said-did.html",
        template="site/said_did.html",
        context={"data": data, "plain": views.said_did(data)},
        audience="participants",
    )
    yield Page(
        path="take-part.html",
        template="site/take_part.html",
        context={"data": data, "model": views.take_part(records, lang)},
        audience="participants",
    )


def build_site(
    records: Records,
    out: Path,
    environment: Callable[[str], Any],
    *,
    languages: Sequence[str] = LANGUAGES,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Render the site for ``languages`` into ``out`` (replaced as a whole when done).

    :param environment: returns the jinja2 environment for a language (see ``make_environment``
        and :func:`yhteiskehitys.render.i18n.install`).
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise YhteiskehitysError(f"{out}: exists and is not a folder; choose another --out")
    if out.exists() and any(out.iterdir()) and not (out / ".yk-site").exists():
        raise YhteiskehitysError(
            f"{out}: the folder is not empty and was not made by `yk report`; choose another --out"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    staging.chmod(0o755)
    result = BuildResult(out=out, languages=tuple(languages))

    def one_language(lang: str) -> BuildResult:
        return _build_language(records, lang, staging, environment(lang))

    try:
        size = len(records.commissions) + len(records.ideas) + len(records.sessions)
        processes = parallel.worth_forking(size, len(languages))
        for lang, part in parallel.run(one_language, list(languages), processes).items():
            result.pages.extend(out / lang / page for page in part.pages)
            for template, seconds in part.seconds.items():
                result.seconds[template] = result.seconds.get(template, 0.0) + seconds
                result.counts[template] = result.counts.get(template, 0) + part.counts[template]
            if progress:
                progress(lang)
        env = environment(records.programme.language)
        chooser = render(
            env,
            "site/languages.html",
            {
                "programme": records.programme,
                "site_languages": tuple(languages),
                "root": "",
                "page_path": "index.html",
                "k": records.threshold,
                "audience": "participants",
            },
        )
        (staging / "index.html").write_text(chooser, encoding="utf-8")
        result.pages.append(out / "index.html")
        (staging / ".yk-site").write_text("made by yk report\n", encoding="utf-8")
        _replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return result


def _build_language(records: Records, lang: str, staging: Path, env: Any) -> BuildResult:
    """Render and write every page of one language; pages are relative to its folder."""
    result = BuildResult(out=staging, languages=(lang,))
    data = views.site_data(records, lang)
    writer = ThreadPoolExecutor(max_workers=WRITERS)
    pending: list[Future[None]] = []
    made: set[Path] = set()
    try:
        from .model_pages import model_pages

        own = [
            Page(
                path=path,
                template=template,
                context={"data": data, "records": records},
                audience=audience,
            )
            for path, template, audience in model_pages(env, records.template.name)
        ]
        for page in (*pages(records, lang, data), *own):
            target = staging / lang / page.path
            context = {
                **page.context,
                "programme": records.programme,
                "k": records.threshold,
                "root": "../" * page.path.count("/"),
                "page_path": page.path,
                "audience": page.audience,
            }
            started = time.perf_counter()
            html = render(env, page.template, context)
            result.seconds[page.template] = result.seconds.get(page.template, 0.0) + (
                time.perf_counter() - started
            )
            result.counts[page.template] = result.counts.get(page.template, 0) + 1
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            pending.append(writer.submit(_write, target, html))
            result.pages.append(Path(page.path))
        for done in pending:
            done.result()  # a failed write fails the build
    finally:
        writer.shutdown(wait=True, cancel_futures=True)
    return result


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _replace(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{time.time_ns()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
