"""Generic CSV: any delimited text file; columns named by item id or text, or by a mapping file."""

from __future__ import annotations

from .base import TabularReader

READER = TabularReader(
    name="csv",
    description="Any CSV or semicolon-separated file; columns by item id, item text or a "
    "mapping file (--mapping).",
    timestamp=("answered_at", "timestamp", "vastausaika", "päivämäärä"),
)
