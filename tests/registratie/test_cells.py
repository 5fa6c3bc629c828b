"""The rules for one cell of the registration."""

from __future__ import annotations

import datetime as dt

import pytest

from lco_kit.registratie.cells import (
    cell_text,
    parse_aantal,
    parse_aanvrager,
    parse_datum,
    parse_gemeente,
    parse_ja_nee,
    parse_knelpunten,
    parse_lco_id,
    parse_levensdomeinen,
    parse_soort,
)
from tests.registratie.conftest import (
    TODAY,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2016", dt.date(2016, 3, 14)),
        ("4/3/2016", dt.date(2016, 3, 4)),
        ("14-03-2016", dt.date(2016, 3, 14)),
        ("14.03.2016", dt.date(2016, 3, 14)),
        ("2016-03-14", dt.date(2016, 3, 14)),
        ("14/03/2016 00:00:00", dt.date(2016, 3, 14)),
        (" 14/03/2016 ", dt.date(2016, 3, 14)),
    ],
)
def test_dates_in_the_usual_spellings_are_read(text: str, expected: dt.date) -> None:
    """Are dd/mm/jjjj (with /, - or .), jjjj-mm-dd and a trailing time read as the right day?"""
    cell = parse_datum(text, TODAY)
    assert cell.reason is None
    assert cell.value == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2014", "deze datum bestaat niet: februari 2014 heeft 28 dagen."),
        ("29/02/2015", "deze datum bestaat niet: februari 2015 heeft 28 dagen."),
        ("31/04/2016", "deze datum bestaat niet: april 2016 heeft 30 dagen."),
        ("03/13/2016", "maand 13 bestaat niet. Schrijf de datum als dag/maand/jaar."),
        ("14/03/16", "schrijf het jaar met vier cijfers (bijvoorbeeld 14/03/2016)."),
        ("gisteren", "dit is geen datum. Schrijf de datum als dd/mm/jjjj, bijvoorbeeld 14/03/2016."),
        ("", "de cel is leeg; de datum van het overleg is verplicht."),
        ("01/07/2026", "deze datum ligt in de toekomst; een LCO wordt geregistreerd nadat het plaatsvond."),
        ("14/03/1999", "deze datum ligt vóór 2000; kijk het jaar na."),
        ("2014", "dit is een getal, geen datum. Schrijf de datum als dd/mm/jjjj (bijvoorbeeld 14/03/2016)."),
    ],
)
def test_impossible_or_unclear_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    """Is an impossible, ambiguous, future or empty date refused with a Dutch reason?"""
    cell = parse_datum(text, TODAY)
    assert cell.value is None
    assert cell.reason == reason


def test_an_excel_serial_date_is_read_with_a_note() -> None:
    """Is an Excel date number (days since 1899-12-30) read as that day, with a note to check it?"""
    cell = parse_datum("41640", TODAY)
    assert cell.value == dt.date(2014, 1, 1)
    assert cell.warning == "datum als Excel-datumgetal 41640 gelezen als 01/01/2014"
    assert parse_datum("42443,0", TODAY).value == dt.date(2016, 3, 14)


def test_an_excel_serial_number_out_of_range_is_refused() -> None:
    """Is a number that would be a date before 2000 or in the future refused, not guessed?"""
    assert parse_datum("12000", TODAY).reason is not None
    assert parse_datum("99999", TODAY).reason is not None


@pytest.mark.parametrize(
    ("text", "value"), [("ja", True), ("Nee", False), ("J", True), ("neen", False), ("WAAR", True), ("0", False)]
)
def test_yes_no_spellings_are_read(text: str, value: bool) -> None:
    """Are ja/nee and their common spellings (j, neen, WAAR, 0) read?"""
    assert parse_ja_nee(text).value is value


@pytest.mark.parametrize(
    ("text", "suggestion"), [("jaa", "Bedoel je ‘ja’?"), ("nne", "Bedoel je ‘nee’?"), ("misschien", "")]
)
def test_yes_no_typos_are_refused_with_a_suggestion(text: str, suggestion: str) -> None:
    """Is a typo in a ja/nee cell refused, suggesting the likely word?"""
    cell = parse_ja_nee(text)
    assert cell.value is None
    assert cell.reason == f"verwacht ‘ja’ of ‘nee’.{' ' + suggestion if suggestion else ''}"


