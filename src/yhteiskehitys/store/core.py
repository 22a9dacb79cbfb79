"""``Store`` (one open database) and ``Transaction`` (one unit of work with its repositories)."""

from __future__ import annotations

import getpass
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa

from ..errors import YhteiskehitysError
from . import migrations
from .engine import WRITE_OPTION, StoreBusyError, create_engine, is_busy
from .url import describe

if TYPE_CHECKING:
    import cattrs

    from .audit import AuditLog
    from .repos.checklist import ChecklistRepo
    from .repos.child_impacts import ChildImpactRepo
    from .repos.elections import ElectionRepo
    from .repos.loop import LoopRepo
    from .repos.network import ActorRepo, OrganisationRepo
    from .repos.outcomes import ReportBackRepo, ResponseRepo
    from .repos.participants import ConsentRepo, ParticipantRepo, PersonalDataRepo
    from .repos.programme import ProgrammeRepo
    from .repos.records import FeedbackRepo, PilotRepo, ThemeRepo
    from .repos.sessions import FindingRepo, SessionRepo
    from .repos.subjects import CommissionRepo, IdeaRepo
    from .stickers import StickerRepo
    from .surveys import SurveyRepo

T = TypeVar("T")
WAIT_SECONDS = 60.0


def default_operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class ReadOnlyError(YhteiskehitysError):
    """A write was attempted in a read-only unit of work."""


class Transaction:
    """One unit of work: every repository write and its audit row commit together or not at all.

    Obtain one from :meth:`Store.transaction` (writes) or :meth:`Store.read` (reads only).
    Repositories are attributes: ``tx.participants``, ``tx.sessions``, ``tx.loop``, …
    """

    def __init__(self, store: Store, conn: sa.Connection, operator: str, *, write: bool) -> None:
        self.store = store
        self.conn = conn
        self.operator = operator
        self.writable = write

    @property
    def converter(self) -> cattrs.Converter:
        return self.store.converter

    def require_write(self) -> None:
        if not self.writable:
            raise ReadOnlyError("this is a read-only unit of work; use store.transaction()")

    # Repositories are created on first use: a unit of work pays only for what it touches.
    @cached_property
    def audit(self) -> AuditLog:
        from .audit import AuditLog

        return AuditLog(self)

    @cached_property
    def programme(self) -> ProgrammeRepo:
        from .repos.programme import ProgrammeRepo

        return ProgrammeRepo(self)

    @cached_property
    def organisations(self) -> OrganisationRepo:
        from .repos.network import OrganisationRepo

        return OrganisationRepo(self)

    @cached_property
    def actors(self) -> ActorRepo:
        from .repos.network import ActorRepo

        return ActorRepo(self)

    @cached_property
    def themes(self) -> ThemeRepo:
        from .repos.records import ThemeRepo

        return ThemeRepo(self)

    @cached_property
    def participants(self) -> ParticipantRepo:
        from .repos.participants import ParticipantRepo

        return ParticipantRepo(self)

    @cached_property
    def consents(self) -> ConsentRepo:
        from .repos.participants import ConsentRepo

        return ConsentRepo(self)

    @cached_property
    def personal_data(self) -> PersonalDataRepo:
        from .repos.participants import PersonalDataRepo

        return PersonalDataRepo(self)

    @cached_property
    def sessions(self) -> SessionRepo:
        from .repos.sessions import SessionRepo

        return SessionRepo(self)

    @cached_property
    def commissions(self) -> CommissionRepo:
        from .repos.subjects import CommissionRepo

        return CommissionRepo(self)

    @cached_property
    def ideas(self) -> IdeaRepo:
        from .repos.subjects import IdeaRepo

        return IdeaRepo(self)

    @cached_property
    def findings(self) -> FindingRepo:
        from .repos.sessions import FindingRepo

        return FindingRepo(self)

    @cached_property
    def responses(self) -> ResponseRepo:
        from .repos.outcomes import ResponseRepo

        return ResponseRepo(self)

    @cached_property
    def report_backs(self) -> ReportBackRepo:
        from .repos.outcomes import ReportBackRepo

        return ReportBackRepo(self)

    @cached_property
    def feedback(self) -> FeedbackRepo:
        from .repos.records import FeedbackRepo

        return FeedbackRepo(self)

    @cached_property
    def pilots(self) -> PilotRepo:
        from .repos.records import PilotRepo

        return PilotRepo(self)

    @cached_property
    def loop(self) -> LoopRepo:
        from .repos.loop import LoopRepo

        return LoopRepo(self)

    @cached_property
    def surveys(self) -> SurveyRepo:
        from .surveys import SurveyRepo

        return SurveyRepo(self)

    @cached_property
    def child_impacts(self) -> ChildImpactRepo:
        from .repos.child_impacts import ChildImpactRepo

        return ChildImpactRepo(self)

    @cached_property
    def stickers(self) -> StickerRepo:
        from .stickers import StickerRepo

        return StickerRepo(self)

    @cached_property
    def checklist(self) -> ChecklistRepo:
        from .repos.checklist import ChecklistRepo

        return ChecklistRepo(self)

    @cached_property
    def elections(self) -> ElectionRepo:
        from .repos.elections import ElectionRepo

        return ElectionRepo(self)


