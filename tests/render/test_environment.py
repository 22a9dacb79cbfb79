"""The layered loader, autoescape, and the sandbox around a programme folder's templates."""

from __future__ import annotations

import pytest

from yhteiskehitys import hookimpl
from yhteiskehitys.render import environment
from yhteiskehitys.render.templating import TemplateSecurityError, render


def write(folder, name, text):
    path = folder / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def plugin_templates(tmp_path, yk_register, yk_plugin_manager):
    folder = tmp_path / "plugin"
    (folder / "site").mkdir(parents=True)
    (folder / "note.html").write_text("plugin {{ value }}", encoding="utf-8")
    (folder / "only-plugin.html").write_text("from the plugin", encoding="utf-8")

    class Plugin:
        @hookimpl
        def yk_template_paths(self):
            return [folder]

    yk_register(Plugin())
    return yk_plugin_manager


def test_order_is_programme_then_plugins_then_builtin(tmp_path, plugin_templates):
    programme = tmp_path / "programme"
    write(programme, "note.html", "programme {{ value }}")
    env = environment("en", programme_folder=programme, pm=plugin_templates)
    assert render(env, "note.html", {"value": "<b>"}) == "programme &lt;b&gt;"
    assert render(env, "only-plugin.html", {}) == "from the plugin"
    plain = environment("en", pm=plugin_templates)
    assert render(plain, "note.html", {"value": "x"}) == "plugin x"
    assert "@media print" in render(plain, "site.css", {})


def test_an_override_extends_the_builtin_through_default_prefix(tmp_path, records, pm):
    programme = tmp_path / "programme"
    write(
        programme,
        "site/said_did.html",
        '{% extends "default:site/said_did.html" %}{% block title %}Omat{% endblock %}',
    )
    from yhteiskehitys.render.site import build_site

    result = build_site(
        records,
        tmp_path / "out",
        lambda lang: environment(lang, programme_folder=programme, pm=pm),
        languages=("fi",),
    )
    html = (result.out / "fi" / "said-did.html").read_text(encoding="utf-8")
    assert "<title>Omat – " in html
    assert "Sanoitte, teimme" in html or "You said" in html


def test_autoescape_on_for_html_and_xml_not_for_text(tmp_path):
    programme = tmp_path / "p"
    for name in ("a.html", "a.xml", "a.txt"):
        write(programme, name, "{{ value }}")
    env = environment("en", programme_folder=programme)
    assert render(env, "a.html", {"value": "<x>"}) == "&lt;x&gt;"
    assert render(env, "a.xml", {"value": "<x>"}) == "&lt;x&gt;"
    assert render(env, "a.txt", {"value": "<x>"}) == "<x>"


def test_builtin_templates_alone_are_not_sandboxed(tmp_path):
    assert environment("fi").globals["sandboxed"] is False
    (tmp_path / "templates").mkdir()
    assert environment("fi", programme_folder=tmp_path).globals["sandboxed"] is False
    write(tmp_path, "x.html", "")
    assert environment("fi", programme_folder=tmp_path).globals["sandboxed"] is True


@pytest.mark.parametrize(
    "attack",
    [
        "{{ value.__class__ }}",
        "{{ value.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ self.__init__.__globals__.__builtins__ }}",
        "{{ value|attr('__class__') }}",
        "{{ '{0.__class__}'.format(value) }}",
        "{% set x = [] %}{{ x.append(1) }}",
    ],
)
def test_programme_templates_cannot_escape_the_sandbox(tmp_path, attack):
    path = write(tmp_path, "evil.html", "before " + attack)
    env = environment("en", programme_folder=tmp_path)
    with pytest.raises(TemplateSecurityError) as caught:
        render(env, "evil.html", {"value": "text"})
    assert str(path) in str(caught.value) or "evil.html" in str(caught.value)


def test_an_included_sandboxed_template_is_named(tmp_path):
    write(tmp_path, "outer.html", '{% include "inner.html" %}')
    inner = write(tmp_path, "inner.html", "ok\n{{ cycler.__init__ }}")
    env = environment("en", programme_folder=tmp_path)
    with pytest.raises(TemplateSecurityError, match=r"inner\.html"):
        render(env, "outer.html", {})
    assert inner.exists()
