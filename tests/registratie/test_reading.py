"""Reading every row of an export, including the malformed and hostile files coordinators really get."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lco_kit.errors import LcoError
from lco_kit.registratie.registration import Registration
from lco_kit.registratie.validation import load_registration
from tests._fuzz import FUZZ
from tests.registratie.conftest import (
    HEADER,
    TODAY,
    assert_nothing_dropped,
    csv_bytes,
    csv_text,
    good_row,
    load,
    problems_by_row,
    xlsx_bytes,
)


def test_a_header_without_rows_reads_as_zero_registrations() -> None:
    """Is a file with only headers read as zero rows, without problems?"""
    registration = load(csv_bytes([]))
    assert registration.read_rows == 0 and registration.invalid_rows == 0


def test_rows_ending_in_empty_cells_are_read() -> None:
    """Are rows that end in a few empty cells (as Excel writes them) read normally?"""
    text = "\r\n".join(line + ";;;" if line else line for line in csv_text([good_row(), good_row()]).split("\r\n"))
    registration = load(text.encode("utf-8"))
    assert registration.valid_rows == 2 and registration.invalid_rows == 0


def test_a_row_that_cannot_be_split_is_reported_not_dropped() -> None:
    """Is a row far down with far too many cells reported with its number, the rows after it numbered right?"""
    lines = csv_text([good_row()] * 40 + [good_row(datum="x")]).split("\r\n")
    lines[35] = lines[35] + ";a;b;c;d;e;f;g"
    registration = load("\r\n".join(lines).encode("utf-8"))
    found = problems_by_row(registration)
    assert found == {36: [("hele rij", "")], 42: [("datum", "x")]}
    assert "deze rij heeft 18 cellen, terwijl er 11 kolommen zijn." in registration.problems["reden"].iloc[0]
    assert registration.rows["rij"].tolist() == [r for r in range(2, 42) if r != 36]
    assert_nothing_dropped(registration, 41)


def test_a_utf8_file_with_one_damaged_byte_keeps_its_accents() -> None:
    """Is a UTF-8 file with one stray byte far into it read as UTF-8, the byte marked and noted?"""
    rows = [good_row() for _ in range(3000)]
    last = good_row(levensdomeinen="Werk", opmerking="caf\xe9")
    data = csv_bytes(rows, encoding="utf-8") + csv_text([last]).split("\r\n", 1)[1].encode("cp1252")
    registration = load(data)
    assert registration.valid_rows == 3001
    assert registration.rows["opmerking"].iloc[-1] == "caf\ufffd"
    assert "1 teken in het bestand waren geen geldige UTF-8" in registration.warnings[0]


def test_a_windows_1252_file_with_accents_only_far_in_is_read_as_windows_1252() -> None:
    """Is a Windows-1252 file whose first accent comes after many plain rows still read right?"""
    rows = [good_row(levensdomeinen="Werk") for _ in range(3000)] + [good_row(levensdomeinen="Financiën")]
    registration = load(csv_bytes(rows, encoding="cp1252"))
    assert registration.valid_rows == 3001
    assert registration.rows["levensdomein_financien"].sum() == 1


def test_an_unclosed_quote_is_a_clear_message() -> None:
    """Is a quote that never closes reported in Dutch, not as a parser error?"""
    text = csv_text([good_row()]) + '14/03/2016;"Genk;eerste;OCMW;ja;nee;6;Werk;;;\r\n'
    with pytest.raises(LcoError, match="een aanhalingsteken"):
        load(text.encode("utf-8"))


def test_xlsx_date_cells_numbers_and_booleans_are_read() -> None:
    """In an .xlsx, are date cells, numbers (3.0) and TRUE/FALSE cells read like typed text?"""
    rows = [
        list(HEADER[:9]),
        [dt.datetime(2016, 3, 14), "Genk", "eerste", "OCMW", True, False, 3.0, "Werk", None],
        [42443, "As", "opvolg", "CAW", "nee", "ja", 4.5, "Werk", None],
    ]
    registration = load(xlsx_bytes({"Registratie": rows}), "export.xlsx")
    assert registration.rows["datum"].tolist() == [dt.datetime(2016, 3, 14)]
    assert registration.rows["client_aanwezig"].tolist() == [True]
    assert problems_by_row(registration) == {3: [("aantal_deelnemers", "4.5")]}


def test_a_large_file_on_disk_is_read_like_the_same_bytes(tmp_path: Path) -> None:
    """Is a CSV file of over a megabyte, read from disk, checked exactly like its bytes, stray byte included?"""
    rows = [good_row(lco_id=f"ID-{i}", datum="31/02/2014" if i % 997 == 0 else "14/03/2016") for i in range(14_000)]
    data = csv_bytes(rows, encoding="utf-8") + "14/03/2016;Genk;eerste;OCMW;ja;nee;6;Werk;;X;caf\xe9\r\n".encode(
        "cp1252"
    )
    path = tmp_path / "groot.csv"
    path.write_bytes(data)
    assert len(data) > 1_000_000
    from_disk, from_bytes = load(path.read_bytes(), "groot.csv"), load_registration(path, today=TODAY)
    assert (
        from_disk.summary_line()
        == from_bytes.summary_line()
        == "14.001 rijen gelezen: 13.986 geldig, 15 ongeldig (niet meegeteld)."
    )
    assert from_disk.problems.equals(from_bytes.problems)
    assert from_bytes.rows["opmerking"].iloc[-1] == "caf\ufffd"


def test_a_late_nul_in_a_cell_is_reported_and_taken_out() -> None:
    """Is a NUL far into a CSV (past the part that is sniffed) taken out of the cell and reported with its row?"""
    rows = [good_row(opmerking="gewoon") for _ in range(3000)] + [good_row(opmerking="a\x00b")]
    registration = load(csv_bytes(rows))
    assert registration.valid_rows == 3001
    assert not any("\x00" in str(value) for value in registration.rows.get("opmerking", []))
    assert any("nul-teken (U+0000)" in w and "3002" in w for w in registration.warnings)


_CSV_PIECES = st.sampled_from(
    [
        ";".join(HEADER),
        "\r\n",
        "\n",
        "\r",
        ";",
        ",",
        "\t",
        '"',
        '""',
        "14/03/2016",
        "31/02/2014",
        "Genk",
        "eerste",
        "OCMW",
        "ja",
        "nee",
        "6",
        "-1",
        "1e9",
        "Financiën|Huisvesting",
        "Wachtlijsten",
        "\x00",
        "\ufeff",
        "\ufffd",
        "\x0b",
        "=1+1",
        "é",
        "😀",
        "85.07.30-033.",
        "28",
        "x" * 200,
        " ",
        "datum",
        "lco_id",
    ]
)


_CSV_TEXT = st.lists(_CSV_PIECES, max_size=60).map("".join)


_CSV_BYTES = st.one_of(
    _CSV_TEXT.map(lambda t: t.encode("utf-8")),
    st.tuples(_CSV_TEXT, st.sampled_from(["utf-8-sig", "utf-16", "cp1252"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    ),
    st.tuples(st.just(csv_bytes([good_row()] * 3)), st.binary(max_size=40), st.integers(0, 400)).map(
        lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
    ),
    st.binary(max_size=300),
)


def outcome(data: bytes, name: str) -> Registration | LcoError:
    """Return what reading the bytes gives: the registration, or the kit's own error."""
    try:
        return load(data, name)
    except LcoError as error:
        return error


