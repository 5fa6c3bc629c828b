"""The figures of a registration: per year, municipality, life domain, requester and knelpunt.

Pure functions from the valid rows (:attr:`Registration.rows`) to tables; nothing here
changes what it is given. Year totals are shown as they are; every breakdown below the
year (per municipality, domain, requester, knelpunt — and the yearly figures themselves
when only some municipalities are chosen) goes through :mod:`~lco_kit.registratie.suppression`.

The *signal function* is :func:`signals`: which knelpunten keep coming back, where, with
which life domains, and whether they grow — the material of the signalennota.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from lco_kit.codes import code_list
from lco_kit.registratie._data import published_totals
from lco_kit.registratie.registration import Registration
from lco_kit.registratie.suppression import SuppressedTable, default_threshold, suppress_table

__all__ = [
    "YEAR_COLUMNS",
    "Selection",
    "Signal",
    "domain_table",
    "gemeente_table",
    "knelpunt_by_gemeente",
    "knelpunt_by_year",
    "published_series",
    "requester_table",
    "select",
    "signals",
    "summary",
    "year_table",
]

YEAR_COLUMNS = (
    "aantal",
    "eerste",
    "opvolg",
    "client_aanwezig",
    "client_afwezig",
    "minderjarige_betrokken",
    "minderjarige_niet_betrokken",
)
"""The counts per year; each pair after ``aantal`` adds up to it."""
_PAIRS = (
    ("eerste", "opvolg"),
    ("client_aanwezig", "client_afwezig"),
    ("minderjarige_betrokken", "minderjarige_niet_betrokken"),
)
_MIN_TREND_YEARS = 3
_TREND_CHANGE = 0.2  # a change of a fifth of the average share counts as rising or falling


@dataclass(frozen=True)
class Selection:
    """Which rows to look at.

    Attributes:
        years: The years to keep (None: all).
        gemeenten: The municipalities to keep (None: all).
    """

    years: tuple[int, ...] | None = None
    gemeenten: tuple[str, ...] | None = None


def select(rows: pd.DataFrame, selection: Selection | None = None) -> pd.DataFrame:
    """Return the rows of the chosen years and municipalities (a new frame)."""
    if selection is None:
        return rows
    mask = np.ones(len(rows), dtype=bool)
    if selection.years is not None:
        mask &= rows["jaar"].isin(selection.years).to_numpy()
    if selection.gemeenten is not None:
        mask &= rows["gemeente"].isin(selection.gemeenten).to_numpy()
    return rows[mask]


def is_partial(rows: pd.DataFrame, selection: Selection | None) -> bool:
    """Return True when the selection leaves out some municipalities of the data."""
    if selection is None or selection.gemeenten is None:
        return False
    present = {str(g) for g in rows["gemeente"].unique()}
    return not present <= set(selection.gemeenten)


def _labels(list_name: str) -> dict[str, str]:
    return {c.code: c.label for c in code_list(list_name).codes}


def year_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Return the counts per year (``YEAR_COLUMNS``), one row per year that has LCOs."""
    if not len(rows):
        return pd.DataFrame(columns=list(YEAR_COLUMNS), dtype=np.int64)
    grouped = pd.DataFrame(
        {
            "jaar": rows["jaar"].to_numpy(),
            "aantal": 1,
            "eerste": (rows["soort"] == "eerste").to_numpy(),
            "client_aanwezig": rows["client_aanwezig"].to_numpy(),
            "minderjarige_betrokken": rows["minderjarige_betrokken"].to_numpy(),
        }
    ).groupby("jaar")
    out = grouped.sum().astype(np.int64)
    out["opvolg"] = out["aantal"] - out["eerste"]
    out["client_afwezig"] = out["aantal"] - out["client_aanwezig"]
    out["minderjarige_niet_betrokken"] = out["aantal"] - out["minderjarige_betrokken"]
    out.index = out.index.astype(np.int64)
    return out[list(YEAR_COLUMNS)]


def year_table(rows: pd.DataFrame, *, suppress: bool = False, threshold: int | None = None) -> SuppressedTable:
    """Return the counts per year, with a total row.

    Args:
        rows: The valid rows (of a selection).
        suppress: Hide small cells (when only some municipalities are chosen, a year is
            no longer the province's total).
        threshold: Counts under it are hidden.
    """
    counts = year_counts(rows)
    limit = default_threshold() if threshold is None else threshold
    if suppress:
        return suppress_table(counts, limit, total_column="aantal", groups=_PAIRS)
    return suppress_table(counts, 1, total_column="aantal", groups=_PAIRS)


