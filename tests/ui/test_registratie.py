"""The registration page as widgets: loading, choosing, charts, the invalid rows, downloads — without a browser."""

from __future__ import annotations

import base64
import re

import pytest

from lco_kit.registratie import simulated_export
from lco_kit.ui.registratie import RegistratiePagina, html_table
from tests.registratie.conftest import csv_bytes, good_row, xlsx_bytes


@pytest.fixture(scope="module")
def page() -> RegistratiePagina:
    """Return the page as it opens: showing the simulated registration."""
    return RegistratiePagina(threaded=False)


def html_of(widget: object) -> str:
    """Return all HTML values inside a widget tree, joined."""
    found: list[str] = []

    def walk(node: object) -> None:
        value = getattr(node, "value", None)
        if isinstance(value, str):
            found.append(value)
        for child in getattr(node, "children", ()):
            walk(child)

    walk(widget)
    return "\n".join(found)


def with_class(widget: object, css: str) -> list[object]:
    """Return every widget in the tree that carries a CSS class."""
    found = []

    def walk(node: object) -> None:
        if css in getattr(node, "_dom_classes", ()):
            found.append(node)
        for child in getattr(node, "children", ()):
            walk(child)

    walk(widget)
    return found


def test_the_page_opens_with_the_simulated_data_and_says_so(page: RegistratiePagina) -> None:
    """Does the page open on the simulated registration, explaining what is real and what is invented?"""
    assert "lco-registratie" in page._dom_classes
    assert "gesimuleerde gegevens" in page.messages.text
    assert "7.538 rijen gelezen: 7.526 geldig, 12 ongeldig" in page.source_line.value
    assert len(page.year_boxes) == 8 and len(page.gemeente_boxes) == 44


def test_every_chart_is_an_image_with_alt_text_and_the_invalid_count(page: RegistratiePagina) -> None:
    """Is every chart a PNG image with alt text, its note naming the 12 invalid rows, with a PNG download?"""
    charts = with_class(page, "lco-grafiek-vak")
    assert len(charts) == 7
    for box in charts:
        image = with_class(box, "lco-grafiek")[0]
        assert bytes(image.value).startswith(b"\x89PNG")
        assert len(image.tooltip) > 40
        assert "Niet meegeteld: 12 ongeldige rijen." in image.tooltip
        html = html_of(box)
        assert "Niet meegeteld: 12 ongeldige rijen." in html
        assert 'download="lco-' in html and ".png" in html


def test_the_invalid_rows_table_lists_each_row_as_text(page: RegistratiePagina) -> None:
    """Does the table of invalid rows list each with its row number, column, value and reason?"""
    html = html_of(with_class(page, "lco-ongeldige-rijen-vak")[0])
    assert html.count("<tr>") == 12 + 1
    assert "<td>7528</td><td>datum</td><td>31/02/2016</td>" in html
    assert "12 ongeldige rijen (12 problemen)" in html


def test_text_from_a_file_is_escaped_and_remarks_are_never_shown() -> None:
    """Is markup in a file's cells shown as text, and does no remark (opmerking) appear anywhere?"""
    page = RegistratiePagina(threaded=False, simulated=False)
    rows = [good_row(opmerking="Geheime notitie over mevrouw X") for _ in range(6)]
    rows.append(good_row(gemeente="<script>alert(1)</script>", datum="<b>vet</b>"))
    page.load("export <i>.csv", csv_bytes(rows))
    html = html_of(page)
    assert "<script>" not in html and "<b>vet</b>" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html
    assert "export &lt;i&gt;.csv" in html
    assert "Geheime notitie" not in html


def test_an_uploaded_csv_is_read_checked_and_shown_with_progress() -> None:
    """Does an uploaded CSV replace the figures, with the progress bar finished and a warning about invalid rows?"""
    page = RegistratiePagina(threaded=False, simulated=False)
    seen: list[float] = []
    page.progress.bar.observe(lambda change: seen.append(change["new"]), "value")
    page.upload.receive("registratie.csv", simulated_export(4, "2013-2014", fouten=3))
    assert page.progress.bar.value == 1.0 and page.progress.bar.bar_style == "success"
    assert len(set(seen)) >= 3
    assert "Klaar." in page.progress.label.value
    assert "3 rijen tellen niet mee" in page.messages.text
    assert sorted(page.year_boxes) == [2013, 2014]


