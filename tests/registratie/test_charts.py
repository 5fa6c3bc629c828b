"""The registration's charts: PNG, alt text with the numbers, hidden cells named, the note on invalid rows."""

from __future__ import annotations

import pandas as pd

from lco_kit.registratie import Registration, Selection, build_overview
from lco_kit.registratie.charts import bars_chart, note_line
from lco_kit.registratie.suppression import suppress_table


def test_the_trend_chart_says_the_registered_and_published_totals(simulated: Registration) -> None:
    """Does the trend chart's alt text give each year's count and the published total?"""
    chart = build_overview(simulated).chart("trend")
    assert chart.png().startswith(b"\x89PNG")
    assert "2014: 1.091 (gepubliceerd: 1091)" in chart.alt
    labels = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    assert labels == ["Deze registratie", "Gepubliceerd totaal Limburg"]


def test_every_chart_names_the_invalid_rows_left_out(simulated: Registration) -> None:
    """Does every chart carry, under it and in its alt text, how many rows count and how many were left out?"""
    view = build_overview(simulated)
    note = "Geteld: 7.526 geldige registraties. Niet meegeteld: 12 ongeldige rijen. Aantallen onder 5 zijn verborgen."
    assert view.note == note
    for name, chart in view.charts.items():
        assert note in chart.alt, name
        assert any(note == t.get_text() for t in chart.figure.texts), name


def test_hidden_bars_say_hidden_never_a_number() -> None:
    """Is a hidden count drawn as the word ‘verborgen’, in the chart and in its alt text?"""
    table = suppress_table(pd.DataFrame({"aantal": [3, 10, 12]}, index=["Voeren", "As", "Peer"]), 5)
    chart = bars_chart(table, "LCO's per gemeente", note_line(25, 0, 5))
    shown = [t.get_text() for t in chart.figure.axes[0].texts]
    assert shown.count("verborgen") == 2 and "12" in shown and "3" not in shown
    assert "Voeren: verborgen; As: verborgen; Peer: 12." in chart.alt
    assert "Totaal" not in chart.alt


def test_a_partial_selection_draws_no_published_line(simulated: Registration) -> None:
    """With only some municipalities chosen, is the published Limburg total left off the trend chart?"""
    chart = build_overview(simulated, Selection(gemeenten=("Genk", "As"))).chart("trend")
    assert chart.figure.axes[0].get_legend() is None
    assert "gepubliceerd" not in chart.alt


def test_no_remark_ever_reaches_a_chart(simulated: Registration) -> None:
    """Is no text from the ‘opmerking’ column in any chart or alt text?"""
    remarks = {str(r) for r in simulated.rows["opmerking"].dropna().unique()}
    assert remarks
    for chart in build_overview(simulated).charts.values():
        texts = [t.get_text() for ax in chart.figure.axes for t in ax.texts] + [chart.alt]
        assert not any(remark in text for remark in remarks for text in texts)
