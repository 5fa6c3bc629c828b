"""Checking one column of an export once per distinct value, and spreading the outcome over the rows.

Each rule of :mod:`~lco_kit.registratie.cells` runs once per distinct value of a column; numpy
spreads the outcome over the rows, so a million rows take seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from lco_kit.registratie.cells import Cell, cell_parsers, cell_text
from lco_kit.registratie.columns import REGISTRATION_COLUMNS
from lco_kit.registratie.reading import READ_SHARE, Progress

__all__ = ["CheckedColumn", "blank_cells", "categorical", "check_columns", "objects"]


@dataclass
class CheckedColumn:
    """The outcome of one rule on the distinct values of one column.

    Every array has one entry per distinct value and one more, last, for a missing value,
    so that ``array[codes]`` (missing is code -1) spreads it over the rows.
    """

    codes: np.ndarray
    texts: np.ndarray
    values: np.ndarray
    reasons: np.ndarray
    notes: np.ndarray
    shown: np.ndarray
    empty: np.ndarray
    trimmed: bool = True  # False when no value changed by trimming spaces (then codes identify values)

    @cached_property
    def bad(self) -> np.ndarray:
        """Return, per distinct value, whether the rule refused it."""
        return ~pd.isna(self.reasons)


def objects(items: Sequence[Any]) -> np.ndarray:
    """Return items as a numpy array of objects (tuples stay whole)."""
    out = np.empty(len(items), dtype=object)
    for index, item in enumerate(items):  # element by element: tuples must stay whole
        out[index] = item
    return out


def _as_texts(uniques: Any) -> list[str]:
    if pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        return list(uniques)
    return [cell_text(u) for u in uniques]


def _check_column(series: pd.Series, rule: Callable[[str], Cell]) -> CheckedColumn:
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    texts = [*_as_texts(uniques), ""]
    cells = [rule(t) for t in texts]
    return CheckedColumn(
        codes=codes,
        texts=objects(texts),
        values=objects([c.value for c in cells]),
        reasons=objects([c.reason for c in cells]),
        notes=objects([c.warning for c in cells]),
        shown=objects([c.shown for c in cells]),
        empty=np.array([not t.strip() for t in texts], dtype=bool),
    )


def _check_ids(series: pd.Series) -> CheckedColumn:
    """Check ``lco_id`` in a few passes over the distinct values: nearly every value is distinct."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        raw = np.empty(len(uniques) + 1, dtype=object)
        raw[:-1] = uniques
        raw[-1] = ""
    else:
        raw = objects([*_as_texts(uniques), ""])
    values = np.empty(len(raw), dtype=object)
    values[:] = list(map(str.strip, raw))  # strip() hands back the same object when there is nothing to trim
    trimmed = bool((values != raw).any())
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    empty = lengths == 0
    values[empty] = None
    reasons = np.full(len(raw), None, dtype=object)
    shown = np.full(len(raw), None, dtype=object)
    # Only values that could be a national number (11 digits, perhaps with separators) or are too
    # long go through the full rule.
    suspects = np.flatnonzero(((lengths >= 11) & (lengths <= 20)) | (lengths > 60))  # noqa: PLR2004
    rule = cell_parsers()["lco_id"]
    for index in suspects:
        value = str(values[index])
        if len(value) <= 20 and not (value[0].isdigit() and value[-1].isdigit()):  # noqa: PLR2004
            continue
        cell = rule(value)
        reasons[index], shown[index] = cell.reason, cell.shown
        if cell.reason is not None:
            values[index] = None
    return CheckedColumn(
        codes=codes,
        texts=raw,
        values=values,
        reasons=reasons,
        notes=np.full(len(raw), None, dtype=object),
        shown=shown,
        empty=empty,
        trimmed=trimmed,
    )


def blank_cells(series: pd.Series) -> np.ndarray:
    """Return, per row, whether the cell is empty or holds only spaces."""
    values = series.to_numpy(dtype=object)
    filled = values != ""
    if filled.any():
        idx = np.flatnonzero(filled)
        texts = values[idx]
        if pd.api.types.infer_dtype(texts, skipna=False) == "string":
            stripped = np.empty(len(texts), dtype=object)
            stripped[:] = list(map(str.strip, texts))
            filled[idx] = stripped != ""
        else:
            filled[idx] = [v is not None and bool(cell_text(v).strip()) for v in texts]
    return ~filled


def check_columns(
    frame: pd.DataFrame, rules: Mapping[str, Callable[[str], Cell]], report: Progress
) -> dict[str, CheckedColumn]:
    """Check every registration column of a read export, reporting progress after each."""
    checked: dict[str, CheckedColumn] = {}
    named = [c for c in REGISTRATION_COLUMNS if c in frame.columns and c != "opmerking"]
    for step, column in enumerate(named, start=1):
        checked[column] = (
            _check_ids(frame[column]) if column == "lco_id" else _check_column(frame[column], rules[column])
        )
        report(READ_SHARE + (1 - READ_SHARE) * 0.8 * step / len(named), f"De kolom ‘{column}’ wordt nagekeken…")
    return checked


def categorical(col: CheckedColumn, selected: np.ndarray, categories: Sequence[str]) -> pd.Categorical:
    """Return the checked values of the selected rows as a categorical with the given categories."""
    position = {c: i for i, c in enumerate(categories)}
    per_value = np.array([position.get(v, -1) if isinstance(v, str) else -1 for v in col.values], dtype=np.int64)
    return pd.Categorical.from_codes(per_value[col.codes[selected]], categories=list(categories))
