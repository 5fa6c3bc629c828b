"""A checked registration: the rows that count, and everything that was wrong."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lco_kit.registratie._format import count_text, number
from lco_kit.registratie.layout import FileLayout
from lco_kit.registratie.rows import RowProblem

__all__ = ["PROBLEM_COLUMNS", "Registration"]

PROBLEM_COLUMNS = ("rij", "kolom", "waarde", "reden")


@dataclass
class Registration:
    """A checked registration: the rows that count, and everything that was wrong.

    Attributes:
        rows: The valid rows, one per LCO, typed (see :func:`validate_export`).
        problems: One line per problem: ``rij``, ``kolom``, ``waarde``, ``reden``.
        warnings: Dutch notes that did not make a row invalid (an unknown municipality).
        read_rows: Rows read, blank rows not included.
        blank_rows: Fully blank rows, skipped.
        source: What the data came from (a file's layout, or a description).
    """

    rows: pd.DataFrame
    problems: pd.DataFrame
    warnings: list[str]
    read_rows: int
    blank_rows: int
    source: str
    layout: FileLayout | None = None

    @property
    def invalid_rows(self) -> int:
        """Return the number of rows left out of the figures."""
        return int(self.problems["rij"].nunique()) if len(self.problems) else 0

    @property
    def valid_rows(self) -> int:
        """Return the number of rows that count."""
        return len(self.rows)

    def problem_list(self, limit: int | None = None) -> list[RowProblem]:
        """Return the problems as :class:`RowProblem` objects, in row order."""
        frame = self.problems if limit is None else self.problems.head(limit)
        return [
            RowProblem(int(r), str(k), str(w), str(d))
            for r, k, w, d in frame[list(PROBLEM_COLUMNS)].itertuples(index=False, name=None)
        ]

    def summary_line(self) -> str:
        """Return one Dutch line with what was read, what counts and what does not."""
        line = (
            f"{count_text(self.read_rows, 'rij', 'rijen')} gelezen: {number(self.valid_rows)} geldig, "
            f"{number(self.invalid_rows)} ongeldig (niet meegeteld)"
        )
        if self.blank_rows:
            line += f", {count_text(self.blank_rows, 'lege rij', 'lege rijen')} overgeslagen"
        return line + "."
