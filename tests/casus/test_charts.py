"""The casus charts: the life-domain profile and the network map, with alt texts that say it all."""

from __future__ import annotations

from matplotlib.text import Text

from lco_kit.casus import load_casus, load_casus_file, simulate_casus
from lco_kit.casus.charts import domain_profile_chart, network_map
from lco_kit.charts import Chart
from tests.casus.conftest import casus_data, casus_yaml


def texts_of(chart: Chart) -> list[str]:
    """Return every text drawn on a chart (titles, labels, boxes)."""
    return [t.get_text() for t in chart.figure.findobj(Text) if t.get_text()]


def test_profile_shows_every_domain_with_its_score_and_strengths() -> None:
    """Does the profile chart draw a bar per domain, and does the alt text give score, level and strengths?"""
    casus = load_casus_file(casus_yaml().encode(), "x.yaml")
    chart = domain_profile_chart(casus)
    axes = chart.figure.axes[0]
    assert [round(bar.get_width()) for bar in axes.patches] == [2, 4, 3]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["Financiën", "Opvoeding", "Werk (tewerkstelling)"]
    assert "2 · zwaar belast" in texts_of(chart)
    assert chart.alt.startswith("Staafdiagram ‘Levensdomeinen van Mira’")
    assert "Financiën: 2 (zwaar belast); Opvoeding: 4 (stabiel), met sterkte: Vaste gewoontes" in chart.alt
    assert chart.png().startswith(b"\x89PNG")


def test_network_map_names_every_provider_by_sector() -> None:
    """Does the network map put the client in the centre and name each provider in the alt text by sector?"""
    casus = load_casus_file(casus_yaml().encode(), "x.yaml")
    chart = network_map(casus)
    drawn = "\n".join(texts_of(chart))
    assert "Mira\ncliënt" in drawn
    for provider in casus.hulpverleners:
        assert provider.naam is not None and provider.naam in drawn
    assert "3 hulpverleners rond de cliënt, in 3 sector(en)" in chart.alt
    assert (
        "OCMW/sociale dienst: Els, maatschappelijk werker van OCMW Genk, sociale dienst (ziet de cliënt regelmatig)"
        in chart.alt
    )
    assert "Er is nog geen spilfiguur gekozen." in chart.alt
    assert "SPILFIGUUR" not in drawn


def test_spilfiguur_is_marked_once_when_chosen() -> None:
    """Is the spilfiguur marked exactly once, from the casus or from a choice on the page?"""
    casus = load_casus_file(casus_yaml(opstelling={"spilfiguur": "caw"}).encode(), "x.yaml")
    marked = "\n".join(texts_of(network_map(casus)))
    assert marked.count("SPILFIGUUR") == 1 and "★ SPILFIGUUR\nTom, begeleider" in marked
    chosen = network_map(casus, spilfiguur="clb")
    assert "\n".join(texts_of(chosen)).count("SPILFIGUUR") == 1
    assert "Spilfiguur: Ann, CLB-medewerker van CLB Genk." in chosen.alt


def test_coordinator_stands_apart() -> None:
    """Is the coördinator drawn apart from the providers and named as neutral in the alt text?"""
    data = casus_data(opstelling={"coordinator": {"dienst": "OCMW Genk, LCO-coördinatie", "naam": "Ilse"}})
    chart = network_map(load_casus_file(casus_yaml(data).encode(), "x.yaml"))
    assert any(t.startswith("coördinator (neutraal)\nIlse") for t in texts_of(chart))
    assert "De coördinator (OCMW Genk, LCO-coördinatie) staat apart: neutraal" in chart.alt


def test_boxes_do_not_cover_each_other_with_many_providers() -> None:
    """With many providers, do the boxes of the network map stay apart?"""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    examples = [
        load_casus("schulden-dirk-hasselt"),
        load_casus("oudere-maria-bree"),
        simulate_casus(11, hulpverleners=8),
    ]
    for casus in examples:
        chart = network_map(casus)
        canvas = FigureCanvasAgg(chart.figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        boxes = [
            t.get_bbox_patch().get_window_extent(renderer)  # type: ignore[union-attr]
            for t in chart.figure.axes[0].texts
            if t.get_bbox_patch() is not None
        ]
        assert len(boxes) == len(casus.hulpverleners)
        for i, first in enumerate(boxes):
            for second in boxes[i + 1 :]:
                assert not first.overlaps(second), casus.id
