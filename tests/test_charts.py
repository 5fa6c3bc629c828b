"""Charts: PNG bytes, alt text that carries the numbers, and no pyplot anywhere in the kit."""

from __future__ import annotations

from pathlib import Path

from lco_kit.charts import bar_chart, line_chart, radar_chart

PNG = b"\x89PNG\r\n\x1a\n"


def test_bar_chart_renders_png_and_describes_every_bar() -> None:
    """Does a bar chart render to PNG with every label and value in its alt text?"""
    chart = bar_chart(["Financiën", "Huisvesting", "Werk"], [2, 4.5, None], "Profiel")
    assert chart.png().startswith(PNG)
    assert chart.alt == "Staafdiagram ‘Profiel’. Financiën: 2; Huisvesting: 4,5; Werk: geen waarde."


def test_line_chart_alt_names_each_series() -> None:
    """Does a line chart's alt text name each series with its values?"""
    chart = line_chart([2009, 2010], {"LCO's": [634, 833]}, "Aantal LCO's per jaar")
    assert chart.png().startswith(PNG)
    assert "LCO's — 2009: 634, 2010: 833" in chart.alt


def test_radar_chart_handles_missing_values() -> None:
    """Does a radar chart draw with a missing value and say so?"""
    chart = radar_chart(["Gehoord", "Afspraken", "Perspectief"], {"Cliënt": [4, None, 3.5]}, "Reflectie")
    assert chart.png().startswith(PNG)
    assert "Afspraken: geen waarde" in chart.alt


def test_the_kit_never_uses_pyplot() -> None:
    """Is pyplot absent from the package (charts go through widgets.Image, never global figures)?"""
    package = Path(__file__).resolve().parents[1] / "lco_kit"
    offenders = [
        p.name
        for p in package.rglob("*.py")
        if "matplotlib.pyplot" in p.read_text(encoding="utf-8") or "import pyplot" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
