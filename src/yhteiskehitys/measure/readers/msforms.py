"""Microsoft Forms export (saved from Excel as CSV). ``Email`` and ``Name`` columns are the
tool's own and are never read, so no name or address can reach the store."""

from __future__ import annotations

from .base import TabularReader

READER = TabularReader(
    name="msforms",
    description="Microsoft Forms export saved as CSV (ID, Start time, Completion time, ...).",
    ignore=(
        "ID", "Tunnus", "Start time", "Aloitusaika", "Email", "Sähköposti", "Name", "Nimi",
        "Last modified time", "Viimeksi muokattu", "Total points", "Quiz feedback",
    ),
    timestamp=("Completion time", "Valmistumisaika"),
)  # fmt: skip
