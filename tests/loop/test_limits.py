"""Due dates and overdue reasons of the loop."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from yhteiskehitys.loop import due_for, overdue_reason
from yhteiskehitys.model import LoopLimits

LIMITS = LoopLimits(respond_days=30, report_back_days=14)
D = date(2024, 3, 1)


def test_delivered_is_due_a_response_after_respond_days():
    due = due_for("delivered", D, LIMITS)
    assert due.by == date(2024, 3, 31) and due.step == "respond"
    assert overdue_reason("delivered", D, LIMITS, date(2024, 3, 31)) is None
    reason = overdue_reason("delivered", D, LIMITS, date(2024, 4, 2))
    assert reason == "no response 32 days after delivery (2 days late)"


def test_responded_is_due_a_report_back():
    assert due_for("responded", D, LIMITS).by == D + timedelta(days=14)
    assert "participants not told" in overdue_reason("responded", D, LIMITS, date(2024, 4, 1))


def test_pending_follow_up_passed_is_overdue_even_after_report_back():
    follow = date(2024, 3, 10)
    reason = overdue_reason("reported_back", D, LIMITS, date(2024, 3, 12), follow_up=follow)
    assert reason == "pending response: follow-up date 2024-03-10 passed (2 days late)"
    assert overdue_reason("reported_back", D, LIMITS, date(2024, 3, 12)) is None


def test_states_before_delivery_have_no_deadline():
    for state in ("draft", "commissioned", "in_work", "documented", "submitted", "routed"):
        assert due_for(state, D, LIMITS) is None


@given(
    st.sampled_from(["delivered", "responded"]),
    st.integers(0, 400),
    st.integers(1, 90),
    st.integers(1, 90),
)
def test_overdue_exactly_after_the_limit(state, age, respond, report):
    limits = LoopLimits(respond_days=respond, report_back_days=report)
    limit = respond if state == "delivered" else report
    today = D + timedelta(days=age)
    assert (overdue_reason(state, D, limits, today) is not None) == (age > limit)
