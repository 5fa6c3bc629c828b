"""Tables exported for Belgian Excel: CSV with ``;``, a BOM and decimal commas, and XLSX.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula. In CSV, which has no cell types, such text gets a leading apostrophe (OWASP's
advice for CSV injection). In XLSX every text is a string-typed cell marked as text
("quote prefix"), so Excel shows ``-5 dagen`` as written and still never runs
``=HYPERLINK(…)``. Numbers stay numbers.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["neutralise", "to_belgian_csv", "to_xlsx"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Return a cell value that no spreadsheet will run as a formula.

    Examples:
        >>> neutralise("=SUM(A1)")
        "'=SUM(A1)"
        >>> neutralise(-3)
        -3
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") if not value.is_integer() else str(int(value))
    return str(neutralise(value) if isinstance(value, str) else value)


def to_belgian_csv(table: pd.DataFrame | Sequence[dict[str, Any]]) -> bytes:
    """Return a table as CSV that Belgian Excel opens correctly.

    ``;`` between cells, UTF-8 with a BOM (so accents survive), decimal commas, ``ja``/``nee``
    for booleans, formula-like text neutralised. The table passed in is not changed.
    """
    frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(list(table))
    out = io.StringIO()
    out.write(";".join(_quote(str(c)) for c in frame.columns) + "\r\n")
    for row in frame.itertuples(index=False, name=None):
        out.write(";".join(_quote(_cell(v)) for v in row) + "\r\n")
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _quote(text: str) -> str:
    if any(ch in text for ch in ';"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_xlsx(table: pd.DataFrame | Sequence[dict[str, Any]], sheet: str = "Gegevens") -> bytes:
    """Return a table as an .xlsx file: text as string-typed cells (never a formula), header in bold."""
    from openpyxl import Workbook  # noqa: PLC0415  (only needed for this export)
    from openpyxl.styles import Font  # noqa: PLC0415

    frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(list(table))
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for column, value in enumerate(row, start=1):
            _write_cell(ws.cell(row=row_number, column=column), value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_cell(cell: Any, value: Any) -> None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return
    if isinstance(value, str):
        cell.value = value
        # openpyxl turns text starting with "=" into a formula; a string cell is shown as written.
        cell.data_type = "s"
        cell.quotePrefix = True
        return
    cell.value = value
