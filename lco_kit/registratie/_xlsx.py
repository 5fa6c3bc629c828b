"""Reading an Excel workbook (.xlsx) within fixed limits, whatever the file claims.

An .xlsx file is a zip of XML files. A small file can unpack to gigabytes (one cell of a
billion characters compresses to under a megabyte), and the sizes written in the zip's
own directory can lie. So this reader never trusts them: it unpacks in small pieces,
counts the bytes that actually come out, and stops at the first limit it reaches, with a
Dutch message that names the limit. It keeps at most one row of the sheet as XML at a
time, refuses any text longer than Excel itself allows in a cell, and refuses document
type declarations (the road to entity bombs).

The values come out as openpyxl gives them: text, whole and decimal numbers, true/false,
and dates (as :class:`datetime.datetime`) for cells with a date format.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError, XMLPullParser
from xml.parsers import expat

from lco_kit.errors import LcoError

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "Workbook",
    "XlsxLimits",
    "check_zip_directory",
]

MAX_ROWS = 1_048_576
"""Excel's own number of rows: every sheet Excel can save fits."""
MAX_COLUMNS = 200
"""A registration has eleven columns; an export with others beside them stays well below this."""
MAX_CELL_CHARS = 32_767
"""Excel's own limit for the text in one cell."""
MAX_UNCOMPRESSED_BYTES = 800_000_000
"""All XML read from one workbook, unpacked: a sheet of a million rows is about half of it."""
MAX_SHARED_STRINGS_BYTES = 150_000_000
"""The workbook's list of texts, unpacked: kept in memory whole, so held lower."""
MAX_PARTS = 10_000
"""Files inside the zip: a workbook has a few dozen."""
MAX_SHEETS = 255
"""Sheets in one workbook: each is searched for the headers."""
MAX_DIRECTORY_BYTES = 2_000_000
"""The zip's own list of its files: read whole before anything else, so it is held small too."""

_CHUNK = 65_536
_ZIP64_MARK = 0xFFFFFFFF
_MAX_NODES = 200_000  # elements inside one cell, text or list of cell formats
_MAX_NAMES = 200  # distinct element names remembered without their prefix
# A run of text without a tag: a cell's text is one, and may be at most MAX_CELL_CHARS
# characters of up to four bytes each (entities such as &amp; only shorten the text).
_MAX_RUN = 4 * MAX_CELL_CHARS + 1024
_MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_BUILTIN_DATE_FORMATS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_DATE_LETTERS = re.compile(r"[dmyhs]", re.IGNORECASE)
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_LAST_SERIAL = 2_958_465  # 31/12/9999
_ROUND_UP_FROM = 999_000  # microseconds: a serial's rounding error, not a time anyone typed


@dataclass(frozen=True)
class XlsxLimits:
    """The limits one reading keeps to (the defaults are the kit's; tests pass smaller ones)."""

    rows: int = MAX_ROWS
    columns: int = MAX_COLUMNS
    cell_chars: int = MAX_CELL_CHARS
    uncompressed_bytes: int = MAX_UNCOMPRESSED_BYTES
    shared_strings_bytes: int = MAX_SHARED_STRINGS_BYTES


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


