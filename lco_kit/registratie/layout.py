"""Recognising a registration file: what it is and where its table is, without reading every row.

:func:`inspect_file` recognises the file: CSV (``;``, ``,`` or tab; UTF-8, UTF-8 with BOM,
UTF-16 or Windows-1252) or XLSX (which sheet), finds the header row even below title rows,
and ties the headers to the registration columns (:mod:`~lco_kit.registratie.columns`).
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lco_kit.errors import LcoError
from lco_kit.registratie._format import show
from lco_kit.registratie._xlsx import Workbook, check_zip_directory
from lco_kit.registratie.cells import cell_text
from lco_kit.registratie.columns import HeaderMatch, header_score, match_headers

__all__ = [
    "HEADER_SEARCH_ROWS",
    "FileLayout",
    "MissingColumnsError",
    "csv_layout",
    "file_kind",
    "inspect_file",
    "open_workbook",
    "read_bytes",
]

HEADER_SEARCH_ROWS = 30
_EXTRA_CELLS = 2  # room beyond the widest sample row, when rows end in separators Excel left behind
_SAMPLE_BYTES = 65_536
_LISTED_HEADERS = 30
_SIGNATURES = {
    b"%PDF": "een PDF-bestand",
    b"\x89PNG": "een afbeelding",
    b"\xff\xd8\xff": "een afbeelding",
    b"GIF8": "een afbeelding",
}


class MissingColumnsError(LcoError):
    """A file without some required columns: the page offers a mapping step for it.

    Attributes:
        layout: What was found in the file (its headers, the columns that matched).
    """

    def __init__(self, layout: FileLayout) -> None:
        self.layout = layout
        missing = ", ".join(f"‘{c}’" for c in layout.match.missing)
        headers = [h for h in layout.match.headers if h]
        found = ", ".join(f"‘{show(h)}’" for h in headers[:_LISTED_HEADERS]) or "geen"
        if len(headers) > _LISTED_HEADERS:
            found += f" en nog {len(headers) - _LISTED_HEADERS}"
        where = f" (werkblad ‘{show(layout.sheet)}’)" if layout.sheet else ""
        super().__init__(
            f"{layout.name}{where}: deze kolommen ontbreken: {missing}. De kolomkoppen op rij "
            f"{layout.header_row} zijn: {found}. Hernoem de kolommen in je bestand, of koppel ze "
            "zelf aan de kolommen van de registratie."
        )


@dataclass(frozen=True)
class FileLayout:
    """What a file is and where its table is.

    Attributes:
        name: The file's name as the user knows it.
        kind: ``csv`` or ``xlsx``.
        encoding: The text encoding of a CSV file.
        delimiter: The separator of a CSV file.
        sheets: The sheets of an XLSX file, in order.
        sheet: The sheet that is read.
        header_row: The row of the headers, as the spreadsheet numbers it.
        match: Which header stands for which registration column.
        width: How many cells a CSV row may have (more than the headers when the rows end in
            empty cells); a row with more is reported, never cut.
    """

    name: str
    kind: Literal["csv", "xlsx"]
    header_row: int
    match: HeaderMatch
    encoding: str | None = None
    delimiter: str | None = None
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    width: int = 0

    def describe(self) -> str:
        """Return a Dutch line on what was recognised."""
        if self.kind == "xlsx":
            kind = f"Excel-bestand, werkblad ‘{show(self.sheet or '')}’"
        else:
            names = {";": "puntkomma", ",": "komma", "\t": "tab"}
            encodings = {
                "utf-8": "UTF-8",
                "utf-8-sig": "UTF-8 met BOM",
                "utf-16": "UTF-16",
                "utf-16-le": "UTF-16",
                "utf-16-be": "UTF-16",
                "cp1252": "Windows-1252",
            }
            kind = (
                f"CSV-bestand, {names.get(self.delimiter or '', self.delimiter)} als scheidingsteken, "
                f"{encodings.get(self.encoding or '', self.encoding)}"
            )
        return f"{self.name}: {kind}, kolomkoppen op rij {self.header_row}."


def read_bytes(source: Path | bytes, name: str | None = None) -> tuple[bytes, str]:
    """Return a file's bytes and the name to use in messages.

    Raises:
        LcoError: When a path does not exist or cannot be read.
    """
    if isinstance(source, Path):
        try:
            return source.read_bytes(), name or source.name
        except OSError:
            raise LcoError(f"{name or source}: dit bestand bestaat niet of kan niet gelezen worden.") from None
    return source if isinstance(source, bytes) else bytes(source), name or "bestand"


def file_kind(data: bytes, name: str) -> Literal["csv", "xlsx"]:
    """Return whether a file is a CSV or an XLSX file; refuse everything else with a Dutch message."""
    blank = b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"
    if not data[:4096].strip(blank) and not data.strip(blank):  # look at the start first: files can be large
        raise LcoError(f"{name}: het bestand is leeg. Kies een bestand met een registratie.")
    if data.startswith(b"PK\x03\x04"):
        check_zip_directory(data, name)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise LcoError(f"{name}: dit Excel- of zip-bestand is beschadigd en kan niet geopend worden.") from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise LcoError(
            f"{name}: dit is een zip- of Word-bestand, geen tabel. Kies een CSV-bestand of een Excel-bestand (.xlsx)."
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LcoError(
            f"{name}: dit is een ouder Excel-bestand (.xls) of een beveiligd bestand. Open het in Excel en "
            "bewaar het als ‘Excel-werkmap (.xlsx)’ of als ‘CSV (gescheiden door lijstscheidingsteken)’."
        )
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise LcoError(f"{name}: dit is {what}, geen tabel. Kies een CSV-bestand of een Excel-bestand (.xlsx).")
    return "csv"


def _encoding(data: bytes, name: str) -> str:  # noqa: PLR0911  (one return per encoding)
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) // 4
        if odd > half and even == 0:
            return "utf-16-le"
        if even > half and odd == 0:
            return "utf-16-be"
        raise LcoError(f"{name}: dit is geen tekstbestand en geen Excel-bestand. Kies een CSV- of .xlsx-bestand.")
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if len(sample) == _SAMPLE_BYTES and error.start >= len(sample) - 3:
            return "utf-8"  # the sample ends halfway a character
        return "cp1252"
    return "utf-8"


def _records(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(itertools.islice(reader, HEADER_SEARCH_ROWS))
    except csv.Error:
        return []


def _find_header(records_by_delimiter: Mapping[str, list[list[str]]]) -> tuple[str, int] | None:
    best: tuple[int, str, int] | None = None
    for delimiter, records in records_by_delimiter.items():
        for index, record in enumerate(records):
            score = header_score(record)
            if score and (best is None or score > best[0]):
                best = (score, delimiter, index)
    return None if best is None else (best[1], best[2])


def _first_table_row(records_by_delimiter: Mapping[str, list[list[str]]]) -> tuple[str, int] | None:
    best: tuple[int, str, int] | None = None
    for delimiter, records in records_by_delimiter.items():
        for index, record in enumerate(records):
            filled = sum(1 for c in record if c.strip())
            if filled >= 2:  # noqa: PLR2004  (a table has at least two columns)
                if best is None or filled > best[0]:
                    best = (filled, delimiter, index)
                break
    return None if best is None else (best[1], best[2])


def csv_layout(data: bytes, name: str, mapping: Mapping[str, str] | None) -> FileLayout:
    """Recognise a CSV file from its start: encoding, separator, header row and columns."""
    encoding = _encoding(data, name)
    sample = data[:_SAMPLE_BYTES]
    text = sample.decode(encoding, errors="ignore")
    if len(data) > _SAMPLE_BYTES and "\n" in text:
        text = text[: text.rfind("\n") + 1]  # only whole lines
    by_delimiter = {d: _records(text, d) for d in (";", ",", "\t")}
    found = _find_header(by_delimiter) or _first_table_row(by_delimiter)
    if found is None:
        raise LcoError(
            f"{name}: dit bestand is geen tabel: de kit vindt geen kolommen gescheiden door een puntkomma, "
            "een komma of een tab. Kies een CSV-bestand uit een rekenblad, of een Excel-bestand (.xlsx)."
        )
    delimiter, index = found
    headers = by_delimiter[delimiter][index]
    widest = max((len(r) for r in by_delimiter[delimiter][index + 1 :]), default=0)
    return FileLayout(
        name=name,
        kind="csv",
        header_row=index + 1,
        match=_match(headers, mapping, name),
        encoding=encoding,
        delimiter=delimiter,
        width=widest + _EXTRA_CELLS if widest > len(headers) else len(headers),
    )


def _match(
    headers: Sequence[str], mapping: Mapping[str, str] | None, name: str, sheet: str | None = None
) -> HeaderMatch:
    try:
        return match_headers(headers, mapping)
    except LcoError as error:
        where = f" (werkblad ‘{show(sheet)}’)" if sheet else ""
        raise LcoError(f"{name}{where}: {error}") from None


def _sheet_list(sheets: Sequence[str]) -> str:
    shown = ", ".join(f"‘{show(s)}’" for s in sheets[:_LISTED_HEADERS])
    return shown + (f" en nog {len(sheets) - _LISTED_HEADERS}" if len(sheets) > _LISTED_HEADERS else "")


def open_workbook(data: bytes, name: str) -> Workbook:
    """Open an XLSX file with the kit's bounded reader."""
    # The kit's own bounded reader, not openpyxl: a file of under a megabyte can unpack to
    # gigabytes, and only counting what is unpacked keeps the laptop (and the page) standing.
    return Workbook(data, name)


