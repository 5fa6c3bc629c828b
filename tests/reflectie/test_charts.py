"""The trend chart over a traject: one panel per dimension, every value in its alt text."""

from __future__ import annotations

from datetime import date

from lco_kit.reflectie.charts import trend_chart
from lco_kit.reflectie.scoring import TrajectTrend, TrendPoint, trends


def test_one_panel_per_dimension_with_each_lco_named() -> None:
    """Does the chart draw a panel per dimension, each LCO's title and date on the axis, and say every value?"""
    points = (TrendPoint(date(2026, 1, 12), "Eerste LCO"), TrendPoint(date(2026, 4, 2), "Opvolging"))
    trend = TrajectTrend(
        points,
        (("gehoord", "Cliënt gehoord"), ("afspraken", "Afspraken"), ("spil", "Spilfiguur")),
        trends(
            [{"gehoord": -2.5, "afspraken": None, "spil": 0.0}, {"gehoord": -0.5, "afspraken": 1.0}],
            ["gehoord", "afspraken", "spil"],
        ),
        threshold=1.5,
    )
    chart = trend_chart(trend)
    panels = [ax for ax in chart.figure.axes if ax.get_visible()]
    assert [ax.get_title() for ax in panels] == ["Cliënt gehoord", "Afspraken", "Spilfiguur"]
    assert [t.get_text() for t in panels[0].get_xticklabels()] == ["Eerste LCO\n12/01/2026", "Opvolging\n02/04/2026"]
    assert "over 2 LCO's: Eerste LCO, 12/01/2026; Opvolging, 02/04/2026." in chart.alt
    assert "Cliënt gehoord: -2,5, -0,5 (verandering +2,0)" in chart.alt
    assert "Afspraken: geen waarde, +1,0;" in chart.alt and "Spilfiguur: +0,0, geen waarde." in chart.alt
    assert "signaalgrens (-1,5)" in chart.alt
    assert chart.png().startswith(b"\x89PNG")
