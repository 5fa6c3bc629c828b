"""The print pack and the ready programmes: every document from its data file, printed cleanly."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lco_kit.charts import Chart
from lco_kit.content import load_model
from lco_kit.drukwerk import (
    PROGRAMMAS,
    Draaiboek,
    document_label,
    draaiboek_pdf,
    draaiboeken,
    drukstuk_pdf,
    load_drukstuk,
    pack_codes,
    programme_documents,
    write_programme,
)
from lco_kit.errors import ContentError, LcoError
from lco_kit.rollenspel.card_texts import card_contents
from lco_kit.rollenspel.checks import checklist
from tests._pdfcheck import check_document

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
_VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+")


def syllables(word: str) -> int:
    """Return a Dutch word's syllables, counted as groups of vowels (``ij`` and ``ui`` count once)."""
    return max(1, len(_VOWELS.findall(word.lower())))


def flesch_douma(text: str) -> float:
    """Return the Flesch-Douma reading ease of a Dutch text (higher is easier; 80+ is easy)."""
    sentences = [s for s in re.split(r"[.!?]+", text) if s.strip()]
    words = re.findall(r"[A-Za-zÀ-ÿ]+", text)
    syllable_count = sum(syllables(w) for w in words)
    return 206.835 - 0.93 * (len(words) / len(sentences)) - 77 * (syllable_count / len(words))


def pdf_text(data: bytes) -> str:
    """Return every page's text, whitespace flattened."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(autouse=True)
def small_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render charts at a low resolution: the same shape on the page, far less time."""
    original = Chart.png
    monkeypatch.setattr(Chart, "png", lambda self, dpi=110: original(self, dpi=max(12, dpi // 10)))


def test_readability_function_tells_easy_from_hard() -> None:
    """Does the readability function score short plain sentences high and long official ones low?"""
    assert flesch_douma("Jij zegt wat je wil. Wij luisteren. Samen maken we een plan.") > 90
    hard = (
        "De multidisciplinaire afstemming tussen de verschillende hulpverleningsorganisaties "
        "veronderstelt een geïntegreerde benadering van de problematiek."
    )
    assert flesch_douma(hard) < 20


def test_the_client_folder_is_easy_to_read() -> None:
    """Does the easy-read folder 'Wat is een LCO?' reach Flesch-Douma 80 or more, with short lines?"""
    folder = load_drukstuk("folder-client")
    assert folder.leesbaar
    lines = [p.tekst for block in folder.blokken for p in block.picto]
    assert len(lines) >= 10
    assert flesch_douma(" ".join(lines)) >= 80
    sentences = [s for line in lines for s in re.split(r"(?<=[.?!])\s+", line)]
    assert max(len(sentence.split()) for sentence in sentences) <= 10
    assert all(line.count(".") + line.count("?") <= 2 for line in lines)
    text = pdf_text(drukstuk_pdf("folder-client"))
    assert "Wat is een LCO?" in text and "☺" in text


def test_the_placemat_holds_the_role_plays_spelregels_on_a3_and_a4() -> None:
    """Does the placemat print every spelregel of the role-play's cards, on A3 and on A4?"""
    rules = card_contents().spelregels
    for code, a3 in (("placemat-a3", True), ("placemat-a4", False)):
        data = drukstuk_pdf(code)
        check_document(data, a3=a3)
        text = pdf_text(data)
        for rule in rules:
            first_words = " ".join(rule.replace("{client}", "de cliënt").split()[:4])
            assert first_words[1:] in text


def test_the_preparation_sheet_holds_the_eight_questions_of_the_role_play() -> None:
    """Does the requester's sheet hold the eight questions from the role-play's own checklist?"""
    questions = checklist().vragen
    assert len(questions) == 8
    text = pdf_text(drukstuk_pdf("voorbereiding"))
    for question in questions:
        assert question.vraag in text


@pytest.mark.parametrize("programma", PROGRAMMAS)
def test_afdrukken_writes_every_document_of_a_programme(programma: str, tmp_path: Path) -> None:
    """Does a programme write its draaiboek and each document it names: A4 (A3 placemat), titled, Dutch, clean?"""
    written = write_programme(programma, tmp_path / "map")
    names = {path.name for path in written}
    for book in draaiboeken(programma):
        assert f"draaiboek-{book.code}.pdf" in names
        for item in book.afdrukken:
            assert item.document.replace(":", "-") + ".pdf" in names
    for path in written:
        check_document(path.read_bytes(), a3=path.name == "placemat-a3.pdf")


def test_every_pack_document_prints_cleanly() -> None:
    """Does every document of the pack (also those no programme names) print cleanly?"""
    for code in [*pack_codes(), "placemat-a4", "voorbereiding", "intervisie-werkblad"]:
        check_document(drukstuk_pdf(code))


def test_the_programmes_are_there_with_the_asked_lengths() -> None:
    """Are there an introduction (half and full day), a 90-minute intervisie and a half-day reflectiedag for 40-100?"""
    books = {book.code: book for book in draaiboeken()}
    assert books["introductie-halve-dag"].minuten <= 4 * 60 < books["introductie-volle-dag"].minuten
    assert books["intervisie"].minuten == 90
    assert books["reflectiedag"].minuten <= 4 * 60
    assert "40 tot 100" in books["reflectiedag"].groep
    for book in books.values():
        assert any(part.nabespreking for part in book.onderdelen), book.code
        assert book.zaal and book.netwerk and book.noodplan


def test_every_page_a_draaiboek_names_exists_and_every_document_is_known() -> None:
    """Does each part's page exist in notebooks/, and does each document to print have a name?"""
    for book in draaiboeken():
        for part in book.onderdelen:
            if part.pagina:
                assert (NOTEBOOKS / f"{part.pagina}.ipynb").is_file(), f"{book.code}: {part.pagina}"
        for item in book.afdrukken:
            assert document_label(item.document)


def test_the_draaiboek_shows_times_pages_and_what_to_print() -> None:
    """Does the intervisie draaiboek print the start times, the page's title and what to print?"""
    book = next(b for b in draaiboeken("intervisie"))
    text = pdf_text(draaiboek_pdf(book))
    assert "13.30" in text and "15.00" in text
    assert "Werkblad voor de intervisie" in text
    assert "Als het netwerk uitvalt" in text


def test_an_unknown_programme_or_document_is_refused_in_dutch() -> None:
    """Is an unknown programme or document refused with a Dutch sentence listing the choices?"""
    with pytest.raises(LcoError, match=r"Het programma ‘feest’ ken ik niet\. Kies uit: introductie"):
        programme_documents("feest")
    with pytest.raises(LcoError, match="Het document ‘brochure’ ken ik niet"):
        drukstuk_pdf("brochure")


def test_a_draaiboek_with_an_unknown_field_names_file_line_and_field(tmp_path: Path) -> None:
    """Is a facilitator's draaiboek with a typo in a field refused with the file, the line and the field?"""
    path = tmp_path / "mijn-dag.yaml"
    path.write_text(
        "schema_version: 1\ncode: mijn-dag\nprogramma: introductie\ntitel: Dag\n"
        "bron: Een eigen programma voor ons team.\nvoor_wie: iedereen\ngroep: 8\nbegin: '09:00'\n"
        "leerdoelen: [x]\nduurtijd: 3\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_model(Draaiboek, path)
    message = str(caught.value)
    assert "mijn-dag.yaml" in message and "regel 10" in message and "duurtijd" in message
