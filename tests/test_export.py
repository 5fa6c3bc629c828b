"""Exports for Belgian Excel: semicolons, a BOM, decimal commas, no formulas."""

from __future__ import annotations

import csv
import io

import pandas as pd
from openpyxl import load_workbook

from lco_kit.export import neutralise, to_belgian_csv, to_xlsx

TABLE = pd.DataFrame(
    {
        "dimensie": ["Gehoord", "Afspraken"],
        "gemiddelde": [4.25, 3.0],
        "opmerking": ['=HYPERLINK("http://x")', "gewoon; met puntkomma"],
        "aanwezig": [True, False],
    }
)


def test_csv_opens_as_belgian_excel_would() -> None:
    """Does the CSV start with a BOM, use ';', decimal commas and ja/nee, and neutralise formulas?"""
    data = to_belgian_csv(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["dimensie", "gemiddelde", "opmerking", "aanwezig"]
    assert rows[1] == ["Gehoord", "4,25", '\'=HYPERLINK("http://x")', "ja"]
    assert rows[2] == ["Afspraken", "3", "gewoon; met puntkomma", "nee"]


def test_input_table_is_not_changed() -> None:
    """Is the table passed in left as it was?"""
    before = TABLE.copy()
    to_belgian_csv(TABLE)
    pd.testing.assert_frame_equal(TABLE, before)


def test_xlsx_keeps_numbers_and_writes_formula_like_text_as_text() -> None:
    """Does the XLSX hold numbers as numbers and formula-like text as plain text cells, no apostrophe?"""
    table = pd.DataFrame(
        {
            "opmerking": ['=HYPERLINK("http://x")', "-5 dagen", "+32 470", "@iemand"],
            "getal": [4.25, -5, 0, None],
        }
    )
    book = load_workbook(io.BytesIO(to_xlsx(table)))
    sheet = book.active
    assert [sheet.cell(row=r, column=1).value for r in range(2, 6)] == [
        '=HYPERLINK("http://x")',
        "-5 dagen",
        "+32 470",
        "@iemand",
    ]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 6))
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["B2"].value == 4.25 and sheet["B3"].value == -5 and sheet["B5"].value is None


def test_xlsx_file_has_no_formula_element() -> None:
    """Is there no formula anywhere in the sheet's XML, even for =HYPERLINK(…)?"""
    import zipfile

    data = to_xlsx(TABLE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def test_neutralise_leaves_numbers_and_plain_text() -> None:
    """Are numbers and ordinary text left alone, and every formula start neutralised?"""
    assert neutralise(-3) == -3
    assert neutralise("Huisvesting") == "Huisvesting"
    assert [neutralise(s)[0] for s in ("=1", "+1", "-1", "@x")] == ["'"] * 4
