"""The downloadable tables of an overview."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from lco_kit.registratie import (
    EXPORT_TABLES,
    Registration,
    Selection,
    build_overview,
    export_table,
)


def test_exported_tables_open_in_belgian_excel_with_hidden_cells_as_words(simulated: Registration) -> None:
    """Is each table a ;-CSV with a BOM, hidden cells written ‘verborgen’, never the number?"""
    view = build_overview(simulated, Selection(years=(2014,)))
    for name in EXPORT_TABLES:
        data = export_table(view, name, "csv")
        assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(export_table(view, "per_gemeente").decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["gemeente", "aantal", "eerste", "opvolg", "client_aanwezig", "client_afwezig"]
    hidden = view.gemeenten.hidden
    for row in rows[1:]:
        for column, cell in zip(rows[0][1:], row[1:], strict=True):
            if hidden.loc[row[0], column]:
                assert cell == "verborgen"
            else:
                assert cell == str(int(view.gemeenten.values.loc[row[0], column]))


def test_the_invalid_rows_export_lists_every_problem(simulated: Registration) -> None:
    """Does the export of invalid rows hold every problem with row, column, value and reason, in xlsx too?"""
    view = build_overview(simulated)
    book = load_workbook(io.BytesIO(export_table(view, "ongeldige_rijen", "xlsx")))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("rij", "kolom", "waarde", "reden")
    assert len(rows) - 1 == len(simulated.problems) == 12
    assert rows[1][:2] == (7528, "datum")
