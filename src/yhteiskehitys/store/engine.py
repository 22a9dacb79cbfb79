"""The SQLAlchemy engine for a store, with SQLite set up for several writers and crash safety.

SQLite: WAL (readers never block the writer), ``busy_timeout`` (wait instead of failing),
``foreign_keys``, ``secure_delete`` (freed pages are zeroed, for erasure) and
``synchronous=FULL`` (a committed record survives a power cut). The driver's own transaction
handling is switched off so that we issue ``BEGIN IMMEDIATE`` for writes: a deferred
transaction that reads and then writes must upgrade its lock, and that upgrade fails at once
with SQLITE_BUSY whatever the timeout, the classic source of "database is locked".
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from ..errors import YhteiskehitysError
from .url import describe

BUSY_TIMEOUT_MS = 5_000
WRITE_OPTION = "yk_write"


class StoreBusyError(YhteiskehitysError):
    """Another program held the store for longer than we were willing to wait."""


def create_engine(url: str, **kwargs: Any) -> sa.Engine:
    # A database error must never echo a row (decision texts, names, dates) to a terminal or log.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        return _sqlite_engine(url, **kwargs)
    if url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise YhteiskehitysError(
                "PostgreSQL needs psycopg: pip install 'yhteiskehitys[postgresql]'"
            ) from None
        return sa.create_engine(url, pool_pre_ping=True, **kwargs)
    raise YhteiskehitysError(f"unsupported database {describe(url)}")


def _sqlite_engine(url: str, **kwargs: Any) -> sa.Engine:
    from .private import create_private_file

    create_private_file(sa.engine.make_url(url).database)
    engine = sa.create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves
        cursor = dbapi_connection.cursor()
        for pragma in (
            f"busy_timeout={BUSY_TIMEOUT_MS}",
            "journal_mode=WAL",
            "foreign_keys=ON",
            "secure_delete=ON",
            "synchronous=FULL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` means "someone else holds the lock, try again later"."""
    if not isinstance(exc, sa.exc.OperationalError | sa.exc.DBAPIError):
        return False
    text = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in text or "database is busy" in text:
        return True
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in ("40001", "40P01")  # PostgreSQL: serialization failure, deadlock
