"""Hypothesis strategies for small participatory-budgeting elections."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from yhteiskehitys.decide.election import Ballot, Project, make_election

ids = st.text(alphabet="0123456789abcXYZ-_", min_size=1, max_size=4)
costs = st.one_of(
    st.integers(min_value=1, max_value=100),
    st.integers(min_value=1, max_value=1000).map(lambda n: Fraction(n, 10)),
)


@st.composite
def elections(draw, *, vote_type=None, max_projects=6, max_voters=8, costs=costs, names=ids):
    """A checked-valid election: unique ids, consistent counts, points where needed."""
    kind = vote_type or draw(st.sampled_from(["approval", "cumulative", "scoring"]))
    pids = draw(st.lists(names, min_size=1, max_size=max_projects, unique=True))
    named = draw(st.booleans())  # a file's table has the same columns on every row
    projects = [
        Project(
            id=pid,
            cost=draw(costs),
            fields={"name": f"Hanke {pid}", "category": "leikki"} if named else {},
        )
        for pid in pids
    ]
    n = draw(st.integers(min_value=0, max_value=max_voters))
    with_age = draw(st.booleans())
    ballots = []
    for i in range(n):
        vote = tuple(draw(st.lists(st.sampled_from(pids), unique=True, max_size=len(pids))))
        points = None
        if kind != "approval":
            points = tuple(draw(st.integers(min_value=1, max_value=5)) for _ in vote)
        fields = {"age": str(draw(st.integers(0, 20)))} if with_age else {}
        ballots.append(Ballot(voter_id=f"v{i}", vote=vote, points=points, fields=fields))
    budget = draw(st.integers(min_value=1, max_value=300))
    return make_election(budget=budget, projects=projects, ballots=ballots, vote_type=kind)
