"""The bounded .xlsx reader: real workbooks read as openpyxl reads them, crafted ones refused within limits."""

from __future__ import annotations

import datetime as dt
import io
import os
import resource
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl import load_workbook

from lco_kit.errors import LcoError
from lco_kit.registratie import load_registration
from lco_kit.registratie._xlsx import MAX_ROWS, Workbook, XlsxLimits

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space for the whole process, the kit's imports included
HEADERS = (
    "datum",
    "gemeente",
    "soort",
    "aanvrager",
    "client_aanwezig",
    "minderjarige_betrokken",
    "aantal_deelnemers",
    "levensdomeinen",
    "knelpunten",
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# ------------------------------------------------------------------ crafted workbooks


def header_row() -> bytes:
    """Return row 1 with the registration's column headers, as inline texts."""
    cells = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in HEADERS)
    return f'<row r="1">{cells}</row>'.encode()


def write_workbook(path: Path, sheet_parts: Iterable[bytes], *, level: int = 9) -> Path:
    """Write a minimal workbook whose one sheet is the given XML pieces, streamed and deflated."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="r1" Target="xl/workbook.xml" '
            f'Type="{_DOC}/officeDocument"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
            '<sheet name="Registratie" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Target="worksheets/sheet1.xml" '
            f'Type="{_DOC}/worksheet"/></Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            for part in sheet_parts:
                sheet.write(part)
            sheet.write(b"</sheetData></worksheet>")
    return path


def cell_bomb_parts(characters: int = 10**9) -> Iterable[bytes]:
    """Yield a header row and then one inline cell of ``characters`` characters."""
    yield header_row()
    yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    block = b"a" * 1_000_000
    for _ in range(characters // len(block)):
        yield block
    yield b"</t></is></c></row>"


def row_bomb_parts(rows: int = 3_000_000) -> Iterable[bytes]:
    """Yield a header row and then ``rows`` rows of one cell each (rows without numbers, all alike)."""
    yield header_row()
    block = b'<row><c t="b"><v>1</v></c></row>' * 30_000
    for _ in range(rows // 30_000):
        yield block


def lie_about_size(path: Path, member: str, claimed: int) -> Path:
    """Overwrite the unpacked size of one member in the zip's local header and directory."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30 : local + 30 + name_length] == name:
            struct.pack_into("<I", data, local + 22, claimed)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, claimed)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the crafted workbooks once: each is small on disk and huge unpacked."""
    folder = tmp_path_factory.mktemp("bommen")
    cell = write_workbook(folder / "cel-van-een-miljard-tekens.xlsx", cell_bomb_parts())
    rows = write_workbook(folder / "drie-miljoen-rijen.xlsx", row_bomb_parts())
    lying = write_workbook(folder / "zip-kop-liegt-over-de-grootte.xlsx", cell_bomb_parts())
    lie_about_size(lying, "xl/worksheets/sheet1.xml", 4_000)
    return {"cel": cell, "rijen": rows, "liegt": lying}


def limit_memory() -> None:
    """Run in the child before it starts: at most 1 GiB of address space."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    """Run Python with the kit under the memory limit; a hang fails the test instead of blocking the run."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=ROOT,
        env=env,
        preexec_fn=limit_memory,
    )


_PAGE_PATH = """
import sys
from pathlib import Path
from lco_kit.errors import LcoError
from lco_kit.registratie import load_registration
try:
    load_registration(Path(sys.argv[1]).read_bytes(), Path(sys.argv[1]).name)
except LcoError as error:
    print(error)
    sys.exit(1)
"""


# ------------------------------------------------------------------ bombs


@pytest.mark.slow
@pytest.mark.parametrize(
    ("bomb", "fragment"),
    [
        ("cel", "een cel met meer dan 32 767 tekens"),
        ("rijen", "heeft meer dan 1 048 576 rijen"),
        ("liegt", "beschadigd"),
    ],
)
def test_bomb_is_refused_by_the_command_line_under_1_gib(bombs: dict[str, Path], bomb: str, fragment: str) -> None:
    """Does ``registratie check`` refuse each crafted workbook in Dutch, naming the limit, within 1 GiB?"""
    path = bombs[bomb]
    assert path.stat().st_size < 5_000_000
    result = run_limited("-m", "lco_kit", "registratie", "check", str(path))
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr.startswith(f"{path.name}: "), result.stderr[-2000:]
    assert fragment in result.stderr
    assert "onverwacht" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("bomb", ["cel", "rijen", "liegt"])
