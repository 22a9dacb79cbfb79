"""Records that use words the model does not know: roles, session kinds, methods.

A copyable model is also a shared vocabulary; a typo such as ``workhsop`` would silently make a
session disappear from every count by kind, so ``yk validate`` warns about it. A programme may
add its own words with their labels (``[vocabulary]`` in ``programme.toml``); those count as
known, and the warning names that section as the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import hookimpl
from ..checks import Check, CheckContext, Problem

SHOWN = 20
"""Problems named per check; the rest are counted, so a large store answers quickly."""


def _unknown(
    rows: Iterable[tuple[str, Iterable[str]]], known: Iterable[str], check: str, what: str,
    kind: str, section: str,
) -> Iterator[Problem]:  # fmt: skip
    allowed = set(known)
    hidden = 0
    shown = 0
    for record, words in rows:
        strange = sorted(set(words) - allowed)
        if not strange:
            continue
        if shown == SHOWN:
            hidden += 1
            continue
        shown += 1
        yield Problem(
            check=check,
            severity="warning",
            record=f"{kind} {record}",
            message=f"{what} {', '.join(strange)} not in the model's vocabulary "
            f"({', '.join(sorted(allowed)) or 'none'}); correct the record, or extend the model "
            f"in programme.toml: [vocabulary.{section}] {strange[0]} = "
            '{ fi = "…", sv = "…", en = "…" }',
        )
    if hidden:
        yield Problem(
            check=check,
            severity="warning",
            message=f"{hidden} more {kind} record(s) use words the model does not know",
        )


def _select(ctx: CheckContext, *columns: str, table: str) -> Iterator[tuple]:
    """Stream rows of one table in id order (a national-scale store is not read into memory)."""
    import sqlalchemy as sa

    from ..store import schema

    store = ctx.store
    if store is None:
        return
    t = getattr(schema, table)
    with store.read() as tx:
        yield from tx.conn.execute(sa.select(*(t.c[c] for c in columns)).order_by(t.c.id))


def _known(ctx: CheckContext, kind: str) -> tuple[str, ...]:
    from ..model.vocabulary import known_words

    return known_words(ctx.template, ctx.programme, kind)


def participant_roles(ctx: CheckContext) -> Iterator[Problem]:
    rows = ((pid, roles or ()) for pid, roles in _select(ctx, "id", "roles", table="participants"))
    yield from _unknown(
        rows, _known(ctx, "roles"), "vocabulary_roles", "role(s)", "participant", "roles"
    )


def session_kinds_and_methods(ctx: CheckContext) -> Iterator[Problem]:
    rows = list(_select(ctx, "id", "kind", "methods", table="sessions"))
    yield from _unknown(
        ((sid, (kind,)) for sid, kind, _ in rows),
        _known(ctx, "session_kinds"),
        "vocabulary_sessions",
        "kind",
        "session",
        "session_kinds",
    )
    yield from _unknown(
        ((sid, methods or ()) for sid, _, methods in rows),
        _known(ctx, "methods"),
        "vocabulary_sessions",
        "method(s)",
        "session",
        "methods",
    )


@hookimpl
def yk_checks() -> list[Check]:
    return [
        Check(
            name="vocabulary_roles",
            description="Participants' roles are roles of the model.",
            run=participant_roles,
        ),
        Check(
            name="vocabulary_sessions",
            description="Sessions' kinds and methods are the model's.",
            run=session_kinds_and_methods,
        ),
    ]
