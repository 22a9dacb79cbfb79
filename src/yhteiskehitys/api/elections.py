"""Youth-council elections (nuorisovaltuustovaalit) of an open programme: ``programme.elections``.

Each verb is one unit of work over :mod:`yhteiskehitys.decide.elections`, which holds the rules:
eligibility judged once on the election day, one-time codes kept only as hashes, secret
ballots, seats and deputies, ties by a recorded lot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FieldError

if TYPE_CHECKING:
    from .programme import OpenProgramme


class ElectionVerbs:
    """``programme.elections``."""

    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme

    def new(
        self,
        election_id: str,
        *,
        title: str,
        seats: int,
        opens: date | datetime,
        closes: date | datetime,
        title_sv: str = "",
        title_en: str = "",
        deputies: int = 0,
        term_start: date | None = None,
        term_end: date | None = None,
        rules: Sequence[str] = (),
        quotas: Sequence[str] = (),
        time_zone: str = "Europe/Helsinki",
    ) -> Any:
        """Create an election; ``rules`` as ``KIND=VALUE`` (``municipality=Kittilä``,
        ``studying=yes``, ``age=13-20``), ``quotas`` as ``SCHOOL=SEATS``."""
        from ..decide.elections import new_election, parse_quotas, parse_rules
        from ..decide.elections.setup import checked
        from ..model.text import Text

        prog = self.programme
        text = checked(Text, "--title", fi=title, sv=title_sv, en=title_en)
        parsed = parse_rules(rules, prog.catalogue.eligibility_rules)
        with prog.transaction() as tx:
            return new_election(
                tx,
                prog.pm,
                id=election_id,
                title=text,
                seats=seats,
                deputies=deputies,
                opens=opens,
                closes=closes,
                term_start=term_start,
                term_end=term_end,
                rules=parsed,
                quotas=parse_quotas(quotas),
                time_zone=time_zone,
            )

    def import_roll(self, election_id: str, file: Path | str, *, at: datetime | None = None) -> Any:
        """Add the voters of a roll CSV (``voter,birth_year,municipality,studying,school``)."""
        from ..decide.elections import add_voters, read_roll

        file = Path(file)
        voters = read_roll(file)
        with self.programme.transaction(create=False) as tx:
            return add_voters(tx, self.programme.pm, election_id, voters, source=file.name, at=at)

    def roll_from_participants(
        self,
        election_id: str,
        participants: Iterable[str] | None = None,
        *,
        at: datetime | None = None,
    ) -> Any:
        """Add the programme's participants (all, or those named) to the roll."""
        from ..decide.elections import roll_from_participants

        with self.programme.transaction(create=False) as tx:
            return roll_from_participants(
                tx, self.programme.pm, election_id, list(participants or []) or None, at=at
            )

    def erase_roll(self, election_id: str, *, today: date | None = None) -> tuple[int, int]:
        """Erase the roll and the codes once the term has ended; returns their counts."""
        from ..decide.elections import erase_roll

        prog = self.programme
        return erase_roll(
            prog.store(create=False), prog.pm, election_id, today=today, operator=prog.operator
        )

    def add_candidate(
        self, election_id: str, voter: str, *, name: str, at: datetime | None = None
    ) -> Any:
        """An eligible voter stands as a candidate; only the name is published."""
        from ..decide.elections import add_candidate

        with self.programme.transaction(create=False) as tx:
            return add_candidate(tx, self.programme.pm, election_id, voter, name=name, at=at)

    def issue_codes(
        self, election_id: str, out: Path | str, *, at: datetime | None = None
    ) -> list[tuple[str, str]]:
        """Issue a one-time code to every eligible voter who has none and write ``voter,code``
        to ``out`` before the codes are committed: the file is the only copy of the codes."""
        from ..decide.elections import issue_codes
        from ..folder import atomic_write

        out = Path(out)
        if out.exists():
            raise FieldError(
                "out", f"{out}: exists and may hold codes handed out already; give another file"
            )
        with self.programme.transaction(create=False) as tx:
            pairs = issue_codes(tx, self.programme.pm, election_id, at=at)
            if pairs:
                atomic_write(out, "voter,code\n" + "".join(f"{v},{c}\n" for v, c in pairs))
        return pairs

    def vote(
        self, election_id: str, *, code: str, candidate: str, at: datetime | None = None
    ) -> None:
        """Cast a vote with a one-time code."""
        from ..decide.elections import cast_vote

        with self.programme.transaction(create=False) as tx:
            cast_vote(tx, self.programme.pm, election_id, code=code, candidate=candidate, at=at)

    def import_ballots(self, election_id: str, file: Path | str) -> tuple[int, int]:
        """Add paper-ballot tallies (``place,candidate,votes``); returns votes and places."""
        from ..decide.elections import import_ballots, read_ballots

        file = Path(file)
        tallies, lines = read_ballots(file)
        with self.programme.transaction(create=False) as tx:
            total = import_ballots(
                tx, self.programme.pm, election_id, tallies, lines=lines, source=file.name
            )
        return total, len(tallies)

    def count(self, election_id: str, *, seed: int | None = None, at: datetime | None = None):
        """Count after voting has closed; ties are settled by a lot drawn with ``seed``."""
        from ..decide.elections import count_election

        with self.programme.transaction(create=False) as tx:
            return count_election(tx, self.programme.pm, election_id, seed=seed, at=at)

    def publish(self, election_id: str, *, at: datetime | None = None):
        """Publish the counted result (only after voting has closed)."""
        from ..decide.elections import publish_election

        with self.programme.transaction(create=False) as tx:
            return publish_election(tx, self.programme.pm, election_id, at=at)

    def show(self, election_id: str) -> dict[str, Any]:
        """The election as data: settings, roll, candidates, codes, turnout, result."""
        from ..decide.elections import show_election
        from ..measure.disclosure import DEFAULT_THRESHOLD

        prog = self.programme
        k = prog.programme.disclosure_threshold if prog.has_config else DEFAULT_THRESHOLD
        with prog.read() as tx:
            return show_election(tx, prog.pm, election_id, threshold=k)
