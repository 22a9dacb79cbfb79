"""The explanations as sentences a pupil can read, in Finnish, Swedish and English.

Short sentences, everyday words. Money is written as the language writes it (12 345 € in
Finnish and Swedish, €12,345 in English); the currency comes from the file's META.
"""

from __future__ import annotations

from fractions import Fraction

from .explain import Explanation, Summary

LANGUAGES = ("fi", "sv", "en")

SENTENCES: dict[str, dict[str, str]] = {
    "greedy-funded": {
        "fi": "Sai {votes} ääntä. Kun oli sen vuoro, rahaa oli jäljellä {left} ja se maksoi "
        "{cost}, joten se toteutetaan.",
        "sv": "Fick {votes} röster. När det var dess tur fanns {left} kvar och det kostade "
        "{cost}, så det genomförs.",
        "en": "Got {votes} votes. When its turn came, {left} were left and it cost {cost}, "
        "so it is funded.",
    },
    "greedy-too-dear": {
        "fi": "Sai {votes} ääntä. Kun oli sen vuoro, rahaa oli jäljellä {left} ja se maksoi "
        "{cost}, joten raha ei riittänyt.",
        "sv": "Fick {votes} röster. När det var dess tur fanns {left} kvar och det kostade "
        "{cost}, så pengarna räckte inte.",
        "en": "Got {votes} votes. When its turn came, {left} were left and it cost {cost}, "
        "so the money was not enough.",
    },
    "mes-funded": {
        "fi": "Sai {votes} ääntä. Valittiin kierroksella {round}: sen {payers} kannattajaa "
        "maksoivat sen, kukin enintään {share} omasta osuudestaan.",
        "sv": "Fick {votes} röster. Valdes i omgång {round}: dess {payers} anhängare betalade "
        "det, var och en högst {share} av sin andel.",
        "en": "Got {votes} votes. Chosen in round {round}: its {payers} supporters paid for "
        "it, each at most {share} from their share.",
    },
    "mes-free": {
        "fi": "Se ei maksa mitään, joten se toteutetaan.",
        "sv": "Det kostar ingenting, så det genomförs.",
        "en": "It costs nothing, so it is funded.",
    },
    "mes-short": {
        "fi": "Sai {votes} ääntä. Sen kannattajilla oli lopuksi jäljellä yhteensä {money_left}, "
        "mutta se maksaa {cost}.",
        "sv": "Fick {votes} röster. Dess anhängare hade till slut bara {money_left} kvar "
        "tillsammans, men det kostar {cost}.",
        "en": "Got {votes} votes. In the end its supporters had only {money_left} left "
        "together, but it costs {cost}.",
    },
    "went-to": {
        "fi": "Eniten heidän rahaansa ({went_amount}) meni hankkeeseen {went_to}.",
        "sv": "Mest av deras pengar ({went_amount}) gick till projektet {went_to}.",
        "en": "Most of their money ({went_amount}) went to project {went_to}.",
    },
    "mes-share": {
        "fi": "Jokaisella äänestäjällä oli käytettävänään yhtä suuri osuus, {voter_share}.",
        "sv": "Varje röstande hade en lika stor andel att använda, {voter_share}.",
        "en": "Every voter had an equal share of {voter_share} to spend.",
    },
    "completion-funded": {
        "fi": "Sai {votes} ääntä. Lopuksi jäljelle jääneet rahat jaettiin äänimäärän mukaan: "
        "rahaa oli {left} ja se maksoi {cost}, joten se toteutetaan.",
        "sv": "Fick {votes} röster. Till sist fördelades pengarna som var kvar efter röster: "
        "{left} fanns kvar och det kostade {cost}, så det genomförs.",
        "en": "Got {votes} votes. At the end the money left was shared out by votes: "
        "{left} were left and it cost {cost}, so it is funded.",
    },
    "completion-too-dear": {
        "fi": "Sai {votes} ääntä. Lopuksi jäljelle jääneet rahat jaettiin äänimäärän mukaan: "
        "rahaa oli {left} ja se maksoi {cost}, joten raha ei riittänyt.",
        "sv": "Fick {votes} röster. Till sist fördelades pengarna som var kvar efter röster: "
        "{left} fanns kvar och det kostade {cost}, så pengarna räckte inte.",
        "en": "Got {votes} votes. At the end the money left was shared out by votes: "
        "{left} were left and it cost {cost}, so the money was not enough.",
    },
    "no-votes": {
        "fi": "Kukaan ei äänestänyt sitä.",
        "sv": "Ingen röstade på det.",
        "en": "Nobody voted for it.",
    },
    "summary": {
        "fi": "Budjetti {budget}, käytetty {spent}, jäljellä {left}. {funded}/{projects} "
        "hanketta toteutetaan. {share} äänestäjistä sai ainakin yhden hankkeensa.",
        "sv": "Budget {budget}, använt {spent}, kvar {left}. {funded}/{projects} projekt "
        "genomförs. {share} av de röstande fick minst ett av sina projekt.",
        "en": "Budget {budget}, spent {spent}, left {left}. {funded} of {projects} projects "
        "are funded. {share} of voters got at least one of their projects.",
    },
    "cost-per-vote": {
        "fi": "Yksi ääni toteutetulle hankkeelle maksoi keskimäärin {cost_per_vote}.",
        "sv": "En röst på ett genomfört projekt kostade i medeltal {cost_per_vote}.",
        "en": "One vote for a funded project cost {cost_per_vote} on average.",
    },
}

