"""Small-cell suppression: small counts hidden, and no hidden count recomputable from a total."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lco_kit.registratie.suppression import HIDDEN, TOTAL, suppress_cells, suppress_table


def table(data: dict[str, list[int]], index: list[str]) -> pd.DataFrame:
    """Return a table of counts."""
    return pd.DataFrame(data, index=index)


def recomputable(hidden: pd.DataFrame, lines: list[list[tuple[object, str]]]) -> bool:
    """Return True when some line (cells that add up) has exactly one hidden cell."""
    return any(sum(bool(hidden.loc[r, c]) for r, c in line) == 1 for line in lines)


def test_counts_under_the_threshold_are_hidden_and_zero_is_shown() -> None:
    """Are 1 to 4 hidden, while 0 and 5 are shown?"""
    result = suppress_table(table({"aantal": [0, 1, 4, 5, 30]}, ["A", "B", "C", "D", "E"]), 5, additive=False)
    assert result.display()["aantal"].tolist() == ["0", HIDDEN, HIDDEN, "5", "30"]
    assert result.primary["aantal"].tolist() == [False, True, True, False, False]


def test_secondary_suppression_protects_a_single_hidden_cell_in_a_column_with_a_total() -> None:
    """With 3, 10 and 12 and their total 25 shown, is 10 hidden too, so 3 cannot be recomputed?"""
    result = suppress_table(table({"aantal": [3, 10, 12]}, ["Voeren", "As", "Peer"]), 5)
    assert result.display()["aantal"].tolist() == [HIDDEN, HIDDEN, "12", "25"]
    assert result.primary["aantal"].tolist() == [True, False, False, False]
    assert result.secondary["aantal"].tolist() == [False, True, False, False]


def test_the_smallest_other_cell_is_chosen_and_a_total_only_as_a_last_resort() -> None:
    """Is the complement the smallest visible non-zero cell, and the total only when nothing else is left?"""
    cells = [3, 40, 9, 0, 52]  # four cells and their total
    hidden, _ = suppress_cells(cells, [[0, 1, 2, 3, 4]], 5, margins=[4])
    assert hidden.tolist() == [True, False, True, False, False]
    hidden, _ = suppress_cells([3, 0, 3], [[0, 1, 2]], 5, margins=[2])
    assert hidden.tolist() == [True, False, True]  # the total 3 is itself small
    hidden, _ = suppress_cells([2, 0, 0, 2], [[0, 1, 2, 3]], 5, margins=[3])
    assert hidden.tolist() == [True, False, False, True]


def test_a_zero_is_hidden_when_it_is_the_only_way_to_protect_a_cell() -> None:
    """When the other cells are zero or totals, is a zero cell hidden rather than a total?"""
    hidden, _ = suppress_cells([4, 0, 30, 34], [[0, 1, 2, 3]], 5, margins=[3])
    assert hidden.tolist() == [True, False, True, False]
    hidden, _ = suppress_cells([4, 0, 4], [[0, 1, 2]], 5, margins=[2])
    assert hidden.tolist() == [True, False, True]


def test_secondary_suppression_reaches_across_rows_and_columns() -> None:
    """In a municipality × kind table with totals, does every row and column sum keep two or no hidden cells?"""
    counts = table({"aantal": [20, 7, 50], "eerste": [2, 3, 15], "opvolg": [18, 4, 35]}, ["As", "Bree", "Genk"])
    result = suppress_table(counts, 5, total_column="aantal", groups=[("eerste", "opvolg")])
    hidden = result.hidden
    rows = [*counts.index, TOTAL]
    lines = [[(r, c) for c in ("aantal", "eerste", "opvolg")] for r in rows]
    lines += [[(r, c) for r in rows] for c in ("aantal", "eerste", "opvolg")]
    assert not recomputable(hidden, lines)
    assert hidden.loc["As", "eerste"] and hidden.loc["Bree", "eerste"] and hidden.loc["Bree", "opvolg"]
    assert result.values.loc[TOTAL].tolist() == [77, 20, 57]
    # Whatever is shown, the hidden small cells cannot be pinned down: each line has two unknowns.
    assert int(hidden.to_numpy().sum()) >= 4


def test_every_line_of_a_random_table_keeps_two_or_no_hidden_cells() -> None:
    """On many random tables, is no hidden cell alone in a row or column that adds up to a shown total?"""
    rng = np.random.default_rng(7)
    for _ in range(50):
        counts = pd.DataFrame(rng.integers(0, 9, size=(6, 4)), columns=list("abcd"), index=list("uvwxyz"))
        counts["totaal"] = counts.sum(axis=1)
        result = suppress_table(counts, 5, total_column="totaal", groups=[tuple("abcd")])
        rows = [*counts.index, TOTAL]
        columns = [*"abcd", "totaal"]
        lines = [[(r, c) for c in columns] for r in rows] + [[(r, c) for r in rows] for c in columns]
        assert not recomputable(result.hidden, lines)
        small = (result.values > 0) & (result.values < 5)
        assert not (small & ~result.hidden).to_numpy().any()


def test_tables_where_one_lco_counts_several_times_get_primary_suppression_only() -> None:
    """Do life-domain counts (no sum to recompute from) hide only the small cells?"""
    result = suppress_table(table({"aantal": [3, 10, 12]}, ["Justitie", "Werk", "Wonen"]), 5, additive=False)
    assert result.display()["aantal"].tolist() == [HIDDEN, "10", "12"]
    assert TOTAL not in result.values.index


def test_the_threshold_can_be_changed() -> None:
    """With threshold 10, are 5 to 9 hidden as well?"""
    result = suppress_table(table({"aantal": [5, 9, 10]}, list("abc")), 10, additive=False)
    assert result.display()["aantal"].tolist() == [HIDDEN, HIDDEN, "10"]


def test_masked_values_never_carry_a_hidden_number() -> None:
    """Does the masked table (for charts and exports) hold None, never the number, in hidden cells?"""
    result = suppress_table(table({"aantal": [3, 10, 12]}, list("abc")), 5)
    masked = result.masked()
    assert masked["aantal"].tolist() == [None, None, 12, 25]
    assert result.value("c", "aantal") == 12 and result.value("a", "aantal") is None


def test_the_table_passed_in_is_not_changed() -> None:
    """Does suppression leave the caller's table as it was?"""
    counts = table({"aantal": [3, 10, 12]}, list("abc"))
    before = counts.copy()
    suppress_table(counts, 5)
    pd.testing.assert_frame_equal(counts, before)


