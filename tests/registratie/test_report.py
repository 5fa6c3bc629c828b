"""The yearly report and the signalennota."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from lco_kit.registratie import (
    Registration,
    Selection,
    build_overview,
    jaarrapport_pdf,
    signalennota_pdf,
)
from lco_kit.registratie.texts import policy_questions


def pdf_text(data: bytes) -> str:
    """Return the text of every page of a PDF, lines joined by spaces, page footers left out."""
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r" ?lco-kit · [^·]*? pagina \d+ van \d+", "", text)


@pytest.fixture(scope="module")
def report_text(simulated: Registration) -> str:
    """Return the text of the yearly report of the simulated data."""
    data = jaarrapport_pdf(build_overview(simulated, made_on=date(2026, 11, 22)))
    assert data.startswith(b"%PDF-")
    return pdf_text(data)


def test_the_report_has_cover_key_figures_and_sections(report_text: str) -> None:
    """Does the yearly report name the period, the key figures and each section?"""
    assert "Jaarrapport lokaal cliëntoverleg" in report_text
    assert "2009–2016 · alle gemeenten in de gegevens (44) · 22 november 2026" in report_text
    assert "LCO's 7.526" in report_text
    for heading in (
        "Kerncijfers",
        "Per jaar",
        "Per gemeente",
        "Levensdomeinen en aanvragers",
        "Knelpunten",
        "Over deze cijfers",
    ):
        assert heading in report_text


def test_the_report_compares_with_the_published_totals(report_text: str) -> None:
    """Does the report say the counts match the province's published totals?"""
    assert (
        "Voor 2009–2016 komt het aantal geldige registraties overeen met het totaal dat de provincie publiceerde."
        in report_text
    )


def test_the_report_explains_suppression_and_lists_invalid_rows(report_text: str) -> None:
    """Does the report explain the hidden counts and list the invalid rows with their row numbers?"""
    assert "aantallen van 1 tot en met 5 min 1 verborgen" in report_text
    assert "12 rijen uit het bestand zijn niet meegeteld" in report_text
    assert "7528 datum 31/02/" in report_text


def test_the_report_holds_no_remark(simulated: Registration, report_text: str) -> None:
    """Is no text from the ‘opmerking’ column in the report?"""
    remarks = {str(r) for r in simulated.rows["opmerking"].dropna().unique()}
    assert remarks and not any(r in report_text for r in remarks)


def test_the_signalennota_bundles_knelpunten_with_questions_for_policy(simulated: Registration) -> None:
    """Does the signalennota name each knelpunt with its count, trend, places and question for policy?"""
    text = pdf_text(signalennota_pdf(build_overview(simulated)))
    assert "Signalennota: knelpunten uit het lokaal cliëntoverleg" in text
    assert "Waarom deze nota" in text and "In het kort" in text
    assert "Elk jaar terug, in minstens de helft van de gemeenten:" in text
    assert "Steeds vaker genoemd: Betaalbare huisvesting" in text
    assert "Het vaakst in: Hasselt" in text or "Het vaakst in: Genk" in text
    question = " ".join(policy_questions()["wachtlijsten"].split())
    assert question[:60] in text


def test_a_small_selection_hides_small_numbers_in_the_pdfs(simulated: Registration) -> None:
    """For one small municipality and one year, are small counts ‘verborgen’ in both PDFs?"""
    view = build_overview(simulated, Selection(years=(2014,), gemeenten=("Herstappe", "Voeren")))
    assert view.partial
    report = pdf_text(jaarrapport_pdf(view))
    assert "verborgen" in report
    assert "Omdat maar een deel van de gemeenten gekozen is" in report
    nota = pdf_text(signalennota_pdf(view))
    assert "te weinig keer genoemd om te tonen" in nota


def test_an_empty_selection_still_gives_a_readable_pdf(simulated: Registration) -> None:
    """With no valid rows in the choice, do both PDFs say so instead of failing?"""
    view = build_overview(simulated, Selection(years=(2030,)))
    assert "Voor deze keuze van jaren en gemeenten zijn er geen geldige registraties" in pdf_text(jaarrapport_pdf(view))
    assert "geen geldige registraties" in pdf_text(signalennota_pdf(view))
