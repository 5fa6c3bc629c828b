"""The registration's charts: trend against the published totals, shares, breakdowns, knelpunten.

Every chart is a :class:`lco_kit.charts.Chart` (PNG with alt text), readable on a projector,
and carries a note under it saying how many rows count, how many invalid rows were left
out and that small counts are hidden. Hidden cells are drawn as the word ``verborgen``,
never as a number; free text (``opmerking``) never appears on a chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lco_kit.charts import PALETTE, Chart, line_chart, new_figure
from lco_kit.registratie._data import text
from lco_kit.registratie._format import number, percent
from lco_kit.registratie.analysis import Signal
from lco_kit.registratie.suppression import HIDDEN, TOTAL, SuppressedTable

__all__ = ["bars_chart", "knelpunt_trend_chart", "note_line", "shares_chart", "trend_chart"]

_TEXT = "#1d1d1b"
_GREY = "#5a5a5a"
_GRID = "#d0ccc3"
_MANY = 15


def note_line(valid: int, invalid: int, threshold: int) -> str:
    """Return the note every chart carries: what counts, what was left out, what is hidden."""
    return text("grafiek_noot", geldig=number(valid), ongeldig=number(invalid), drempel=threshold)


def _with_note(chart: Chart, note: str) -> Chart:
    chart.figure.text(0.0, -0.01, note, ha="left", va="top", fontsize=10.5, color=_GREY)
    chart.alt = f"{chart.alt} {note}"
    return chart


def _shown(value: float | None, *, share: bool = False) -> str:
    if value is None:
        return HIDDEN
    return percent(value) if share else number(value)


def trend_chart(years: SuppressedTable, published: Mapping[int, int] | None, note: str) -> Chart:
    """Return the number of LCOs per year, against the published Limburg totals when given.

    Args:
        years: The year table (from :func:`~lco_kit.registratie.analysis.year_table`).
        published: Year → published total (None: the selection is not the whole province).
        note: The line under the chart.
    """
    masked = years.masked()
    x = [int(y) for y in masked.index if y != TOTAL]
    registered = [masked.loc[y, "aantal"] for y in x]
    series: dict[str, list[float | None]] = {text("reeks_geregistreerd"): registered}
    if published:
        series[text("reeks_gepubliceerd")] = [published.get(y) for y in x]
    chart = line_chart(x, series, text("grafiek_trend_titel"), value_label=text("as_aantal_lcos"))
    parts = [
        f"{y}: {_shown(r)}" + (f" (gepubliceerd: {published[y]})" if published and y in published else "")
        for y, r in zip(x, registered, strict=True)
    ]
    chart.alt = f"Lijndiagram ‘{text('grafiek_trend_titel')}’. " + "; ".join(parts) + "."
    ax = chart.figure.axes[0]
    ax.set_ylim(bottom=0)
    lines = ax.get_lines()
    lines[0].set_linewidth(7)
    lines[0].set_alpha(0.55)
    if len(lines) > 1:  # the published line on top, dashed, so both stay visible where they agree
        lines[1].set_linestyle("--")
        lines[1].set_marker("s")
        lines[1].set_zorder(3)
    if len(lines) > 1:
        ax.legend(fontsize=12, frameon=False, loc="best")
    return _with_note(chart, note)


def shares_chart(years: SuppressedTable, note: str) -> Chart:
    """Return, per year, the share of first requests, of LCOs with the client present, and with minors."""
    masked = years.masked()
    x = [int(y) for y in masked.index if y != TOTAL]
    series: dict[str, list[float | None]] = {}
    for column, key in (
        ("eerste", "reeks_eerste"),
        ("client_aanwezig", "reeks_client"),
        ("minderjarige_betrokken", "reeks_minderjarig"),
    ):
        values: list[float | None] = []
        for year in x:
            part, count = masked.loc[year, column], masked.loc[year, "aantal"]
            values.append(None if part is None or not count else round(100 * part / count, 1))
        series[text(key)] = values
    chart = line_chart(x, series, text("grafiek_aandelen_titel"), value_label=text("as_procent"))
    chart.figure.axes[0].set_ylim(0, 100)
    parts = []
    for name, values in series.items():
        shown = ", ".join(f"{y}: {HIDDEN if v is None else percent(v / 100)}" for y, v in zip(x, values, strict=True))
        parts.append(f"{name} — {shown}")
    chart.alt = f"Lijndiagram ‘{text('grafiek_aandelen_titel')}’. " + ". ".join(parts) + "."
    return _with_note(chart, note)


def bars_chart(
    table: SuppressedTable,
    title: str,
    note: str,
    *,
    column: str = "aantal",
    value_label: str | None = None,
    sort: bool = False,
) -> Chart:
    """Return a horizontal bar chart of one column of a suppressed table; hidden bars say ``verborgen``.

    Args:
        table: The table (its total row is left out of the chart).
        title: The chart's title.
        note: The line under the chart.
        column: Which column to draw.
        value_label: The axis label (default: number of LCOs).
        sort: Largest first (hidden bars last) instead of the table's order.
    """
    masked = table.masked()
    items = [(str(i), masked.loc[i, column]) for i in masked.index if i != TOTAL]
    if sort:
        items.sort(key=lambda item: (item[1] is None, -(item[1] or 0), item[0]))
    labels = [label for label, _ in items]
    values: list[int | None] = [None if v is None else int(v) for _, v in items]
    many = len(labels) > _MANY
    figure = new_figure(8.0, min(11.0, max(2.6, (0.24 if many else 0.5) * len(labels) + 1.4)))
    ax = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, [v or 0 for v in values], color=PALETTE[0], height=0.7)
    size = 9.5 if many else 12
    for position, value in zip(positions, values, strict=True):
        ax.annotate(
            HIDDEN if value is None else number(value),
            (value or 0, position),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=size,
            color=_GREY if value is None else _TEXT,
            fontstyle="italic" if value is None else "normal",
        )
    ax.set_yticks(positions, labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.tick_params(axis="y", labelsize=size, colors=_TEXT)
    ax.tick_params(axis="x", labelsize=12, colors=_TEXT)
    ax.set_xlabel(value_label or text("as_aantal_lcos"), fontsize=12)
    ax.set_title(title, fontsize=15, color=_TEXT)
    ax.grid(axis="x", color=_GRID)
    ax.set_axisbelow(True)
    largest = max((v for v in values if v is not None), default=0)
    ax.set_xlim(0, max(largest * 1.18, 1))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    described = "; ".join(f"{label}: {_shown(value)}" for label, value in zip(labels, values, strict=True))
    return _with_note(Chart(figure, f"Staafdiagram ‘{title}’. {described}."), note)


def knelpunt_trend_chart(found: Sequence[Signal], note: str, top: int = 4) -> Chart:
    """Return the share of LCOs naming each of the most frequent knelpunten, per year."""
    chosen = [s for s in found if s.code != "andere"][:top]
    years = sorted({y for s in chosen for y in s.share_per_year})
    series: dict[str, list[float | None]] = {
        s.label: [
            None if s.share_per_year.get(y) is None else round(100 * float(s.share_per_year[y] or 0), 1) for y in years
        ]
        for s in chosen
    }
    title = text("grafiek_knelpunten_trend_titel")
    chart = line_chart(years, series, title, value_label=text("as_procent_lcos"))
    chart.figure.axes[0].set_ylim(bottom=0)
    parts = []
    for name, values in series.items():
        shown = ", ".join(
            f"{y}: {HIDDEN if v is None else percent(v / 100)}" for y, v in zip(years, values, strict=True)
        )
        parts.append(f"{name} — {shown}")
    chart.alt = f"Lijndiagram ‘{title}’. " + ". ".join(parts) + "."
    return _with_note(chart, note)
