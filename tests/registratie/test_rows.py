"""Checking one registration row given as a dict."""

from __future__ import annotations

import datetime as dt

from lco_kit.registratie.columns import REGISTRATION_COLUMNS
from lco_kit.registratie.rows import check_row, validate_row
from tests.registratie.conftest import (
    TODAY,
    good_row,
)


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
