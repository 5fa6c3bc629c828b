"""The reflection's trend over the LCOs of one traject: one small chart per dimension.

Each panel follows the gap (client minus professionals) of one dimension from LCO to LCO,
with the date and a short title of each LCO on the axis and the signal line dashed. The alt
text names every value, and the page and the PDF show the same numbers in a table beside it.
"""

from __future__ import annotations

import math

from lco_kit.charts import PALETTE, Chart, new_figure
from lco_kit.reflectie.scoring import TrajectTrend

__all__ = ["trend_chart"]

_TEXT = "#1d1d1b"
_GRID = "#d0ccc3"
_COLUMNS = 2


def _number(value: float | None) -> str:
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
                _number(value),
                (x, value),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=10,
                color=_TEXT,
            )
        ax.set_title(label, fontsize=12.5, color=_TEXT)
        ax.set_ylim(-4.6, 4.6)
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
        f"{label}: {', '.join(_number(v) for v in trend.values[code].values)}"
        + (f" (verandering {_number(trend.values[code].change)})" if trend.values[code].change is not None else "")
        for code, label in trend.dimensions
    )
    threshold = f"{trend.threshold:.1f}".replace(".", ",")
    alt = (
        f"Lijndiagrammen ‘Verloop van het verschil cliënt min hulpverleners’, één per dimensie, over "
        f"{len(trend.points)} LCO's: {lcos}. {described}. De stippellijn is de signaalgrens (-{threshold})."
    )
    return Chart(figure, alt)
