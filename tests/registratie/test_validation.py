"""Checking every row of an export: each invalid row reported with its row number, nothing dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lco_kit.registratie.reading import read_export
from lco_kit.registratie.validation import validate_export
from tests.registratie.conftest import (
    HEADER,
    TODAY,
    assert_nothing_dropped,
    csv_bytes,
    csv_text,
    good_row,
    load,
    problems_by_row,
)


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


def test_a_long_value_is_never_echoed_in_full() -> None:
    """Is a 100 000-character value cut short wherever a problem shows it?"""
    registration = load(csv_bytes([good_row(gemeente="x" * 100_000, aanvrager="y" * 100_000)]))
    shown = [(p.value, p.reason) for p in registration.problem_list()] + [(w, "") for w in registration.warnings]
    assert shown and all(len(value) <= 60 and len(reason) <= 600 for value, reason in shown)