class _Budget:
    """Counts the bytes unpacked so far and stops at the limit."""

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        self.spent = 0

    def spend(self, size: int, limit: int | None = None, part_spent: int = 0) -> None:
        self.spent += size
        if self.spent > self.limit or (limit is not None and part_spent > limit):
            shown = _number((limit or self.limit) // 1_000_000)
            raise LcoError(
                f"{self.name}: dit Excel-bestand pakt uit tot meer dan {shown} MB (de grens van de kit). "
                "Zo groot is een registratie niet; bewaar alleen het werkblad met de registratie, "
                "of bewaar het als CSV."
            )


def check_zip_directory(data: bytes, name: str) -> None:
    """Refuse a zip whose list of files is larger than any workbook's, before it is read.

    Python's zipfile reads that list whole, one object per file; a crafted zip of a few
    megabytes can list millions of files. The size of the list is taken from the zip's end
    record; when that record cannot be found, zipfile itself will refuse the file.

    Raises:
        LcoError: When the list is larger than :data:`MAX_DIRECTORY_BYTES`.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end == -1 or end + 22 > len(data):
        return
    size = struct.unpack_from("<I", data, end + 12)[0]
    if size == _ZIP64_MARK:  # a zip64 file: the real size is in the zip64 end record
        record = data.rfind(b"PK\x06\x06", 0, end)
        if record == -1 or record + 56 > len(data):
            return
        size = struct.unpack_from("<Q", data, record + 40)[0]
    if size > MAX_DIRECTORY_BYTES:
        raise LcoError(
            f"{name}: dit Excel- of zip-bestand bevat meer onderdelen dan een werkmap ooit heeft. "
            "Kies de export van je registratie."
        )


def _damaged(name: str) -> LcoError:
    return LcoError(f"{name}: dit Excel-bestand is beschadigd en kan niet geopend worden.")


class Workbook:
    """One .xlsx workbook, opened within limits.

    Args:
        data: The file's bytes.
        name: The file's name, for messages.
        limits: The limits to keep to.

    Raises:
        LcoError: For a damaged file or one that goes over a limit, in Dutch.
    """

    def __init__(self, data: bytes, name: str, limits: XlsxLimits | None = None) -> None:
        self.name = name
        self.limits = limits or XlsxLimits()
        self._budget = _Budget(name, self.limits.uncompressed_bytes)
        check_zip_directory(data, name)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise _damaged(name) from None
        try:
            infos = self._zip.infolist()
            if len(infos) > MAX_PARTS:
                raise _damaged(name)
            self._parts = {info.filename: info for info in infos}
            self._sheets, self._date1904 = self._read_workbook()
            self._date_styles = self._read_styles()
            self._shared: list[str] | None = None
        except BaseException:
            self._zip.close()
            raise

    @property
    def sheetnames(self) -> list[str]:
        """The names of the sheets, in order."""
        return [sheet for sheet, _ in self._sheets]

    @property
    def unpacked_bytes(self) -> int:
        """How many bytes were unpacked so far (all parts together)."""
        return self._budget.spent

    def close(self) -> None:
        """Close the zip."""
        self._zip.close()

    # -------------------------------------------------------------- the parts

    def _elements(self, part: str, keep: frozenset[str] = frozenset(), limit: int | None = None) -> Iterator[Element]:
        """Yield each element of one XML part as it ends, unpacking the part piece by piece.

        An element is dropped from the tree once it has been yielded, so memory holds one
        element at a time; an element named in ``keep`` (``c``, ``si``) keeps its children
        until it ends, up to a fixed number of them.
        """
        info = self._parts.get(part)
        if info is None:
            raise _damaged(self.name)
        pruner = _Pruner(keep, self.name)
        parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
        tail = b""
        run = part_spent = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    part_spent += len(chunk)
                    self._budget.spend(len(chunk), limit, part_spent)
                    run = self._check_chunk(tail + chunk, run + len(tail)) if tail else self._check_chunk(chunk, run)
                    tail = chunk[-16:]
                    parser.feed(chunk)
                    yield from pruner.ended(parser.read_events())
                parser.close()
                yield from pruner.ended(parser.read_events())
        except ParseError:
            raise _damaged(self.name) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
            # A damaged stream, a checksum that does not match (the zip's sizes lied), or a
            # method or encryption the kit does not read.
            raise _damaged(self.name) from None

    def _check_chunk(self, chunk: bytes, run: int) -> int:
        """Refuse a type declaration or an overlong text; return the open text run's length."""
        if b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk:
            raise _damaged(self.name)
        pieces = chunk.split(b"<")
        if len(pieces) == 1:
            longest = run = run + len(chunk)
        else:
            longest = max(run + len(pieces[0]), *(len(piece) for piece in pieces[1:]))
            run = len(pieces[-1])
        if longest > _MAX_RUN:
            raise self._cell_too_long()
        return run

    def _cell_too_long(self) -> LcoError:
        return LcoError(
            f"{self.name}: in dit Excel-bestand staat een cel met meer dan {_number(self.limits.cell_chars)} "
            "tekens (de grens van Excel zelf). Zo'n bestand komt niet uit een rekenblad; kies de echte export."
        )

    def _rels(self, part: str) -> dict[str, str]:
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        if rels_part not in self._parts:
            return {}
        found = {}
        for element in self._elements(rels_part):
            if _local(element.tag) == "Relationship":
                target = element.get("Target", "")
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                )
                found[element.get("Id", "")] = path
        return found

    def _workbook_part(self) -> str:
        for element in self._elements("_rels/.rels") if "_rels/.rels" in self._parts else ():
            if _local(element.tag) == "Relationship" and element.get("Type", "").endswith("/officeDocument"):
                return element.get("Target", "").lstrip("/")
        return "xl/workbook.xml"

    def _read_workbook(self) -> tuple[list[tuple[str, str]], bool]:
        self._workbook = self._workbook_part()
        rels = self._rels(self._workbook)
        sheets: list[tuple[str, str]] = []
        date1904 = False
        for element in self._elements(self._workbook):
            tag = _local(element.tag)
            if tag == "workbookPr":
                date1904 = element.get("date1904", "").lower() in {"1", "true"}
            elif tag == "sheet":
                rel = next((element.get(f"{{{ns}}}id") for ns in _REL_NS if element.get(f"{{{ns}}}id")), None)
                part = rels.get(rel or "")
                if part is not None and part in self._parts:
                    sheets.append((element.get("name", f"Blad{len(sheets) + 1}"), part))
                    if len(sheets) > MAX_SHEETS:
                        raise LcoError(
                            f"{self.name}: dit Excel-bestand heeft meer dan {MAX_SHEETS} werkbladen, "
                            "de grens van de kit. Bewaar alleen het werkblad met de registratie."
                        )
        return sheets, date1904

    def _read_styles(self) -> list[bool]:
        part = next((p for p in self._rels(self._workbook).values() if p.endswith("styles.xml")), None)
        if part is None or part not in self._parts:
            return []
        custom: dict[int, str] = {}
        formats: list[int] = []
        for element in self._elements(part, frozenset({"numFmts", "cellXfs"})):
            tag = _local(element.tag)
            if tag == "numFmts":
                for child in element:
                    custom[_int(child.get("numFmtId"))] = child.get("formatCode", "")
            elif tag == "cellXfs":
                formats = [_int(child.get("numFmtId")) for child in element]
        return [
            number in _BUILTIN_DATE_FORMATS or (number in custom and _is_date_format(custom[number]))
            for number in formats
        ]

    def _shared_strings(self) -> list[str]:
        if self._shared is not None:
            return self._shared
        part = next((p for p in self._rels(self._workbook).values() if p.endswith("sharedStrings.xml")), None)
        texts = _TextReader(self)
        if part is not None and part in self._parts:
            for _ in self._expat(part, texts, self.limits.shared_strings_bytes):
                pass
        self._shared = texts.found
        return texts.found

    def _expat(self, part: str, reader: _Reader, limit: int | None = None) -> Iterator[None]:
        """Feed one XML part to a reader piece by piece; pause after each piece."""
        info = self._parts.get(part)
        if info is None:
            raise _damaged(self.name)
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.text
        parser.StartDoctypeDeclHandler = self._refuse_declaration
        parser.EntityDeclHandler = self._refuse_declaration
        run = part_spent = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    part_spent += len(chunk)
                    self._budget.spend(len(chunk), limit, part_spent)
                    run = self._check_chunk(chunk, run)
                    parser.Parse(chunk, False)
                    yield
                parser.Parse(b"", True)
                yield
        except expat.ExpatError:
            raise _damaged(self.name) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
            raise _damaged(self.name) from None

    def _refuse_declaration(self, *args: object) -> None:
        # A document type declaration is how entity bombs start; a workbook never has one.
        del args
        raise _damaged(self.name)

    # -------------------------------------------------------------- the rows

    def iter_rows(
        self,
        sheet: str,
        *,
        first_row: int = 1,
        last_row: int | None = None,
        progress: Callable[[float], None] | None = None,
    ) -> Iterator[list[Any]]:
        """Yield the values of every row from ``first_row`` on, one list per row, without gaps.

        A row that is not in the file comes out as an empty list; trailing rows without any
        value do not come out at all.

        Args:
            sheet: The sheet's name.
            first_row: The first row to yield, as the spreadsheet numbers it.
            last_row: Stop after this row (reading no further).
            progress: Called now and then with the share of the sheet read (0 to 1).

        Raises:
            LcoError: When the sheet goes over a limit or is damaged.
        """
        part = dict(self._sheets)[sheet]
        reader = _RowReader(self, sheet, self._shared_strings())
        size = max(self._parts[part].file_size, 1)  # only for progress: it may lie
        started = self._budget.spent
        next_row = first_row
        for _ in self._expat(part, reader):
            done, reader.done = reader.done, []
            for number, cells in done:
                if last_row is not None and number > last_row:
                    return
                if number < first_row:
                    continue
                while next_row < number:
                    yield []
                    next_row += 1
                values: list[Any] = [None] * (max(position for position, _ in cells) + 1)
                for position, value in cells:
                    values[position] = value
                yield values
                next_row = number + 1
            if last_row is not None and reader.expected > last_row + 1:
                return
            if progress is not None:
                progress(min((self._budget.spent - started) / size, 1.0))

    def too_many_rows(self, sheet: str) -> LcoError:
        """The message for a sheet over the row limit."""
        return LcoError(
            f"{self.name}: werkblad ‘{sheet}’ heeft meer dan {_number(self.limits.rows)} rijen, de grens van de kit "
            "(en van Excel). Verdeel de registratie over meer bestanden, bijvoorbeeld één per jaar."
        )

    def too_many_columns(self, sheet: str, position: int, row: str) -> LcoError:
        """The message for a value beyond the column limit."""
        return LcoError(
            f"{self.name}: werkblad ‘{sheet}’ heeft een waarde in kolom {_column_name(position)} "
            f"(rij {row}); de kit leest hoogstens {self.limits.columns} kolommen. "
            "Verwijder de kolommen die niet bij de registratie horen."
        )

    def damaged(self) -> LcoError:
        """The message for a damaged workbook."""
        return _damaged(self.name)

    def cell_too_long(self) -> LcoError:
        """The message for a text over the cell limit."""
        return self._cell_too_long()

    def value(self, kind: str, raw: str | None, style: str | None, shared: list[str]) -> Any:  # noqa: PLR0911
        """Return a cell's value as openpyxl would: text, number, true/false or date."""
        if raw is None:
            return None
        if kind in {"inlineStr", "str", "e"}:
            return raw
        if kind == "s":
            index = _int(raw, -1)
            if not 0 <= index < len(shared):
                raise _damaged(self.name)
            return shared[index]
        if kind == "b":
            return raw.strip() in {"1", "true"}
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(raw.strip())
            except ValueError:
                return raw
        return self._numeric(raw, _int(style, 0))

    def _numeric(self, raw: str, style: int) -> Any:
        text = raw.strip()
        try:
            value: float | int = int(text) if text.lstrip("-").isdigit() and len(text) < 19 else float(text)  # noqa: PLR2004
        except ValueError:
            return raw
        if 0 <= style < len(self._date_styles) and self._date_styles[style]:
            return self._date(float(value)) or value
        return value

    def _date(self, serial: float) -> dt.datetime | None:
        if not 0 <= serial <= _LAST_SERIAL:
            return None
        if self._date1904:
            return _EPOCH_1904 + dt.timedelta(days=serial)
        # Excel counts 29/02/1900, a day that never was: before it, its days are one off.
        epoch = _EXCEL_EPOCH + dt.timedelta(days=1) if serial < 60 else _EXCEL_EPOCH  # noqa: PLR2004
        moment = epoch + dt.timedelta(days=serial)
        return moment.replace(microsecond=0) if moment.microsecond > _ROUND_UP_FROM else moment


