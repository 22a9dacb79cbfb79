"""The tables of the store at the current schema version, in SQLAlchemy Core.

One table per record kind; repeated parts (consents, attendance, artefacts) in child tables
keyed by the parent and a position, so order survives. Names and contacts live only in
``personal_data``. Times are UTC (``timestamptz`` on PostgreSQL), dates are SQL dates, lists
are JSON. Changing a table here needs a new step in ``migrations.py`` (see docs/store.md).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every backend."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"time {value.isoformat()} has no time zone; give it in UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


ID = sa.String(64)
KIND = sa.String(32)
SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # an alias of SQLite's rowid
JSON = sa.JSON(none_as_null=True)


def _id(**kw: Any) -> sa.Column[Any]:
    return sa.Column("id", ID, primary_key=True, **kw)


def _fk(name: str, target: str, *, nullable: bool = False, cascade: bool = False) -> sa.Column:
    ondelete = "CASCADE" if cascade else None
    return sa.Column(name, ID, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def _text(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, nullable=nullable)


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", UTCDateTime, nullable=False),
    _text("description"),
)

programme = sa.Table(
    "programme",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("config", JSON, nullable=False),
)

organisations = sa.Table("organisations", metadata, _id(), _text("name"), _text("kind"))

themes = sa.Table(
    "themes",
    metadata,
    _id(),
    _text("title"),
    sa.Column("kind", KIND, nullable=False),
    _text("description"),
)

actors = sa.Table(
    "actors",
    metadata,
    _id(),
    _text("name"),
    _fk("organisation", "organisations.id"),
    sa.Column("roles", JSON, nullable=False),
    sa.Column("themes", JSON, nullable=False),
)

participants = sa.Table(
    "participants",
    metadata,
    _id(),
    sa.Column("birth_year", sa.Integer),
    sa.Column("age_band", sa.String(16)),
    sa.Column("roles", JSON, nullable=False),
    sa.Column("joined", sa.Date),
    # what an election's eligibility rules ask about (schema step 6)
    _text("municipality", nullable=True),
    sa.Column("studying", sa.Boolean),
    _text("school", nullable=True),
)

consents = sa.Table(
    "consents",
    metadata,
    _fk("participant", "participants.id", cascade=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", KIND, nullable=False),
    sa.Column("given", sa.Date, nullable=False),
    sa.Column("scope", JSON, nullable=False),
    sa.Column("withdrawn", sa.Date),
    sa.PrimaryKeyConstraint("participant", "position"),
)

personal_data = sa.Table(
    "personal_data",
    metadata,
    sa.Column(
        "participant", ID, sa.ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    ),
    _text("name"),
    _text("email"),
    _text("phone"),
    _text("notes"),
)

anonymous_tokens = sa.Table("anonymous_tokens", metadata, sa.Column("token", ID, primary_key=True))

sessions = sa.Table(
    "sessions",
    metadata,
    _id(),
    sa.Column("date", sa.Date, nullable=False),
    _text("kind"),
    _text("title"),
    sa.Column("methods", JSON, nullable=False),
    sa.Column("facilitators", JSON, nullable=False),
)

session_attendance = sa.Table(
    "session_attendance",
    metadata,
    _fk("session", "sessions.id", cascade=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("participant", ID, nullable=False),  # a participant id or an anonymous token
    sa.PrimaryKeyConstraint("session", "position"),
    sa.UniqueConstraint("session", "participant"),
    sa.Index(None, "participant"),
)


def _subject_table(name: str, *columns: sa.Column) -> sa.Table:
    """Commissions and ideas: the subjects of the feedback loop, with their current state."""
    return sa.Table(
        name,
        metadata,
        _id(),
        *columns,
        sa.Column("state", KIND, nullable=False),
        sa.Column("state_since", UTCDateTime, nullable=False),
        # the follow-up date of the latest response while it is pending (schema step 4)
        sa.Column("follow_up", sa.Date),
        sa.Index(None, "state", "state_since"),
        sa.Index(None, "follow_up", "state", "state_since", "theme", "actor"),
    )


commissions = _subject_table(
    "commissions",
    _text("title"),
    _text("question"),
    _fk("actor", "actors.id"),
    _fk("theme", "themes.id", nullable=True),
    sa.Column("created", sa.Date, nullable=False),
)

ideas = _subject_table(
    "ideas",
    _text("title"),
    _text("text"),
    _text("channel"),
    _fk("theme", "themes.id", nullable=True),
    sa.Column("submitted", sa.Date, nullable=False),
    _fk("actor", "actors.id", nullable=True),
)

session_commissions = sa.Table(
    "session_commissions",
    metadata,
    _fk("session", "sessions.id", cascade=True),
    sa.Column("position", sa.Integer, nullable=False),
    _fk("commission", "commissions.id"),
    sa.PrimaryKeyConstraint("session", "position"),
    sa.Index(None, "commission"),
)

# The ideas a session handled (schema step 6), as session_commissions holds its commissions.
session_ideas = sa.Table(
    "session_ideas",
    metadata,
    _fk("session", "sessions.id", cascade=True),
    sa.Column("position", sa.Integer, nullable=False),
    _fk("idea", "ideas.id"),
    sa.PrimaryKeyConstraint("session", "position"),
    sa.Index(None, "idea"),
)


def _subject() -> tuple[sa.Column, sa.Column]:
    """A commission or an idea: the kind says which table ``subject`` is an id of."""
    return sa.Column("subject_kind", KIND, nullable=False), sa.Column("subject", ID, nullable=False)


findings = sa.Table(
    "findings",
    metadata,
    _id(),
    *_subject(),
    _text("text"),
    _fk("session", "sessions.id", nullable=True),
    sa.Column("recorded", sa.Date, nullable=False),
    sa.Index(None, "subject_kind", "subject"),
)

artefacts = sa.Table(
    "artefacts",
    metadata,
    _fk("finding", "findings.id", cascade=True),
    sa.Column("position", sa.Integer, nullable=False),
    _text("name"),
    _text("path"),
    _text("description"),
    sa.PrimaryKeyConstraint("finding", "position"),
)

responses = sa.Table(
    "responses",
    metadata,
    sa.Column("id", SEQ, primary_key=True),
    *_subject(),
    sa.Column("outcome", KIND, nullable=False),
    _text("decided_by"),
    sa.Column("decided", sa.Date, nullable=False),
    _text("change"),
    _text("reason"),
    sa.Column("follow_up", sa.Date),
    _text("decision_text"),
    _text("decision_document"),
    sa.Index(None, "subject_kind", "subject", "id"),
)

report_backs = sa.Table(
    "report_backs",
    metadata,
    sa.Column("id", SEQ, primary_key=True),
    *_subject(),
    sa.Column("at", UTCDateTime, nullable=False),
    _text("channel"),
    _text("text"),
    _text("operator"),
    sa.Index(None, "subject_kind", "subject", "id"),
)

collaboration_feedback = sa.Table(
    "collaboration_feedback",
    metadata,
    _id(),
    _fk("actor", "actors.id"),
    sa.Column("given", sa.Date, nullable=False),
    sa.Column("rating", sa.Integer, nullable=False),
    sa.Column("barriers", JSON, nullable=False),
    sa.Column("challenges", JSON, nullable=False),
    sa.Column("successes", JSON, nullable=False),
)

pilots = sa.Table(
    "pilots",
    metadata,
    _id(),
    _text("title"),
    _text("goal"),
    sa.Column("criteria", JSON, nullable=False),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date, nullable=False),
    sa.Column("evaluation", JSON, nullable=False),
    sa.Column("decision", KIND),
)

loop_transitions = sa.Table(
    "loop_transitions",
    metadata,
    sa.Column("seq", SEQ, primary_key=True),
    sa.Column("subject_kind", KIND, nullable=False),
    sa.Column("subject_id", ID, nullable=False),
    sa.Column("from_state", KIND),
    sa.Column("to_state", KIND, nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    _text("operator"),
    _text("note"),
    sa.Column("stay_days", sa.Float),  # days spent in from_state (schema step 2)
    sa.Index(None, "subject_kind", "subject_id", "seq"),
    sa.Index(None, "to_state", "at"),
    sa.Index(None, "subject_kind", "from_state", "stay_days"),
)

# Schema step 2: indexes that let the feedback loop's figures (yhteiskehitys.loop.queries)
# be computed by walking an index instead of the table.
LOOP_INDEXES = (
    sa.Index(None, commissions.c.theme, commissions.c.state, commissions.c.state_since),
    sa.Index(None, commissions.c.actor, commissions.c.state, commissions.c.state_since),
    sa.Index(None, ideas.c.theme, ideas.c.state, ideas.c.state_since),
    sa.Index(None, ideas.c.actor, ideas.c.state, ideas.c.state_since),
    sa.Index(None, responses.c.outcome, responses.c.follow_up),
    *(i for i in loop_transitions.indexes if "stay_days" in i.columns),
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("seq", SEQ, primary_key=True),
    sa.Column("at", UTCDateTime, nullable=False),
    _text("operator"),
    sa.Column("action", KIND, nullable=False),
    sa.Column("entity", KIND, nullable=False),
    sa.Column("entity_id", sa.String(160), nullable=False),
    sa.Column("before", JSON),
    sa.Column("after", JSON),
    sa.Column("redacted", sa.Boolean, nullable=False, default=False),
    sa.Index(None, "entity", "entity_id", "seq"),
)

imports = sa.Table(
    "imports",
    metadata,
    sa.Column("seq", SEQ, primary_key=True),
    sa.Column("at", UTCDateTime, nullable=False),
    _text("operator"),
    sa.Column("format_version", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("records", sa.Integer, nullable=False),
)

BOOKKEEPING = ("schema_version", "imports")
"""Tables about the store itself; neither exported nor counted as the programme's records."""

