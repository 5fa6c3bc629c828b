"""The reflection's PDFs: the report (remarks as text, the trend), the paper questionnaire, the key card."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from lco_kit.reflectie.documenten import key_card_pdf, paper_pdf, report_pdf
from lco_kit.reflectie.report import (
    build_report,
    traject_trend,
)
from lco_kit.reflectie.store import ReflectieStore
from tests.reflectie.sessions_with_answers import (
    lco_session,
    text_of,
    traject_of_three,
)


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")


def test_pdf_report_shows_remarks_as_plain_text(store: ReflectieStore) -> None:
    """Does the PDF print a remark with markup literally, and the summary numbers?"""
    code = lco_session(store)
    session = store.session(code)
    text = text_of(report_pdf(build_report(session, store.respondents(session.id))))
    assert "<b>vet</b>" in text and "onerror" in text
    assert "Reflectie: Opvolging gezin" in text
    assert "Cliënt gehoord 2,0 4,5 4,0 4,3 -2,3 signaal" in text


def test_paper_version_lists_every_item_with_boxes() -> None:
    """Does the paper form of the client hold every client item, the words of the scale and 'Weet ik niet'?"""
    from lco_kit.reflectie.instrument import load_instrument

    instrument = load_instrument()
    text = text_of(paper_pdf(instrument, "client"))
    for item in instrument.perspective("client").items:
        assert item.tekst.split()[0] in text
    assert "Ik weet bij wie ik terecht kan als er iets is." in text
    assert "Weet ik niet" in text and "☐" in text
    assert "c_hoop" in text  # the facilitator's key for typing it over


def test_the_pdf_shows_the_trend_as_a_chart_and_a_table(store: ReflectieStore) -> None:
    """Does the PDF of the third LCO hold the trend chart (its alt text) and the table with the three dates?"""
    reports = traject_of_three(store)
    pdf = report_pdf(reports[-1], traject_trend(reports))
    text = text_of(pdf)
    assert "Lijndiagrammen ‘Verloop van het verschil cliënt min hulpverleners’" in text
    assert "Cliënt gehoord -3,0 -1,0 +0,0 +3,0" in text
    assert text.count(reports[0].session.aangemaakt_op.strftime("%d/%m/%Y")) >= 6  # alt text and table headers
    images = [
        sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages) for data in (pdf, report_pdf(reports[-1]))
    ]
    assert images[0] == images[1] + 1


def test_the_key_card_holds_code_secret_date_and_what_it_opens(store: ReflectieStore) -> None:
    """Does the key card PDF print the session code, the secret, the date and that it opens the whole traject?"""
    opened = store.create_session(title="Gezin aan de Maas")
    text = text_of(key_card_pdf(opened.session, opened.secret))
    assert f"Sessie {opened.session.code}" in text and f"Geheim {opened.secret}" in text
    assert f"Geopend op {opened.session.aangemaakt_op.strftime('%d/%m/%Y')}" in text
    assert "één" in text and "traject" in text and "opvolg-LCO" in text
