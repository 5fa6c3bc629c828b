"""Reading and checking a registration export: CSV or XLSX in, checked rows and every problem out.

The steps, each usable on its own (the page shows a sheet choice and a column mapping
between them):

1. :func:`inspect_file` recognises the file: CSV (``;``, ``,`` or tab; UTF-8, UTF-8 with
   BOM, UTF-16 or Windows-1252) or XLSX (which sheet), finds the header row even below title
   rows, and ties the headers to the registration columns.
2. :func:`read_export` reads every row in chunks, reporting progress.
3. :func:`validate_export` checks every row with the rules of :mod:`lco_kit.registratie.schema`.
   It is vectorised: each rule runs once per distinct value of a column, and the outcome is
   spread over the rows with numpy, so a million rows take seconds, not minutes.

Every invalid row is reported (row number as the spreadsheet shows it, column, value, reason)
and left out of the figures; fully blank rows are skipped and counted; nothing is dropped
silently. :func:`load_registration` does the three steps at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from lco_kit.codes import code_list, lookup_gemeente
from lco_kit.errors import LcoError
from lco_kit.registratie._format import count_text, number, row_list
from lco_kit.registratie._xlsx import Workbook, check_zip_directory
from lco_kit.registratie.schema import (
    LIST_COLUMNS,
    REGISTRATION_COLUMNS,
    Cell,
    HeaderMatch,
    RowProblem,
    cell_parsers,
    cell_text,
    column_letter,
    header_score,
    match_headers,
    show,
)

__all__ = [
    "PROBLEM_COLUMNS",
    "FileLayout",
    "MissingColumnsError",
    "Progress",
    "RawExport",
    "Registration",
    "inspect_file",
    "load_registration",
    "read_bytes",
    "read_export",
    "validate_export",
    "validate_frame",
]

Progress = Callable[[float, str], None]
"""Called with the share done (0 to 1) and a Dutch line saying what is happening."""

PROBLEM_COLUMNS = ("rij", "kolom", "waarde", "reden")
HEADER_SEARCH_ROWS = 30
CHUNK_ROWS = 50_000
_EXTRA_CELLS = 2  # room beyond the widest sample row, when rows end in separators Excel left behind
_SAMPLE_BYTES = 65_536
_MAX_WARNINGS = 40
_LISTED_HEADERS = 30
_READ_SHARE = 0.6  # the part of the progress bar that reading takes; checking takes the rest
_BAD_LINE = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")
_SIGNATURES = {
    b"%PDF": "een PDF-bestand",
    b"\x89PNG": "een afbeelding",
    b"\xff\xd8\xff": "een afbeelding",
    b"GIF8": "een afbeelding",
}


def _noop(share: float, message: str) -> None:
    del share, message


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


@dataclass
class RawExport:
    """The rows of a file, as text, before checking.

    Attributes:
        layout: What the file is.
        frame: One column per file column (the registration's named, the rest by position).
        rows: The spreadsheet row number of each row of ``frame``.
        broken: Rows that could not be split into cells at all.
        notes: Dutch notes on how the file was read (damaged characters).
    """

    layout: FileLayout
    frame: pd.DataFrame
    rows: np.ndarray
    broken: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Registration:
    """A checked registration: the rows that count, and everything that was wrong.

    Attributes:
        rows: The valid rows, one per LCO, typed (see :func:`validate_export`).
        problems: One line per problem: ``rij``, ``kolom``, ``waarde``, ``reden``.
        warnings: Dutch notes that did not make a row invalid (an unknown municipality).
        read_rows: Rows read, blank rows not included.
        blank_rows: Fully blank rows, skipped.
        source: What the data came from (a file's layout, or a description).
    """

    rows: pd.DataFrame
    problems: pd.DataFrame
    warnings: list[str]
    read_rows: int
    blank_rows: int
    source: str
    layout: FileLayout | None = None

    @property
    def invalid_rows(self) -> int:
        """Return the number of rows left out of the figures."""
        return int(self.problems["rij"].nunique()) if len(self.problems) else 0

    @property
    def valid_rows(self) -> int:
        """Return the number of rows that count."""
        return len(self.rows)

    def problem_list(self, limit: int | None = None) -> list[RowProblem]:
        """Return the problems as :class:`RowProblem` objects, in row order."""
        frame = self.problems if limit is None else self.problems.head(limit)
        return [
            RowProblem(int(r), str(k), str(w), str(d))
            for r, k, w, d in frame[list(PROBLEM_COLUMNS)].itertuples(index=False, name=None)
        ]

    def summary_line(self) -> str:
        """Return one Dutch line with what was read, what counts and what does not."""
        line = (
            f"{count_text(self.read_rows, 'rij', 'rijen')} gelezen: {number(self.valid_rows)} geldig, "
            f"{number(self.invalid_rows)} ongeldig (niet meegeteld)"
        )
        if self.blank_rows:
            line += f", {count_text(self.blank_rows, 'lege rij', 'lege rijen')} overgeslagen"
        return line + "."


# ------------------------------------------------------------------ recognising the file


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


def _kind(data: bytes, name: str) -> Literal["csv", "xlsx"]:
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


def _csv_layout(data: bytes, name: str, mapping: Mapping[str, str] | None) -> FileLayout:
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


def _open_workbook(data: bytes, name: str) -> Workbook:
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
    book = _open_workbook(data, name)
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
    if _kind(data, display) == "xlsx":
        return _xlsx_layout(data, display, sheet, mapping)
    return _csv_layout(data, display, mapping)


# ------------------------------------------------------------------ reading every row


def _named(frame: pd.DataFrame, match: HeaderMatch) -> pd.DataFrame:
    names: dict[int, str] = {position: column for column, position in match.columns.items()}
    return frame.rename(columns=lambda p: names.get(p, f"_{p}"))


def _read_csv(source: bytes | Path, layout: FileLayout, progress: Progress | None) -> RawExport:
    raw = _read_csv_text(source, layout, progress)
    if _may_hold_nul(source, layout):
        _remove_nul(raw)
    return raw


def _may_hold_nul(source: bytes | Path, layout: FileLayout) -> bool:
    if (layout.encoding or "").startswith("utf-16"):
        return True  # every other byte is zero: look at the cells instead
    if isinstance(source, bytes):
        return b"\x00" in source
    try:
        with source.open("rb") as handle:
            while block := handle.read(1 << 20):
                if b"\x00" in block:
                    return True
    except OSError:
        return False
    return False


def _remove_nul(raw: RawExport) -> None:
    """Take NUL characters out of the cells and say where they were: they cannot be stored or shown."""
    rows: set[int] = set()
    cells = 0
    for column in raw.frame.columns:
        series = raw.frame[column]
        found = series.str.contains("\x00", regex=False, na=False).to_numpy(dtype=bool)
        if found.any():
            raw.frame.loc[found, column] = series[found].str.replace("\x00", "", regex=False)
            rows.update(int(r) for r in raw.rows[found])
            cells += int(found.sum())
    if cells:
        raw.notes.append(
            f"{count_text(cells, 'cel bevatte', 'cellen bevatten')} een onzichtbaar nul-teken (U+0000), "
            f"dat de kit heeft weggelaten. Kijk {count_text(len(rows), 'rij', 'rijen')} na in je rekenblad: "
            f"{row_list(sorted(rows))}."
        )


def _read_csv_text(source: bytes | Path, layout: FileLayout, progress: Progress | None) -> RawExport:
    encoding = layout.encoding or "utf-8"
    if encoding == "utf-8-sig":
        encoding = "utf-8"  # the BOM is on the header line, which is skipped: pandas' own UTF-8 path is faster
    try:
        return _read_csv_as(source, layout, encoding, progress)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise LcoError(
                f"{layout.name}: dit bestand is beschadigd (de tekens kunnen niet gelezen worden)."
            ) from None
    # The start looked like UTF-8, but further on a byte is not: decide on the whole file.
    data = read_bytes(source, layout.name)[0] if isinstance(source, Path) else source
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    readable = len(_NON_ASCII.findall(text))
    if readable > broken:  # UTF-8 with a few damaged bytes: keep the rest of the text intact
        raw = _read_csv_as(data, layout, encoding, progress, errors="replace")
        raw.notes.append(
            f"{count_text(broken, 'teken', 'tekens')} in het bestand waren geen geldige UTF-8 "
            "en staan nu als ‘\ufffd’. Kijk die cellen na in je rekenblad."
        )
        return raw
    return _read_csv_as(data, layout, "cp1252", progress, errors="replace")


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _read_csv_as(
    source: bytes | Path, layout: FileLayout, encoding: str, progress: Progress | None, errors: str = "strict"
) -> RawExport:
    """Read every row as text; in chunks only when someone watches the progress.

    Reading in chunks costs a copy of every cell when the chunks are joined, so the command
    line (no progress to show) reads the file in one go; the page reads it in chunks.
    """
    width = max(layout.width, len(layout.match.headers))
    buffer = io.BytesIO(source) if isinstance(source, bytes) else None
    columns: dict[int, list[np.ndarray]] = {position: [] for position in range(width)}
    read = 0
    total = max(len(source), 1) if isinstance(source, bytes) else 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            reader = pd.read_csv(
                buffer if buffer is not None else str(source),
                sep=layout.delimiter,
                header=None,
                names=list(range(width)),
                skiprows=layout.header_row,
                dtype=object,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                index_col=False,
                on_bad_lines="warn",
                chunksize=CHUNK_ROWS if progress is not None else None,
                encoding=encoding,
                encoding_errors=errors,
                engine="c",
            )
            for chunk in reader if progress is not None else [reader]:
                for position in range(width):
                    columns[position].append(chunk[position].to_numpy(dtype=object))
                read += len(chunk)
                if progress is not None:
                    done = buffer.tell() / total if buffer is not None else 0.5
                    progress(_READ_SHARE * min(done, 1.0), f"{number(read)} rijen gelezen…")
        except pd.errors.ParserError as error:
            raise _parser_error(layout, str(error)) from None
    broken: list[RowProblem] = []
    bad_lines: list[int] = []
    for warning in caught:
        for line, _expected, saw in _BAD_LINE.findall(str(warning.message)):
            bad_lines.append(int(line))
            broken.append(
                RowProblem(
                    int(line),
                    "hele rij",
                    "",
                    f"deze rij heeft {saw} cellen, terwijl er {len(layout.match.headers)} kolommen zijn. "
                    "Staat er een scheidingsteken in een tekst zonder aanhalingstekens?",
                )
            )
    # Column by column: joining whole chunk frames would copy every cell once more.
    frame = pd.DataFrame(
        {position: pd.Series(_joined(parts), dtype=object, copy=False) for position, parts in columns.items()},
        copy=False,
    )
    rows = _row_numbers(layout.header_row + 1, len(frame), sorted(bad_lines))
    return RawExport(layout=layout, frame=_named(frame, layout.match), rows=rows, broken=broken)


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    if not parts:
        return np.empty(0, dtype=object)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _row_numbers(first: int, count: int, skipped: Sequence[int]) -> np.ndarray:
    candidates = np.arange(first, first + count + len(skipped), dtype=np.int64)
    if skipped:
        candidates = candidates[~np.isin(candidates, np.asarray(skipped, dtype=np.int64))]
    return candidates[:count]


def _parser_error(layout: FileLayout, message: str) -> LcoError:
    found = re.search(r"row (\d+)", message)
    if "EOF inside string" in message:
        where = f" (vanaf ongeveer rij {int(found.group(1)) + layout.header_row + 1})" if found else ""
        return LcoError(
            f'{layout.name}: een aanhalingsteken (") wordt nergens afgesloten{where}. '
            "Kijk die rij na in je rekenblad en bewaar het bestand opnieuw als CSV."
        )
    return LcoError(f"{layout.name}: dit CSV-bestand kan niet in kolommen verdeeld worden. Bewaar het opnieuw als CSV.")


def _read_xlsx(data: bytes, layout: FileLayout, progress: Progress) -> RawExport:
    book = _open_workbook(data, layout.name)
    width = len(layout.match.headers)
    records: list[list[Any]] = []
    widest = width

    def report(share: float) -> None:
        progress(_READ_SHARE * share, f"{number(len(records))} rijen gelezen…")

    try:
        for values in book.iter_rows(
            layout.sheet or book.sheetnames[0], first_row=layout.header_row + 1, progress=report
        ):
            records.append(values)
            widest = max(widest, len(values))
    finally:
        book.close()
    # Trailing rows that are fully empty are how a sheet ends, not data.
    while records and all(v is None or (isinstance(v, str) and not v.strip()) for v in records[-1]):
        records.pop()
    for values in records:
        values.extend([None] * (widest - len(values)))
    frame = (
        pd.DataFrame.from_records(records, columns=list(range(widest)))
        if records
        else pd.DataFrame(columns=list(range(width)), dtype=object)
    )
    frame = frame.astype(object).where(frame.notna(), "")
    rows = np.arange(layout.header_row + 1, layout.header_row + 1 + len(frame), dtype=np.int64)
    return RawExport(layout=layout, frame=_named(frame, layout.match), rows=rows)


def read_export(
    source: Path | bytes,
    name: str | None = None,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> RawExport:
    """Read every row of a registration file, as text.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The file's name for messages.
        sheet: For an XLSX file, the sheet to read.
        mapping: Header as written in the file → registration column.
        progress: Called after each chunk of rows.

    Raises:
        MissingColumnsError: When required columns are not found (the page then offers a mapping).
        LcoError: When the file cannot be read at all.
    """
    report = progress or _noop
    report(0.0, "Het bestand wordt herkend…")
    if isinstance(source, Path) and progress is None:
        head, display = _head(source, name)
        # Only a CSV can be recognised from its start; a zip's directory is at its end.
        if len(head) == _HEAD_BYTES and not head.startswith(b"PK\x03\x04") and _kind(head, display) == "csv":
            # A large CSV on disk: recognise it from its start, let pandas read the file itself.
            layout = _csv_layout(head, display, mapping)
            if layout.match.missing:
                raise MissingColumnsError(layout)
            return _read_csv(source, layout, None)
    data, display = read_bytes(source, name)
    layout = inspect_file(data, display, sheet=sheet, mapping=mapping)
    if layout.match.missing:
        raise MissingColumnsError(layout)
    if layout.kind == "xlsx":
        return _read_xlsx(data, layout, report)
    return _read_csv(data, layout, progress)


_HEAD_BYTES = 1_000_000


def _head(path: Path, name: str | None) -> tuple[bytes, str]:
    display = name or path.name
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD_BYTES), display
    except OSError:
        raise LcoError(f"{display}: dit bestand bestaat niet of kan niet gelezen worden.") from None


# ------------------------------------------------------------------ checking every row


@dataclass
class _Column:
    """The outcome of one rule on the distinct values of one column.

    Every array has one entry per distinct value and one more, last, for a missing value,
    so that ``array[codes]`` (missing is code -1) spreads it over the rows.
    """

    codes: np.ndarray
    texts: np.ndarray
    values: np.ndarray
    reasons: np.ndarray
    notes: np.ndarray
    shown: np.ndarray
    empty: np.ndarray
    trimmed: bool = True  # False when no value changed by trimming spaces (then codes identify values)

    @cached_property
    def bad(self) -> np.ndarray:
        return ~pd.isna(self.reasons)


def _objects(items: Sequence[Any]) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    for index, item in enumerate(items):  # element by element: tuples must stay whole
        out[index] = item
    return out


def _as_texts(uniques: Any) -> list[str]:
    if pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        return list(uniques)
    return [cell_text(u) for u in uniques]


def _check_column(series: pd.Series, rule: Callable[[str], Cell]) -> _Column:
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    texts = [*_as_texts(uniques), ""]
    cells = [rule(t) for t in texts]
    return _Column(
        codes=codes,
        texts=_objects(texts),
        values=_objects([c.value for c in cells]),
        reasons=_objects([c.reason for c in cells]),
        notes=_objects([c.warning for c in cells]),
        shown=_objects([c.shown for c in cells]),
        empty=np.array([not t.strip() for t in texts], dtype=bool),
    )


def _check_ids(series: pd.Series) -> _Column:
    """Check ``lco_id`` in a few passes over the distinct values: nearly every value is distinct."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        raw = np.empty(len(uniques) + 1, dtype=object)
        raw[:-1] = uniques
        raw[-1] = ""
    else:
        raw = _objects([*_as_texts(uniques), ""])
    values = np.empty(len(raw), dtype=object)
    values[:] = list(map(str.strip, raw))  # strip() hands back the same object when there is nothing to trim
    trimmed = bool((values != raw).any())
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    empty = lengths == 0
    values[empty] = None
    reasons = np.full(len(raw), None, dtype=object)
    shown = np.full(len(raw), None, dtype=object)
    # Only values that could be a national number (11 digits, perhaps with separators) or are too
    # long go through the full rule.
    suspects = np.flatnonzero(((lengths >= 11) & (lengths <= 20)) | (lengths > 60))  # noqa: PLR2004
    rule = cell_parsers()["lco_id"]
    for index in suspects:
        value = str(values[index])
        if len(value) <= 20 and not (value[0].isdigit() and value[-1].isdigit()):  # noqa: PLR2004
            continue
        cell = rule(value)
        reasons[index], shown[index] = cell.reason, cell.shown
        if cell.reason is not None:
            values[index] = None
    return _Column(
        codes=codes,
        texts=raw,
        values=values,
        reasons=reasons,
        notes=np.full(len(raw), None, dtype=object),
        shown=shown,
        empty=empty,
        trimmed=trimmed,
    )


def _blank(series: pd.Series) -> np.ndarray:
    values = series.to_numpy(dtype=object)
    filled = values != ""
    if filled.any():
        idx = np.flatnonzero(filled)
        texts = values[idx]
        if pd.api.types.infer_dtype(texts, skipna=False) == "string":
            stripped = np.empty(len(texts), dtype=object)
            stripped[:] = list(map(str.strip, texts))
            filled[idx] = stripped != ""
        else:
            filled[idx] = [v is not None and bool(cell_text(v).strip()) for v in texts]
    return ~filled


def validate_export(
    raw: RawExport, *, today: dt.date | None = None, progress: Progress | None = None, source: str | None = None
) -> Registration:
    """Check every row of an export and type the valid ones.

    The valid rows come back with these columns: ``rij``, ``datum``, ``jaar``, ``gemeente``
    (the kit's spelling when known), ``gemeente_bekend``, ``soort`` (``eerste``/``opvolg``),
    ``aanvrager`` (a code), ``client_aanwezig``, ``minderjarige_betrokken``,
    ``aantal_deelnemers``, one yes/no column per life domain (``levensdomein_<code>``) and per
    knelpunt (``knelpunt_<code>``), and ``lco_id`` and ``opmerking`` when present.

    Args:
        raw: What :func:`read_export` read.
        today: The last date accepted (default: today).
        progress: Called after each column.
        source: A description of the data for reports (default: the file's description).

    Returns:
        The checked registration; the export passed in is not changed.
    """
    report = progress or _noop
    checked = _check_columns(raw.frame, cell_parsers(today), report)
    blank = np.ones(len(raw.frame), dtype=bool)
    for col in checked.values():
        blank &= col.empty[col.codes]
    others = _other_columns(raw, checked)
    blank &= others.blank
    kept = np.flatnonzero(~blank)  # positions of the rows that are not blank
    problems, invalid = _problems(raw, checked, kept, others.extra)
    selected = kept[~invalid]  # positions of the valid rows in the export
    remarks = None
    if others.remarks_blank is not None:
        remarks = _remarks(raw.frame["opmerking"], others.remarks_blank, selected)
    registration_rows = _typed_rows(checked, selected, raw.rows[selected], remarks)
    warnings_out = [*raw.notes, *_warnings(checked, selected, raw.rows[selected], registration_rows)]
    if others.unnamed_with_data:
        warnings_out.append(
            f"Kolom {', '.join(others.unnamed_with_data)} heeft geen kolomkop; wat erin staat, gebruikt de kit niet."
        )
    if raw.layout.match.ignored:
        warnings_out.append(
            "Deze kolommen gebruikt de kit niet: " + ", ".join(f"‘{h}’" for h in raw.layout.match.ignored) + "."
        )
    report(1.0, "Klaar met nakijken.")
    return Registration(
        rows=registration_rows,
        problems=problems,
        warnings=warnings_out,
        read_rows=len(kept) + len(raw.broken),
        blank_rows=int(blank.sum()),
        source=source or raw.layout.describe(),
        layout=raw.layout,
    )


def _check_columns(
    frame: pd.DataFrame, rules: Mapping[str, Callable[[str], Cell]], report: Progress
) -> dict[str, _Column]:
    checked: dict[str, _Column] = {}
    named = [c for c in REGISTRATION_COLUMNS if c in frame.columns and c != "opmerking"]
    for step, column in enumerate(named, start=1):
        checked[column] = (
            _check_ids(frame[column]) if column == "lco_id" else _check_column(frame[column], rules[column])
        )
        report(_READ_SHARE + (1 - _READ_SHARE) * 0.8 * step / len(named), f"De kolom ‘{column}’ wordt nagekeken…")
    return checked


@dataclass
class _Others:
    """What the columns the rules do not read tell: blank rows, cells beyond the headers, remarks."""

    blank: np.ndarray
    extra: np.ndarray
    remarks_blank: np.ndarray | None
    unnamed_with_data: list[str]


def _other_columns(raw: RawExport, checked: Mapping[str, _Column]) -> _Others:
    frame = raw.frame
    others = _Others(
        blank=np.ones(len(frame), dtype=bool),
        extra=np.zeros(len(frame), dtype=bool),
        remarks_blank=None,
        unnamed_with_data=[],
    )
    header_count = len(raw.layout.match.headers)
    for column in frame.columns:
        if column in checked:
            continue
        empty = _blank(frame[column])
        others.blank &= empty
        if column == "opmerking":
            others.remarks_blank = empty
            continue
        position = int(str(column)[1:])
        if position >= header_count:
            others.extra |= ~empty
        elif not raw.layout.match.headers[position] and not empty.all():
            others.unnamed_with_data.append(column_letter(position))
    return others


def _problems(
    raw: RawExport, checked: Mapping[str, _Column], kept: np.ndarray, extra: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Return every problem (one line each) and which kept rows are invalid."""
    rows = raw.rows[kept]
    parts: list[pd.DataFrame] = []
    invalid = np.zeros(len(kept), dtype=bool)
    for column, col in checked.items():
        bad_values = col.bad
        if not bad_values.any():
            continue
        codes = col.codes[kept]
        bad = bad_values[codes]
        if bad.any():
            where = np.flatnonzero(bad)
            shown = _objects([s if s is not None else show(str(t)) for s, t in zip(col.shown, col.texts, strict=True)])
            parts.append(
                pd.DataFrame(
                    {
                        "rij": rows[where],
                        "kolom": column,
                        "waarde": shown[codes[where]],
                        "reden": col.reasons[codes[where]],
                    }
                )
            )
            invalid[where] = True
    if extra[kept].any():
        where = np.flatnonzero(extra[kept])
        parts.append(_extra_cells(raw.frame, kept[where], rows[where], len(raw.layout.match.headers)))
        invalid[where] = True
    if "lco_id" in checked:
        duplicates = _duplicate_ids(checked["lco_id"], kept, invalid, rows)
        if duplicates is not None:
            parts.append(duplicates[0])
            invalid |= duplicates[1]
    if raw.broken:
        parts.append(
            pd.DataFrame(
                {
                    "rij": [p.row for p in raw.broken],
                    "kolom": [p.column for p in raw.broken],
                    "waarde": [p.value for p in raw.broken],
                    "reden": [p.reason for p in raw.broken],
                }
            )
        )
    return _problem_frame(parts), invalid


def _extra_cells(frame: pd.DataFrame, positions: np.ndarray, rows: np.ndarray, header_count: int) -> pd.DataFrame:
    extra_columns = [
        c for c in frame.columns if isinstance(c, str) and c.startswith("_") and int(c[1:]) >= header_count
    ]
    values = frame.iloc[positions][extra_columns].to_numpy(dtype=object)
    shown = [show(next((cell_text(v) for v in row if cell_text(v).strip()), "")) for row in values]
    return pd.DataFrame(
        {
            "rij": rows,
            "kolom": "hele rij",
            "waarde": shown,
            "reden": "deze rij heeft meer cellen dan er kolomkoppen zijn; de kit weet niet bij welke kolom ze horen.",
        }
    )


def _remarks(series: pd.Series, empty: np.ndarray, selected: np.ndarray) -> np.ndarray:
    values = series.to_numpy(dtype=object)[selected]
    out = np.full(len(values), None, dtype=object)
    idx = np.flatnonzero(~empty[selected])
    texts = values[idx]
    if pd.api.types.infer_dtype(texts, skipna=False) == "string":
        out[idx] = list(map(str.strip, texts))
    else:
        out[idx] = [cell_text(v).strip() for v in texts]
    return out


def _problem_frame(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object if c != "rij" else np.int64) for c in PROBLEM_COLUMNS})
    frame = pd.concat(frames, ignore_index=True)
    order = {c: i for i, c in enumerate(("hele rij", *REGISTRATION_COLUMNS))}
    frame["_volgorde"] = frame["kolom"].map(order).fillna(len(order))
    frame = frame.sort_values(["rij", "_volgorde"], kind="stable").drop(columns="_volgorde")
    frame["rij"] = frame["rij"].astype(np.int64)
    return frame.reset_index(drop=True)


def _duplicate_ids(
    col: _Column, kept: np.ndarray, invalid: np.ndarray, rows: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray] | None:
    """Mark every later row whose ``lco_id`` an earlier, otherwise valid row already has."""
    present = ~col.empty & ~col.bad  # an empty id, or one refused, is not compared
    # When trimming changed no id, the codes of the distinct values identify the ids.
    keys = col.codes[kept] if not col.trimmed else pd.factorize(col.values[col.codes[kept]], use_na_sentinel=True)[0]
    eligible = ~invalid & present[col.codes[kept]]
    positions = np.flatnonzero(eligible)
    repeated = pd.Series(keys[positions]).duplicated(keep="first").to_numpy()
    if not repeated.any():
        return None
    firsts = pd.Series(rows[positions]).groupby(keys[positions]).transform("first").to_numpy()
    where = positions[repeated]
    frame = pd.DataFrame(
        {
            "rij": rows[where],
            "kolom": "lco_id",
            "waarde": [show(str(v)) for v in col.values[col.codes[kept][where]]],
            "reden": [f"dit lco_id staat ook op rij {r}; elk LCO heeft een eigen nummer." for r in firsts[repeated]],
        }
    )
    mask = np.zeros(len(kept), dtype=bool)
    mask[where] = True
    return frame, mask


def _categorical(col: _Column, selected: np.ndarray, categories: Sequence[str]) -> pd.Categorical:
    position = {c: i for i, c in enumerate(categories)}
    per_value = np.array([position.get(v, -1) if isinstance(v, str) else -1 for v in col.values], dtype=np.int64)
    return pd.Categorical.from_codes(per_value[col.codes[selected]], categories=list(categories))


def _typed_rows(
    checked: Mapping[str, _Column], selected: np.ndarray, rows: np.ndarray, remarks: np.ndarray | None
) -> pd.DataFrame:
    def spread(column: str, per_value: Sequence[Any] | np.ndarray, dtype: Any) -> np.ndarray:
        return np.asarray(per_value, dtype=dtype)[checked[column].codes[selected]]

    datum = checked["datum"]
    days = np.array(
        [np.datetime64(v, "D") if v is not None else np.datetime64("NaT") for v in datum.values], dtype="datetime64[D]"
    )
    # Convert the few distinct dates, then spread them: converting a million rows costs more.
    per_day_year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    per_day_seconds = days.astype("datetime64[s]")
    gemeente = checked["gemeente"]
    names = sorted({v for v in gemeente.values if isinstance(v, str)}, key=str.casefold)
    out: dict[str, Any] = {
        "rij": rows,
        "datum": spread("datum", per_day_seconds, "datetime64[s]"),
        "jaar": spread("datum", per_day_year, np.int64),
        "gemeente": _categorical(gemeente, selected, names),
        "gemeente_bekend": spread("gemeente", [n is None for n in gemeente.notes], bool),
        "soort": _categorical(checked["soort"], selected, ["eerste", "opvolg"]),
        "aanvrager": _categorical(checked["aanvrager"], selected, [c.code for c in code_list("aanvragers").codes]),
        "client_aanwezig": spread("client_aanwezig", [v is True for v in checked["client_aanwezig"].values], bool),
        "minderjarige_betrokken": spread(
            "minderjarige_betrokken", [v is True for v in checked["minderjarige_betrokken"].values], bool
        ),
        "aantal_deelnemers": spread(
            "aantal_deelnemers", [v or 0 for v in checked["aantal_deelnemers"].values], np.int64
        ),
    }
    flags: list[pd.DataFrame] = []
    for column, list_name in LIST_COLUMNS.items():
        prefix = "levensdomein" if column == "levensdomeinen" else "knelpunt"
        codes = [c.code for c in code_list(list_name).codes]
        onehot = np.zeros((len(checked[column].values), len(codes)), dtype=bool)
        for i, value in enumerate(checked[column].values):
            for code in value or ():
                onehot[i, codes.index(code)] = True
        # One block per list: building a frame from many separate columns would copy them all.
        flags.append(pd.DataFrame(onehot[checked[column].codes[selected]], columns=[f"{prefix}_{c}" for c in codes]))
    tail: dict[str, pd.Series] = {}
    if "lco_id" in checked:
        tail["lco_id"] = pd.Series(checked["lco_id"].values[checked["lco_id"].codes[selected]], dtype=object)
    if remarks is not None:
        tail["opmerking"] = pd.Series(remarks, dtype=object)
    parts = [pd.DataFrame(out), *flags]
    if tail:
        parts.append(pd.DataFrame(tail))
    return pd.concat(parts, axis=1)


def _warnings(checked: Mapping[str, _Column], selected: np.ndarray, rows: np.ndarray, typed: pd.DataFrame) -> list[str]:
    found: list[str] = []
    gemeente = checked["gemeente"]
    codes = gemeente.codes[selected]
    noted = [i for i, note in enumerate(gemeente.notes) if note is not None and gemeente.reasons[i] is None]
    if noted:
        counts = np.bincount(codes[codes >= 0], minlength=len(gemeente.values))
        for index in noted:
            if counts[index]:
                where = rows[codes == index]
                found.append(
                    f"{gemeente.notes[index]} ({count_text(len(where), 'rij', 'rijen')}: {row_list(where.tolist())})"
                )
    if len(found) > _MAX_WARNINGS:
        hidden = len(found) - _MAX_WARNINGS
        found = [*found[:_MAX_WARNINGS], f"… en nog {number(hidden)} onbekende gemeentenamen."]
    datum = checked["datum"]
    serial_u = np.array([n is not None for n in datum.notes], dtype=bool) & ~datum.bad
    if serial_u.any():
        serial = serial_u[datum.codes[selected]]
        if serial.any():
            first = int(np.flatnonzero(serial)[0])
            note = datum.notes[int(datum.codes[selected][first])]
            found.append(
                f"In {count_text(int(serial.sum()), 'rij', 'rijen')} stond de datum als Excel-datumgetal; de kit las "
                f"dat als een gewone datum (bijvoorbeeld rij {rows[first]}: {note}). Kijk na of dat klopt."
            )
    known = typed[typed["gemeente_bekend"]] if len(typed) else typed
    if len(known):
        pairs = known.groupby(["gemeente", "jaar"], observed=True).size()
        merged: dict[tuple[str, str], int] = {}
        for (name, year), size in pairs.items():
            match = lookup_gemeente(str(name), int(year))
            if match.bekend and match.huidige_naam and match.huidige_naam != match.naam:
                key = (match.naam, match.huidige_naam)
                merged[key] = merged.get(key, 0) + int(size)
        for (old, new), size in merged.items():
            found.append(
                f"{old} was op de datum van het overleg al deel van {new} ({count_text(size, 'rij', 'rijen')}); "
                "de kit telt de naam zoals hij in het bestand staat."
            )
    return found


def validate_frame(
    frame: pd.DataFrame, *, source: str = "tabel", today: dt.date | None = None, progress: Progress | None = None
) -> Registration:
    """Check a table that is already in memory (the simulator's, or a test's).

    Column names are matched like file headers; row numbers are counted as if the header
    were row 1. The table passed in is not changed.
    """
    match = match_headers([str(c) for c in frame.columns])
    layout = FileLayout(name=source, kind="csv", header_row=1, match=match)
    if match.missing:
        raise MissingColumnsError(layout)
    renamed = frame.copy(deep=False)
    renamed.columns = list(range(len(frame.columns)))
    raw = RawExport(
        layout=layout,
        frame=_named(renamed, match),
        rows=np.arange(2, 2 + len(frame), dtype=np.int64),
    )
    return validate_export(raw, today=today, progress=progress, source=source)


def load_registration(
    source: Path | bytes,
    name: str | None = None,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Registration:
    """Read and check a registration file in one step.

    Args:
        source: A path, or the bytes of an uploaded file.
        name: The file's name for messages.
        sheet: For an XLSX file, the sheet to read.
        mapping: Header as written in the file → registration column.
        today: The last date accepted (default: today).
        progress: Called with the share done and a Dutch line.

    Raises:
        MissingColumnsError: When required columns are missing.
        LcoError: When the file cannot be read at all.

    Examples:
        >>> header = "datum;gemeente;soort;aanvrager;client_aanwezig;minderjarige_betrokken;aantal_deelnemers"
        >>> row = "14/03/2016;Genk;eerste;OCMW;ja;nee;5"
        >>> data = f"{header};levensdomeinen;knelpunten{chr(10)}{row};Financiën;".encode()
        >>> load_registration(data, "x.csv").summary_line()
        '1 rij gelezen: 1 geldig, 0 ongeldig (niet meegeteld).'
    """
    raw = read_export(source, name, sheet=sheet, mapping=mapping, progress=progress)
    return validate_export(raw, today=today, progress=progress)
