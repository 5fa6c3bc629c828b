"""The casus page's HTML parts: every value escaped, nothing that is not shared, a casus that is no LCO says so."""

from __future__ import annotations

import html
from typing import get_args

import pytest

from lco_kit.casus import Bron, Casus, casus_text, list_casussen, load_casus, simulate_casus
from lco_kit.ui.casus_html import card_html, knelpunten_html, providers_html, wishes_html
from tests.casus.conftest import casus_data


def test_html_parts_escape_every_value() -> None:
    """Do the card, wishes, providers and knelpunten escape text from the casus?"""
    casus = load_casus("gezin-rita-leopoldsburg")
    evil = casus.model_copy(update={"titel": "<i>x</i>", "hulpvraag": "<u>y</u>"})
    assert "<i>" not in card_html(evil) and "&lt;i&gt;x&lt;/i&gt;" in card_html(evil)
    assert "<u>" not in wishes_html(evil)
    assert providers_html(casus).count('class="lco-kaart"') == len(casus.hulpverleners)
    assert knelpunten_html(casus).count("<li>") == len(casus.knelpunten)


@pytest.mark.parametrize("casus", list_casussen(), ids=lambda c: c.id)
def test_the_projected_page_never_shows_what_is_not_shared(casus: Casus) -> None:
    """For every curated casus: does the page (shown to a group) leave out every niet_delen text?"""
    shown = html.unescape(card_html(casus) + wishes_html(casus) + providers_html(casus) + knelpunten_html(casus))
    for item in casus.niet_delen:
        assert item.onderwerp not in shown
        assert not item.reden or item.reden not in shown


def test_a_casus_that_is_no_lco_says_so_on_its_card() -> None:
    """Does the card of a ‘geen_lco’ casus say that it is no LCO, and why?"""
    casus = Casus.model_validate(casus_data(toestemming=False, geen_lco="Mira wil geen overleg."))
    assert "Dit is geen LCO: Mira wil geen overleg." in html.unescape(card_html(casus))


@pytest.mark.parametrize("bron", get_args(Bron))
def test_every_source_of_a_casus_has_its_label_on_the_card(bron: Bron) -> None:
    """Does the card say where the casus came from, for every source a casus can have (a follow-up too)?"""
    shown = card_html(simulate_casus(3), bron)
    assert html.escape(casus_text(f"pagina_herkomst_{bron}"), quote=False) in shown