def test_a_file_of_the_wrong_type_or_size_is_refused_in_dutch() -> None:
    """Is a .pdf or a file over 25 MB refused by the upload, in Dutch?"""
    page = RegistratiePagina(threaded=False, simulated=False)
    page.upload._changed({"new": [{"name": "verslag.pdf", "content": b"%PDF"}]})
    assert "verslag.pdf" in page.upload.messages.text and ".csv of .xlsx" in page.upload.messages.text
    page.upload._changed({"new": [{"name": "groot.csv", "content": b"x" * 25_000_001}]})
    assert "te groot" in page.upload.messages.text


def test_a_file_that_is_not_a_table_gets_a_message_on_the_page() -> None:
    """Is a CSV that is really a letter refused with a Dutch message on the page, not a crash?"""
    page = RegistratiePagina(threaded=False, simulated=False)
    page.upload._changed({"new": [{"name": "brief.csv", "content": b"Beste,\nTot ziens\n"}]})
    assert "brief.csv: dit bestand is geen tabel" in page.messages.text
    assert page.progress.layout.display == "none"
    assert not page.apply_button.disabled


def test_missing_columns_open_the_mapping_step_which_then_reads_the_file() -> None:
    """When columns are missing, can the user tie the file's headers to them and read it after all?"""
    page = RegistratiePagina(threaded=False, simulated=False)
    header = (
        "Dag",
        "gemeente",
        "soort",
        "aanvrager",
        "client_aanwezig",
        "minderjarige_betrokken",
        "Aantal",
        "levensdomeinen",
        "knelpunten",
    )
    data = csv_bytes([list(good_row().values())[:9]], header=header)
    page.upload.receive("ander.csv", data)
    assert page.mapping_box.layout.display == ""
    assert "deze kolommen ontbreken: ‘datum’, ‘aantal_deelnemers’" in page.messages.text
    assert page.mapping_choices["gemeente"].value == "gemeente"
    page.mapping_choices["datum"].value = "Dag"
    page.mapping_button.click()
    assert page.messages.text == "Deze kolommen zijn verplicht en nog niet gekoppeld: aantal_deelnemers."
    assert page.registration is None
    page.mapping_choices["aantal_deelnemers"].value = "Aantal"
    page.mapping_button.click()
    assert page.registration is not None and page.registration.valid_rows == 1
    assert page.mapping_box.layout.display == "none"


def test_an_xlsx_with_several_sheets_offers_the_sheet_choice() -> None:
    """Does a workbook with two registration sheets offer a sheet choice that reads the other sheet?"""
    header = list(csv_bytes([]).decode("utf-8-sig").strip().split(";"))
    first = [header, list(good_row().values())]
    second = [header, *[list(good_row(gemeente="As").values()) for _ in range(3)]]
    page = RegistratiePagina(threaded=False, simulated=False)
    page.upload.receive("export.xlsx", xlsx_bytes({"2016": first, "2015": second}))
    assert page.sheet_box.layout.display == ""
    assert list(page.sheet_choice.options) == ["2016", "2015"]
    page.sheet_choice.value = "2015"
    page.sheet_button.click()
    assert page.registration is not None and page.registration.valid_rows == 3


def test_choosing_municipalities_recomputes_with_suppression(page: RegistratiePagina) -> None:
    """With only Voeren and Herstappe ticked, are small yearly counts hidden on the page?"""
    for name, box in page.gemeente_boxes.items():
        box.value = name in {"Voeren", "Herstappe"}
    page.apply_button.click()
    assert page.view is not None and page.view.partial
    html = html_of(with_class(page, "lco-jaartabel-vak")[0])
    assert "verborgen" in html
    assert "gepubliceerd" not in html_of(with_class(page, "lco-grafiek-trend")[0])
    page._set_gemeenten(True)
    page.apply_button.click()
    assert not page.view.partial


