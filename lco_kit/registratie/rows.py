"""Checking one registration row given as a dict, with the same rules as the import.

For a stappenplan's verslag exported as a registration row. :class:`RowProblem` is also how
the import reports each problem of a file.

Examples:
    >>> validate_row({"datum": "31/02/2014", "gemeente": "Genk", "soort": "eerste",
    ...     "aanvrager": "OCMW", "client_aanwezig": "ja", "minderjarige_betrokken": "nee",
    ...     "aantal_deelnemers": "5", "levensdomeinen": "Financiën", "knelpunten": ""})[0].reason
    'deze datum bestaat niet: februari 2014 heeft 28 dagen.'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from lco_kit.registratie._format import show
from lco_kit.registratie.cells import cell_parsers, cell_text
from lco_kit.registratie.columns import REGISTRATION_COLUMNS, REQUIRED_COLUMNS, column_for_header

__all__ = ["RowCheck", "RowProblem", "check_row", "validate_row"]


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong in one row: where, what was there, and why it cannot be used.

    Attributes:
        row: The row number as the spreadsheet shows it (None for a row given as a dict).
        column: The registration column (or ``hele rij``).
        value: The value as it was in the file, shortened for display.
        reason: Why it is wrong and what is expected, in Dutch.
    """

    row: int | None
    column: str
    value: str
    reason: str

    def describe(self) -> str:
        """Return the problem as one Dutch line: row, column, value, reason."""
        where = f"rij {self.row}, " if self.row is not None else ""
        shown = f"waarde ‘{self.value}’" if self.value else "lege cel"
        return f"{where}kolom ‘{self.column}’, {shown}: {self.reason}"


@dataclass
class RowCheck:
    """The outcome of checking one row given as a dict.

    Attributes:
        problems: Everything that makes the row invalid (empty: the row counts).
        warnings: Notes that do not make the row invalid (an unknown municipality).
        values: The parsed value of each column that could be read.
    """

    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        """Return True when the row counts in the figures."""
        return not self.problems


def check_row(row: Mapping[str, object], *, row_number: int | None = None, today: dt.date | None = None) -> RowCheck:
    """Check one registration row given as a dict, with the same rules as the import.

    Keys are matched like file headers (``Cliënt aanwezig`` is ``client_aanwezig``); values
    may be text, numbers, dates, booleans, or lists for the multi-value columns.

    Args:
        row: Column → value.
        row_number: The row's number, to put in each problem.
        today: The last date accepted (default: today).
    """
    check = RowCheck()
    parsers = cell_parsers(today)
    present: dict[str, object] = {}
    for key, value in row.items():
        column = column_for_header(str(key))
        if column is None:
            check.problems.append(
                RowProblem(
                    row_number,
                    str(key),
                    show(cell_text(value)),
                    f"dit veld hoort niet bij de registratie. De kolommen zijn: {', '.join(REGISTRATION_COLUMNS)}.",
                )
            )
        elif column in present:
            check.problems.append(
                RowProblem(row_number, str(key), show(cell_text(value)), f"‘{column}’ staat twee keer in deze rij.")
            )
        else:
            present[column] = value
    for column in REGISTRATION_COLUMNS:
        if column not in present:
            if column in REQUIRED_COLUMNS:
                check.problems.append(RowProblem(row_number, column, "", "deze kolom ontbreekt; ze is verplicht."))
            continue
        text = cell_text(present[column])
        cell = parsers[column](text)
        if cell.reason is not None:
            check.problems.append(RowProblem(row_number, column, cell.shown or show(text), cell.reason))
            continue
        if cell.warning:
            check.warnings.append(cell.warning)
        check.values[column] = cell.value
    return check


def validate_row(row: Mapping[str, object], *, today: dt.date | None = None) -> list[RowProblem]:
    """Return what makes one registration row invalid (an empty list: the row counts).

    Warnings (an unknown municipality) are not problems; :func:`check_row` returns them too.

    Examples:
        >>> validate_row({"datum": "14/03/2016"})[0].describe()
        'kolom ‘gemeente’, lege cel: deze kolom ontbreekt; ze is verplicht.'
    """
    return check_row(row, today=today).problems
