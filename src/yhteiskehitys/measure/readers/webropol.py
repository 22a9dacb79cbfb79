"""Webropol: the survey tool most Finnish public organisations use.

Its exports are usually semicolon-separated, in cp1252 or UTF-8 with a byte-order mark, with
numbered question headers ("1. Minua kuunnellaan") or matrix headers ("Kysymys - väittämä"),
and answers as the scale's text ("Täysin samaa mieltä") or its number.
"""

from __future__ import annotations

from .base import TabularReader

READER = TabularReader(
    name="webropol",
    description="Webropol export (CSV, ; separated, Finnish texts or numbers).",
    ignore=(
        "Vastaaja", "Vastaajan numero", "Respondent", "IP-osoite", "IP address",
        "Sähköposti", "Sähköpostiosoite", "Email", "Nimi", "Name", "Aloitusaika", "Start time",
        "Kesto", "Duration", "Kieli", "Language", "Lähde", "Source",
    ),
    timestamp=("Vastausaika", "Vastauspäivä", "Lähetysaika", "Päivämäärä", "Response time", "Date"),
)  # fmt: skip
