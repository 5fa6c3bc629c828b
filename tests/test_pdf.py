"""The one PDF writer: A4, Dutch text that survives, charts with their alt text."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from lco_kit.charts import bar_chart
from lco_kit.pdf import PdfDocument


def read(data: bytes) -> PdfReader:
    """Open PDF bytes."""
    return PdfReader(io.BytesIO(data))


def test_document_is_a4_with_dutch_text_and_page_numbers() -> None:
    """Is the document A4, with Dutch characters intact and 'pagina 1 van N' in the footer?"""
    doc = PdfDocument("Casus: een nieuwe start", subtitle="Handout", made_on=date(2026, 3, 5))
    doc.heading("Wat goed gaat")
    doc.paragraph("Cliënt Mira – zorgzame moeder – kiest zelf haar spilfiguur: €50 per week “leefgeld”.")
    doc.bullets(["Financiën", "Huisvesting"])
    doc.key_values([("Leeftijd", "34")])
    doc.table(["Wat", "Wie", "Tegen wanneer"], [["Budgetplan opmaken", "OCMW", "15 april"]])
    doc.chart(bar_chart(["Financiën"], [2], "Profiel"))
    pdf = read(doc.to_bytes())
    page = pdf.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Cliënt Mira – zorgzame moeder" in text
    assert "“leefgeld”" in text
    assert "5 maart 2026" in text
    assert f"pagina 1 van {len(pdf.pages)}" in text
    assert "Staafdiagram ‘Profiel’" in text
    assert pdf.metadata.title == "Casus: een nieuwe start"


def test_same_content_gives_the_same_bytes() -> None:
    """Does the same content on the same day give a byte-identical file?"""

    def make() -> bytes:
        doc = PdfDocument("Verslag", made_on=date(2026, 1, 1))
        doc.paragraph("Afspraak 1")
        return doc.to_bytes()

    assert make() == make()


def test_markup_in_text_is_printed_as_text() -> None:
    """Is markup a user typed printed literally, not interpreted?"""
    doc = PdfDocument("Test", made_on=date(2026, 1, 1))
    doc.paragraph("<b>vet</b> **ster**")
    text = read(doc.to_bytes()).pages[0].extract_text()
    assert "<b>vet</b> **ster**" in text
