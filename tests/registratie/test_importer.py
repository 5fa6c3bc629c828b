"""Reading and checking exports, including the malformed ones coordinators really get."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lco_kit.errors import LcoError
from lco_kit.registratie import MissingColumnsError, Registration, inspect_file, load_registration
from lco_kit.registratie.importer import read_export, validate_export
from tests._fuzz import FUZZ
from tests.registratie.conftest import HEADER, TODAY, csv_bytes, csv_text, good_row, xlsx_bytes


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


def test_a_clean_export_counts_every_row() -> None:
    """Does a correct export count all rows, with their spreadsheet row numbers, and no problems?"""
    registration = load(csv_bytes([good_row(), good_row(soort="opvolg", gemeente="As")]))
    assert registration.valid_rows == 2 and registration.invalid_rows == 0
    assert registration.rows["rij"].tolist() == [2, 3]
    assert registration.rows["gemeente"].astype(str).tolist() == ["Genk", "As"]
    assert registration.rows["levensdomein_financien"].tolist() == [True, True]
    assert registration.rows["knelpunt_wachtlijsten"].tolist() == [True, True]
    assert registration.layout is not None and registration.layout.header_row == 1


def test_impossible_dates_are_reported_with_their_row_numbers() -> None:
    """Are impossible dates reported row by row (header is row 1) and left out of the figures?"""
    rows = [good_row(), good_row(datum="31/02/2014"), good_row(datum="30/02/2016"), good_row()]
    registration = load(csv_bytes(rows))
    assert problems_by_row(registration) == {3: [("datum", "31/02/2014")], 4: [("datum", "30/02/2016")]}
    assert registration.rows["rij"].tolist() == [2, 5]
    assert_nothing_dropped(registration, 4)


def test_excel_serial_dates_in_a_csv_are_read_and_noted() -> None:
    """Is a date saved as an Excel number read as that day, with a warning naming the row?"""
    registration = load(csv_bytes([good_row(datum="41640"), good_row()]))
    assert registration.invalid_rows == 0
    assert registration.rows["datum"].iloc[0] == dt.datetime(2014, 1, 1)
    assert any("Excel-datumgetal" in w and "rij 2" in w for w in registration.warnings)


def test_unknown_codes_are_reported() -> None:
    """Are an unknown requester, life domain and knelpunt each reported on their own row?"""
    rows = [good_row(aanvrager="Politie"), good_row(levensdomeinen="Geld|Ruimtevaart"), good_row(knelpunten="Parking")]
    registration = load(csv_bytes(rows))
    assert problems_by_row(registration) == {
        2: [("aanvrager", "Politie")],
        3: [("levensdomeinen", "Geld|Ruimtevaart")],
        4: [("knelpunten", "Parking")],
    }
    assert registration.valid_rows == 0


def test_negative_and_fractional_counts_are_reported_but_three_comma_zero_counts() -> None:
    """Are -2 and 4,5 participants invalid, while 3,0 is read as 3?"""
    rows = [good_row(aantal_deelnemers="-2"), good_row(aantal_deelnemers="4,5"), good_row(aantal_deelnemers="3,0")]
    registration = load(csv_bytes(rows))
    assert problems_by_row(registration) == {2: [("aantal_deelnemers", "-2")], 3: [("aantal_deelnemers", "4,5")]}
    assert registration.rows["aantal_deelnemers"].tolist() == [3]


def test_yes_no_typos_are_reported() -> None:
    """Are ``jaa`` and ``nen`` in the yes/no columns reported with their column?"""
    registration = load(csv_bytes([good_row(client_aanwezig="jaa"), good_row(minderjarige_betrokken="nen")]))
    assert problems_by_row(registration) == {2: [("client_aanwezig", "jaa")], 3: [("minderjarige_betrokken", "nen")]}
    reasons = registration.problems["reden"].tolist()
    assert reasons == ["verwacht ‘ja’ of ‘nee’. Bedoel je ‘ja’?", "verwacht ‘ja’ of ‘nee’. Bedoel je ‘nee’?"]


def test_missing_columns_are_named_with_the_headers_found() -> None:
    """Does a file without required columns get one message naming them and the headers it has?"""
    data = csv_bytes([["14/03/2016", "Genk"]], header=("Datum", "Gemeente"))
    with pytest.raises(MissingColumnsError) as caught:
        load(data)
    message = str(caught.value)
    assert message.startswith("export.csv: deze kolommen ontbreken: ‘soort’, ‘aanvrager’")
    assert "De kolomkoppen op rij 1 zijn: ‘Datum’, ‘Gemeente’." in message
    assert caught.value.layout.match.columns == {"datum": 0, "gemeente": 1}


def test_a_mapping_reads_another_export() -> None:
    """Does mapping other headers to the registration's columns make another export readable?"""
    header = ("Dag", "Woonplaats cliënt", "Type", "Door", "Cliënt erbij", "Kinderen", "Aantal", "Domeinen", "Muren")
    row = ["14/03/2016", "Genk", "eerste", "CAW", "ja", "nee", "5", "Werk", ""]
    mapping = dict(zip(header, HEADER[:9], strict=True))
    registration = load(csv_bytes([row], header=header), mapping=mapping)
    assert registration.valid_rows == 1 and registration.invalid_rows == 0


