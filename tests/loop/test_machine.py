"""The transition table: allowed moves, refusals that name what is allowed, the docs table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.errors import YhteiskehitysError
from yhteiskehitys.loop import (
    INITIAL,
    KINDS,
    STATES,
    TRANSITIONS,
    TransitionRefused,
    allowed_next,
    check_transition,
    render_table,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "loop.md"
COMMISSION_PATH = [
    "draft",
    "commissioned",
    "in_work",
    "documented",
    "delivered",
    "responded",
    "reported_back",
]


def test_commission_goes_through_every_stage_in_order():
    state = INITIAL["commission"]
    for target in COMMISSION_PATH[1:]:
        assert allowed_next("commission", state)[0] == target
        check_transition("commission", "c1", state, target)
        state = target


def test_idea_may_be_delivered_straight_from_routed_but_a_commission_may_not_skip():
    check_transition("idea", "i1", "routed", "delivered")
    with pytest.raises(TransitionRefused):
        check_transition("commission", "c1", "commissioned", "delivered")


def test_refusal_names_current_state_and_allowed_next():
    with pytest.raises(TransitionRefused) as info:
        check_transition("commission", "c-7", "delivered", "reported_back")
    message = str(info.value)
    assert "'delivered'" in message and "'reported_back'" in message
    assert "Allowed next: responded." in message
    assert info.value.allowed == ("responded",)
    assert info.value.exit_code == 2


def test_a_second_response_needs_a_pending_one():
    with pytest.raises(TransitionRefused, match="only a 'pending' response"):
        check_transition("idea", "i1", "responded", "responded", pending=False)
    check_transition("idea", "i1", "responded", "responded", pending=True)
    check_transition("commission", "c1", "reported_back", "responded", pending=True)
    with pytest.raises(TransitionRefused) as info:
        check_transition("commission", "c1", "reported_back", "responded", pending=False)
    assert "Allowed next: none (the loop is closed)." in str(info.value)
    assert info.value.allowed == ()


def test_unknown_kind_and_state_are_refused():
    with pytest.raises(YhteiskehitysError, match="unknown kind"):
        check_transition("wish", "w", "draft", "commissioned")
    with pytest.raises(TransitionRefused, match="not a idea state"):
        check_transition("idea", "i", "submitted", "draft")


@given(st.sampled_from(KINDS), st.data())
def test_every_allowed_target_never_skips_a_stage(kind, data):
    """Forward moves go to the next stage only; the idea's routed → delivered is the one jump."""
    order = STATES[kind]
    state = data.draw(st.sampled_from(order))
    for target in allowed_next(kind, state):
        step = order.index(target) - order.index(state)
        if (kind, state, target) == ("idea", "routed", "delivered"):
            continue
        assert step <= 1


def test_tables_are_closed_under_their_states():
    for kind in KINDS:
        assert INITIAL[kind] == STATES[kind][0]
        for nxt in TRANSITIONS[kind].values():
            assert set(nxt) <= set(TRANSITIONS[kind])


def test_docs_render_the_table_from_the_code():
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(r"<!-- transitions -->\n(.*?)<!-- /transitions -->", text, re.S)
    assert match, "docs/loop.md lacks the transitions block"
    assert match.group(1) == render_table()
