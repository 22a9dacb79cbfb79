"""Properties: any text in a record comes out of a page as the same text and never as markup;
a site built in parallel processes is the same as one built in this process."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.render import environment
from yhteiskehitys.render.site import build_site
from yhteiskehitys.render.templating import render
from yhteiskehitys.render.trails import trails
from yhteiskehitys.render.views import site_data

from .htmlcheck import Page

free_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
).filter(lambda s: s.strip())


@given(title=free_text, view=free_text)
def test_any_text_is_shown_as_itself(records, title, view):
    commission = attrs.evolve(records.commissions[0], title=title)
    finding = attrs.evolve(records.findings[0], text=view)
    changed = attrs.evolve(records, commissions=[commission, *records.commissions[1:]],
                           findings=[finding, *records.findings[1:]])  # fmt: skip
    env = environment("en")
    data = site_data(changed, "en")
    trail = next(t for t in trails(changed) if t.id == commission.id)
    context = {"data": data, "trail": trail, "programme": changed.programme, "k": 5,
               "root": "../", "page_path": "item/c~1.html", "audience": "actors"}  # fmt: skip
    html = render(env, "site/item.html", context)
    page = Page(html)
    assert [t for t, _ in page.tags if t in ("script", "iframe")] == []
    texts = [t for t, _ in page.in_body()]
    assert title.strip() in "\n".join(texts)
    for paragraph in (p.strip() for p in view.split("\n\n") if p.strip()):
        assert paragraph in texts


def test_forked_build_equals_the_serial_one(records, pm, tmp_path, monkeypatch):
    def env(lang):
        return environment(lang, pm=pm)

    monkeypatch.setenv("YK_REPORT_PROCESSES", "1")
    serial = build_site(records, tmp_path / "serial", env)
    monkeypatch.setenv("YK_REPORT_PROCESSES", "3")
    forked = build_site(records, tmp_path / "forked", env)
    assert [p.relative_to(serial.out) for p in serial.pages] == [
        p.relative_to(forked.out) for p in forked.pages
    ]
    for page in serial.pages:
        twin = forked.out / page.relative_to(serial.out)
        assert page.read_bytes() == twin.read_bytes(), page


def test_an_error_in_a_forked_build_is_raised_and_leaves_nothing(records, tmp_path, monkeypatch):
    import pytest

    from yhteiskehitys.render.templating import TemplateSecurityError

    own = tmp_path / "programme" / "templates" / "site"
    own.mkdir(parents=True)
    (own / "take_part.html").write_text("{{ cycler.__init__ }}", encoding="utf-8")
    monkeypatch.setenv("YK_REPORT_PROCESSES", "3")
    with pytest.raises(TemplateSecurityError, match=r"take_part\.html"):
        build_site(
            records,
            tmp_path / "site",
            lambda lang: environment(lang, programme_folder=tmp_path / "programme"),
        )
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["programme"]


def test_overdue_follow_up_is_named_by_the_loop_rule(records):
    from yhteiskehitys.loop.stats import OpenLoop
    from yhteiskehitys.render.figures import _step

    def loop(state, since, due):
        return OpenLoop(kind="idea", id="i1", title="t", state=state, since=since, age_days=0,
                        due=due, overdue=True, reason="", actor=None, theme=None)  # fmt: skip

    day = date(2024, 5, 1)
    assert _step(loop("delivered", day, date(2024, 5, 31)), records) == "respond"
    assert _step(loop("responded", day, date(2024, 5, 15)), records) == "report_back"
    assert _step(loop("responded", day, date(2024, 5, 10)), records) == "follow_up"
    assert _step(loop("reported_back", day, date(2024, 9, 30)), records) == "follow_up"