def test_colliding_headers_are_refused_in_one_message() -> None:
    """Is a file with both ``Cliënt aanwezig`` and ``client_aanwezig`` refused, naming both?"""
    header = (*HEADER[:4], "Cliënt aanwezig", "client_aanwezig", *HEADER[5:9])
    with pytest.raises(LcoError, match="betekenen allebei ‘client_aanwezig’"):
        load(csv_bytes([["x"] * len(header)], header=header))


def test_a_duplicate_lco_id_makes_the_later_row_invalid() -> None:
    """Is the second row with the same lco_id invalid, pointing to the first, which still counts?"""
    rows = [good_row(lco_id="GNK-1"), good_row(lco_id="GNK-2"), good_row(lco_id="GNK-1"), good_row(lco_id="")]
    registration = load(csv_bytes(rows))
    assert problems_by_row(registration) == {4: [("lco_id", "GNK-1")]}
    assert registration.problems["reden"].iloc[0] == "dit lco_id staat ook op rij 2; elk LCO heeft een eigen nummer."
    assert registration.rows["lco_id"].tolist() == ["GNK-1", "GNK-2", None]


def test_a_duplicate_of_an_invalid_row_still_counts_once() -> None:
    """When the first row with an lco_id is invalid anyway, does the second one count?"""
    rows = [good_row(lco_id="GNK-1", datum="31/02/2014"), good_row(lco_id="GNK-1")]
    registration = load(csv_bytes(rows))
    assert problems_by_row(registration) == {2: [("datum", "31/02/2014")]}
    assert registration.valid_rows == 1


def test_title_rows_above_the_header_keep_the_spreadsheet_row_numbers() -> None:
    """With two title lines above the header, is the header row 3 and the first data row 4?"""
    data = csv_bytes([good_row(), good_row(datum="32/01/2016")], above=("Registratie LCO 2016;;;", ";;;"))
    registration = load(data)
    assert registration.layout is not None and registration.layout.header_row == 3
    assert registration.rows["rij"].tolist() == [4]
    assert problems_by_row(registration) == {5: [("datum", "32/01/2016")]}


def test_blank_rows_are_skipped_and_counted_not_reported() -> None:
    """Are fully blank rows (empty or only separators and spaces) skipped, counted, and kept out of the problems?"""
    text = (
        csv_text([good_row()])
        + ";;;;;;;;;;\r\n\r\n ; ;;;;;;;;;\r\n"
        + csv_text([good_row(datum="x")])[len(";".join(HEADER)) + 2 :]
    )
    registration = load(text.encode("utf-8"))
    assert registration.blank_rows == 3
    assert problems_by_row(registration) == {6: [("datum", "x")]}
    assert_nothing_dropped(registration, 2)


def test_a_row_with_only_a_remark_is_not_blank() -> None:
    """Is a row with only a remark reported as invalid rather than skipped as blank?"""
    registration = load(csv_bytes([{"opmerking": "vergeten in te vullen"}]))
    assert registration.blank_rows == 0
    assert registration.invalid_rows == 1


def test_a_row_with_cells_beyond_the_headers_is_reported() -> None:
    """Is a row with text in a cell that has no header reported, showing that text?"""
    text = csv_text([good_row()]).rstrip("\r\n") + ";;;overschot\r\n"
    registration = load(text.encode("utf-8"))
    assert problems_by_row(registration) == {2: [("hele rij", "overschot")]}


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


