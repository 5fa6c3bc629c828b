"""The harvest PDF and the worksheet: refused with the findings, else clean, Dutch and complete."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from lco_kit.errors import LcoError
from lco_kit.intervisie import Intervisie, harvest_filename, harvest_pdf, load_method, werkblad_pdf
from tests._pdfcheck import check_document
from tests.casus.conftest import joined
from tests.intervisie.conftest import clean_form


def text_of(data: bytes) -> str:
    """Return every page's text, whitespace flattened."""
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def harvested() -> Intervisie:
    """Return an intervisie on an own casus with notes in two rounds and two learning points."""
    session = Intervisie()
    session.use_own_casus(clean_form())
    session.roles = {"inbrenger": "Sofie", "voorzitter": "Karim"}
    session.set_note("leervraag", "Ze voelt zich niet gehoord aan tafel.")
    session.set_note("advies", "Begin het volgende overleg bij wat goed gaat.")
    session.add_point("Eerst vragen wat goed gaat", "positief")
    session.add_point("De cliënt kiest zelf wie aan tafel zit", None)
    return session


def test_the_harvest_holds_question_notes_and_points_with_their_principle() -> None:
    """Does the harvest hold the learning question, the notes per round, and each point with its principle?"""
    data = harvest_pdf(harvested(), made_on=date(2026, 3, 2))
    check_document(data)
    text = text_of(data)
    assert "Oogst van de intervisie: Een moeder die niet meer komt" in text
    assert "“Hoe kan ik haar opnieuw aan tafel krijgen?”" in text
    assert "Ze voelt zich niet gehoord aan tafel." in text
    assert "Geen notities bij deze ronde." in text
    assert "Positieve hulpverlening" in text and "(geen principe gekozen)" in text
    assert harvest_filename(harvested()) == "intervisie-oogst-eigen-casus.pdf"


def test_notes_with_an_email_address_are_refused_with_the_finding() -> None:
    """Is the harvest refused while a note holds an e-mail address, naming the round and masking it?"""
    session = harvested()
    address = joined("sofie.janssens", "@example.be")
    session.set_note("vragen", f"Stuur het naar {address}.")
    with pytest.raises(LcoError) as caught:
        harvest_pdf(session)
    message = str(caught.value)
    assert "Notities bij ronde 2" in message and "e-mailadres" in message
    assert address not in message
    session.set_note("vragen", "Stuur het naar de inbrenger.")
    assert harvest_pdf(session).startswith(b"%PDF-")


def test_the_worksheet_has_every_round_and_role() -> None:
    """Does the worksheet list each role and each round with its minutes?"""
    data = werkblad_pdf(made_on=date(2026, 3, 2))
    check_document(data)
    text = text_of(data)
    for number, ronde in enumerate(load_method().rondes, start=1):
        assert f"Ronde {number}: {ronde.titel} ({ronde.minuten} minuten)" in text
    assert "Tijdsbewaker" in text
