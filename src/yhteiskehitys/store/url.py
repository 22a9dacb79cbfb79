"""Where the store is: a folder, a SQLite file or a PostgreSQL URL, resolved in one place.

Precedence (first given wins): ``--database`` on the command line, ``YK_DATABASE_URL``,
``database_url`` in ``programme.toml``, else ``yhteiskehitys.db`` in the programme folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..errors import YhteiskehitysError

DEFAULT_FILE = "yhteiskehitys.db"
ENV_VAR = "YK_DATABASE_URL"
_PG_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_postgresql(url: str) -> bool:
    return url.startswith(_PG_PREFIXES)


SQLITE_PREFIX = "sqlite:///"


def missing_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite store that does not exist yet, else None (PostgreSQL included):
    commands that only read must not leave an empty store behind."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    path = Path(url[len(SQLITE_PREFIX) :])
    return None if path.exists() else path


def sqlalchemy_url(target: str | os.PathLike[str], base: Path | None = None) -> str:
    """The SQLAlchemy URL for a folder, a file path, ``sqlite:///…`` or ``postgresql://…``.

    ``postgresql://`` means psycopg 3; a relative file path is relative to ``base`` (the
    programme folder when it comes from ``programme.toml``).
    """
    text = os.fspath(target)
    if not text.strip():
        raise YhteiskehitysError(
            "the database is empty; give a folder, a file or a postgresql:// URL"
        )
    if text.strip() == ":memory:" or text in ("sqlite://", "sqlite:///:memory:"):
        raise YhteiskehitysError(
            f"database {text!r}: a store in memory would vanish when the command ends; give a "
            "file (e.g. yhteiskehitys.db), a folder or a postgresql:// URL"
        )
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix) :]
    if text.startswith("postgresql+psycopg://") or text.startswith("sqlite://"):
        return text
    if "://" in text:
        scheme = text.split("://", 1)[0]
        raise YhteiskehitysError(
            f"database {text!r}: unsupported scheme {scheme!r}; use a file path or postgresql://"
        )
    path = Path(text).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    if path.is_dir():
        path = path / DEFAULT_FILE
    if not path.parent.is_dir():
        raise YhteiskehitysError(
            f"database {path}: the folder {path.parent} does not exist; create it first"
        )
    return f"sqlite:///{path.resolve()}"


def resolve(
    folder: Path | str | None = None,
    *,
    database: str | None = None,
    programme_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Apply the precedence rule and return a SQLAlchemy URL.

    ``database`` is the command line's ``--database``; ``programme_url`` the programme's
    ``database_url``. The environment is read only when ``database`` is not given.
    """
    environ = os.environ if environ is None else environ
    base = Path(folder) if folder is not None else None
    if database:
        return sqlalchemy_url(database)
    if environ.get(ENV_VAR):
        return sqlalchemy_url(environ[ENV_VAR])
    if programme_url:
        return sqlalchemy_url(programme_url, base)
    if base is None:
        raise YhteiskehitysError(
            f"no store given: name a programme folder, pass --database or set {ENV_VAR}"
        )
    if not base.is_dir():
        raise YhteiskehitysError(f"{base}: no such programme folder")
    return sqlalchemy_url(base / DEFAULT_FILE)


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