def test_rows_ending_in_empty_cells_are_read() -> None:
    """Are rows that end in a few empty cells (as Excel writes them) read normally?"""
    text = "\r\n".join(line + ";;;" if line else line for line in csv_text([good_row(), good_row()]).split("\r\n"))
    registration = load(text.encode("utf-8"))
    assert registration.valid_rows == 2 and registration.invalid_rows == 0


@pytest.mark.parametrize(
    ("encoding", "sep", "name"),
    [
        ("utf-8-sig", ";", "UTF-8 met BOM"),
        ("utf-8", ",", "UTF-8"),
        ("cp1252", ";", "Windows-1252"),
        ("utf-16", "\t", "UTF-16"),
        ("utf-16-le", "\t", "UTF-16"),
    ],
)
def test_encodings_and_separators_are_detected(encoding: str, sep: str, name: str) -> None:
    """Are UTF-8 (with or without BOM), Windows-1252 and UTF-16 ‘Unicode text’ read, accents intact?"""
    rows = [good_row(levensdomeinen="Financiën", aanvrager="Cliënt", opmerking="één"), good_row(datum="x")]
    registration = load(csv_bytes(rows, encoding=encoding, sep=sep))
    assert registration.layout is not None and name in registration.layout.describe()
    assert registration.rows["aanvrager"].tolist() == ["client"]
    assert registration.rows["opmerking"].tolist() == ["één"]
    assert problems_by_row(registration) == {3: [("datum", "x")]}


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


def test_an_empty_file_gets_one_clear_message() -> None:
    """Is an empty file (or only a BOM and blank lines) refused with one Dutch message?"""
    for data in (b"", b"\xef\xbb\xbf\r\n\r\n"):
        with pytest.raises(LcoError, match="het bestand is leeg"):
            load(data)


def test_a_header_without_rows_reads_as_zero_registrations() -> None:
    """Is a file with only headers read as zero rows, without problems?"""
    registration = load(csv_bytes([]))
    assert registration.read_rows == 0 and registration.invalid_rows == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 rest", "dit is een PDF-bestand, geen tabel"),
        (b"\x89PNG\r\n\x1a\n....", "dit is een afbeelding, geen tabel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "ouder Excel-bestand (.xls)"),
        (b"Beste collega,\nHierbij de cijfers.\nGroeten\n", "dit bestand is geen tabel"),
        (b"PK\x03\x04 kapot", "beschadigd"),
    ],
)
def test_a_file_that_is_not_a_table_gets_one_clear_message(data: bytes, message: str) -> None:
    """Is a PDF, an image, an old .xls, a letter or a damaged zip refused with one Dutch message?"""
    with pytest.raises(LcoError) as caught:
        load(data)
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_a_word_document_is_not_taken_for_excel() -> None:
    """Is a .docx (a zip without a workbook) refused as not a table?"""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(LcoError, match="dit is een zip- of Word-bestand, geen tabel"):
        load(buffer.getvalue(), "verslag.docx")


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


def test_xlsx_with_several_sheets_reads_the_first_with_the_columns() -> None:
    """With an explanation sheet first, is the first sheet that has the columns read, and can another be chosen?"""
    table = [list(HEADER[:9]), ["14/03/2016", "Genk", "eerste", "OCMW", "ja", "nee", 5, "Werk", ""]]
    older = [
        ["Registratie 2015"],
        [],
        list(HEADER[:9]),
        ["14/03/2015", "As", "opvolg", "CAW", "nee", "nee", 4, "Werk", ""],
    ]
    data = xlsx_bytes({"Uitleg": [["Zo vul je dit in"]], "2016": table, "2015": older})
    layout = inspect_file(data, "export.xlsx")
    assert layout.sheets == ("Uitleg", "2016", "2015") and layout.sheet == "2016"
    registration = load(data, "export.xlsx", sheet="2015")
    assert registration.layout is not None and registration.layout.header_row == 3
    assert registration.rows["rij"].tolist() == [4]
    assert registration.rows["gemeente"].astype(str).tolist() == ["As"]


def test_an_unknown_sheet_lists_the_sheets() -> None:
    """Is asking for a sheet that does not exist answered with the sheets there are?"""
    data = xlsx_bytes({"Blad1": [list(HEADER[:9])]})
    with pytest.raises(LcoError, match=re.escape("er is geen werkblad ‘2016’. De werkbladen zijn: ‘Blad1’.")):
        load(data, "export.xlsx", sheet="2016")


