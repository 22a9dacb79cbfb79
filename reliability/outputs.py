"""Injection and privacy, judged on every output: the site, certificates, e-mail drafts (.eml),
the calendar (.ics) and exports.

Injection: hostile text in every free-text field of the records and in the programme's name and
organisation, then every output built and read back: no tag, event handler or ``javascript:``
link in any HTML page, no header in any e-mail or property in the calendar that a clean build
lacks. And ≥ 50 template payloads placed in the programme's ``templates/``: each must be refused
(exit 2) or render without reaching Python internals or a file outside the folder.

Privacy: a participant's name, e-mail, phone and notes set to unique markers, every output built,
the participant erased, every output built again; the markers must then be in no byte of the
store's files (SQLite: the database, ``-wal`` and ``-shm``; PostgreSQL: every row of every
table), the export or any output.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import tomli_w

from .common import RECORDS, copy_store, programme, yk

HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<iframe src=javascript:alert(1)></iframe>",
    "javascript:alert(1)",
    "{{ 7*7 }} {% raw %} ${7*7} #{7*7}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "x\r\nBcc: evil@example.org\r\nX-Evil: 1",
    "x\nBEGIN:VEVENT\nSUMMARY:evil\nEND:VEVENT",
    "x\r\nATTENDEE:mailto:evil@example.org",
    "\u202eevil\u202c ‮ Ω 🎉 שלום",
    "'; DROP TABLE participants; --",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "</title><script>alert(1)</script>",
    "]]><!--",
]
FREE_TEXT = {"title", "name", "text", "description", "notes", "reason", "change", "summary",
             "question", "note", "what", "outcome_text", "label"}  # fmt: skip


def _poison(value, n: list[int]):
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in FREE_TEXT and isinstance(v, str) and v:
                out[k] = f"{v} {HOSTILE[n[0] % len(HOSTILE)]}"
                n[0] += 1
            else:
                out[k] = _poison(v, n)
        return out
    if isinstance(value, list):
        return [_poison(v, n) for v in value]
    return value


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "svg") and tag != "svg":
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag}@{name}")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{tag}@{name}=javascript")


def _outputs(folder: Path, out: Path, sessions: list[str]) -> list[str]:
    """Build every output of the programme in ``folder`` into ``out``; the steps that failed."""
    failures = []
    steps = [
        ("report", folder, "--out", out / "site"),
        ("certificates", folder, "--out", out / "certificates"),
        ("calendar", folder, "--out", out / "calendar.ics"),
        ("export", folder, "--out", out / "export.json"),
    ]
    steps += [("mail", folder, "--session", s, "--out", out / "mail") for s in sessions]
    for step in steps:
        code, err = yk(*step)
        if code != 0:
            failures.append(f"{step[0]}: exit {code}: {err.strip()[:300]}")
    return failures


def _sessions(records: dict) -> list[str]:
    return [s["id"] for s in records["records"]["sessions"]]


def _scan(out: Path, clean: dict) -> dict:
    html_bad, eml_bad, ics_bad, files = [], [], [], 0
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        files += 1
        if path.suffix == ".html":
            parser = _Tags()
            parser.feed(path.read_text(encoding="utf-8"))
            html_bad += [f"{path.name}: {b}" for b in parser.bad]
        elif path.suffix == ".eml":
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            extra = {k.lower() for k in message.keys()} - clean["eml_headers"]
            eml_bad += [f"{path.name}: header {h}" for h in sorted(extra)]
            eml_bad += [f"{path.name}: {k}" for k, v in message.items() if "\n" in str(v)]
        elif path.suffix == ".ics":
            lines = path.read_bytes().decode("utf-8").replace("\r\n ", "").split("\r\n")
            names = {re.split(r"[;:]", line, maxsplit=1)[0] for line in lines if line}
            ics_bad += [f"property {n}" for n in sorted(names - clean["ics_names"])]
            if sum(1 for line in lines if line == "BEGIN:VEVENT") != clean["events"]:
                ics_bad.append("number of events changed")
    return {"files": files, "html": html_bad, "eml": eml_bad, "ics": ics_bad}


def _clean_shape(out: Path) -> dict:
    headers, names, events = set(), set(), 0
    for path in out.rglob("*.eml"):
        headers |= {k.lower() for k in email.message_from_bytes(path.read_bytes()).keys()}
    for path in out.rglob("*.ics"):
        lines = path.read_bytes().decode("utf-8").replace("\r\n ", "").split("\r\n")
        names |= {re.split(r"[;:]", line, maxsplit=1)[0] for line in lines if line}
        events += sum(1 for line in lines if line == "BEGIN:VEVENT")
    return {"eml_headers": headers, "ics_names": names, "events": events}


def template_payloads() -> list[str]:
    reach = [
        "__class__", "__class__.__mro__", "__init__.__globals__", "__dict__", "__subclasses__()",
        "__globals__", "__builtins__",
    ]  # fmt: skip
    things = ["cycler", "joiner", "namespace", "lipsum", "range", "self", "programme", "_"]
    payloads = [f"{{{{ {t}.{r} }}}}" for t in things[:6] for r in reach[:5]]
    payloads += [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ self._TemplateReference__context }}",
        "{{ programme|attr('__class__') }}",
        "{{ '{0.__class__.__mro__}'.format(programme) }}",
        "{{ '%s'|format(programme.__class__) }}",
        "{% set x = [] %}{{ x.append(1) }}",
        "{% set d = {} %}{{ d.update(a=1) }}",
        "{{ config }}{{ request }}{{ os }}",
        '{% include "/etc/passwd" %}',
        '{% include "../../secret.txt" %}',
        '{% extends "../secret.txt" %}',
        '{% include "certificate.html" %}',
        '{% import "os" as os %}',
        "{{ 'a' * 50_000_000 }}",
        "{{ [0] * 10**8 }}",
        "{{ 10 ** (10 ** 10) }}",
        "{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}{% endfor %}",
        "{% for i in range(10**5) %}{{ 'x' * 999 }}{% endfor %}",
        "{{ 'a'|round }}",
        "{{ 1 / 0 }}",
        "{{ programme.name|int(base=99) }}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "{{ range(10**9)|list|length }}",
    ]
    return payloads


LEAKS = ("<class", "__builtins__", "popen", "uid=", "root:x:", "SECRET-OUTSIDE", "function ")


def injection(work: Path, base: Path, payloads_limit: int | None = None) -> dict:
    records = json.loads(RECORDS.read_text(encoding="utf-8"))
    started = time.monotonic()
    clean_out = work / "clean-out"
    _outputs(base / "p", clean_out, _sessions(records))
    clean = _clean_shape(clean_out)

    hostile = work / "hostile"
    n = [0]
    poisoned = _poison(records, n)
    config = dict(poisoned["programme"] or {})
    poisoned["programme"] = config
    config["name"] = "Ohjelma " + " ".join(HOSTILE)
    config["organisation"] = "Org " + HOSTILE[0] + HOSTILE[6]
    hostile.mkdir(parents=True, exist_ok=True)
    (hostile / "records.json").write_text(json.dumps(poisoned), encoding="utf-8")
    code, err = yk("import", hostile / "records.json", hostile / "p")
    if code != 0:
        raise RuntimeError(f"the hostile records were refused: {err[:500]}")
    out = hostile / "out"
    failures = _outputs(hostile / "p", out, _sessions(poisoned))
    found = _scan(out, clean)
    fields = n[0] + 2

    # Templates: each payload in turn as the programme's certificate template.
    secret = work / "secret.txt"
    secret.write_text("SECRET-OUTSIDE the programme folder\n", encoding="utf-8")
    payloads = template_payloads()[:payloads_limit]
    outcomes = {"refused": 0, "rendered inert": 0, "escaped": 0}
    escapes: list[str] = []
    target = work / "templated"
    copy_store(base, target)
    templates = target / "p" / "templates"
    cases = [("text", p) for p in payloads] + [("symlink-file", ""), ("symlink-folder", "")]
    for kind, payload in cases:
        shutil.rmtree(templates, ignore_errors=True)
        if kind == "symlink-folder":
            outside = work / "outside-templates"
            outside.mkdir(exist_ok=True)
            shutil.copy(secret, outside / "certificate.html")
            os.symlink(outside, templates)
        else:
            templates.mkdir(parents=True)
            if kind == "symlink-file":
                os.symlink(secret, templates / "certificate.html")
            else:
                (templates / "certificate.html").write_text(payload, encoding="utf-8")
        shutil.rmtree(target / "certs", ignore_errors=True)
        began = time.monotonic()
        code, err = yk(
            "certificates", target / "p", "--out", target / "certs", "--participant", "ka-01"
        )
        took = time.monotonic() - began
        text = " ".join(p.read_text(encoding="utf-8") for p in (target / "certs").rglob("*.html"))
        if code == 2 and "template" in err:
            outcomes["refused"] += 1
        elif code == 0 and not any(leak in text for leak in LEAKS) and took < 70:
            outcomes["rendered inert"] += 1
        else:
            outcomes["escaped"] += 1
            escapes.append(f"{payload or kind}: exit {code}, {took:.1f} s, {err[:200]!r}")
        if os.path.islink(templates):
            os.unlink(templates)
    return {
        "fields": fields,
        "outputs": found["files"],
        "output_failures": failures,
        "html": found["html"],
        "eml": found["eml"],
        "ics": found["ics"],
        "escapes": len(found["html"]) + len(found["eml"]) + len(found["ics"]),
        "template_payloads": len(cases),
        "template_outcomes": outcomes,
        "template_escapes": escapes,
        "seconds": round(time.monotonic() - started, 1),
    }


MARKERS = {
    "name": "Zyxwvu Privaattinen",
    "email": "zyxwvu.privaatti@example.org",
    "phone": "+358 40 555 0199",
    "notes": "Zyxwvu-muistiinpano allergia",
}


def _hits(blob: bytes) -> list[str]:
    found = []
    for field, marker in MARKERS.items():
        for variant in {marker, marker.lower(), marker.upper()}:
            if variant.encode("utf-8") in blob or variant.encode("utf-16-le") in blob:
                found.append(field)
                break
    return found


def privacy(work: Path, base: Path, postgresql: str | None) -> dict:
    from .concurrency import throwaway_database

    figures = {"sqlite": _privacy_one(work / "privacy-sqlite", base, None)}
    if postgresql:
        with throwaway_database(postgresql) as url:
            figures["postgresql"] = _privacy_one(work / "privacy-pg", base, url)
    return figures


def _privacy_one(folder: Path, base: Path, url: str | None) -> dict:
    records = json.loads(RECORDS.read_text(encoding="utf-8"))
    sessions = _sessions(records)
    db = ["--database", url] if url else []
    if url:
        folder.mkdir(parents=True)
        shutil.copy(base / "p" / "programme.toml", folder / "programme.toml")
        code, err = yk(*db, "import", RECORDS, folder)
        if code != 0:
            raise RuntimeError(err)
        target = folder
    else:
        copy_store(base, folder)
        target = folder / "p"
    code, err = yk(*db, "participant", "contact", "ka-01", target, *(
        arg for field, marker in MARKERS.items() for arg in (f"--{field}", marker)
    ))  # fmt: skip
    if code != 0:
        raise RuntimeError(err)
    before = folder.parent / f"{folder.name}-before"

    def outputs(out: Path) -> int:
        failures = 0
        for step in (
            ("report", target, "--out", out / "site"),
            ("certificates", target, "--out", out / "certificates"),
            ("calendar", target, "--out", out / "calendar.ics"),
            ("export", target, "--out", out / "export.json"),
            *(("mail", target, "--session", s, "--out", out / "mail") for s in sessions),
        ):
            code, _ = yk(*db, *step)
            failures += code != 0
        return failures

    outputs(before)
    yk(*db, "participant", "export", "ka-01", target, "--out", before / "ka-01.json")
    seen_before = sorted(
        {h for p in before.rglob("*") if p.is_file() for h in _hits(p.read_bytes())}
    )
    code, err = yk(*db, "participant", "erase", "ka-01", target, "--yes")
    if code != 0:
        raise RuntimeError(err)
    after = folder.parent / f"{folder.name}-after"
    failures = outputs(after)
    hits: dict[str, list[str]] = {}
    for path in sorted(after.rglob("*")):
        if path.is_file() and (found := _hits(path.read_bytes())):
            hits[str(path.relative_to(after))] = found
    store_bytes = 0
    if url:
        import sqlalchemy as sa

        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            for (table,) in conn.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            ):
                rows = conn.exec_driver_sql(f'SELECT t::text FROM "{table}" t').scalars().all()
                blob = "\n".join(rows).encode("utf-8")
                store_bytes += len(blob)
                if found := _hits(blob):
                    hits[f"table {table}"] = found
        engine.dispose()
    else:
        for suffix in ("", "-wal", "-shm", "-journal"):
            path = Path(f"{target / 'yhteiskehitys.db'}{suffix}")
            if path.exists():
                blob = path.read_bytes()
                store_bytes += len(blob)
                if found := _hits(blob):
                    hits[path.name] = found
    return {
        "markers_found_before_erasure": seen_before,
        "hits_after_erasure": hits,
        "store_bytes_scanned": store_bytes,
        "output_files_scanned": sum(1 for p in after.rglob("*") if p.is_file()),
        "output_failures": failures,
    }


def write_programme(path: Path, data: dict) -> None:
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


__all__ = ["injection", "privacy", "programme"]
