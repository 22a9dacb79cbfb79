"""Files that hold personal data are readable by their owner only.

A store holds participants' names and e-mail addresses; an export or a participant's own data
export holds the same. They are created 0600 whatever the umask, before anything is written.
SQLite creates the ``-wal`` and ``-shm`` files with the permissions of the database file, so
creating the database file first, privately, keeps those private too.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_MODE = 0o600


def create_private_file(path: str | os.PathLike[str] | None) -> None:
    """Create ``path`` empty and 0600 if it does not exist yet (a SQLite file, an export)."""
    if not path or str(path).startswith(":") or str(path).startswith("file:"):
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    except FileExistsError:
        return
    except OSError:
        return  # a missing folder or no permission: the driver reports it with its own words
    os.close(fd)


def make_private(path: Path) -> None:
    """Restrict an existing file to its owner (an output written by a library we call)."""
    os.chmod(path, PRIVATE_MODE)
