"""The printed card set: a cover with the seating, one card per page, the names on them."""

from __future__ import annotations

import io

from pypdf import PdfReader

from lco_kit.rollenspel.card_print import cards_pdf
from lco_kit.rollenspel.cards import role_cards
from tests.rollenspel.conftest import make_casus


def test_card_set_prints_one_card_per_page_with_the_seats() -> None:
    """Does the PDF hold a cover with the seating and one page per card, the names on them?"""
    casus = make_casus()
    cards = role_cards(casus)
    data = cards_pdf(casus, cards, {"coordinator": "Anouk", "client": "Bram"})
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= len(cards) + 1
    cover = reader.pages[0].extract_text()
    assert "Anouk" in cover and "(nog niemand)" in cover
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Deze kaart is voor: Bram" in text
    provider_pages = [p.extract_text() for p in reader.pages if "Hulpverlener (deelnemer) — Ann" in p.extract_text()]
    assert provider_pages and all("broer" not in page for page in provider_pages)
