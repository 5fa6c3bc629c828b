"""The reflection's charts: a session's bars, gap and radar, and the trend over a traject, each value in words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lco_kit.reflectie.charts import report_charts, trend_chart
from lco_kit.reflectie.report import build_report
from lco_kit.reflectie.scoring import TrajectTrend, TrendPoint, trends
from lco_kit.reflectie.store import ReflectieStore
from tests.reflectie.sessions_with_answers import lco_session


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


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")


def test_charts_name_their_numbers_and_highlight_alerts(store: ReflectieStore) -> None:
    """Is there a chart per perspective, a gap chart whose alt text names the alerts, and a radar?"""
    code = lco_session(store)
    session = store.session(code)
    charts = report_charts(build_report(session, store.respondents(session.id)))
    alts = [c.alt for c in charts]
    assert alts[0].startswith("Staafdiagram ‘Cliënt (n = 1)’. Cliënt gehoord: 2;")
    assert alts[1].startswith("Staafdiagram ‘Deelnemer (n = 2)’. Cliënt gehoord: 4,5;")
    gap = next(a for a in alts if "Verschil" in a)
    assert "Cliënt gehoord: -2,3" in gap and "Signaal bij: Cliënt gehoord, Wat goed gaat" in gap
    assert alts[-1].startswith("Radardiagram ‘Alle dimensies samen’. Cliënt — Cliënt gehoord: 2,")
