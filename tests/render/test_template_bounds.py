"""A programme's templates: files inside its folder only, bounded in time and size, and their
own errors named by template instead of ending in an internal error."""

from __future__ import annotations

import os
import time

import pytest

from yhteiskehitys.render import bounds, environment
from yhteiskehitys.render.templating import TemplateError, render


def write(folder, name, text):
    path = folder / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_symlinked_template_is_refused_and_named(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the builder's private key", encoding="utf-8")
    write(tmp_path, "ok.html", "ok")
    link = tmp_path / "templates" / "page.html"
    os.symlink(secret, link)
    env = environment("en", programme_folder=tmp_path)
    with pytest.raises(TemplateError) as caught:
        render(env, "page.html", {})
    assert "page.html" in str(caught.value) and "symbolic link" in str(caught.value)
    assert "private key" not in str(caught.value)


def test_a_symlinked_folder_inside_templates_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.html").write_text("outside", encoding="utf-8")
    write(tmp_path, "ok.html", '{% include "sub/x.html" %}')
    os.symlink(outside, tmp_path / "templates" / "sub")
    env = environment("en", programme_folder=tmp_path)
    with pytest.raises(TemplateError, match="symbolic link"):
        render(env, "ok.html", {})


def test_a_symlinked_templates_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.html").write_text("from elsewhere", encoding="utf-8")
    programme = tmp_path / "p"
    programme.mkdir()
    os.symlink(elsewhere, programme / "templates")
    env = environment("en", programme_folder=programme)
    with pytest.raises(TemplateError, match="symbolic link"):
        render(env, "page.html", {})


def test_a_template_that_runs_too_long_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_SECONDS", 0.5)
    write(
        tmp_path,
        "slow.html",
        "{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}{% endfor %}",
    )
    env = environment("en", programme_folder=tmp_path)
    started = time.monotonic()
    with pytest.raises(TemplateError, match=r"slow\.html: rendering took longer than"):
        render(env, "slow.html", {})
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "source",
    ["{{ 'a' * 50_000_000 }}", "{{ [1] * 10**8 }}", "{{ 10 ** (10 ** 10) }}"],
    ids=["string", "list", "power"],
)
def test_a_value_too_large_to_build_is_refused(tmp_path, source):
    write(tmp_path, "big.html", source)
    env = environment("en", programme_folder=tmp_path)
    with pytest.raises(TemplateError, match=r"big\.html"):
        render(env, "big.html", {})


def test_a_page_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_PAGE_CHARS", 10_000)
    write(tmp_path, "many.html", "{% for i in range(10**5) %}{{ 'x' * 100 }}{% endfor %}")
    env = environment("en", programme_folder=tmp_path)
    with pytest.raises(TemplateError, match=r"many\.html: the page grew past"):
        render(env, "many.html", {})


@pytest.mark.parametrize(
    "name, source, message",
    [
        ("self.html", '{% include "self.html" %}', "includes or calls itself"),
        ("filter.html", "{{ 'a'|round }}", "TypeError"),
        ("zero.html", "{{ 1 / 0 }}", "ZeroDivisionError"),
        ("index.html", "{{ [][3] }}", "index.html"),
    ],
)
def test_a_templates_own_error_is_named(tmp_path, name, source, message):
    write(tmp_path, name, source)
    env = environment("en", programme_folder=tmp_path)
    with pytest.raises(TemplateError, match=message) as caught:
        render(env, name, {})
    assert name in str(caught.value)