def mean_participants(rows: pd.DataFrame) -> pd.Series:
    """Return the mean number of participants per year."""
    if not len(rows):
        return pd.Series(dtype=float)
    return rows.groupby("jaar")["aantal_deelnemers"].mean()


def published_series() -> dict[int, int]:
    """Return the published Limburg totals, year → number of LCOs."""
    return dict(published_totals().aantallen)


def gemeente_table(rows: pd.DataFrame, threshold: int | None = None) -> SuppressedTable:
    """Return per municipality: LCOs, first and follow-up, client present or not — suppressed."""
    frame = pd.DataFrame(
        {
            "gemeente": rows["gemeente"],  # categorical: grouping uses its codes, not the names
            "aantal": 1,
            "eerste": (rows["soort"] == "eerste").to_numpy(),
            "client_aanwezig": rows["client_aanwezig"].to_numpy(),
        }
    )
    if len(frame):
        out = frame.groupby("gemeente", observed=True).sum().astype(np.int64)
        out.index = pd.Index([str(g) for g in out.index], dtype=object)
    else:
        out = frame.set_index("gemeente")
    out["opvolg"] = out["aantal"] - out["eerste"]
    out["client_afwezig"] = out["aantal"] - out["client_aanwezig"]
    out = out[["aantal", "eerste", "opvolg", "client_aanwezig", "client_afwezig"]]
    out = out.loc[sorted(out.index, key=lambda n: str(n).casefold())]
    return suppress_table(
        out, threshold, total_column="aantal", groups=[("eerste", "opvolg"), ("client_aanwezig", "client_afwezig")]
    )


def requester_table(rows: pd.DataFrame, threshold: int | None = None) -> SuppressedTable:
    """Return the number of LCOs per requester (each LCO has one) — suppressed, with a total."""
    labels = _labels("aanvragers")
    counts = rows["aanvrager"].value_counts().reindex(list(labels), fill_value=0)
    table = pd.DataFrame({"aantal": counts.to_numpy()}, index=[labels[c] for c in counts.index])
    return suppress_table(table, threshold)


def _multi(rows: pd.DataFrame, prefix: str, list_name: str) -> pd.Series:
    labels = _labels(list_name)
    columns = [f"{prefix}_{code}" for code in labels]
    sums = rows[columns].sum(axis=0) if len(rows) else pd.Series(0, index=columns)
    return pd.Series(sums.to_numpy(dtype=np.int64), index=list(labels.values()))


def domain_table(rows: pd.DataFrame, threshold: int | None = None) -> SuppressedTable:
    """Return the number of LCOs per life domain (an LCO counts for each of its domains)."""
    table = _multi(rows, "levensdomein", "levensdomeinen").to_frame("aantal")
    return suppress_table(table, threshold, additive=False)


def knelpunt_table(rows: pd.DataFrame, threshold: int | None = None) -> SuppressedTable:
    """Return the number of LCOs per knelpunt category (an LCO counts for each it names)."""
    table = _multi(rows, "knelpunt", "knelpunten").to_frame("aantal")
    return suppress_table(table, threshold, additive=False)


def _multi_by(rows: pd.DataFrame, by: str, prefix: str, list_name: str) -> pd.DataFrame:
    labels = _labels(list_name)
    columns = [f"{prefix}_{code}" for code in labels]
    if not len(rows):
        return pd.DataFrame(columns=list(labels.values()), dtype=np.int64)
    out = rows[columns].groupby(rows[by], observed=True).sum().astype(np.int64)
    out.columns = list(labels.values())
    out.index = pd.Index([str(k) if by == "gemeente" else int(k) for k in out.index], dtype=object)
    return out


def knelpunt_by_year(rows: pd.DataFrame, threshold: int | None = None) -> SuppressedTable:
    """Return LCOs per knelpunt category (rows) and year (columns) — suppressed."""
    table = _multi_by(rows, "jaar", "knelpunt", "knelpunten").T
    table.columns = [int(c) for c in table.columns]
    return suppress_table(table, threshold, additive=False)


def knelpunt_by_gemeente(rows: pd.DataFrame, threshold: int | None = None) -> SuppressedTable:
    """Return LCOs per municipality (rows) and knelpunt category (columns) — suppressed."""
    table = _multi_by(rows, "gemeente", "knelpunt", "knelpunten")
    table = table.loc[sorted(table.index, key=lambda n: str(n).casefold())]
    return suppress_table(table, threshold, additive=False)


