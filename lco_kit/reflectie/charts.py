"""The reflection's charts: a session's bars, gap and radar, the faces of the paper form, the trend.

Every chart comes with its alt text; the page, the PDF and the paper form use the same ones.
The trend follows the gap (client minus professionals) of each dimension from LCO to LCO,
with the date and a short title of each LCO on the axis and the signal line dashed; the page
and the PDF show the same numbers in a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.patches import Circle

from lco_kit.charts import PALETTE, Chart, bar_chart, new_figure, radar_chart
from lco_kit.reflectie.report import SessionReport
from lco_kit.reflectie.scoring import MAX_GAP, SCALE_MAX, TrajectTrend
from lco_kit.reflectie.texts import score_text

__all__ = ["gap_chart", "report_charts", "smiley_chart", "trend_chart"]

_TEXT = "#1d1d1b"
_GRID = "#d0ccc3"
_COLUMNS = 2


def report_charts(report: SessionReport) -> list[Chart]:
    """Return the charts of a session: one per shown perspective, the gap, and the radar.

    Hidden groups have no chart; the gap chart exists only when the client group is shown.
    """
    labels = report.dimension_labels()
    dims = report.scores.dimensions
    charts = []
    for perspective in report.shown:
        values = [report.mean(perspective, d) for d in dims]
        count = report.scores.counts.get(perspective, 0)
        if not any(v is not None for v in values):
            continue
        charts.append(
            bar_chart(
                labels,
                values,
                f"{report.label(perspective)} (n = {count})",
                value_label="gemiddelde score (1 tot 5)",
                limits=(0, SCALE_MAX + 0.4),
            )
        )
    if "client" in report.shown and any(g is not None for g in report.scores.gaps.values()):
        gap_values = [report.scores.gaps[d] for d in dims]
        flagged = [bool(report.scores.alerts[d]) for d in dims]
        alerted = [label for label, flag in zip(labels, flagged, strict=True) if flag]
        described = "; ".join(
            f"{label}: {'geen waarde' if g is None else score_text(g, signed=True)}"
            for label, g in zip(labels, gap_values, strict=True)
        )
        alert_text = f" Signaal bij: {', '.join(alerted)}." if alerted else " Geen signalen."
        charts.append(
            gap_chart(
                labels,
                gap_values,
                flagged,
                alt=(
                    f"Staafdiagram ‘Verschil: cliënt min hulpverleners’. {described}. Signaal bij een verschil "
                    f"van {score_text(report.scores.threshold)} punt of meer.{alert_text}"
                ),
            )
        )
    series = {
        report.label(p): [report.mean(p, d) for d in dims]
        for p in report.shown
        if any(report.mean(p, d) is not None for d in dims)
    }
    if series:
        charts.append(radar_chart(labels, series, "Alle dimensies samen"))
    return charts


def gap_chart(labels: Sequence[str], gap_values: Sequence[float | None], flagged: Sequence[bool], alt: str) -> Chart:
    """Return the client–professional gap per dimension, alerts in the accent colour and marked in words.

    Each number stands beyond the end of its bar (left of a negative bar), so it never sits on
    a coloured background.
    """
    figure = new_figure(8.0, max(2.5, 0.55 * len(labels) + 1.4))
    ax = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    drawn = [0.0 if v is None else float(v) for v in gap_values]
    colours = [PALETTE[1] if flag else PALETTE[0] for flag in flagged]
    bars = ax.barh(positions, drawn, color=colours)
    for bar, value, flag in zip(bars, gap_values, flagged, strict=True):
        if value is None:
            bar.set_visible(False)
            continue
        words = score_text(value, signed=True) + ("  signaal" if flag else "")
        negative = value < 0
        ax.annotate(
            words,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(-5 if negative else 5, 0),
            textcoords="offset points",
            ha="right" if negative else "left",
            va="center",
            fontsize=12,
            fontweight="bold" if flag else "normal",
            color="#1d1d1b",
        )
    ax.axvline(0, color="#1d1d1b", linewidth=1.2)
    ax.set_yticks(positions, list(labels))
    ax.set_xlim(-MAX_GAP - 2.5, MAX_GAP + 0.2)  # room for the words left of a negative bar
    ax.set_xlabel("punten (negatief: de cliënt is minder tevreden)", fontsize=12)
    ax.set_title("Verschil: cliënt min hulpverleners", fontsize=15, color="#1d1d1b")
    ax.grid(axis="x", color="#d0ccc3")
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=12, colors="#1d1d1b")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return Chart(figure, alt)


def smiley_chart(labels: Sequence[str]) -> Chart:
    """Return the five faces of the client scale with their words (for the paper version)."""
    figure = new_figure(8.0, 2.0)
    ax = figure.add_subplot()
    ax.set_xlim(0, 10)
    ax.set_ylim(-1.6, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    for index, label in enumerate(labels):
        x = 1 + 2 * index
        ax.add_patch(Circle((x, 0.2), 0.8, fill=False, linewidth=2.5, color="#1d1d1b"))
        for eye in (-0.3, 0.3):
            ax.add_patch(Circle((x + eye, 0.45), 0.09, color="#1d1d1b"))
        curve = (index - 2) * 0.35
        xs = [x - 0.4 + 0.8 * step / 20 for step in range(21)]
        ys = [-0.2 + curve * ((px - x) ** 2 - 0.16) for px in xs]
        ax.plot(xs, ys, color="#1d1d1b", linewidth=2.5)
        ax.text(x, -1.15, label, ha="center", va="center", fontsize=12)
    words = ", ".join(f"{i} = {label}" for i, label in enumerate(labels, start=1))
    alt = f"Vijf gezichtjes van heel ontevreden tot heel tevreden: {words}."
    return Chart(figure, alt)


def _value(value: float | None) -> str:
    return "geen waarde" if value is None else f"{value:+.1f}".replace(".", ",")


def trend_chart(trend: TrajectTrend) -> Chart:
    """Return the gap per dimension across the traject's LCOs, one panel per dimension.

    Args:
        trend: The traject's trend (at least one LCO).

    Returns:
        One figure with a panel per dimension; the alt text lists each LCO (title and date)
        and every dimension's values in order, with the change since the first.
    """
    count = len(trend.dimensions)
    rows = max(1, math.ceil(count / _COLUMNS))
    figure = new_figure(10.0, 2.9 * rows + 0.8)
    positions = list(range(len(trend.points)))
    ticks = [f"{p.title}\n{p.shown_date}" for p in trend.points]
    axes = figure.subplots(rows, _COLUMNS, sharey=True, squeeze=False)
    for index, ax in enumerate(axes.flat):
        if index >= count:
            ax.set_visible(False)
            continue
        code, label = trend.dimensions[index]
        values = trend.values[code].values
        points = [(x, v) for x, v in zip(positions, values, strict=True) if v is not None]
        ax.axhline(0, color=_TEXT, linewidth=1)
        ax.axhline(-trend.threshold, color=PALETTE[1], linewidth=1.2, linestyle="--")
        if points:
            ax.plot([x for x, _ in points], [v for _, v in points], marker="o", linewidth=2.5, color=PALETTE[0])
        for x, value in points:
            ax.annotate(
                _value(value),
                (x, value),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=10,
                color=_TEXT,
            )
        ax.set_title(label, fontsize=12.5, color=_TEXT)
        ax.set_ylim(-MAX_GAP - 0.6, MAX_GAP + 0.6)
        ax.set_xlim(-0.5, max(0.5, len(positions) - 0.5))
        ax.set_xticks(positions, ticks)
        ax.tick_params(labelsize=9.5, colors=_TEXT)
        ax.grid(axis="y", color=_GRID)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    figure.suptitle("Verloop van het verschil cliënt min hulpverleners, per dimensie", fontsize=14, color=_TEXT)
    figure.supylabel("punten (negatief: de cliënt is minder tevreden)", fontsize=10.5, color=_TEXT)
    lcos = "; ".join(p.label for p in trend.points)
    described = "; ".join(
        f"{label}: {', '.join(_value(v) for v in trend.values[code].values)}"
        + (f" (verandering {_value(trend.values[code].change)})" if trend.values[code].change is not None else "")
        for code, label in trend.dimensions
    )
    threshold = f"{trend.threshold:.1f}".replace(".", ",")
    alt = (
        f"Lijndiagrammen ‘Verloop van het verschil cliënt min hulpverleners’, één per dimensie, over "
        f"{len(trend.points)} LCO's: {lcos}. {described}. De stippellijn is de signaalgrens (-{threshold})."
    )
    return Chart(figure, alt)