def test_xlsx_without_any_registration_sheet_is_a_clear_message() -> None:
    """Is a workbook with no sheet holding registration headers refused in one message?"""
    with pytest.raises(LcoError, match="geen enkel werkblad heeft kolomkoppen van de registratie"):
        load(xlsx_bytes({"Blad1": [["a", "b"], [1, 2]]}), "export.xlsx")


def test_an_unknown_municipality_counts_with_a_warning() -> None:
    """Does a row with an unknown municipality count, with a warning naming the rows?"""
    registration = load(csv_bytes([good_row(gemeente="Hasselts"), good_row(gemeente="Hasselts")]))
    assert registration.valid_rows == 2
    assert registration.warnings[0].endswith("(2 rijen: 2, 3)")
    assert not registration.rows["gemeente_bekend"].any()


def test_a_merged_municipality_in_a_later_year_is_noted() -> None:
    """Is ‘Overpelt’ in 2020 (part of Pelt since 2019) counted as written, with a note?"""
    registration = load(csv_bytes([good_row(gemeente="Overpelt", datum="14/03/2020")]))
    assert registration.valid_rows == 1
    assert any("Overpelt was op de datum van het overleg al deel van Pelt" in w for w in registration.warnings)


def test_unused_columns_are_named() -> None:
    """Are columns the registration does not use named in a note instead of ignored silently?"""
    registration = load(csv_bytes([[*good_row().values(), "x"]], header=(*HEADER, "Dossierbeheerder")))
    assert "Deze kolommen gebruikt de kit niet: ‘Dossierbeheerder’." in registration.warnings


def test_progress_is_reported_while_reading_and_checking() -> None:
    """Is progress reported from 0 to 1 with Dutch lines while a file is read and checked?"""
    seen: list[tuple[float, str]] = []
    load(csv_bytes([good_row()] * 10), progress=lambda share, line: seen.append((share, line)))
    shares = [s for s, _ in seen]
    assert shares[0] == 0.0 and shares[-1] == 1.0 and shares == sorted(shares)
    assert any("rijen gelezen" in line for _, line in seen)


def test_the_export_passed_in_is_not_changed() -> None:
    """Does checking leave the raw export as it was read?"""
    raw = read_export(csv_bytes([good_row(datum="x"), good_row()]), "export.csv")
    before = raw.frame.copy()
    validate_export(raw, today=TODAY)
    assert raw.frame.equals(before)


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


def test_a_ten_thousand_row_file_runs_the_benchmark_path(tmp_path: Path) -> None:
    """Does the benchmark's path (read, check, summarise) handle 10 000 rows and every invalid one?"""
    from benchmarks.registratie import make_export, run_pipeline

    path = tmp_path / "export.csv"
    path.write_bytes(make_export(10_000, seed=3, faulty=25))
    figures = run_pipeline(path)
    assert figures["rijen_gelezen"] == 10_000
    assert figures["ongeldige_rijen"] == 25
    assert figures["geldige_rijen"] == 9_975
    assert sum(row["aantal"] for row in figures["per_jaar"].values()) == 9_975


# ------------------------------------------------------------------ hostile input, fuzzed


def test_a_late_nul_in_a_cell_is_reported_and_taken_out() -> None:
    """Is a NUL far into a CSV (past the part that is sniffed) taken out of the cell and reported with its row?"""
    rows = [good_row(opmerking="gewoon") for _ in range(3000)] + [good_row(opmerking="a\x00b")]
    registration = load(csv_bytes(rows))
    assert registration.valid_rows == 3001
    assert not any("\x00" in str(value) for value in registration.rows.get("opmerking", []))
    assert any("nul-teken (U+0000)" in w and "3002" in w for w in registration.warnings)


def test_a_long_value_is_never_echoed_in_full() -> None:
    """Is a 100 000-character value cut short wherever a problem shows it?"""
    registration = load(csv_bytes([good_row(gemeente="x" * 100_000, aanvrager="y" * 100_000)]))
    shown = [(p.value, p.reason) for p in registration.problem_list()] + [(w, "") for w in registration.warnings]
    assert shown and all(len(value) <= 60 and len(reason) <= 600 for value, reason in shown)


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