def test_choosing_nothing_is_a_dutch_message(page: RegistratiePagina) -> None:
    """Is clicking ‘Toon de cijfers’ with no municipality ticked answered with a Dutch message?"""
    page._set_gemeenten(False)
    page.apply_button.click()
    assert page.messages.text == "Kies minstens één gemeente."
    page._set_gemeenten(True)
    page.apply_button.click()


def test_the_report_and_the_signalennota_can_be_downloaded(page: RegistratiePagina) -> None:
    """Do the two buttons offer the yearly report and the signalennota as PDF downloads?"""
    page.report_button.click()
    page.nota_button.click()
    for link, name in (
        (page.report_link, "jaarrapport-lco-2009-2016.pdf"),
        (page.nota_link, "signalennota-lco-2009-2016.pdf"),
    ):
        assert f'download="{name}"' in link.value
        encoded = re.search(r"base64,([^\"]+)", link.value)
        assert encoded is not None and base64.b64decode(encoded.group(1)).startswith(b"%PDF-")


def test_tables_can_be_downloaded_for_excel(page: RegistratiePagina) -> None:
    """Does the table choice offer a CSV and an XLSX of the chosen table?"""
    page.export_choice.value = "ongeldige_rijen"
    assert 'download="ongeldige_rijen.csv"' in page.export_csv.value
    data = base64.b64decode(re.search(r"base64,([^\"]+)", page.export_csv.value).group(1))  # type: ignore[union-attr]
    assert data.decode("utf-8-sig").splitlines()[0] == "rij;kolom;waarde;reden"
    assert 'download="ongeldige_rijen.xlsx"' in page.export_xlsx.value


def test_the_templates_are_offered(page: RegistratiePagina) -> None:
    """Are the CSV and Excel templates offered for download?"""
    html = html_of(with_class(page, "lco-sjablonen")[0])
    assert 'download="registratie-sjabloon.csv"' in html and 'download="registratie-sjabloon.xlsx"' in html


def test_tables_escape_every_cell() -> None:
    """Is every cell and caption of a page table escaped?"""
    html = html_table(["<a>"], [["<img src=x>"]], "<i>bijschrift</i>", "x")
    assert "<img" not in html and "&lt;img src=x&gt;" in html and "&lt;i&gt;bijschrift" in html


def test_a_file_without_valid_rows_still_shows_its_problems_and_pdfs() -> None:
    """With only invalid rows, does the page say so, list them, and still make a PDF without a year in its name?"""
    page = RegistratiePagina(threaded=False, simulated=False)
    page.load("fout.csv", csv_bytes([good_row(datum="x"), good_row(soort="?")]))
    assert "2 rijen tellen niet mee" in page.messages.text
    assert "geen geldige registraties" in html_of(page.results)
    assert html_of(with_class(page, "lco-ongeldige-rijen-vak")[0]).count("<tr>") == 3
    page.report_button.click()
    assert 'download="jaarrapport-lco.pdf"' in page.report_link.value
    page.load("leeg.csv", csv_bytes([]))
    assert page.messages.text == "Het bestand heeft kolomkoppen maar nog geen registraties."


def test_progress_throttles_counters_but_shows_every_new_step_at_once() -> None:
    """Does a fast step still reach the screen while rapid counter updates are thinned out?"""
    from lco_kit.ui.registratie import _Progress

    progress = _Progress()
    progress.start("Begonnen")
    progress.update(0.1, "1.000 rijen gelezen…")
    progress.update(0.2, "2.000 rijen gelezen…")  # within a tenth of a second: the counter waits
    assert "1.000 rijen gelezen" in progress.label.value
    progress.update(0.5, "De kolom ‘datum’ wordt nagekeken…")  # a new step: shown at once
    assert "wordt nagekeken" in progress.label.value
    progress.update(0.6, "De kolom ‘gemeente’ wordt nagekeken…")
    assert "gemeente" in progress.label.value
