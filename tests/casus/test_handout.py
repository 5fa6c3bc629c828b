"""The printable handout: everything a participant needs, as text in a PDF."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from lco_kit.casus import load_casus
from lco_kit.casus.handout import casus_handout, handout_filename, who_label


def pdf_text(data: bytes) -> str:
    """Return the text of every page of a PDF, with line breaks and spacing flattened."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_handout_holds_the_whole_casus() -> None:
    """Does the handout show the title, the request, every provider's view, the knelpunten and what not to share?"""
    casus = load_casus("gezin-nadia-maasmechelen")
    data = casus_handout(casus, made_on=date(2026, 3, 2))
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Casus: Robbe wil zelf mee beslissen" in text
    assert "2 maart 2026" in text
    assert "Ik wil dat we thuis weer gewoon kunnen praten" in text
    assert "Robbe, 15 jaar (zoon)" in text and "neemt zelf deel aan het overleg" in text
    for provider in casus.hulpverleners:
        assert " ".join(provider.visie.split())[:40] in text
    assert "Voor een therapeut voor jongeren is de wachttijd" in text
    assert "Wat de cliënt niet wil delen" in text and "Weet ervan: Veerle (Centrum Geestelijke" in text
    assert "Spilfiguur Bram (Jeugdhulp, contextbegeleiding)" in text
    assert "Afspraken van het vorige LCO" in text and "niet gelukt" in text
    assert "De schaal van de kit" in text and "Wankel evenwicht" in text
    assert "Netwerkkaart van Nadia: 4 hulpverleners rond de cliënt" in text


def test_a_chosen_spilfiguur_is_printed() -> None:
    """Is a spilfiguur chosen on the page printed instead of ‘nog niet gekozen’?"""
    casus = load_casus("gezin-rita-leopoldsburg")
    assert "nog niet gekozen" in pdf_text(casus_handout(casus))
    assert "Spilfiguur Annick (Pleegzorg Limburg)" in pdf_text(casus_handout(casus, spilfiguur="pleegzorg"))


def test_who_carries_an_agreement_reads_as_a_person() -> None:
    """Are provider ids and the words cliënt and coördinator shown as a person reads them?"""
    casus = load_casus("oudere-maria-bree")
    assert who_label(casus, "thuisverpleging") == "Els (Thuisverpleging)"
    assert who_label(casus, "cliënt") == who_label(casus, "client") == "de cliënt"
    assert who_label(casus, "Coördinator") == "de coördinator"
    assert handout_filename(casus) == "casus-oudere-maria-bree.pdf"