def determined_cells(result_hidden: pd.DataFrame, lines: list[list[tuple[object, str]]]) -> list[tuple[object, str]]:
    """Return the hidden cells whose value follows from the shown cells and the sums (linear algebra)."""
    hidden = [(r, c) for r in result_hidden.index for c in result_hidden.columns if result_hidden.loc[r, c]]
    position = {cell: i for i, cell in enumerate(hidden)}
    rows = []
    for line in lines:
        row = np.zeros(len(hidden))
        for cell in line:
            if cell in position:
                row[position[cell]] = 1.0
        if row.any():
            rows.append(row)
    matrix = np.array(rows) if rows else np.zeros((0, len(hidden)))
    rank = np.linalg.matrix_rank(matrix) if rows else 0
    found = []
    for cell, i in position.items():
        unit = np.zeros(len(hidden))
        unit[i] = 1.0
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(cell)
    return found


def test_no_hidden_cell_can_be_solved_from_the_sums() -> None:
    """On many random tables, does no hidden cell follow from the shown cells and all the sums together?"""
    rng = np.random.default_rng(11)
    for _ in range(40):
        counts = pd.DataFrame(rng.integers(0, 12, size=(5, 3)), columns=["eerste", "opvolg", "x"], index=list("vwxyz"))
        counts = counts.drop(columns="x")
        counts.insert(0, "aantal", counts.sum(axis=1))
        result = suppress_table(counts, 5, total_column="aantal", groups=[("eerste", "opvolg")])
        rows = [*counts.index, TOTAL]
        lines = [[(r, c) for c in ("aantal", "eerste", "opvolg")] for r in rows]
        lines += [[(r, c) for r in rows] for c in ("aantal", "eerste", "opvolg")]
        assert determined_cells(result.hidden, lines) == []