def _sheet_header(book: Workbook, sheet: str) -> tuple[int, int, list[str]] | None:
    best: tuple[int, int, list[str]] | None = None
    for index, values in enumerate(book.iter_rows(sheet, last_row=HEADER_SEARCH_ROWS)):
        cells = [cell_text(v) for v in values]
        score = header_score(cells)
        if score and (best is None or score > best[0]):
            best = (score, index, cells)
    return best


def _xlsx_layout(data: bytes, name: str, sheet: str | None, mapping: Mapping[str, str] | None) -> FileLayout:
    book = open_workbook(data, name)
    try:
        sheets = tuple(book.sheetnames)
        if sheet is not None and sheet not in sheets:
            raise LcoError(f"{name}: er is geen werkblad ‘{show(sheet)}’. De werkbladen zijn: {_sheet_list(sheets)}.")
        candidates = [sheet] if sheet is not None else list(sheets)
        found: list[tuple[str, tuple[int, int, list[str]] | None]] = [(s, _sheet_header(book, s)) for s in candidates]
    finally:
        book.close()
    chosen: tuple[str, tuple[int, int, list[str]]] | None = None
    for sheet_name, header in found:  # the first sheet with every required column wins
        if header is not None and not _match(header[2], mapping, name, sheet_name).missing:
            chosen = (sheet_name, header)
            break
    if chosen is None:  # else the sheet with the most recognised headers
        scored = [(h[0], -i, s, h) for i, (s, h) in enumerate(found) if h is not None]
        if scored:
            _, _, sheet_name, header = max(scored)
            chosen = (sheet_name, header)
    if chosen is None:
        if sheet is None:
            raise LcoError(
                f"{name}: geen enkel werkblad heeft kolomkoppen van de registratie (zoals datum, gemeente, "
                f"soort). De werkbladen zijn: {_sheet_list(sheets)}."
            )
        return FileLayout(name, "xlsx", 1, _match([], mapping, name, sheet), sheets=sheets, sheet=sheet)
    sheet_name, (_, index, headers) = chosen
    while headers and not headers[-1].strip():
        headers.pop()
    return FileLayout(
        name=name,
        kind="xlsx",
        header_row=index + 1,
        match=_match(headers, mapping, name, sheet_name),
        sheets=sheets,
        sheet=sheet_name,
    )


def inspect_file(
    source: Path | bytes, name: str | None = None, *, sheet: str | None = None, mapping: Mapping[str, str] | None = None
) -> FileLayout:
    """Recognise a file and find its header row, without reading every row.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The file's name for messages.
        sheet: For an XLSX file, the sheet to read (default: the first with the columns).
        mapping: Header as written in the file → registration column, for other exports.

    Returns:
        The layout; ``layout.match.missing`` lists required columns that were not found.

    Raises:
        LcoError: For an empty file, a file that is not a table, a damaged file, or two
            headers that mean the same column.
    """
    data, display = read_bytes(source, name)
    if file_kind(data, display) == "xlsx":
        return _xlsx_layout(data, display, sheet, mapping)
    return csv_layout(data, display, mapping)
