"""The printed card set: a cover page with the seating, then one card per page (A4).

Examples:
    >>> from lco_kit.casus import simulate_casus
    >>> cards_pdf(simulate_casus(3)).startswith(b"%PDF")
    True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from lco_kit.casus import Casus
from lco_kit.pdf import PdfDocument
from lco_kit.rollenspel.cards import Rolkaart, role_cards
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = ["cards_pdf", "cards_pdf_filename"]


def cards_pdf_filename(casus: Casus) -> str:
    """Return the file name of the printed card set."""
    return f"rolkaarten-{casus.id}.pdf"


def cards_pdf(
    casus: Casus,
    cards: Sequence[Rolkaart] | None = None,
    seats: Mapping[str, str] | None = None,
    made_on: date | None = None,
) -> bytes:
    """Return the card set as a PDF: a cover page with the seating, then one card per page.

    Args:
        casus: The casus played.
        cards: The cards (default: :func:`role_cards` of the casus).
        seats: Card key → the first name of the person who plays it.
        made_on: The date printed under the title (default: today).
    """
    cards = tuple(cards) if cards is not None else role_cards(casus)
    seats = seats or {}
    doc = PdfDocument(
        rollenspel_text("pdf_titel", titel=casus.titel), rollenspel_text("pdf_ondertitel"), made_on=made_on
    )
    doc.paragraph(rollenspel_text("pdf_uitleg"))
    doc.heading(rollenspel_text("pdf_tafel"))
    doc.table(
        [rollenspel_text("pdf_kolom_zitje"), rollenspel_text("pdf_kolom_rol"), rollenspel_text("pdf_kolom_persoon")],
        [[seats.get(card.sleutel, rollenspel_text("pdf_niet_toegewezen")), card.titel, card.persoon] for card in cards],
        widths=(40, 55, 79),
    )
    for card in cards:
        doc.page_break()
        doc.heading(card.label)
        if card.sleutel in seats:
            doc.paragraph(rollenspel_text("pdf_voor", naam=seats[card.sleutel]))
        doc.paragraph(rollenspel_text("pdf_persoonlijk"), italic=True)
        for part in card.delen:
            doc.heading(rollenspel_text("pdf_kop_openbaar", kop=part.kop) if part.openbaar else part.kop, level=2)
            doc.bullets(list(part.regels))
    return doc.to_bytes()