def test_bomb_is_refused_by_the_page_path_under_1_gib(bombs: dict[str, Path], bomb: str) -> None:
    """Does ``load_registration(bytes)``, as the page calls it, refuse each crafted workbook within 1 GiB?"""
    result = run_limited("-c", _PAGE_PATH, str(bombs[bomb]))
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stdout.startswith(f"{bombs[bomb].name}: ")


# ------------------------------------------------------------------ limits, small


def small_limits(**changes: int) -> XlsxLimits:
    """Return limits small enough to reach in a test."""
    values = {"rows": 50, "columns": 12, "cell_chars": 100, "uncompressed_bytes": 200_000}
    values.update(changes)
    return XlsxLimits(**values)


def workbook_bytes(parts: Iterable[bytes], tmp_path: Path) -> bytes:
    """Return the bytes of a minimal workbook with these sheet pieces."""
    return write_workbook(tmp_path / "w.xlsx", parts).read_bytes()


def read_all(data: bytes, limits: XlsxLimits) -> list[list[object]]:
    """Read every row of the first sheet."""
    book = Workbook(data, "w.xlsx", limits)
    try:
        return list(book.iter_rows(book.sheetnames[0]))
    finally:
        book.close()


def test_row_limit_names_the_limit(tmp_path: Path) -> None:
    """Is the 51st row refused when the limit is 50 rows, with the limit in the message?"""
    data = workbook_bytes(row_bomb_parts(60_000), tmp_path)
    with pytest.raises(LcoError, match="heeft meer dan 50 rijen"):
        read_all(data, small_limits(uncompressed_bytes=10**9))


def test_row_number_far_beyond_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    """Is a single row numbered 2 000 000 refused without reading a million empty rows?"""
    data = workbook_bytes([header_row(), b'<row r="2000000"><c r="A2000000"><v>1</v></c></row>'], tmp_path)
    with pytest.raises(LcoError, match=f"heeft meer dan {MAX_ROWS:,} rijen".replace(",", " ")):
        read_all(data, XlsxLimits())


def test_column_limit_names_the_column_and_the_limit(tmp_path: Path) -> None:
    """Is a value in column M refused when the limit is 12 columns, naming M, its row and the limit?"""
    data = workbook_bytes([header_row(), b'<row r="2"><c r="M2"><v>1</v></c></row>'], tmp_path)
    with pytest.raises(LcoError, match=r"een waarde in kolom M \(rij 2\); de kit leest hoogstens 12 kolommen"):
        read_all(data, small_limits())


def test_empty_styled_cells_beyond_the_limit_are_ignored(tmp_path: Path) -> None:
    """Are formatted but empty cells far to the right ignored rather than refused?"""
    data = workbook_bytes([header_row(), b'<row r="2"><c r="A2"><v>7</v></c><c r="XFD2" s="1"/></row>'], tmp_path)
    assert read_all(data, small_limits())[1] == [7]


def test_cell_limit_names_the_limit(tmp_path: Path) -> None:
    """Is a text of 101 characters refused when the limit is 100?"""
    data = workbook_bytes(
        [header_row(), b'<row r="2"><c t="inlineStr"><is><t>' + b"x" * 101 + b"</t></is></c></row>"], tmp_path
    )
    with pytest.raises(LcoError, match="een cel met meer dan 100 tekens"):
        read_all(data, small_limits())


def test_unpacked_size_limit_counts_what_comes_out(tmp_path: Path) -> None:
    """Is a sheet that unpacks beyond the byte limit refused, naming the limit in MB?"""
    data = workbook_bytes(row_bomb_parts(600_000), tmp_path)
    with pytest.raises(LcoError, match="pakt uit tot meer dan 1 MB"):
        read_all(data, small_limits(rows=10**7, uncompressed_bytes=1_000_000))


def test_size_in_the_zip_header_is_not_trusted(tmp_path: Path) -> None:
    """When the zip's directory claims a sheet of 4 kB that is really 2 MB, is it refused as damaged?"""
    path = write_workbook(tmp_path / "w.xlsx", row_bomb_parts(60_000))
    lie_about_size(path, "xl/worksheets/sheet1.xml", 4_000)
    with pytest.raises(LcoError, match="beschadigd"):
        read_all(path.read_bytes(), XlsxLimits())


