"""Charts for the kit: matplotlib figures with alt text, rendered to PNG bytes.

Pages show a chart with :func:`lco_kit.ui.chart_image` (a ``widgets.Image`` whose
``<img>`` gets the alt text as ``alt`` and ``title``, see the template's ``lco-alt``); the
PDF writer embeds the same PNG. pyplot is never used: figures are made with the
object-oriented API, which needs no GUI backend and keeps no global state between pages.

Every chart carries an alt text that says what a sighted reader sees, numbers included.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure

__all__ = ["PALETTE", "Chart", "bar_chart", "line_chart", "new_figure", "radar_chart"]

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
_TEXT = "#1d1d1b"
_GRID = "#d0ccc3"


@dataclass
class Chart:
    """A figure and its alt text.

    Attributes:
        figure: The matplotlib figure.
        alt: What the chart shows, in Dutch, for people who cannot see it.
    """

    figure: Figure
    alt: str

    def png(self, dpi: int = 110) -> bytes:
        """Return the chart as PNG bytes."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
        return buffer.getvalue()


def new_figure(width: float = 8.0, height: float = 4.5) -> Figure:
    """Return an empty figure in the kit's style (large type for a projector)."""
    figure = Figure(figsize=(width, height), layout="constrained")
    figure.set_facecolor("white")
    return figure


def _style(axes: object) -> None:
    ax = axes  # matplotlib Axes
    ax.tick_params(labelsize=12, colors=_TEXT)  # type: ignore[attr-defined]
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]
    ax.title.set_fontsize(15)  # type: ignore[attr-defined]
    ax.title.set_color(_TEXT)  # type: ignore[attr-defined]


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.1f}".replace(".", ",")


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    title: str,
    *,
    value_label: str = "",
    highlight: Sequence[bool] | None = None,
    limits: tuple[float, float] | None = None,
    alt: str | None = None,
) -> Chart:
    """Return a horizontal bar chart (labels stay readable however long they are).

    Args:
        labels: One label per bar, top to bottom.
        values: One value per bar; None draws no bar and is said in the alt text.
        title: The chart's title.
        value_label: The axis label for the values.
        highlight: Bars to draw in the accent colour (e.g. alerts).
        limits: Fixed value axis limits (e.g. 1 to 5 for a scale).
        alt: Alt text; by default it lists every label with its value.
    """
    height = max(2.5, 0.55 * len(labels) + 1.2)
    figure = new_figure(8.0, height)
    ax = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    drawn = [0.0 if v is None else float(v) for v in values]
    colours = [PALETTE[1] if highlight is not None and highlight[i] else PALETTE[0] for i in range(len(labels))]
    bars = ax.barh(positions, drawn, color=colours)
    for bar, value in zip(bars, values, strict=True):
        if value is None:
            bar.set_visible(False)
            continue
        ax.annotate(
            _number(value),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=12,
            color=_TEXT,
        )
    ax.set_yticks(positions, list(labels))
    if limits:
        ax.set_xlim(*limits)
    ax.set_xlabel(value_label, fontsize=12)
    ax.set_title(title)
    ax.grid(axis="x", color=_GRID)
    ax.set_axisbelow(True)
    _style(ax)
    described = "; ".join(
        f"{label}: {'geen waarde' if value is None else _number(value)}"
        for label, value in zip(labels, values, strict=True)
    )
    return Chart(figure, alt or f"Staafdiagram ‘{title}’. {described}.")


def line_chart(
    x: Sequence[int | str],
    series: Mapping[str, Sequence[float | None]],
    title: str,
    *,
    value_label: str = "",
    alt: str | None = None,
) -> Chart:
    """Return a line chart of one or more series over the same x values."""
    figure = new_figure()
    ax = figure.add_subplot()
    positions = list(range(len(x)))
    for index, (name, values) in enumerate(series.items()):
        points = [(p, v) for p, v in zip(positions, values, strict=True) if v is not None]
        ax.plot(
            [p for p, _ in points],
            [v for _, v in points],
            marker="o",
            linewidth=2.5,
            color=PALETTE[index % len(PALETTE)],
            label=name,
        )
    ax.set_xticks(positions, [str(v) for v in x])
    ax.set_ylabel(value_label, fontsize=12)
    ax.set_title(title)
    ax.grid(axis="y", color=_GRID)
    if len(series) > 1:
        ax.legend(fontsize=12, frameon=False)
    _style(ax)
    parts = []
    for name, values in series.items():
        shown = ", ".join(
            f"{label}: {'geen waarde' if v is None else _number(v)}" for label, v in zip(x, values, strict=True)
        )
        parts.append(f"{name} — {shown}")
    return Chart(figure, alt or f"Lijndiagram ‘{title}’. {'. '.join(parts)}.")


def radar_chart(
    dimensions: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    title: str,
    *,
    limits: tuple[float, float] = (1.0, 5.0),
    alt: str | None = None,
) -> Chart:
    """Return a radar (spider) chart of several series over the same dimensions.

    Missing values are drawn at the centre and named in the alt text.
    """
    figure = new_figure(7.0, 6.0)
    ax = figure.add_subplot(projection="polar")
    count = len(dimensions)
    angles = [2 * math.pi * i / count for i in range(count)]
    for index, (name, values) in enumerate(series.items()):
        points = [limits[0] if v is None else float(v) for v in values]
        colour = PALETTE[index % len(PALETTE)]
        ax.plot([*angles, angles[0]], [*points, points[0]], color=colour, linewidth=2.5, label=name)
        ax.fill([*angles, angles[0]], [*points, points[0]], color=colour, alpha=0.12)
    ax.set_xticks(angles, list(dimensions), fontsize=11)
    ax.set_ylim(*limits)
    ax.set_title(title, fontsize=15, pad=20)
    ax.legend(loc="upper right", bbox_to_anchor=(1.25, 1.1), fontsize=11, frameon=False)
    parts = []
    for name, values in series.items():
        shown = ", ".join(
            f"{d}: {'geen waarde' if v is None else _number(v)}" for d, v in zip(dimensions, values, strict=True)
        )
        parts.append(f"{name} — {shown}")
    return Chart(figure, alt or f"Radardiagram ‘{title}’. {'. '.join(parts)}.")
