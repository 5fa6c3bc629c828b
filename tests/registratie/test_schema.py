"""The rules for one cell and one row of the registration, and how headers are recognised."""

from __future__ import annotations

import datetime as dt

import pytest

from lco_kit.errors import LcoError
from lco_kit.registratie import REGISTRATION_COLUMNS, REQUIRED_COLUMNS, check_row, validate_row
from lco_kit.registratie.schema import (
    cell_text,
    column_letter,
    match_headers,
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
from tests.registratie.conftest import TODAY, good_row


def test_the_columns_are_the_documented_ones() -> None:
    """Are the columns exactly those of the issue, the nine required ones first?"""
    assert REGISTRATION_COLUMNS == (
        "datum",
        "gemeente",
        "soort",
        "aanvrager",
        "client_aanwezig",
        "minderjarige_betrokken",
        "aantal_deelnemers",
        "levensdomeinen",
        "knelpunten",
        "lco_id",
        "opmerking",
    )
    assert REGISTRATION_COLUMNS[:9] == REQUIRED_COLUMNS


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


def test_headers_match_whatever_the_case_accents_spaces_or_underscores() -> None:
    """Is ``Cliënt aanwezig`` the column client_aanwezig, and ``Aantal Deelnemers`` aantal_deelnemers?"""
    match = match_headers(["Datum", "Gemeente", "Cliënt aanwezig", "Aantal Deelnemers", "Iets anders"])
    assert match.columns == {"datum": 0, "gemeente": 1, "client_aanwezig": 2, "aantal_deelnemers": 3}
    assert match.ignored == ("Iets anders",)
    assert "soort" in match.missing


def test_colliding_headers_are_an_error_naming_both() -> None:
    """Are two headers that mean the same column refused, with their column letters?"""
    with pytest.raises(LcoError) as caught:
        match_headers(["datum", "Cliënt aanwezig", "gemeente", "client_aanwezig"])
    assert "‘Cliënt aanwezig’ (kolom B) en ‘client_aanwezig’ (kolom D) betekenen allebei ‘client_aanwezig’" in str(
        caught.value
    )


def test_an_exact_header_wins_over_another_name() -> None:
    """Does an exact ``gemeente`` win over the other name ``OCMW`` instead of colliding?"""
    match = match_headers(["OCMW", "gemeente"])
    assert match.columns["gemeente"] == 1
    assert match.ignored == ("OCMW",)


def test_a_mapping_ties_other_headers_to_the_columns() -> None:
    """Does a user's mapping tie ``Dag`` to datum, and is a mapping to a wrong header refused?"""
    match = match_headers(["Dag", "Plaats"], {"Dag": "datum", "Plaats": "gemeente"})
    assert match.columns == {"datum": 0, "gemeente": 1}
    with pytest.raises(LcoError, match="staat niet in dit bestand"):
        match_headers(["Dag"], {"Uur": "datum"})
    with pytest.raises(LcoError, match="is geen kolom van de registratie"):
        match_headers(["Dag"], {"Dag": "tijdstip"})


def test_column_letters_count_like_a_spreadsheet() -> None:
    """Are columns lettered A, Z, AA, AB like in Excel?"""
    assert [column_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def test_a_valid_row_given_as_a_dict_has_no_problems() -> None:
    """Does a correct row, with Python values instead of text, pass the same rules?"""
    row = {
        "datum": dt.date(2016, 3, 14),
        "gemeente": "Genk",
        "soort": "opvolg",
        "aanvrager": "caw",
        "Cliënt aanwezig": True,
        "minderjarige_betrokken": False,
        "aantal_deelnemers": 5,
        "levensdomeinen": ["financien", "Huisvesting"],
        "knelpunten": [],
    }
    assert validate_row(row, today=TODAY) == []
    check = check_row(row, today=TODAY)
    assert check.valid
    assert check.values["levensdomeinen"] == ("financien", "huisvesting")


def test_a_wrong_row_lists_every_problem_with_column_value_and_reason() -> None:
    """Does a row with several mistakes list each one, column by column?"""
    problems = validate_row(good_row(datum="31/02/2014", client_aanwezig="jaa", aantal_deelnemers="-1"), today=TODAY)
    assert [(p.column, p.value) for p in problems] == [
        ("datum", "31/02/2014"),
        ("client_aanwezig", "jaa"),
        ("aantal_deelnemers", "-1"),
    ]
    assert (
        problems[0].describe()
        == "kolom ‘datum’, waarde ‘31/02/2014’: deze datum bestaat niet: februari 2014 heeft 28 dagen."
    )


def test_a_row_missing_a_column_or_with_an_unknown_one_is_invalid() -> None:
    """Is a missing required column a problem, and so is a field the registration does not have?"""
    row = good_row()
    del row["knelpunten"]
    row["naam_client"] = "iets"
    problems = validate_row(row, today=TODAY)
    assert {(p.column, p.reason.split(";")[0]) for p in problems} == {
        ("knelpunten", "deze kolom ontbreekt"),
        (
            "naam_client",
            "dit veld hoort niet bij de registratie. De kolommen zijn: " + ", ".join(REGISTRATION_COLUMNS) + ".",
        ),
    }


def test_an_unknown_municipality_in_a_row_is_a_warning_not_a_problem() -> None:
    """Does a row with an unknown municipality still count, with a warning?"""
    check = check_row(good_row(gemeente="Atlantis"), today=TODAY)
    assert check.valid
    assert check.warnings and "‘Atlantis’ is geen Vlaamse gemeente" in check.warnings[0]
