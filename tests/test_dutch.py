"""Dates in Dutch words, from one list of month names."""

from __future__ import annotations

from datetime import date

from lco_kit.dutch import MONTHS, dutch_date


def test_dutch_date_writes_the_day_the_month_in_words_and_the_year() -> None:
    """Is a date written as Flemish people write it in a letter?"""
    assert dutch_date(date(2026, 11, 22)) == "22 november 2026"
    assert dutch_date(date(2027, 3, 1)) == "1 maart 2027"


def test_there_are_twelve_months_in_order() -> None:
    """Are the twelve month names there, January first, in lower case?"""
    assert len(MONTHS) == 12 and MONTHS[0] == "januari" and MONTHS[-1] == "december"
    assert all(name == name.lower() for name in MONTHS)