class _Reader:
    """Handles the parse callbacks of one XML part, element names without their prefix."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.limit = book.limits.cell_chars
        self.names: dict[str, str] = {}
        self.parts: list[str] = []
        self.length = 0
        self.collecting = False
        self.phonetic = 0  # inside a phonetic guide (<rPh>), whose text is not the cell's

    def local(self, name: str) -> str:
        found = self.names.get(name)
        if found is None:
            found = name.rpartition(":")[2]
            if len(self.names) < _MAX_NAMES:
                self.names[name] = found
        return found

    def start(self, name: str, attributes: dict[str, str]) -> None:
        raise NotImplementedError

    def end(self, name: str) -> None:
        raise NotImplementedError

    def text(self, data: str) -> None:
        if self.collecting:
            self.length += len(data)
            if self.length > self.limit:
                raise self.book.cell_too_long()
            self.parts.append(data)

    def begin_text(self) -> None:
        self.parts, self.length = [], 0

    def collect(self, local: str, starting: bool) -> None:
        if local == "rPh":
            self.phonetic += 1 if starting else -1
        elif local in {"t", "v"} and not self.phonetic:
            self.collecting = starting


class _TextReader(_Reader):
    """Reads the workbook's list of texts (sharedStrings.xml)."""

    def __init__(self, book: Workbook) -> None:
        super().__init__(book)
        self.found: list[str] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        del attributes
        local = self.local(name)
        if local == "si":
            self.begin_text()
        else:
            self.collect(local, starting=True)

    def end(self, name: str) -> None:
        local = self.local(name)
        if local == "si":
            self.found.append("".join(self.parts))
        else:
            self.collect(local, starting=False)


