"""Dates and numbers written the Flemish way, from one list of month names and one rounding rule."""

from __future__ import annotations

from datetime import date

from lco_kit.dutch import MONTHS, dutch_date, number


def test_dutch_date_writes_the_day_the_month_in_words_and_the_year() -> None:
    """Is a date written as Flemish people write it in a letter?"""
    assert dutch_date(date(2026, 11, 22)) == "22 november 2026"
    assert dutch_date(date(2027, 3, 1)) == "1 maart 2027"


def test_there_are_twelve_months_in_order() -> None:
    """Are the twelve month names there, January first, in lower case?"""
    assert len(MONTHS) == 12 and MONTHS[0] == "januari" and MONTHS[-1] == "december"
    assert all(name == name.lower() for name in MONTHS)


def test_number_rounds_halves_up_as_on_paper() -> None:
    """Does 6,25 to one decimal become 6,3 (not 6,2, the float's banker's rounding)?"""
    assert number(6.25, 1) == "6,3"
    assert number(0.125, 2) == "0,13"
    assert number(2.5) == "3"
    assert number(-6.25, 1) == "-6,3"


def test_number_puts_points_between_thousands_and_a_decimal_comma() -> None:
    """Is 1234567,891 written as 1.234.567,89?"""
    assert number(1234567.891, 2) == "1.234.567,89"
    assert number(1091) == "1.091"


def test_registration_numbers_use_the_same_rounding() -> None:
    """Do the registration reports round through the same function?"""
    from lco_kit.registratie._format import percent

    assert percent(0.0625, 1) == "6,3 %"
