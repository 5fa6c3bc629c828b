"""The start page's print panel: a programme's PDFs as downloads, each under its own name."""

from __future__ import annotations

import base64
import re

import pytest

from lco_kit.charts import Chart
from lco_kit.ui.afdrukken import AfdrukPaneel, print_panel
from lco_kit.ui.start import start_page


@pytest.fixture(autouse=True)
def small_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render charts at a low resolution: the same page, far less time."""
    original = Chart.png
    monkeypatch.setattr(Chart, "png", lambda self, dpi=110: original(self, dpi=max(12, dpi // 10)))


def test_the_panel_offers_every_pdf_of_the_chosen_programme() -> None:
    """Does ‘intervisie’ plus a click offer the draaiboek, the worksheet and the placemat as PDFs?"""
    panel = print_panel()
    panel.choice.value = "intervisie"
    panel.make_button.click()
    names = [link.filename for link in panel.links.children]
    assert names == ["draaiboek-intervisie.pdf", "intervisie-werkblad.pdf", "placemat-a4.pdf"]
    first = panel.links.children[0].value
    data = base64.b64decode(re.search(r"base64,([^\"]+)", first).group(1))  # type: ignore[union-attr]
    assert data.startswith(b"%PDF-")
    assert "Klaar: 3 documenten" in panel.messages.text


def test_another_choice_clears_the_links() -> None:
    """Does choosing another programme take away the links of the previous one?"""
    panel = print_panel()
    panel.choice.value = "intervisie"
    panel.make_button.click()
    panel.choice.value = "reflectiedag"
    assert panel.links.children == ()


def test_the_start_page_shows_the_panel() -> None:
    """Is the print panel on the start page?"""
    page = start_page()
    assert any(isinstance(child, AfdrukPaneel) for child in page.children)