def domain_by_year(rows: pd.DataFrame, threshold: int | None = None) -> SuppressedTable:
    """Return LCOs per life domain (rows) and year (columns) — suppressed."""
    table = _multi_by(rows, "jaar", "levensdomein", "levensdomeinen").T
    table.columns = [int(c) for c in table.columns]
    return suppress_table(table, threshold, additive=False)


# ------------------------------------------------------------------ the signal function

Trend = Literal["stijgt", "daalt", "blijft gelijk", "te weinig gegevens"]


@dataclass(frozen=True)
class Signal:
    """One knelpunt category, bundled over the chosen LCOs.

    Attributes:
        code: The category's code.
        label: Its Dutch label.
        count: LCOs that named it (None: hidden, too few).
        share: Its share of all chosen LCOs (None: hidden).
        per_year: Year → LCOs that named it (None where hidden).
        share_per_year: Year → share of that year's LCOs (None where hidden).
        trend: Whether its share rises, falls or stays about the same.
        years_present: In how many of the chosen years it was named.
        years_total: How many years were chosen.
        gemeenten_present: In how many municipalities it was named.
        gemeenten_total: How many municipalities the chosen LCOs come from.
        top_gemeenten: The municipalities where it was named most (only counts that may be shown).
        domains: The life domains it came with most often (only counts that may be shown).
    """

    code: str
    label: str
    count: int | None
    share: float | None
    per_year: dict[int, int | None]
    share_per_year: dict[int, float | None]
    trend: Trend
    years_present: int
    years_total: int
    gemeenten_present: int
    gemeenten_total: int
    top_gemeenten: list[tuple[str, int]] = field(default_factory=list)
    domains: list[tuple[str, int]] = field(default_factory=list)

    @property
    def recurring(self) -> bool:
        """Return True when it came back every year, in at least half of the municipalities."""
        return (
            self.years_total > 1
            and self.years_present == self.years_total
            and self.gemeenten_present * 2 >= self.gemeenten_total
        )


def _trend(shares: dict[int, float | None]) -> Trend:
    known = [(y, s) for y, s in shares.items() if s is not None]
    if len(known) < _MIN_TREND_YEARS:
        return "te weinig gegevens"
    years = np.array([y for y, _ in known], dtype=float)
    values = np.array([s for _, s in known], dtype=float)
    mean = float(values.mean())
    if mean == 0:
        return "blijft gelijk"
    slope = float(np.polyfit(years, values, 1)[0])
    change = slope * (years.max() - years.min()) / mean
    if change > _TREND_CHANGE:
        return "stijgt"
    if change < -_TREND_CHANGE:
        return "daalt"
    return "blijft gelijk"


def signals(rows: pd.DataFrame, threshold: int | None = None, *, top: int = 5) -> list[Signal]:
    """Bundle the knelpunten of the chosen LCOs into signals, most frequent first.

    Every number in a signal respects small-cell suppression: hidden counts are None, and
    municipalities and domains with hidden counts are left out of the lists.

    Args:
        rows: The valid rows of a selection.
        threshold: Counts under it are hidden.
        top: How many municipalities and life domains to name per signal.
    """
    limit = default_threshold() if threshold is None else threshold
    labels = _labels("knelpunten")
    total = len(rows)
    per_year_totals = rows.groupby("jaar").size() if total else pd.Series(dtype=np.int64)
    by_year = knelpunt_by_year(rows, limit)
    by_gemeente = knelpunt_by_gemeente(rows, limit)
    overall = knelpunt_table(rows, limit)
    domain_labels = _labels("levensdomeinen")
    gemeenten_total = int(rows["gemeente"].nunique()) if total else 0
    # How often each knelpunt comes with each life domain: one matrix product over all rows.
    # (float32 so the product runs in BLAS; it counts exactly up to 16 million rows)
    knelpunt_flags = rows[[f"knelpunt_{c}" for c in labels]].to_numpy(dtype=np.float32)
    domain_flags = rows[[f"levensdomein_{d}" for d in domain_labels]].to_numpy(dtype=np.float32)
    product = np.rint(knelpunt_flags.T @ domain_flags).astype(np.int64)
    together = pd.DataFrame(product, index=list(labels), columns=list(domain_labels))
    found: list[Signal] = []
    for code, label in labels.items():
        count = overall.value(label, "aantal")
        per_year = {int(y): by_year.value(label, y) for y in by_year.values.columns}
        share_per_year = {
            y: (None if c is None or not per_year_totals.get(y) else c / int(per_year_totals[y]))
            for y, c in per_year.items()
        }
        in_gemeenten = by_gemeente.values[label] if label in by_gemeente.values else pd.Series(dtype=np.int64)
        visible = [
            (str(g), int(v)) for g, v in in_gemeenten.items() if v > 0 and not bool(by_gemeente.hidden.loc[g, label])
        ]
        visible.sort(key=lambda item: (-item[1], item[0]))
        domains = sorted(
            ((domain_labels[d], int(v)) for d, v in together.loc[code].items() if v >= limit),
            key=lambda item: (-item[1], item[0]),
        )
        found.append(
            Signal(
                code=code,
                label=label,
                count=count,
                share=None if count is None or not total else count / total,
                per_year=per_year,
                share_per_year=share_per_year,
                trend=_trend(share_per_year),
                years_present=sum(1 for y in per_year if int(by_year.values.loc[label, y]) > 0),
                years_total=len(per_year),
                gemeenten_present=int((in_gemeenten > 0).sum()),
                gemeenten_total=gemeenten_total,
                top_gemeenten=visible[:top],
                domains=domains[:3],
            )
        )
    found.sort(key=lambda s: (s.code == "andere", -(s.count or 0), s.label))
    return found


