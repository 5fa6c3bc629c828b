"""Small-cell suppression: hide counts under a threshold, and enough others that none can be recomputed.

A count under the threshold (5 by default; ``drempel`` in ``formaat.yaml``) could point to
a person in a small municipality, so it is hidden — that is *primary* suppression. Zero is
shown: it says nobody, and points to no one. When cells add up to a total that is shown
(or known from elsewhere, like the yearly total), one hidden cell could be recomputed by
subtraction, so in every such sum at least two cells are hidden — *secondary* suppression,
choosing each time the smallest visible cell, and a total only when nothing else is left.

Tables where one LCO counts in several columns (life domains, knelpunten) have no such sums;
there only primary suppression applies.

Examples:
    >>> table = pd.DataFrame({"aantal": [3, 10, 12]}, index=["Voeren", "As", "Peer"])
    >>> suppress_table(table).display()["aantal"].tolist()
    ['verborgen', 'verborgen', '12', '25']
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lco_kit.registratie._data import format_file
from lco_kit.registratie._format import number

__all__ = ["HIDDEN", "TOTAL", "SuppressedTable", "default_threshold", "suppress_cells", "suppress_table"]

HIDDEN = "verborgen"
"""What a hidden cell shows, in a table and in an export."""
TOTAL = "Totaal"
"""The label of the row of totals."""


def default_threshold() -> int:
    """Return the threshold from ``formaat.yaml`` (counts under it are hidden)."""
    return format_file().drempel


def suppress_cells(
    values: Sequence[int] | np.ndarray,
    lines: Sequence[Sequence[int]],
    threshold: int,
    margins: Collection[int] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """Decide which cells to hide.

    Args:
        values: Every cell's count, flat.
        lines: Groups of cells that add up (each group holds its total too): in each group
            no hidden cell may be the only one.
        threshold: Counts from 1 up to ``threshold - 1`` are hidden.
        margins: Cells that are totals; they are hidden for a sum only as a last resort.

    Returns:
        ``(hidden, primary)``: which cells are hidden, and which of those because they are small.
    """
    counts = np.asarray(values, dtype=np.int64)
    primary = (counts > 0) & (counts < threshold)
    hidden = primary.copy()
    margin = np.zeros(len(counts), dtype=bool)
    margin[list(margins)] = True
    groups = [np.asarray(line, dtype=np.int64) for line in lines if len(line) > 1]
    changed = True
    while changed:
        changed = False
        for line in groups:
            if hidden[line].sum() != 1:
                continue
            visible = line[~hidden[line]]
            # Smallest non-zero inner cell first, then an inner zero, then a total.
            rank = np.lexsort((counts[visible], counts[visible] == 0, margin[visible]))
            hidden[visible[rank[0]]] = True
            changed = True
    return hidden, primary


@dataclass(frozen=True)
class SuppressedTable:
    """A table of counts with the cells that are hidden.

    Attributes:
        values: The counts (the real ones: never show or export these directly).
        hidden: True where a cell is hidden.
        primary: True where a cell is hidden because it is small.
        threshold: Counts under this were hidden.
    """

    values: pd.DataFrame
    hidden: pd.DataFrame
    primary: pd.DataFrame
    threshold: int

    @property
    def any_hidden(self) -> bool:
        """Return True when at least one cell is hidden."""
        return bool(self.hidden.to_numpy().any())

    @property
    def secondary(self) -> pd.DataFrame:
        """Return True where a cell is hidden only so that another cannot be recomputed."""
        return self.hidden & ~self.primary

    def masked(self) -> pd.DataFrame:
        """Return the counts with None in hidden cells (safe to chart or export)."""
        out = self.values.astype(object)
        return out.where(~self.hidden, None)

    def value(self, row: object, column: str) -> int | None:
        """Return one cell, or None when it is hidden."""
        if bool(self.hidden.loc[row, column]):
            return None
        return int(self.values.loc[row, column])

    def display(self, hidden_text: str = HIDDEN) -> pd.DataFrame:
        """Return the table as text, numbers written the Flemish way, hidden cells as ``verborgen``."""
        out = self.values.map(lambda v: number(int(v)))
        return out.where(~self.hidden, hidden_text)


def suppress_table(
    table: pd.DataFrame,
    threshold: int | None = None,
    *,
    total_column: str | None = None,
    groups: Sequence[Sequence[str]] = (),
    additive: bool = True,
    total_row: bool = True,
) -> SuppressedTable:
    """Suppress small cells in a table of counts (rows are groups, columns are measures).

    Args:
        table: Whole counts; not changed.
        threshold: Counts under it are hidden (default: ``drempel`` from ``formaat.yaml``).
        total_column: A column that holds each row's total (e.g. ``aantal``).
        groups: Sets of columns that add up to ``total_column`` in every row (e.g.
            ``[("eerste", "opvolg")]``); when ``total_column`` is None, each set adds up to a
            total that is known elsewhere.
        additive: False when one LCO can count in several columns (no sums to protect).
        total_row: Add a row of column totals (only for additive tables); its cells take part
            in the sums down each column.

    Returns:
        The table (with its total row) and which cells are hidden.
    """
    limit = default_threshold() if threshold is None else threshold
    counts = table.astype(np.int64)
    if additive and total_row:
        totals = counts.sum(axis=0).to_frame().T
        totals.index = pd.Index([TOTAL])
        counts = pd.concat([counts, totals])
    rows, columns = counts.shape
    flat = counts.to_numpy().ravel()

    def cell(r: int, c: int) -> int:
        return r * columns + c

    lines: list[list[int]] = []
    margins: set[int] = set()
    if additive:
        position = {name: i for i, name in enumerate(counts.columns)}
        total_at = position.get(total_column) if total_column is not None else None
        if total_at is not None:
            margins.update(cell(r, total_at) for r in range(rows))
        for r in range(rows):
            for group in groups:
                line = [cell(r, position[c]) for c in group]
                lines.append([*line, cell(r, total_at)] if total_at is not None else line)
        if total_row:
            margins.update(cell(rows - 1, c) for c in range(columns))
            lines.extend([cell(r, c) for r in range(rows)] for c in range(columns))
    hidden, primary = suppress_cells(flat, lines, limit, margins)
    shape = counts.shape
    return SuppressedTable(
        values=counts,
        hidden=pd.DataFrame(hidden.reshape(shape), index=counts.index, columns=counts.columns),
        primary=pd.DataFrame(primary.reshape(shape), index=counts.index, columns=counts.columns),
        threshold=limit,
    )