# --- survey answers (schema step 3) -----------------------------------------------------------
# One wide row per respondent: the answer to item k of the round's instrument in ``pNN``, the
# score of dimension k in ``dNN``, the total in ``score``. One row per respondent keeps a large
# import a single insert per person and lets every aggregate be one scan (see docs/measurement.md).
SURVEY_MAX_ITEMS = 60
SURVEY_MAX_DIMENSIONS = 12

survey_rounds = sa.Table(
    "survey_rounds",
    metadata,
    sa.Column("id", SEQ, primary_key=True),
    sa.Column("name", ID, nullable=False, unique=True),
    sa.Column("instrument", ID, nullable=False),
    sa.Column("instrument_version", sa.String(32), nullable=False),
    sa.Column("items", JSON, nullable=False),
    sa.Column("dimensions", JSON, nullable=False),
    sa.Column("created", UTCDateTime, nullable=False),
    # Schema step 6: the label reports show, {"fi": …, "sv": …, "en": …}; NULL derives one.
    sa.Column("label", JSON),
)

survey_imports = sa.Table(
    "survey_imports",
    metadata,
    sa.Column("id", SEQ, primary_key=True),
    sa.Column("round", SEQ, sa.ForeignKey("survey_rounds.id"), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    _text("operator"),
    sa.Column("reader", KIND, nullable=False),
    sa.Column("source", sa.String(255), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
)

survey_responses = sa.Table(
    "survey_responses",
    metadata,
    sa.Column("id", SEQ, primary_key=True),
    sa.Column("round", SEQ, sa.ForeignKey("survey_rounds.id"), nullable=False),
    sa.Column("grp", KIND, nullable=False),
    sa.Column("import_id", SEQ, sa.ForeignKey("survey_imports.id"), nullable=False),
    sa.Column("line", sa.Integer, nullable=False),
    sa.Column("respondent_key", ID),
    sa.Column("age_band", KIND),
    sa.Column("area", sa.String(64)),
    sa.Column("answered_at", sa.DateTime),
    sa.Column("score", sa.Float),
    *(sa.Column(f"p{k:02d}", sa.SmallInteger) for k in range(1, SURVEY_MAX_ITEMS + 1)),
    *(sa.Column(f"d{k:02d}", sa.Float) for k in range(1, SURVEY_MAX_DIMENSIONS + 1)),
    sa.Index(None, "round", "respondent_key"),
)

# --- checklist progress (schema step 5) -------------------------------------------------------
# Which items of the model's phase checklists are done, when and by whom (``yk checklist``).
checklist_progress = sa.Table(
    "checklist_progress",
    metadata,
    sa.Column("item", ID, primary_key=True),
    sa.Column("done_on", sa.Date, nullable=False),
    _text("done_by"),
)

# --- youth-council elections (schema step 6) --------------------------------------------------
# Ballot secrecy is a property of these tables (see docs/elections.md): no table holds a voter
# or a code beside a choice. Votes are tallies per candidate and polling place, never one row per
# ballot, so no row id, row order or time can pair a vote with the code that cast it; a code is
# a salted slow hash with a "used" flag and no time; the roll holds only the judgement.
elections = sa.Table(
    "elections",
    metadata,
    _id(),
    sa.Column("title", JSON, nullable=False),  # {"fi": ..., "sv": ..., "en": ...}
    sa.Column("seats", sa.Integer, nullable=False),
    sa.Column("deputies", sa.Integer, nullable=False),
    sa.Column("opens", UTCDateTime, nullable=False),
    sa.Column("closes", UTCDateTime, nullable=False),
    sa.Column("time_zone", sa.String(64), nullable=False),
    sa.Column("term_start", sa.Date, nullable=False),
    sa.Column("term_end", sa.Date, nullable=False),
    sa.Column("rules", JSON, nullable=False),
    sa.Column("quotas", JSON, nullable=False),  # {school or area: seats reserved}
    sa.Column("code_salt", sa.String(64), nullable=False),
    sa.Column("code_cost", sa.Integer, nullable=False),  # log2 of scrypt's n
)

election_roll = sa.Table(
    "election_roll",
    metadata,
    _fk("election", "elections.id"),
    sa.Column("voter", ID, nullable=False),
    _text("school", nullable=True),
    sa.Column("eligible", sa.Boolean, nullable=False),
    sa.Column("reason", KIND),  # why not eligible, a key of decide.elections.reasons
    sa.Column("coded", sa.Boolean, nullable=False),  # a code has been issued
    sa.PrimaryKeyConstraint("election", "voter"),
)

election_candidates = sa.Table(
    "election_candidates",
    metadata,
    _fk("election", "elections.id"),
    sa.Column("candidate", ID, nullable=False),  # the voter id on the roll
    _text("name"),
    _text("school", nullable=True),  # the quota group, kept when the roll is erased
    sa.PrimaryKeyConstraint("election", "candidate"),
)

election_codes = sa.Table(
    "election_codes",
    metadata,
    _fk("election", "elections.id"),
    sa.Column("code_hash", sa.String(64), nullable=False),
    _text("school", nullable=True),  # for turnout per school only
    sa.Column("used", sa.Boolean, nullable=False),
    sa.PrimaryKeyConstraint("election", "code_hash"),
)

election_ballots = sa.Table(
    "election_ballots",
    metadata,
    _fk("election", "elections.id"),
    sa.Column("place", ID, nullable=False),  # polling place; "online" for coded votes
    sa.Column("candidate", ID, nullable=False),
    sa.Column("votes", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("election", "place", "candidate"),
)

election_results = sa.Table(
    "election_results",
    metadata,
    sa.Column("election", ID, sa.ForeignKey("elections.id"), primary_key=True),
    sa.Column("seed", sa.BigInteger, nullable=False),
    sa.Column("counted_at", UTCDateTime, nullable=False),
    sa.Column("result", JSON, nullable=False),
    sa.Column("published_at", UTCDateTime),
)

ELECTION_TABLES = (
    "elections",
    "election_roll",
    "election_candidates",
    "election_codes",
    "election_ballots",
    "election_results",
)

# --- participatory budgeting (schema step 9) --------------------------------------------------
# A budget, its projects and its ballots (see docs/budgeting.md). Amounts are exact decimals as
# text ("1500", "12.5"), never floats. A ballot is kept apart from its voter: ``budget_voters``
# says who has voted (one ballot each), ``budget_ballots`` what was voted under a random key,
# so the store does not link a participant to their choices.
budgets = sa.Table(
    "budgets",
    metadata,
    _id(),
    _text("title"),
    sa.Column("amount", sa.String(40), nullable=False),
    sa.Column("currency", sa.String(8), nullable=False),
    sa.Column("vote_type", KIND, nullable=False),
    sa.Column("max_length", sa.Integer),
    sa.Column("rule", KIND, nullable=False),
    sa.Column("meta", JSON, nullable=False),
    sa.Column("created", UTCDateTime, nullable=False),
)

budget_projects = sa.Table(
    "budget_projects",
    metadata,
    _fk("budget", "budgets.id", cascade=True),
    sa.Column("id", ID, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    _text("name"),
    sa.Column("cost", sa.String(40), nullable=False),
    _text("category", nullable=True),
    _text("area", nullable=True),
    sa.Column("fields", JSON, nullable=False),
    sa.PrimaryKeyConstraint("budget", "id"),
)

budget_ballots = sa.Table(
    "budget_ballots",
    metadata,
    _fk("budget", "budgets.id", cascade=True),
    sa.Column("key", ID, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("source", KIND, nullable=False),
    sa.Column("vote", JSON, nullable=False),
    sa.Column("points", JSON),
    sa.Column("fields", JSON, nullable=False),
    sa.PrimaryKeyConstraint("budget", "key"),
    sa.Index(None, "budget", "position"),
)

budget_voters = sa.Table(
    "budget_voters",
    metadata,
    _fk("budget", "budgets.id", cascade=True),
    sa.Column("voter", ID, nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.PrimaryKeyConstraint("budget", "voter"),
)

# --- several instruments in a round, sticker tallies, child impact (schema step 10) ------------
# A round holds several instruments, one per respondent group (the children's faces and the
# parents' survey side by side); the answers of a group are read with its own instrument's items.
survey_round_groups = sa.Table(
    "survey_round_groups",
    metadata,
    sa.Column("round", SEQ, sa.ForeignKey("survey_rounds.id"), primary_key=True),
    sa.Column("grp", KIND, primary_key=True),
    sa.Column("instrument", ID, nullable=False),
    sa.Column("instrument_version", sa.String(32), nullable=False),
    sa.Column("items", JSON, nullable=False),
    sa.Column("dimensions", JSON, nullable=False),
)

# Children's evaluation by stickers: how many stickers each face got for each activity. The
# result is counts, never a mean, so tallies are stored as counts (one row per activity x face).
sticker_tallies = sa.Table(
    "sticker_tallies",
    metadata,
    sa.Column("id", SEQ, primary_key=True),
    sa.Column("round", SEQ, sa.ForeignKey("survey_rounds.id"), nullable=False),
    sa.Column("grp", KIND, nullable=False),
    sa.Column("import_id", SEQ, sa.ForeignKey("survey_imports.id"), nullable=False),
    sa.Column("activity", sa.String(120), nullable=False),
    sa.Column("face", sa.SmallInteger, nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Index(None, "round", "grp"),
)

# Lapsivaikutusten arviointi: a commission's short child impact checklist.
child_impacts = sa.Table(
    "child_impacts",
    metadata,
    sa.Column("commission", ID, sa.ForeignKey("commissions.id"), primary_key=True),
    _text("affected", nullable=True),
    _text("heard", nullable=True),
    _text("changes", nullable=True),
    _text("telling", nullable=True),
    sa.Column("recorded", UTCDateTime, nullable=False),
    _text("operator"),
)
