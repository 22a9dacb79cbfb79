"""One open programme: its configuration, plugins, catalogue, store and every verb of ``yk``.

:func:`open_programme` is the door for an embedding developer and the only thing the command
line calls: each ``yk`` command parses its options, calls one method here and prints. Every rule
is enforced below this line, so a caller of the library meets the same refusals as a user of
``yk``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import YhteiskehitysError
from .build import today_utc

if TYPE_CHECKING:
    import pluggy

    from ..catalogue import Catalogue
    from ..folder import ProgrammeFolder
    from ..loop.stats import LoopSummary
    from ..measure.instrument import Instrument
    from ..measure.readers.base import Reader
    from ..model import ModelTemplate, Programme
    from ..render.site import BuildResult
    from ..render.snapshot import Records
    from ..store import AuditEntry, Store, Transaction
    from ..validation import Validation
    from .budgets import BudgetVerbs
    from .checklist import ChecklistVerbs
    from .child_impact import ChildImpactVerbs
    from .elections import ElectionVerbs
    from .people import ConsentVerbs, ParticipantVerbs
    from .recording import (
        ActorVerbs,
        FeedbackVerbs,
        FindingVerbs,
        PilotVerbs,
        SessionVerbs,
        ThemeVerbs,
    )
    from .subjects import SubjectVerbs
    from .surveys import SurveyVerbs

DATABASE_VARIABLE = "YK_DATABASE_URL"


class OpenProgramme:
    """A programme folder opened for work; use it as a context manager, or call :meth:`close`.

    The configuration is read on first use (``ConfigError`` lists every problem of
    ``programme.toml``), the store is opened on first use, and the catalogue of what the plugins
    contribute is built once.
    """

    def __init__(
        self,
        folder: Path | str,
        *,
        database: str | None = None,
        operator: str | None = None,
        pm: pluggy.PluginManager | None = None,
    ) -> None:
        self.folder = Path(folder)
        self._database = database if database is not None else os.environ.get(DATABASE_VARIABLE)
        from ..store.core import default_operator

        self.operator = operator or default_operator()
        if pm is None:
            from ..plugins import get_plugin_manager

            pm = get_plugin_manager()
        self.pm = pm
        self._store: Store | None = None

    # --- configuration -----------------------------------------------------------------------

    @functools.cached_property
    def catalogue(self) -> Catalogue:
        """What the installed plugins contribute, collected once."""
        from ..catalogue import Catalogue

        return Catalogue(self.pm)

    @functools.cached_property
    def config(self) -> ProgrammeFolder:
        """``programme.toml`` read and validated, with the model it names."""
        from ..folder import ProgrammeFolder

        return ProgrammeFolder.open(self.folder, self.pm, catalogue=self.catalogue)

    @property
    def programme(self) -> Programme:
        return self.config.programme

    @property
    def template(self) -> ModelTemplate:
        return self.config.template

    @property
    def has_config(self) -> bool:
        from ..folder import PROGRAMME_FILE

        return (self.folder / PROGRAMME_FILE).exists()

    def language(self, lang: str | None = None) -> str:
        """``lang``, or the programme's own language."""
        return lang or self.programme.language

    def instruments(self) -> dict[str, Instrument]:
        """Every instrument: the plugins' and the folder's own ``instruments/*.toml``."""
        return dict(self._instruments)

    @functools.cached_property
    def _instruments(self) -> dict[str, Instrument]:
        from ..measure import registry

        return registry.instruments(self.pm, self.folder)

    def instrument(self, name: str | None = None) -> Instrument:
        """The instrument ``name``, or the model's."""
        from ..catalogue import pick

        return pick(self.instruments(), name or self.template.instrument, "instrument")

    def reader(self, name: str) -> Reader:
        from ..catalogue import pick

        return pick(self.catalogue.readers, name, "reader")

    # --- the store -----------------------------------------------------------------------------

    @functools.cached_property
    def store_url(self) -> str:
        """The store: ``database``, else ``YK_DATABASE_URL``, else ``programme.toml``'s
        ``database_url``, else ``yhteiskehitys.db`` in the folder."""
        from ..store.url import resolve

        programme_url = None
        if not self._database and self.has_config:
            programme_url = self.programme.database_url
        return resolve(self.folder, database=self._database, programme_url=programme_url)

    @property
    def has_store(self) -> bool:
        """False for a SQLite store whose file does not exist yet (nothing recorded)."""
        from ..store.url import missing_sqlite_file

        return self._store is not None or missing_sqlite_file(self.store_url) is None

    def store(self, *, create: bool = True) -> Store:
        """The programme's store, opened on first use. With ``create=False`` a SQLite store
        that does not exist yet is an error, rather than an empty file made by a reader."""
        if self._store is None:
            from ..store import open_store

            if not create and not self.has_store:
                raise YhteiskehitysError(
                    f"{self.folder}: no store yet ({Path(self.store_url).name} does not "
                    "exist); record something first, or name the store with --database"
                )
            self._store = open_store(
                self.store_url, converter=self.catalogue.converter(), operator=self.operator
            )
        return self._store

    @contextmanager
    def transaction(
        self, *, operator: str | None = None, create: bool = True
    ) -> Iterator[Transaction]:
        """One unit of work: everything in the block is committed together, or nothing is.
        With ``create=False`` the store must exist already (the work changes records)."""
        with self.store(create=create).transaction(operator=operator) as tx:
            yield tx

    @contextmanager
    def read(self) -> Iterator[Transaction]:
        """A read-only unit of work over a store that must exist."""
        with self.store(create=False).read() as tx:
            yield tx

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> OpenProgramme:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- record keeping, by kind of record -------------------------------------------------

    @functools.cached_property
    def commissions(self) -> SubjectVerbs:
        """Commissions (toimeksiannot) through the feedback loop."""
        from .subjects import SubjectVerbs

        return SubjectVerbs(self, "commission")

    @functools.cached_property
    def ideas(self) -> SubjectVerbs:
        """Ideas (ideat, aloitteet) through the feedback loop."""
        from .subjects import SubjectVerbs

        return SubjectVerbs(self, "idea")

    def subjects(self, kind: str) -> SubjectVerbs:
        """The verbs of ``commission`` or ``idea``."""
        from ..model.loop_states import KINDS

        if kind not in KINDS:
            raise YhteiskehitysError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
        return self.commissions if kind == "commission" else self.ideas

    @functools.cached_property
    def sessions(self) -> SessionVerbs:
        from .recording import SessionVerbs

        return SessionVerbs(self)

    @functools.cached_property
    def findings(self) -> FindingVerbs:
        from .recording import FindingVerbs

        return FindingVerbs(self)

    @functools.cached_property
    def feedback(self) -> FeedbackVerbs:
        from .recording import FeedbackVerbs

        return FeedbackVerbs(self)

    @functools.cached_property
    def pilots(self) -> PilotVerbs:
        from .recording import PilotVerbs

        return PilotVerbs(self)

    @functools.cached_property
    def actors(self) -> ActorVerbs:
        from .recording import ActorVerbs

        return ActorVerbs(self)

    @functools.cached_property
    def themes(self) -> ThemeVerbs:
        from .recording import ThemeVerbs

        return ThemeVerbs(self)

    @functools.cached_property
    def participants(self) -> ParticipantVerbs:
        from .people import ParticipantVerbs

        return ParticipantVerbs(self)

    @functools.cached_property
    def consents(self) -> ConsentVerbs:
        from .people import ConsentVerbs

        return ConsentVerbs(self)

    @functools.cached_property
    def surveys(self) -> SurveyVerbs:
        from .surveys import SurveyVerbs

        return SurveyVerbs(self)

    @functools.cached_property
    def child_impacts(self) -> ChildImpactVerbs:
        """Child impact assessments of commissions (lapsivaikutusten arviointi)."""
        from .child_impact import ChildImpactVerbs

        return ChildImpactVerbs(self)

    @functools.cached_property
    def budgets(self) -> BudgetVerbs:
        """Participatory budgeting (osallistava budjetointi)."""
        from .budgets import BudgetVerbs

        return BudgetVerbs(self)

    @functools.cached_property
    def elections(self) -> ElectionVerbs:
        """Youth-council elections (nuorisovaltuustovaalit)."""
        from .elections import ElectionVerbs

        return ElectionVerbs(self)

    @functools.cached_property
    def checklist(self) -> ChecklistVerbs:
        from .checklist import ChecklistVerbs

        return ChecklistVerbs(self)

    # --- the whole programme -------------------------------------------------------------------

    def validate(self, *, today: date | None = None) -> Validation:
        """``programme.toml``, then every check the built-ins and plugins contribute."""
        from ..validation import validate

        return validate(self.folder, self.pm, today=today, database=self._database)

    def loop_summary(self, *, today: date | None = None, open_limit: int = 20) -> LoopSummary:
        """Open loops, overdue steps, closure rate and days per stage (``yk loop``)."""
        from ..loop.queries import loop_summary

        limits = self.programme.loop_limits
        with self.read() as tx:
            return loop_summary(tx.conn, limits, today_utc(today), open_limit=open_limit)

    def status(self, *, today: date | None = None, lang: str | None = None) -> list[str]:
        """The programme on one screen, as lines (``yk status``)."""
        from ..loop.status import status_lines

        with self.read() as tx:
            return status_lines(self.config, tx, today_utc(today), self.language(lang))

    def partners(self, theme: str, *, limit: int = 10) -> list[Any]:
        """Actors to ask about ``theme``, with the reasons (``yk partners``)."""
        from ..loop.queries import partner_records
        from ..partners import suggest

        limits = self.programme.loop_limits
        with self.read() as tx:
            tx.themes.get(theme)
            return suggest(theme, partner_records(tx.conn, theme, limits), limit)

    def measure(
        self,
        *,
        rounds: Sequence[str] = (),
        by: str = "group",
        items: Sequence[str] = (),
        lang: str | None = None,
    ) -> list[Any]:
        """The barometer's tables through disclosure control (``yk measure``)."""
        from ..measure.results import measure

        if items and by != "item":
            raise YhteiskehitysError("items: give them only when measuring by item")
        instruments = self.instruments()
        k = self.programme.disclosure_threshold
        with self.read() as tx:
            return measure(
                tx.surveys,
                instruments,
                tuple(rounds),
                by=by,
                k=k,
                lang=self.language(lang),
                items=tuple(items),
                stickers=tx.stickers,
            )

    def log(
        self,
        *,
        entity: str | None = None,
        entity_id: str | None = None,
        last: int | None = None,
    ) -> list[AuditEntry]:
        """The audit trail, oldest first; ``last`` keeps only the newest N entries."""
        from ..store.audit import ENTITIES

        with self.read() as tx:
            entries = tx.audit.entries(
                entity=entity, entity_id=entity_id, limit=last, newest_first=last is not None
            )
            if entity is not None and not entries and entity not in ENTITIES:
                from ..errors import FieldError

                kinds = sorted({*ENTITIES, *tx.audit.entities()})
                raise FieldError(
                    "entity",
                    f"the audit trail has no such kind of record (kinds: {', '.join(kinds)})",
                    value=entity,
                )
        return sorted(entries, key=lambda e: e.seq)

    # --- outputs -------------------------------------------------------------------------------

    def snapshot(
        self, *, today: date | None = None, personal: bool = False, figures: bool = False
    ) -> Records:
        """Everything the reports read, in one pass over the store."""
        from ..render.snapshot import load_snapshot

        return load_snapshot(
            folder=self.folder,
            programme=self.programme,
            template=self.template,
            url=self.store_url if self.has_store else None,
            pm=self.pm,
            today=today,
            personal=personal,
            figures=figures,
        )

    def environment(self, lang: str) -> Any:
        """The jinja2 environment for ``lang``: the folder's templates, the plugins', ours."""
        from ..render import environment

        return environment(lang, programme_folder=self.folder, pm=self.pm)

    def report(
        self,
        out: Path | str,
        *,
        lang: str | Sequence[str] | None = None,
        today: date | None = None,
    ) -> BuildResult:
        """Build the site into ``out`` (replaced as a whole): every language, the programme's
        first, or only ``lang``."""
        from ..model.text import LANGUAGES
        from ..render.site import build_site

        own = self.programme.language
        if lang is None:
            languages: tuple[str, ...] = (own, *[o for o in LANGUAGES if o != own])
        elif isinstance(lang, str):
            languages = (lang,)
        else:
            languages = tuple(dict.fromkeys(lang))
        unknown = [code for code in languages if code not in LANGUAGES]
        if unknown:
            raise YhteiskehitysError(
                f"lang: {unknown[0]!r} is not a language of the site ({', '.join(LANGUAGES)})"
            )
        records = self.snapshot(today=today, figures=True)
        return build_site(records, Path(out), self.environment, languages=languages)

    def certificates(
        self,
        out: Path | str,
        *,
        participant: str | None = None,
        signer: str | None = None,
        lang: str | None = None,
    ) -> list[Path]:
        """One certificate per participant whose consent allows it (``yk certificates``)."""
        from ..render.certificates import write_certificates

        lang = self.language(lang)
        return write_certificates(
            self.snapshot(personal=True),
            Path(out),
            self.environment(lang),
            lang,
            signer=signer or self.programme.organisation,
            participant=participant,
        )

    def mail(
        self,
        session: str,
        out: Path | str,
        *,
        sender: str | None = None,
        lang: str | None = None,
    ) -> list[Path]:
        """E-mail drafts after ``session`` as ``.eml`` files; nothing is sent (``yk mail``)."""
        from ..render.mail import session_drafts, write_drafts

        lang = self.language(lang)
        records = self.snapshot(personal=True)
        drafts = session_drafts(records, session, self.environment(lang), lang, sender=sender)
        return write_drafts(drafts, Path(out))

    def calendar(self, out: Path | str, *, lang: str | None = None) -> int:
        """Sessions and network meetings as an iCalendar file; returns the number of events."""
        from ..folder import atomic_write
        from ..render.calendar import calendar

        cal = calendar(self.snapshot(), self.language(lang))
        atomic_write(Path(out), cal.to_ical().decode("utf-8"))
        return len(cal.walk("VEVENT"))

    def export(self, out: Path | str | None = None) -> str:
        """The whole programme as versioned JSON (configuration, records, audit trail);
        written atomically to ``out`` when given. Returns the text."""
        from ..folder import atomic_write
        from ..store.transfer import export_text

        programme = None
        if self.has_config:
            programme = self.catalogue.converter().unstructure(self.programme)
        text = export_text(self.store(create=False), programme)
        if out is not None:
            atomic_write(Path(out), text)
        return text


def open_programme(
    folder: Path | str,
    *,
    database: str | None = None,
    operator: str | None = None,
    pm: pluggy.PluginManager | None = None,
) -> OpenProgramme:
    """Open the programme in ``folder``.

    :param database: the store's URL (a ``postgresql://`` URL or a SQLite file); default
        ``YK_DATABASE_URL``, then ``programme.toml``'s ``database_url``, then
        ``yhteiskehitys.db`` in the folder.
    :param operator: who makes the changes, for the audit trail (default: the login name).
    :param pm: the plugin manager (default: the built-ins and every installed plugin).
    """
    return OpenProgramme(folder, database=database, operator=operator, pm=pm)
