"""The overview of a selection of a registration, and the tables a coordinator downloads.

:func:`build_overview` computes every table of a selection once, suppressed; the page, the
PDFs (:mod:`~lco_kit.registratie.report`) and the exports all use it, so what is hidden on the
page is hidden in the PDF and in the spreadsheet too. Free text (``opmerking``) is in none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from lco_kit.charts import Chart
from lco_kit.export import to_belgian_csv, to_xlsx
from lco_kit.registratie import analysis
from lco_kit.registratie._data import text as tekst
from lco_kit.registratie._format import number, percent, year_span
from lco_kit.registratie.analysis import Selection, Signal
from lco_kit.registratie.charts import bars_chart, knelpunt_trend_chart, note_line, shares_chart, trend_chart
from lco_kit.registratie.registration import PROBLEM_COLUMNS, Registration
from lco_kit.registratie.suppression import HIDDEN, TOTAL, SuppressedTable, default_threshold

__all__ = ["CHART_NAMES", "EXPORT_TABLES", "Overview", "build_overview", "export_frame", "export_table"]

CHART_NAMES = ("trend", "aandelen", "gemeenten", "levensdomeinen", "aanvragers", "knelpunten", "knelpunten_trend")
"""The charts of an overview, in the order the page shows them."""
EXPORT_TABLES = ("per_jaar", "per_gemeente", "knelpunten_per_jaar", "knelpunten_per_gemeente", "ongeldige_rijen")
"""The tables a user can download, by name."""


@dataclass
class Overview:
    """The figures of one selection of a registration, every breakdown suppressed.

    Attributes:
        registration: The checked registration.
        selection: Which years and municipalities.
        threshold: Counts under it are hidden below the year level.
        rows: The valid rows of the selection.
        partial: True when only some municipalities are chosen (then the yearly figures
            are suppressed too).
    """

    registration: Registration
    selection: Selection
    threshold: int
    rows: pd.DataFrame
    partial: bool
    made_on: date = field(default_factory=date.today)
    _charts: dict[str, Chart] = field(default_factory=dict, repr=False)

    @cached_property
    def years(self) -> SuppressedTable:
        """Return the counts per year (suppressed when the selection is partial)."""
        return analysis.year_table(self.rows, suppress=self.partial, threshold=self.threshold)

    @cached_property
    def means(self) -> pd.Series:
        """Return the mean number of participants per year."""
        return analysis.mean_participants(self.rows)

    @cached_property
    def gemeenten(self) -> SuppressedTable:
        """Return the figures per municipality."""
        return analysis.gemeente_table(self.rows, self.threshold)

    @cached_property
    def requesters(self) -> SuppressedTable:
        """Return the LCOs per requester."""
        return analysis.requester_table(self.rows, self.threshold)

    @cached_property
    def domains(self) -> SuppressedTable:
        """Return the LCOs per life domain."""
        return analysis.domain_table(self.rows, self.threshold)

    @cached_property
    def knelpunten(self) -> SuppressedTable:
        """Return the LCOs per knelpunt category."""
        return analysis.knelpunt_table(self.rows, self.threshold)

    @cached_property
    def knelpunt_years(self) -> SuppressedTable:
        """Return the LCOs per knelpunt category and year."""
        return analysis.knelpunt_by_year(self.rows, self.threshold)

    @cached_property
    def knelpunt_gemeenten(self) -> SuppressedTable:
        """Return the LCOs per municipality and knelpunt category."""
        return analysis.knelpunt_by_gemeente(self.rows, self.threshold)

    @cached_property
    def signals(self) -> list[Signal]:
        """Return the knelpunten bundled into signals, most frequent first."""
        return analysis.signals(self.rows, self.threshold)

    @property
    def year_list(self) -> list[int]:
        """Return the years of the selection that hold LCOs."""
        return list(analysis.selected_years(self.rows))

    @property
    def period(self) -> str:
        """Return the period as text (``2009–2016``)."""
        return year_span(self.year_list)

    @property
    def scope(self) -> str:
        """Return which municipalities, as text."""
        count = int(self.rows["gemeente"].nunique()) if len(self.rows) else 0
        if not self.partial:
            return tekst("bereik_alle", aantal=count)
        names = sorted(self.selection.gemeenten or ())
        if len(names) <= 3:  # noqa: PLR2004
            return ", ".join(names)
        return tekst("bereik_enkele", aantal=len(names))

    @property
    def note(self) -> str:
        """Return the line that goes with every chart and table."""
        return note_line(len(self.rows), self.registration.invalid_rows, self.threshold)

    @property
    def charts(self) -> dict[str, Chart]:
        """Return every chart, by name (see :data:`CHART_NAMES`)."""
        return {name: self.chart(name) for name in CHART_NAMES}

    def chart(self, name: str) -> Chart:
        """Return one chart by name (see :data:`CHART_NAMES`), made the first time it is asked for."""
        if name not in self._charts:
            self._charts[name] = self._make_chart(name)
        return self._charts[name]

    def _make_chart(self, name: str) -> Chart:
        if name == "trend":
            return trend_chart(self.years, analysis.published_series() if not self.partial else None, self.note)
        if name == "aandelen":
            return shares_chart(self.years, self.note)
        if name == "knelpunten_trend":
            return knelpunt_trend_chart(self.signals, self.note)
        table, title, ordered = {
            "gemeenten": (self.gemeenten, "grafiek_gemeenten_titel", False),
            "levensdomeinen": (self.domains, "grafiek_levensdomeinen_titel", True),
            "aanvragers": (self.requesters, "grafiek_aanvragers_titel", True),
            "knelpunten": (self.knelpunten, "grafiek_knelpunten_titel", True),
        }[name]
        return bars_chart(table, tekst(title), self.note, sort=ordered)

    def key_figures(self) -> list[tuple[str, str]]:
        """Return the key figures of the selection as label–value pairs (suppressed when partial)."""
        total = self.years.masked().loc[TOTAL] if len(self.rows) else None
        count = None if total is None else total["aantal"]

        def share(part: str) -> str:
            if total is None or total[part] is None:
                return HIDDEN
            value = int(total[part])
            return f"{number(value)} ({percent(value / count)})" if count else number(value)

        mean = float(self.rows["aantal_deelnemers"].mean()) if len(self.rows) else None
        return [
            (tekst("kern_aantal"), HIDDEN if count is None else number(int(count))),
            (tekst("kern_eerste"), share("eerste")),
            (tekst("kern_opvolg"), share("opvolg")),
            (tekst("kern_client"), share("client_aanwezig")),
            (tekst("kern_minderjarig"), share("minderjarige_betrokken")),
            (tekst("kern_deelnemers"), "–" if mean is None or count is None else number(mean, 1)),
            (tekst("kern_gemeenten"), number(int(self.rows["gemeente"].nunique()) if len(self.rows) else 0)),
            (tekst("kern_periode"), self.period),
        ]

    def year_rows(self) -> list[list[str]]:
        """Return the year table as text rows for a PDF or a projector table."""
        shown = self.years.masked()
        out = []
        for year, row in shown.iterrows():
            count = row["aantal"]

            def cell(part: str, row: pd.Series = row, count: object = count) -> str:
                if row[part] is None:
                    return HIDDEN
                if not count:
                    return number(int(row[part]))
                return f"{number(int(row[part]))} ({percent(int(row[part]) / int(count))})"  # type: ignore[call-overload]

            mean = self.means.get(year) if year != TOTAL else self.rows["aantal_deelnemers"].mean()
            out.append(
                [
                    str(year) if year != TOTAL else tekst("totaal"),
                    HIDDEN if count is None else number(int(count)),
                    cell("eerste"),
                    cell("client_aanwezig"),
                    cell("minderjarige_betrokken"),
                    HIDDEN if count is None or mean is None or pd.isna(mean) else number(float(mean), 1),
                ]
            )
        return out


def build_overview(
    registration: Registration,
    selection: Selection | None = None,
    threshold: int | None = None,
    made_on: date | None = None,
) -> Overview:
    """Return the overview of a selection of a registration.

    Args:
        registration: The checked registration.
        selection: Which years and municipalities (default: everything).
        threshold: Counts under it are hidden below the year level (default: ``drempel``).
        made_on: The date printed on reports (default: today).
    """
    chosen = selection or Selection()
    return Overview(
        registration=registration,
        selection=chosen,
        threshold=default_threshold() if threshold is None else threshold,
        rows=analysis.select(registration.rows, chosen),
        partial=analysis.is_partial(registration.rows, chosen),
        made_on=made_on or date.today(),
    )


def export_frame(view: Overview, name: str) -> pd.DataFrame:
    """Return one of the downloadable tables (``EXPORT_TABLES``), hidden cells as ``verborgen``.

    Raises:
        KeyError: For a name that is not in ``EXPORT_TABLES``.
    """
    if name == "ongeldige_rijen":
        return view.registration.problems[list(PROBLEM_COLUMNS)].copy()
    table = {
        "per_jaar": view.years,
        "per_gemeente": view.gemeenten,
        "knelpunten_per_jaar": view.knelpunt_years,
        "knelpunten_per_gemeente": view.knelpunt_gemeenten,
    }[name]
    masked = table.masked().astype(object)
    out = masked.where(~table.hidden, HIDDEN).reset_index(names=tekst(f"export_index_{name}"))
    out.columns = [str(c) for c in out.columns]
    return out.replace({np.nan: None})


def export_table(view: Overview, name: str, kind: str = "csv") -> bytes:
    """Return one downloadable table as CSV for Belgian Excel (``csv``) or as ``xlsx``."""
    frame = export_frame(view, name)
    return to_xlsx(frame, sheet=name) if kind == "xlsx" else to_belgian_csv(frame)
