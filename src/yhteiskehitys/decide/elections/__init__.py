"""Youth-council elections (nuorisovaltuustovaalit): eligibility, voter codes, secret ballots,
seats and deputies, ties by a recorded lot. See docs/elections.md.

Every function takes the unit of work (``Transaction``) and the plugin manager, so a programme
object can offer them as its own verbs and the command line only calls one of them.
"""

from .count import count, rank, tally
from .errors import (
    ElectionError,
    NotEligibleError,
    PeriodError,
    UnknownCandidateError,
    UnknownCodeError,
    UsedCodeError,
)
from .files import read_ballots, read_roll
from .model import ONLINE, Candidate, Election, Lot, Result, RollEntry, Voter
from .results import (
    PublishedCandidate,
    PublishedElection,
    count_election,
    erase_roll,
    erase_roll_in,
    publish_election,
    published_result,
    show_election,
)
from .rules import AgeOnDayRule, judge, parse_rule, parse_rules, reason_text
from .setup import (
    RollSummary,
    add_candidate,
    add_voters,
    new_election,
    parse_quotas,
    roll_from_participants,
    voting_period,
)
from .voting import cast_vote, import_ballots, issue_codes

__all__ = [
    "ONLINE",
    "AgeOnDayRule",
    "Candidate",
    "Election",
    "ElectionError",
    "Lot",
    "NotEligibleError",
    "PeriodError",
    "PublishedCandidate",
    "PublishedElection",
    "Result",
    "RollEntry",
    "RollSummary",
    "UnknownCandidateError",
    "UnknownCodeError",
    "UsedCodeError",
    "Voter",
    "add_candidate",
    "add_voters",
    "cast_vote",
    "count",
    "count_election",
    "erase_roll",
    "erase_roll_in",
    "import_ballots",
    "issue_codes",
    "judge",
    "new_election",
    "parse_quotas",
    "parse_rule",
    "parse_rules",
    "publish_election",
    "published_result",
    "rank",
    "read_ballots",
    "read_roll",
    "reason_text",
    "roll_from_participants",
    "show_election",
    "tally",
    "voting_period",
]
