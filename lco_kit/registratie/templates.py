"""The templates a user downloads to start a registration: CSV for Belgian Excel, and XLSX with an explanation sheet.

Both are built from ``formaat.yaml`` (the columns, their explanation and an example row), so
they always match what the check accepts.
"""

from __future__ import annotations

import io

from lco_kit.codes import code_list
from lco_kit.export import to_belgian_csv
from lco_kit.registratie._data import format_file

__all__ = ["template_csv", "template_xlsx"]

_ALLOWED = {
    "aanvrager": "aanvragers",
    "levensdomeinen": "levensdomeinen",
    "knelpunten": "knelpunten",
}


def _example() -> dict[str, str]:
    return {c.naam: c.voorbeeld for c in format_file().kolommen}


def template_csv() -> bytes:
    """Return the template as CSV (``;``, UTF-8 with BOM): the headers and one example row."""
    return to_belgian_csv([_example()])


def template_xlsx() -> bytes:
    """Return the template as XLSX: sheet ‘Registratie’ (headers, example row) and sheet ‘Uitleg’."""
    from openpyxl import Workbook  # noqa: PLC0415  (only needed for this download)
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    spec = format_file()
    book = Workbook()
    sheet = book.active
    sheet.title = "Registratie"
    sheet.append([c.naam for c in spec.kolommen])
    sheet.append([c.voorbeeld for c in spec.kolommen])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(spec.kolommen, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(14, len(column.naam) + 4)
    help_sheet = book.create_sheet("Uitleg")
    help_sheet.append(["kolom", "verplicht", "wat je invult", "mogelijke waarden"])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for column in spec.kolommen:
        allowed = ", ".join(code_list(_ALLOWED[column.naam]).labels) if column.naam in _ALLOWED else ""
        help_sheet.append([column.naam, "ja" if column.verplicht else "nee", column.uitleg, allowed])
    for letter, width in zip("ABCD", (24, 10, 70, 60), strict=True):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