class Store:
    """An open store. Use as a context manager, or call :meth:`close`.

    ``operator`` is who makes changes when a transaction does not say (default: the OS user).
    """

    def __init__(
        self,
        url: str,
        *,
        converter: cattrs.Converter | None = None,
        operator: str | None = None,
        engine_options: dict[str, Any] | None = None,
    ) -> None:
        from ..convert import make_converter

        self.url = url
        self.converter = converter or make_converter("json")
        self.operator = operator or default_operator()
        self.engine = create_engine(url, **(engine_options or {}))
        self.migrated: list[int] = []
        try:
            with self._begin(write=True) as conn:
                self.migrated = migrations.migrate(conn)
        except sa.exc.DBAPIError as exc:
            # "file is not a database", an unreachable server, a refused login: the URL is
            # named, the statement and its values are not.
            self.engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
            raise YhteiskehitysError(
                f"cannot open the store {describe(url)}: {reason}; check that it names a "
                "yhteiskehitys database"
            ) from None
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def __repr__(self) -> str:
        return f"Store({describe(self.url)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _begin(self, *, write: bool) -> Iterator[sa.Connection]:
        """A connection inside a transaction; waits (bounded) while another writer holds SQLite."""
        deadline = time.monotonic() + WAIT_SECONDS
        pause = 0.01
        while True:
            conn = self.engine.connect().execution_options(**{WRITE_OPTION: write})
            try:
                conn.begin()
                break
            except sa.exc.OperationalError as exc:
                conn.close()
                if not is_busy(exc) or time.monotonic() > deadline:
                    if is_busy(exc):
                        raise StoreBusyError(
                            f"the store {describe(self.url)} stayed busy for {WAIT_SECONDS:.0f} s; "
                            "another program is writing to it, try again later"
                        ) from None
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
        try:
            yield conn
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            conn.close()

    @contextmanager
    def transaction(self, operator: str | None = None) -> Iterator[Transaction]:
        """One unit of work: commits when the block ends, rolls back if it raises."""
        with self._begin(write=True) as conn:
            yield Transaction(self, conn, operator or self.operator, write=True)

    @contextmanager
    def read(self) -> Iterator[Transaction]:
        """A consistent read-only view; repositories refuse writes."""
        with self._begin(write=False) as conn:
            yield Transaction(self, conn, self.operator, write=False)

    def run(
        self, work: Callable[[Transaction], T], operator: str | None = None, tries: int = 5
    ) -> T:
        """Run ``work(tx)`` as one unit of work, retried whole when the database says "busy"
        (SQLite) or reports a serialization failure or deadlock (PostgreSQL)."""
        for attempt in range(tries):
            try:
                with self.transaction(operator) as tx:
                    return work(tx)
            except sa.exc.DBAPIError as exc:
                if not is_busy(exc) or attempt == tries - 1:
                    raise
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    @property
    def schema_version(self) -> int:
        with self.read() as tx:
            return migrations.stored_version(tx.conn)


def open_store(
    target: str | Any,
    *,
    converter: cattrs.Converter | None = None,
    operator: str | None = None,
) -> Store:
    """Open (creating or migrating) the store at a folder, a SQLite file or a postgresql:// URL.

    A folder means its ``yhteiskehitys.db``. An older store is migrated forward; a store made by
    a newer yhteiskehitys is refused with a message naming both versions.
    """
    from .url import sqlalchemy_url

    return Store(sqlalchemy_url(target), converter=converter, operator=operator)
