"""Survey rounds of the participation barometer: importing survey-tool exports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..errors import FieldError

if TYPE_CHECKING:
    from ..store.round_groups import RoundGroup
    from ..store.surveys import ImportResult, Round
    from .programme import OpenProgramme


class SurveyVerbs:
    """``programme.surveys``: import exports into rounds, list the rounds."""

    def __init__(self, programme: OpenProgramme) -> None:
        self.programme = programme

    def import_file(
        self,
        file: Path | str,
        *,
        round: str,
        group: str | None = None,
        reader: str | None = None,
        mapping: Path | str | None = None,
        instrument: str | None = None,
        progress: Callable[[int], None] | None = None,
        round_label: Sequence[str] | str = (),
    ) -> ImportResult:
        """Import ``file`` into ``round``: every row or none; bad rows are listed by line.

        ``round_label`` gives the round the label reports show: ``"kevät 2024"`` (Finnish, which
        the other languages fall back to) or ``("fi=kevät 2024", "sv=våren 2024", …)``; without
        one, reports derive a label from a round id such as ``2024-spring``.

        ``reader`` defaults to the mapping file's, else ``csv``; ``instrument`` to the mapping
        file's, else the model's. ``progress`` is called with the bytes read so far.
        """
        from ..measure.importing import import_export
        from ..measure.readers.mapping import ColumnMapping, load_mapping
        from ..measure.rounds import parse_label
        from ..model._validate import ID_PATTERN

        for field, value in (("round", round), ("group", group)):
            if value is not None and not ID_PATTERN.fullmatch(value):
                raise FieldError(field, "use letters, digits and . _ : -", value=value)
        labels = (round_label,) if isinstance(round_label, str) else tuple(round_label)
        label = parse_label(labels)
        prog = self.programme
        columns = (
            load_mapping(Path(mapping), prog.catalogue.converter("toml"))
            if mapping
            else ColumnMapping()
        )
        chosen_reader = prog.reader(reader or columns.reader or "csv")
        chosen = prog.instrument(instrument or columns.instrument)
        labels_by_language = (
            None if label is None else {k: v for k, v in attrs.asdict(label).items() if v}
        )
        if chosen.is_stickers:
            from ..measure.stickers import import_tally

            if group is None:
                raise FieldError("group", "a sticker tally needs the group whose stickers they are")
            return import_tally(
                prog.store(),
                Path(file),
                round_name=round,
                instrument=chosen,
                group=group,
                round_label=labels_by_language,
            )
        return import_export(
            prog.store(),
            Path(file),
            round_name=round,
            instrument=chosen,
            reader=chosen_reader,
            mapping=columns,
            group=group,
            progress=progress,
            round_label=labels_by_language,
        )

    def overview(self) -> list[tuple[Round, list[RoundGroup]]]:
        """Every round with its groups and the instrument each answered (a round holds several
        instruments, one per group), in round order."""
        with self.programme.read() as tx:
            rounds = tx.surveys.rounds()
            groups = tx.surveys.groups([r.id for r in rounds])
            return [(r, [g for (rid, _), g in groups.items() if rid == r.id]) for r in rounds]

    def rounds(self) -> list[Round]:
        """The rounds in the store and the instrument each used."""
        with self.programme.read() as tx:
            return list(tx.surveys.rounds())
