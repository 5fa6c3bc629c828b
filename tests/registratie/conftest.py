"""Small builders for registration tests: valid rows, CSV and XLSX files, made in code."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pytest

from lco_kit.registratie.columns import REGISTRATION_COLUMNS
from lco_kit.registratie.registration import Registration
from lco_kit.registratie.simulator import simulate_registratie
from lco_kit.registratie.validation import load_registration, validate_frame

HEADER = REGISTRATION_COLUMNS  # pinned by test_columns.test_the_columns_are_the_documented_ones
TODAY = dt.date(2026, 6, 30)


def good_row(**changes: Any) -> dict[str, Any]:
    """Return a valid registration row as text, with some cells changed."""
    row: dict[str, Any] = {
        "datum": "14/03/2016",
        "gemeente": "Genk",
        "soort": "eerste",
        "aanvrager": "OCMW",
        "client_aanwezig": "ja",
        "minderjarige_betrokken": "nee",
        "aantal_deelnemers": "6",
        "levensdomeinen": "Financiën|Huisvesting",
        "knelpunten": "Wachtlijsten",
        "lco_id": "",
        "opmerking": "",
    }
    row.update(changes)
    return row


def csv_text(
    rows: Iterable[Mapping[str, Any] | Sequence[Any]],
    header: Sequence[str] = HEADER,
    sep: str = ";",
    above: Sequence[str] = (),
) -> str:
    """Return rows as CSV text: optional title lines, the header, then one line per row."""
    lines = [*above, sep.join(header)]
    for row in rows:
        cells = [row.get(h, "") for h in header] if isinstance(row, Mapping) else list(row)
        lines.append(sep.join(str(c) for c in cells))
    return "\r\n".join(lines) + "\r\n"


def csv_bytes(rows: Iterable[Mapping[str, Any] | Sequence[Any]], encoding: str = "utf-8-sig", **kwargs: Any) -> bytes:
    """Return rows as the bytes of a CSV file in the given encoding."""
    return csv_text(rows, **kwargs).encode(encoding)


def xlsx_bytes(sheets: Mapping[str, Sequence[Sequence[Any]]]) -> bytes:
    """Return an .xlsx file with the given sheets, each a list of rows (cells may be dates, numbers…)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def load(data: bytes, name: str = "export.csv", **kwargs: object) -> Registration:
    """Read and check bytes with the tests' fixed 'today'."""
    return load_registration(data, name, today=TODAY, **kwargs)  # type: ignore[arg-type]


def problems_by_row(registration: Registration) -> dict[int, list[tuple[str, str]]]:
    """Return row number → [(column, value)] of every problem."""
    found: dict[int, list[tuple[str, str]]] = {}
    for problem in registration.problem_list():
        assert problem.row is not None
        found.setdefault(problem.row, []).append((problem.column, problem.value))
    return found


def assert_nothing_dropped(registration: Registration, data_rows: int) -> None:
    """Every non-blank row read is either counted or reported: none vanish."""
    assert registration.read_rows == data_rows
    assert registration.valid_rows + registration.invalid_rows == registration.read_rows


@pytest.fixture(scope="module")
def simulated() -> Registration:
    """Return the simulated registration 2009–2016 with 12 faulty rows (one per test module)."""
    return validate_frame(simulate_registratie(1, fouten=12), source="gesimuleerde test", today=TODAY)


@pytest.fixture
def today() -> dt.date:
    """Return the fixed 'today' the date rules use in these tests."""
    return TODAY
