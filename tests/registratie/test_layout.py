"""Recognising a registration file: kind, encoding, separator, sheet, header row and columns."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import pytest

from lco_kit.errors import LcoError
from lco_kit.registratie.layout import MissingColumnsError, inspect_file
from tests.registratie.conftest import (
    HEADER,
    csv_bytes,
    good_row,
    load,
    problems_by_row,
    xlsx_bytes,
)


def test_missing_columns_are_named_with_the_headers_found() -> None:
    """Does a file without required columns get one message naming them and the headers it has?"""
    data = csv_bytes([["14/03/2016", "Genk"]], header=("Datum", "Gemeente"))
    with pytest.raises(MissingColumnsError) as caught:
        load(data)
    message = str(caught.value)
    assert message.startswith("export.csv: deze kolommen ontbreken: ‘soort’, ‘aanvrager’")
    assert "De kolomkoppen op rij 1 zijn: ‘Datum’, ‘Gemeente’." in message
    assert caught.value.layout.match.columns == {"datum": 0, "gemeente": 1}


def test_a_mapping_reads_another_export() -> None:
    """Does mapping other headers to the registration's columns make another export readable?"""
    header = ("Dag", "Woonplaats cliënt", "Type", "Door", "Cliënt erbij", "Kinderen", "Aantal", "Domeinen", "Muren")
    row = ["14/03/2016", "Genk", "eerste", "CAW", "ja", "nee", "5", "Werk", ""]
    mapping = dict(zip(header, HEADER[:9], strict=True))
    registration = load(csv_bytes([row], header=header), mapping=mapping)
    assert registration.valid_rows == 1 and registration.invalid_rows == 0


def test_colliding_headers_are_refused_in_one_message() -> None:
    """Is a file with both ``Cliënt aanwezig`` and ``client_aanwezig`` refused, naming both?"""
    header = (*HEADER[:4], "Cliënt aanwezig", "client_aanwezig", *HEADER[5:9])
    with pytest.raises(LcoError, match="betekenen allebei ‘client_aanwezig’"):
        load(csv_bytes([["x"] * len(header)], header=header))


def test_title_rows_above_the_header_keep_the_spreadsheet_row_numbers() -> None:
    """With two title lines above the header, is the header row 3 and the first data row 4?"""
    data = csv_bytes([good_row(), good_row(datum="32/01/2016")], above=("Registratie LCO 2016;;;", ";;;"))
    registration = load(data)
    assert registration.layout is not None and registration.layout.header_row == 3
    assert registration.rows["rij"].tolist() == [4]
    assert problems_by_row(registration) == {5: [("datum", "32/01/2016")]}


@pytest.mark.parametrize(
    ("encoding", "sep", "name"),
    [
        ("utf-8-sig", ";", "UTF-8 met BOM"),
        ("utf-8", ",", "UTF-8"),
        ("cp1252", ";", "Windows-1252"),
        ("utf-16", "\t", "UTF-16"),
        ("utf-16-le", "\t", "UTF-16"),
    ],
)
def test_encodings_and_separators_are_detected(encoding: str, sep: str, name: str) -> None:
    """Are UTF-8 (with or without BOM), Windows-1252 and UTF-16 ‘Unicode text’ read, accents intact?"""
    rows = [good_row(levensdomeinen="Financiën", aanvrager="Cliënt", opmerking="één"), good_row(datum="x")]
    registration = load(csv_bytes(rows, encoding=encoding, sep=sep))
    assert registration.layout is not None and name in registration.layout.describe()
    assert registration.rows["aanvrager"].tolist() == ["client"]
    assert registration.rows["opmerking"].tolist() == ["één"]
    assert problems_by_row(registration) == {3: [("datum", "x")]}


def test_an_empty_file_gets_one_clear_message() -> None:
    """Is an empty file (or only a BOM and blank lines) refused with one Dutch message?"""
    for data in (b"", b"\xef\xbb\xbf\r\n\r\n"):
        with pytest.raises(LcoError, match="het bestand is leeg"):
            load(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 rest", "dit is een PDF-bestand, geen tabel"),
        (b"\x89PNG\r\n\x1a\n....", "dit is een afbeelding, geen tabel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "ouder Excel-bestand (.xls)"),
        (b"Beste collega,\nHierbij de cijfers.\nGroeten\n", "dit bestand is geen tabel"),
        (b"PK\x03\x04 kapot", "beschadigd"),
    ],
)
def test_a_file_that_is_not_a_table_gets_one_clear_message(data: bytes, message: str) -> None:
    """Is a PDF, an image, an old .xls, a letter or a damaged zip refused with one Dutch message?"""
    with pytest.raises(LcoError) as caught:
        load(data)
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_a_word_document_is_not_taken_for_excel() -> None:
    """Is a .docx (a zip without a workbook) refused as not a table?"""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(LcoError, match="dit is een zip- of Word-bestand, geen tabel"):
        load(buffer.getvalue(), "verslag.docx")


def test_xlsx_with_several_sheets_reads_the_first_with_the_columns() -> None:
    """With an explanation sheet first, is the first sheet that has the columns read, and can another be chosen?"""
    table = [list(HEADER[:9]), ["14/03/2016", "Genk", "eerste", "OCMW", "ja", "nee", 5, "Werk", ""]]
    older = [
        ["Registratie 2015"],
        [],
        list(HEADER[:9]),
        ["14/03/2015", "As", "opvolg", "CAW", "nee", "nee", 4, "Werk", ""],
    ]
    data = xlsx_bytes({"Uitleg": [["Zo vul je dit in"]], "2016": table, "2015": older})
    layout = inspect_file(data, "export.xlsx")
    assert layout.sheets == ("Uitleg", "2016", "2015") and layout.sheet == "2016"
    registration = load(data, "export.xlsx", sheet="2015")
    assert registration.layout is not None and registration.layout.header_row == 3
    assert registration.rows["rij"].tolist() == [4]
    assert registration.rows["gemeente"].astype(str).tolist() == ["As"]


def test_an_unknown_sheet_lists_the_sheets() -> None:
    """Is asking for a sheet that does not exist answered with the sheets there are?"""
    data = xlsx_bytes({"Blad1": [list(HEADER[:9])]})
    with pytest.raises(LcoError, match=re.escape("er is geen werkblad ‘2016’. De werkbladen zijn: ‘Blad1’.")):
        load(data, "export.xlsx", sheet="2016")


def test_xlsx_without_any_registration_sheet_is_a_clear_message() -> None:
    """Is a workbook with no sheet holding registration headers refused in one message?"""
    with pytest.raises(LcoError, match="geen enkel werkblad heeft kolomkoppen van de registratie"):
        load(xlsx_bytes({"Blad1": [["a", "b"], [1, 2]]}), "export.xlsx")