# ------------------------------------------------------------------ one summary, for the command line


def _json_table(table: SuppressedTable, skip_total: bool = True) -> dict[str, dict[str, int | None]]:
    masked = table.masked()
    out: dict[str, dict[str, int | None]] = {}
    for index, row in masked.iterrows():
        if skip_total and index == "Totaal":
            continue
        out[str(index)] = {str(k): (None if v is None else int(v)) for k, v in row.items()}
    return out


def summary(
    registration: Registration, selection: Selection | None = None, threshold: int | None = None
) -> dict[str, Any]:
    """Return the figures of a registration as plain data (for ``summary --json``).

    Year figures are exact when every municipality of the data is chosen; everything below
    the year level is suppressed (hidden cells are ``null``).

    Returns:
        A dict with ``per_jaar`` (year as text → ``aantal``, ``eerste``, ``opvolg``,
        ``client_aanwezig``, ``minderjarige_betrokken``, their shares and the mean number of
        participants), ``ongeldige_rijen`` and the breakdowns.
    """
    limit = default_threshold() if threshold is None else threshold
    rows = select(registration.rows, selection)
    partial = is_partial(registration.rows, selection)
    years = year_table(rows, suppress=partial, threshold=limit)
    masked = years.masked()
    means = mean_participants(rows)
    published = published_series()
    per_year: dict[str, dict[str, Any]] = {}
    for year, row in masked.iterrows():
        if year == "Totaal":
            continue
        entry: dict[str, Any] = {k: (None if v is None else int(v)) for k, v in row.items()}
        count = entry["aantal"]
        for part in ("eerste", "client_aanwezig", "minderjarige_betrokken"):
            entry[f"aandeel_{part}"] = (
                None if count in (None, 0) or entry[part] is None else round(entry[part] / count, 4)
            )
        entry["gemiddeld_aantal_deelnemers"] = None if count is None else round(float(means.get(year, float("nan"))), 2)
        if not partial and int(str(year)) in published:
            entry["gepubliceerd"] = published[int(str(year))]
        per_year[str(year)] = entry
    knelpunten = {
        s.label: {"aantal": s.count, "per_jaar": {str(y): c for y, c in s.per_year.items()}, "trend": s.trend}
        for s in signals(rows, limit)
    }
    return {
        "bron": registration.source,
        "rijen_gelezen": registration.read_rows,
        "geldige_rijen": registration.valid_rows,
        "ongeldige_rijen": registration.invalid_rows,
        "lege_rijen_overgeslagen": registration.blank_rows,
        "drempel": limit,
        "selectie": {
            "jaren": sorted(int(y) for y in rows["jaar"].unique()) if len(rows) else [],
            "gemeenten": sorted(selection.gemeenten or ()) if partial and selection else "alle",
        },
        "per_jaar": per_year,
        "per_gemeente": _json_table(gemeente_table(rows, limit)),
        "aanvragers": {k: v["aantal"] for k, v in _json_table(requester_table(rows, limit)).items()},
        "levensdomeinen": {k: v["aantal"] for k, v in _json_table(domain_table(rows, limit), skip_total=False).items()},
        "knelpunten": knelpunten,
        "waarschuwingen": list(registration.warnings),
    }


def selected_years(rows: pd.DataFrame) -> Sequence[int]:
    """Return the years present in the rows, in order."""
    return sorted(int(y) for y in rows["jaar"].unique()) if len(rows) else []
