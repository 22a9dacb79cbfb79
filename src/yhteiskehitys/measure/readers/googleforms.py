"""Google Forms responses (CSV download or a Sheets export): a ``Timestamp`` (in Finnish
``Aikaleima``) column whose date format follows the form owner's locale."""

from __future__ import annotations

from .base import TabularReader

READER = TabularReader(
    name="googleforms",
    description="Google Forms responses CSV (Timestamp / Aikaleima in any locale).",
    ignore=("Email Address", "Email address", "Sähköpostiosoite", "Score", "Pisteet"),
    timestamp=("Timestamp", "Aikaleima", "Tidsstämpel"),
)