def assert_only_dutch_errors(data: bytes, name: str) -> None:
    """Read the bytes; fail on anything but a Registration or the kit's own error, and on unbounded echoes."""
    result = outcome(data, name)
    if isinstance(result, LcoError):
        assert str(result).startswith(name) and len(str(result)) < 3000
        return
    for problem in result.problem_list():
        assert len(problem.value) <= 60 and len(problem.reason) <= 600
    assert all(len(warning) <= 600 for warning in result.warnings)
    assert not any("\x00" in str(value) for value in result.rows.get("opmerking", []))


@FUZZ
@given(_CSV_BYTES)
def test_fuzzed_csv_gives_a_registration_or_a_dutch_error(data: bytes) -> None:
    """Whatever the bytes of a CSV upload, is the answer a registration or the kit's own Dutch error?"""
    assert_only_dutch_errors(data, "export.csv")


_GOOD_XLSX = xlsx_bytes({"Registratie": [list(HEADER), list(good_row().values()), [dt.date(2016, 3, 14), "Genk"]]})


_XLSX_CELLS = st.lists(
    st.tuples(
        st.sampled_from(["", ' r="A2"', ' r="B2"', ' r="XFD2"', ' r="A1"', ' r="a"', ' r="ZZZZ9"']),
        st.sampled_from(["", ' t="s"', ' t="b"', ' t="e"', ' t="str"', ' t="inlineStr"', ' t="d"', ' t="x"']),
        st.sampled_from(["", ' s="0"', ' s="1"', ' s="999999"', ' s="-1"']),
        st.sampled_from(
            [
                "<v>1</v>",
                "<v>-1</v>",
                "<v>99999999999999999999</v>",
                "<v>1e400</v>",
                "<v>nan</v>",
                "<v></v>",
                "",
                "<is><t>tekst</t></is>",
                "<is><r><t>a</t></r><rPh><t>b</t></rPh></is>",
                "<v>2016-03-14T00:00:00</v>",
                "<f>1+1</f>",
                "<v>&amp;</v>",
                "<v>" + "9" * 400 + "</v>",
            ]
        ),
    ).map(lambda c: f"<c{c[0]}{c[1]}{c[2]}>{c[3]}</c>"),
    max_size=8,
)


_XLSX_ROWS = st.lists(
    st.tuples(st.sampled_from(["", ' r="2"', ' r="1"', ' r="3"', ' r="0"', ' r="x"', ' r="9999999"']), _XLSX_CELLS).map(
        lambda r: f"<row{r[0]}>{''.join(r[1])}</row>"
    ),
    max_size=5,
)


def sheet_workbook(rows: list[str]) -> bytes:
    """Return the good workbook with its first sheet's rows after the header replaced by these."""
    source = zipfile.ZipFile(BytesIO(_GOOD_XLSX))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start = content.index(b'<row r="2"')
                end = content.index(b"</sheetData>")
                content = content[:start] + "".join(rows).encode() + content[end:]
            target.writestr(info, content)
    return out.getvalue()


@FUZZ
@given(
    st.one_of(
        _XLSX_ROWS.map(sheet_workbook),
        st.tuples(st.integers(0, len(_GOOD_XLSX) - 1), st.binary(min_size=1, max_size=8)).map(
            lambda t: _GOOD_XLSX[: t[0]] + t[1] + _GOOD_XLSX[t[0] + len(t[1]) :]
        ),
    )
)
def test_fuzzed_xlsx_gives_a_registration_or_a_dutch_error(data: bytes) -> None:
    """Whatever the cells or damaged bytes of an .xlsx upload, is the answer a registration or a Dutch error?"""
    assert_only_dutch_errors(data, "export.xlsx")
