"""One persistence API for a programme's records: SQLite by default, PostgreSQL by URL.

    from yhteiskehitys.store import open_store

    with open_store("my-programme") as store:
        with store.transaction(operator="anna") as tx:
            tx.participants.add(participant)
        with store.read() as tx:
            sessions = tx.sessions.list()

Every write happens in a unit of work (``store.transaction``) and leaves an audit entry in the
same transaction. See docs/store.md and docs/embedding.md.
"""

from .audit import AuditEntry
from .core import ReadOnlyError, Store, Transaction, open_store
from .engine import StoreBusyError
from .migrations import CURRENT_VERSION, SchemaVersionError
from .repos.base import NotFoundError, RecordError
from .repos.loop import Transition
from .url import resolve

__all__ = [
    "CURRENT_VERSION",
    "AuditEntry",
    "NotFoundError",
    "ReadOnlyError",
    "RecordError",
    "SchemaVersionError",
    "Store",
    "StoreBusyError",
    "Transaction",
    "Transition",
    "open_store",
    "resolve",
]