@pytest.mark.parametrize(("text", "value"), [("6", 6), ("3,0", 3), ("3.0", 3), (" 12 ", 12), ("1", 1)])
def test_whole_counts_are_read(text: str, value: int) -> None:
    """Is a whole number read, ``3,0`` as 3?"""
    assert parse_aantal(text).value == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-2", "een aantal deelnemers kan niet negatief zijn."),
        ("3,5", "het aantal deelnemers moet een geheel getal zijn (geen kommagetal)."),
        ("0", "er is minstens 1 deelnemer (de cliënt of een hulpverlener)."),
        ("zes", "dit is geen getal; vul het aantal deelnemers in als geheel getal, bijvoorbeeld 6."),
        ("600", "meer dan 60 deelnemers lijkt een tikfout; kijk het aantal na."),
        ("", "de cel is leeg; vul het aantal deelnemers in (de cliënt meegeteld)."),
    ],
)
def test_negative_fractional_or_odd_counts_are_refused(text: str, reason: str) -> None:
    """Is a negative, fractional, zero, non-numeric or implausible count refused with a reason?"""
    assert parse_aantal(text).reason == reason


def test_codes_and_labels_are_both_accepted() -> None:
    """Are a code and a label (any case, accents optional) read as the same code?"""
    assert parse_aanvrager("ocmw").value == parse_aanvrager("OCMW").value == "ocmw"
    assert parse_levensdomeinen("financien|Huisvesting").value == ("financien", "huisvesting")
    assert parse_levensdomeinen("Financiën | financien").value == ("financien",)
    assert parse_knelpunten("").value == ()
    assert parse_soort("Opvolging").value == "opvolg"


def test_an_unknown_code_is_refused_with_the_choices() -> None:
    """Is an unknown requester or life domain refused, naming what is possible?"""
    reason = parse_aanvrager("Buurtwerk").reason
    assert reason is not None
    assert reason.startswith("‘Buurtwerk’ is geen aanvrager uit de lijst van de kit.")
    assert "OCMW, CAW, GGZ" in reason
    assert parse_levensdomeinen("Financiën|Verslaving").reason.startswith("‘Verslaving’ is geen levensdomein")


def test_a_near_miss_code_gets_a_suggestion() -> None:
    """Does a near miss (``Huisvestin``) get ‘Bedoel je …?’."""
    assert "Bedoel je ‘Huisvesting’?" in (parse_levensdomeinen("Huisvestin").reason or "")


def test_a_list_with_commas_asks_for_the_bar() -> None:
    """Is ``Financiën, Huisvesting`` refused with the advice to separate with |?"""
    assert parse_levensdomeinen("Financiën, Huisvesting").reason == "scheid meerdere waarden met |, niet met ‘,’."


def test_life_domains_need_at_least_one() -> None:
    """Is an empty life-domain cell refused, while an empty knelpunten cell is fine?"""
    assert parse_levensdomeinen(" | ").reason is not None
    assert parse_knelpunten(" ").reason is None


def test_an_unknown_municipality_is_kept_with_a_warning() -> None:
    """Is an unknown municipality kept as written, with a warning and a suggestion, not refused?"""
    cell = parse_gemeente("Hasselts")
    assert cell.reason is None
    assert cell.value == "Hasselts"
    assert cell.warning is not None and "Bedoel je ‘Hasselt’?" in cell.warning
    assert parse_gemeente("hasselt").value == "Hasselt"


def test_a_national_number_as_lco_id_is_refused_and_not_shown() -> None:
    """Is an lco_id that passes the Belgian national-number check refused, its value hidden?"""
    # Built here, not written out: the repository itself must hold no valid national number.
    base = "850730033"
    check = f"{97 - int(base) % 97:02d}"
    cell = parse_lco_id(f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:]}.{check}")
    assert cell.reason is not None and "rijksregisternummer" in cell.reason
    assert cell.shown == "(verborgen: lijkt een rijksregisternummer)"
    wrong = f"{(int(check) + 1) % 97:02d}"
    assert parse_lco_id(base + wrong).reason is None  # checksum fails: an ordinary number
    assert parse_lco_id("  HAS-2016-014 ").value == "HAS-2016-014"


def test_cells_from_a_spreadsheet_become_the_text_a_person_typed() -> None:
    """Are dates, whole floats, booleans and lists turned into the text the rules read?"""
    assert cell_text(dt.datetime(2016, 3, 14, 0, 0)) == "14/03/2016"
    assert cell_text(3.0) == "3"
    assert cell_text(3.5) == "3.5"
    assert cell_text(False) == "nee"
    assert cell_text(("financien", "werk")) == "financien|werk"
    assert cell_text(None) == ""