class _RowReader(_Reader):
    """Reads a sheet's rows: each finished row as its number and its cells with a value."""

    def __init__(self, book: Workbook, sheet: str, shared: list[str]) -> None:
        super().__init__(book)
        self.sheet = sheet
        self.shared = shared
        self.done: list[tuple[int, list[tuple[int, Any]]]] = []
        self.cells: list[tuple[int, Any]] = []
        self.expected = 1
        self.position = 0
        self.row: str | None = None
        self.reference: str | None = None
        self.kind = "n"
        self.style: str | None = None
        self.has_text = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = self.local(name)
        if local == "c":
            self.reference = attributes.get("r")
            self.kind = attributes.get("t", "n")
            self.style = attributes.get("s")
            self.has_text = False
            self.begin_text()
        elif local == "row":
            self.row = attributes.get("r")
            self.cells, self.position = [], 0
        else:
            self.has_text = self.has_text or (local in {"t", "v"} and not self.phonetic)
            self.collect(local, starting=True)

    def end(self, name: str) -> None:
        local = self.local(name)
        if local == "c":
            self.end_cell()
        elif local == "row":
            self.end_row()
        else:
            self.collect(local, starting=False)

    def end_cell(self) -> None:
        if self.reference is not None:
            found = _CELL_REF.match(self.reference)
            if found is None:
                raise self.book.damaged()
            self.position = _column_index(found.group(1))
        raw = "".join(self.parts) if self.has_text else None
        value = self.book.value(self.kind, raw, self.style, self.shared)
        if value is not None and value != "":
            if self.position >= self.book.limits.columns:
                raise self.book.too_many_columns(self.sheet, self.position, self.row or str(self.expected))
            self.cells.append((self.position, value))
        self.position += 1

    def end_row(self) -> None:
        number = _int(self.row, self.expected)
        if number > self.book.limits.rows:
            raise self.book.too_many_rows(self.sheet)
        if number < self.expected:
            raise self.book.damaged()
        self.expected = number + 1
        if self.cells:
            self.done.append((number, self.cells))
        self.cells = []


