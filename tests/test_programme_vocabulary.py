"""A programme extends its model's vocabulary in programme.toml: roles, session kinds, methods
and recruitment channels, each with fi/sv/en labels; verbs and checks accept the new words and
the site shows their labels, never the ids."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from yhteiskehitys import open_programme
from yhteiskehitys.cli.main import main
from yhteiskehitys.errors import FieldValueError, YhteiskehitysError
from yhteiskehitys.model import Participant, Session, Text, Vocabulary

VOCABULARY = """
[vocabulary.session_kinds.childrens_parliament]
fi = "lapsiparlamentin istunto"
sv = "barnparlamentets session"
en = "children's parliament sitting"

[vocabulary.session_kinds.idea_wall]
fi = "ideaseinä"
sv = "idévägg"
en = "idea wall"

[vocabulary.methods.drawing_together]
fi = "yhdessä piirtäminen"
sv = "teckna tillsammans"
en = "drawing together"

[vocabulary.roles]
family_representative = { fi = "perheen edustaja", sv = "familjens representant" }

[vocabulary.recruitment_channels.school_visits]
fi = "koulukäynneillä"
sv = "genom skolbesök"
en = "through school visits"
"""
WORDS = ("childrens_parliament", "idea_wall", "drawing_together", "family_representative",
         "school_visits")  # fmt: skip


@pytest.fixture
def programme(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("YK_DATABASE_URL", raising=False)
    folder = tmp_path / "ohjelma"
    assert main(["init", str(folder), "--model", "yhteiskehitys"]) == 0
    toml = folder / "programme.toml"
    text = toml.read_text(encoding="utf-8")
    text = re.sub(r"recruitment_channels = \[", 'recruitment_channels = ["school_visits", ', text)
    toml.write_text(text + VOCABULARY, encoding="utf-8")
    capsys.readouterr()
    return folder


def test_the_programme_reads_its_words_with_their_labels(programme):
    prog = open_programme(programme)
    vocabulary = prog.programme.vocabulary
    assert vocabulary.label("session_kinds", "idea_wall", "sv") == "idévägg"
    assert vocabulary.label("roles", "family_representative", "fi") == "perheen edustaja"
    assert vocabulary.label("methods", "pair", "fi") is None  # the model's own word


def test_a_word_is_an_id_with_a_label():
    with pytest.raises(FieldValueError, match=r"session_kinds\.idea wall"):
        Vocabulary(session_kinds={"idea wall": Text(fi="ideaseinä")})


def test_a_bad_word_in_programme_toml_names_the_field(programme, capsys):
    toml = programme / "programme.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[vocabulary.colours]\nred = "punainen"\n',
                    encoding="utf-8")  # fmt: skip
    assert main(["validate", str(programme)]) == 2
    err = capsys.readouterr().err
    assert "programme.toml" in err and "vocabulary" in err and "colours" in err


def test_the_library_accepts_the_programmes_session_kinds(programme):
    prog = open_programme(programme)
    prog.sessions.add("s-1", date=date(2024, 5, 2), kind="idea_wall",
                      methods=("drawing_together",))  # fmt: skip
    with pytest.raises(YhteiskehitysError) as refused:
        prog.sessions.add("s-2", date=date(2024, 5, 2), kind="idea_wal")
    message = str(refused.value)
    assert "idea_wal" in message and "[vocabulary.session_kinds]" in message
    assert [s.id for s in prog.sessions.list()] == ["s-1"]


def test_the_command_line_too(programme, capsys):
    assert main(["session", "add", "s-1", str(programme), "--date", "2024-05-02", "--kind",
                 "childrens_parliament", "--method", "drawing_together"]) == 0  # fmt: skip
    assert main(["session", "add", "s-2", str(programme), "--date", "2024-05-02", "--kind",
                 "kids_parliament"]) == 2  # fmt: skip
    assert "[vocabulary.session_kinds]" in capsys.readouterr().err


def test_validate_knows_the_programmes_words_and_names_the_fix_for_others(programme, capsys):
    main(["participant", "add", "p-1", str(programme), "--role", "family_representative"])
    main(["participant", "add", "p-2", str(programme), "--role", "grandparent"])
    prog = open_programme(programme)
    with prog.transaction() as tx:
        tx.sessions.add(Session(id="s-1", date=date(2024, 5, 2), kind="idea_wall"))
        tx.sessions.add(Session(id="s-2", date=date(2024, 5, 2), kind="lunch"))
    capsys.readouterr()
    assert main(["validate", str(programme)]) == 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert "[participant p-1]" not in text and "[session s-1]" not in text
    assert "role(s) grandparent not in the model's vocabulary" in text
    assert "[vocabulary.roles] grandparent = " in text
    assert "[session s-2]: kind lunch" in text and "[vocabulary.session_kinds] lunch = " in text


def test_the_site_shows_every_word_by_its_label(programme, tmp_path):
    prog = open_programme(programme)
    with prog.transaction() as tx:
        roles = ("participant", "family_representative")
        tx.participants.add(Participant(id="p-1", birth_year=2010, roles=roles))
        tx.sessions.add(
            Session(
                id="s-1",
                date=date(2024, 5, 2),
                kind="childrens_parliament",
                methods=("drawing_together", "pair"),
                attendees=("p-1",),
            )
        )
        tx.sessions.add(Session(id="s-2", date=date(2024, 5, 9), kind="idea_wall"))
    prog.ideas.new("i-1", title="Lisää penkkejä", text="Puistoon", channel="school_visits",
                   at=datetime(2024, 5, 9, 12, tzinfo=UTC))  # fmt: skip
    out = tmp_path / "site"
    prog.report(out, today=date(2024, 6, 1))
    labels = {
        "fi": ("lapsiparlamentin istunto", "ideaseinä", "yhdessä piirtäminen", "koulukäynneillä"),
        "sv": ("barnparlamentets session", "idévägg", "teckna tillsammans", "genom skolbesök"),
        "en": ("children's parliament sitting", "idea wall", "drawing together",
               "through school visits"),
    }  # fmt: skip
    for lang, words in labels.items():
        pages = {p: p.read_text(encoding="utf-8") for p in (out / lang).rglob("*.html")}
        text = "\n".join(_visible(html) for html in pages.values())
        for label in words:
            assert label in text or label.replace("'", "&#39;") in text, (lang, label)
        for raw in WORDS:
            assert raw not in text, (lang, raw)


def _visible(html: str) -> str:
    """The page's text and attribute values, without the markup's own names."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Collect(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

        def handle_starttag(self, tag, attrs):
            parts.extend(v for k, v in attrs if v and k not in ("href", "src", "id", "class"))

    Collect().feed(html)
    return "\n".join(parts)