def test_a_document_type_declaration_is_refused(tmp_path: Path) -> None:
    """Is a sheet with an entity declaration (the start of an entity bomb) refused as damaged?"""
    path = tmp_path / "w.xlsx"
    write_workbook(path, [header_row()])
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith("sheet1.xml"):
                content = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + content.split(b"?>", 1)[1]
            target.writestr(info, content)
    with pytest.raises(LcoError, match="beschadigd"):
        read_all(path.read_bytes(), XlsxLimits())


def test_not_a_zip_is_damaged() -> None:
    """Are random bytes refused as a damaged workbook, naming the file?"""
    with pytest.raises(LcoError, match=r"^w\.xlsx: dit Excel-bestand is beschadigd"):
        Workbook(b"PK\x03\x04" + b"\x00" * 100, "w.xlsx")


# ------------------------------------------------------------------ real workbooks


def test_values_are_read_as_openpyxl_reads_them() -> None:
    """Do texts, numbers, booleans, dates (built-in and own formats), gaps and formulas read as openpyxl reads them?"""
    book = OpenpyxlWorkbook()
    sheet = book.active
    sheet.title = "Registratie"
    sheet.append(["Titel van de export"])
    sheet.append([])
    sheet.append(list(HEADERS))
    sheet.append([dt.date(2016, 3, 14), "Genk & Hasselt <samen>", "eerste", None, True, False, 5])
    sheet.append([dt.datetime(2016, 3, 14, 10, 30), "Maasmechelen", "opvolg", "OCMW", "ja", "nee", 3.5])
    sheet["H4"] = "=1+1"
    sheet.cell(row=9, column=1, value=41640).number_format = "dd/mm/yyyy"
    sheet.cell(row=9, column=2, value=41640.5).number_format = "[$-813]d mmmm yyyy;@"
    sheet.cell(row=9, column=3, value=12).number_format = '0.00 "dagen"'
    book.create_sheet("Uitleg")["B2"] = "uitleg"
    buffer = io.BytesIO()
    book.save(buffer)
    expected = load_workbook(io.BytesIO(buffer.getvalue()), read_only=True, data_only=True)
    ours = Workbook(buffer.getvalue(), "w.xlsx")
    assert ours.sheetnames == ["Registratie", "Uitleg"]
    for name in ours.sheetnames:
        theirs = [list(row) for row in expected[name].iter_rows(values_only=True)]
        for row in theirs:
            while row and row[-1] is None:
                row.pop()
        assert list(ours.iter_rows(name)) == theirs
    assert list(ours.iter_rows("Registratie"))[8][:2] == [dt.datetime(2014, 1, 1), dt.datetime(2014, 1, 1, 12)]


def test_a_zip_listing_a_hundred_thousand_files_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """Is a zip whose own list of files is larger than any workbook's refused, not read into memory?"""
    path = tmp_path / "w.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(100_000):
            archive.writestr(f"x/{number}", b"")
    with pytest.raises(LcoError, match="meer onderdelen dan een werkmap ooit heeft"):
        Workbook(path.read_bytes(), "w.xlsx")
    with pytest.raises(LcoError, match=r"^w\.xlsx: dit Excel- of zip-bestand bevat meer onderdelen"):
        load_registration(path.read_bytes(), "w.xlsx")


def test_a_workbook_listing_one_sheet_three_hundred_times_is_refused(tmp_path: Path) -> None:
    """Is a workbook with more than 255 sheets (here one sheet listed 300 times) refused, naming the limit?"""
    path = write_workbook(tmp_path / "w.xlsx", [header_row()])
    sheets = "".join(f'<sheet name="B{n}" sheetId="{n}" r:id="rId1"/>' for n in range(1, 301))
    rewritten = tmp_path / "veel-bladen.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/workbook.xml":
                content = f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>{sheets}</sheets></workbook>'.encode()
            target.writestr(info, content)
    with pytest.raises(LcoError, match="meer dan 255 werkbladen"):
        Workbook(rewritten.read_bytes(), "veel-bladen.xlsx")
