"""The templates a user downloads: the right columns, an example row that passes the check."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from lco_kit.registratie import REGISTRATION_COLUMNS, load_registration, template_csv, template_xlsx
from tests.registratie.conftest import TODAY


def test_the_csv_template_has_the_columns_and_a_valid_example() -> None:
    """Does the CSV template have every column, a BOM and semicolons, and an example row that counts?"""
    data = template_csv()
    assert data.startswith(b"\xef\xbb\xbf" + ";".join(REGISTRATION_COLUMNS).encode())
    registration = load_registration(data, "sjabloon.csv", today=TODAY)
    assert registration.valid_rows == 1 and registration.invalid_rows == 0


def test_the_xlsx_template_reads_its_data_sheet_and_explains_each_column() -> None:
    """Is the XLSX template's first sheet read, and does the second explain every column with its values?"""
    data = template_xlsx()
    registration = load_registration(data, "sjabloon.xlsx", today=TODAY)
    assert registration.layout is not None and registration.layout.sheet == "Registratie"
    assert registration.valid_rows == 1
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Registratie", "Uitleg"]
    explained = {row[0]: row for row in book["Uitleg"].iter_rows(min_row=2, values_only=True)}
    assert set(explained) == set(REGISTRATION_COLUMNS)
    assert "OCMW" in explained["aanvrager"][3]
    assert explained["lco_id"][1] == "nee" and explained["datum"][1] == "ja"