SYMBOLS = {"EUR": "€", "USD": "$", "PLN": "zł", "SEK": "kr", "GBP": "£"}


def money(amount, lang: str, currency: str = "EUR") -> str:
    """``amount`` rounded to whole units: 12 345 € (fi, sv) or €12,345 (en)."""
    value = round(amount) if isinstance(amount, float) else round(Fraction(amount))
    symbol = SYMBOLS.get(currency.upper(), currency)
    if lang == "en":
        text = f"{value:,}"
        return f"{symbol}{text}" if symbol in ("€", "$", "£") else f"{text} {symbol}".strip()
    text = f"{value:,}".replace(",", "\u00a0")
    return f"{text} {symbol}".strip()


def percent(share: float, lang: str) -> str:
    text = f"{share * 100:.1f}"
    return f"{text} %".replace(".", ",") if lang in ("fi", "sv") else f"{text}%"


def sentence(explanation: Explanation, lang: str, currency: str = "EUR") -> str:
    """The explanation of one project as a sentence or two in ``lang``."""
    f = dict(explanation.figures)
    for key in ("cost", "left", "share", "money_left", "went_amount"):
        if key in f and f[key] is not None:
            f[key] = money(f[key], lang, currency)
    forms = explanation.sentence or SENTENCES[explanation.kind]
    text = (forms.get(lang) or forms["fi"]).format(**f)
    if explanation.kind == "mes-short" and f.get("went_to"):
        if f.get("went_to_name"):
            f["went_to"] = f"{f['went_to']} ({f['went_to_name']})"
        text += " " + SENTENCES["went-to"][lang].format(**f)
    return text


def summary_text(summary: Summary, lang: str, currency: str = "EUR") -> str:
    text = SENTENCES["summary"][lang].format(
        budget=money(summary.budget, lang, currency),
        spent=money(summary.spent, lang, currency),
        left=money(summary.left, lang, currency),
        funded=summary.funded,
        projects=summary.projects,
        share=percent(summary.share_with_funded, lang),
    )
    if summary.voter_share is not None:
        text += " " + SENTENCES["mes-share"][lang].format(
            voter_share=money(summary.voter_share, lang, currency)
        )
    if summary.cost_per_vote is not None:
        text += " " + SENTENCES["cost-per-vote"][lang].format(
            cost_per_vote=money(summary.cost_per_vote, lang, currency)
        )
    return text