class _Pruner:
    """Turns parse events into ended elements, dropping each from the tree once handed out."""

    def __init__(self, keep: frozenset[str], name: str) -> None:
        self.keep = {f"{{{ns}}}{tag}" for ns in _MAIN for tag in keep}
        self.name = name
        self.stack: list[Element] = []
        self.inside = 0  # depth inside a kept element
        self.nodes = 0  # elements inside the kept element so far

    def ended(self, events: Iterator[Any]) -> Iterator[Element]:
        for event, element in events:
            if event == "start":
                self._start(element)
                continue
            self.stack.pop()
            if self.inside > 1:
                self.inside -= 1
                continue
            self.inside = 0
            yield element
            if self.stack:
                self.stack[-1].remove(element)

    def _start(self, element: Element) -> None:
        if self.inside:
            self.inside += 1
            self.nodes += 1
            if self.nodes > _MAX_NODES:
                raise _damaged(self.name)
        elif element.tag in self.keep:
            self.inside, self.nodes = 1, 0
        self.stack.append(element)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _int(text: str | None, default: int = 0) -> int:
    if text is None or not text.strip().isdigit() or len(text) > 12:  # noqa: PLR2004
        return default
    return int(text)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index - 1


def _column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _is_date_format(code: str) -> bool:
    """Whether a number format shows a date or time (its letters outside quotes and brackets)."""
    cleaned = _FORMAT_NOISE.sub("", code.split(";", maxsplit=1)[0])
    return bool(_DATE_LETTERS.search(cleaned)) and "General" not in code
