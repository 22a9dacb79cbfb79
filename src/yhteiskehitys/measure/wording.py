"""The few sentences ``yk measure`` prints around its tables, in fi, sv and en.

They say why a figure is missing and what a clipped interval or a low Cronbach's alpha means.
The measurement layer sits below the report catalogs (render/locale), so it keeps these as
:class:`~yhteiskehitys.model.text.Text`, as instruments keep their item texts.
"""

from __future__ import annotations

from ..model.text import Text

LOW_ALPHA = 0.7
"""Below this, Cronbach's alpha is commonly read as too low for the items to be summed."""

PRIMARY = Text(
    fi="<%(k)s = alle %(k)s vastaajaa",
    sv="<%(k)s = färre än %(k)s svarande",
    en="<%(k)s = fewer than %(k)s respondents",
)
SECONDARY = Text(
    fi="piilotettu = piilotettu, jotta pienempää ryhmää ei voi päätellä muista luvuista",
    sv="dold = dold så att en mindre grupp inte kan räknas fram ur de andra talen",
    en="hidden = hidden so that a smaller group cannot be worked out from the others",
)
STICKERS = Text(
    fi="Tarroja kullakin kasvolla; <%(k)s = alle %(k)s tarraa",
    sv="Klistermärken på varje ansikte; <%(k)s = färre än %(k)s klistermärken",
    en="Stickers on each face; <%(k)s = fewer than %(k)s stickers",
)
HIDDEN_WORD = Text(fi="piilotettu", sv="dold", en="hidden")
MEAN_CI = Text(
    fi="Keskiarvo [95 %:n luottamusväli]",
    sv="Medelvärde [95 % konfidensintervall]",
    en="Mean [95 % CI]",
)
CLIPPED = Text(
    fi="† luottamusväli rajattu asteikon rajoihin (%(low)s–%(high)s): pienessä ryhmässä "
    "väli ulottuisi asteikon ulkopuolelle",
    sv="† konfidensintervallet begränsat till skalan (%(low)s–%(high)s): i en liten grupp "
    "skulle det nå utanför skalan",
    en="† interval clipped to the scale (%(low)s–%(high)s): in a small group it would reach "
    "beyond the scale",
)
NEGATIVE_ALPHA = Text(
    fi="Huom. %(where)s: Cronbachin alfa %(alpha)s on negatiivinen; osiot eivät mittaa samaa "
    "asiaa (tarkista käänteiset osiot), eikä summapistemäärää voi tulkita",
    sv="Obs. %(where)s: Cronbachs alfa %(alpha)s är negativ; frågorna mäter inte samma sak "
    "(kontrollera omvända frågor), och summapoängen kan inte tolkas",
    en="Note %(where)s: Cronbach's alpha %(alpha)s is negative; the items do not measure one "
    "thing (check reverse-coded items), and the sum score cannot be read",
)
LOW_ALPHA_NOTE = Text(
    fi="Huom. %(where)s: Cronbachin alfa %(alpha)s on alle %(limit)s; osiot eivät juuri "
    "mittaa samaa asiaa, joten tulkitse ulottuvuuden pistemäärää varoen",
    sv="Obs. %(where)s: Cronbachs alfa %(alpha)s är under %(limit)s; frågorna mäter knappast "
    "samma sak, så tolka dimensionens poäng försiktigt",
    en="Note %(where)s: Cronbach's alpha %(alpha)s is below %(limit)s; the items hardly "
    "measure one thing, so read the dimension's score with care",
)


def say(text: Text, lang: str, **values: object) -> str:
    return text.get(lang) % values if values else text.get(lang)
