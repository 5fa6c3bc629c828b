"""Tests of lco_kit.registratie.lco_rij: the registration row of one LCO, from the record a stappenplan fills in."""

from __future__ import annotations

from datetime import date

import pytest

from lco_kit.errors import LcoError
from lco_kit.registratie import REGISTRATION_COLUMNS, LcoGegevens, registratie_csv, registratie_rij, validate_row
from lco_kit.registratie.lco_rij import LCO_ID_MAX, lco_id

TODAY = date(2026, 11, 22)


def gegevens(**changes: object) -> LcoGegevens:
    """Return the record of a first LCO in Genk, changed as asked."""
    values: dict[str, object] = {
        "datum": date(2026, 3, 2),
        "gemeente": "Genk",
        "soort": "eerste",
        "aanvrager": "ocmw",
        "client_aanwezig": True,
        "minderjarige_betrokken": False,
        "aantal_deelnemers": 5,
        "levensdomeinen": ("financien", "wonen"),
        "knelpunten": ("kinderopvang", "wachtlijsten", "kinderopvang"),
        "casus_id": "gezin-lotte-genk",
        "traject_id": None,
    }
    values.update(changes)
    return LcoGegevens(**values)  # type: ignore[arg-type]


def test_the_record_becomes_a_row_in_the_formats_columns_with_labels() -> None:
    """Does a record become a valid row, in the format's columns, with labels for the codes and each knelpunt once?"""
    row = registratie_rij(gegevens(), today=TODAY)
    assert list(row) == list(REGISTRATION_COLUMNS)
    assert validate_row(row, today=TODAY) == []
    assert (row["datum"], row["gemeente"], row["soort"], row["aanvrager"]) == ("02/03/2026", "Genk", "eerste", "OCMW")
    assert (row["client_aanwezig"], row["minderjarige_betrokken"], row["aantal_deelnemers"]) == ("ja", "nee", "5")
    assert row["knelpunten"] == "Kinderopvang|Wachtlijsten"
    assert row["lco_id"] == "gezin-lotte-genk-20260302"
    assert row["opmerking"] == ""


def test_the_lco_number_keeps_the_date_and_the_traject_whole() -> None:
    """Is the LCO's number at most 60 characters, a long casus id shortened and the date and traject kept whole?"""
    number = lco_id("een-" + "heel-" * 20 + "lange-casus", date(2026, 3, 2), "k7m2p9q4rt")
    assert len(number) == LCO_ID_MAX
    assert number.endswith("-20260302-k7m2p9q4rt")
    assert not number.startswith("-") and "--" not in number


def test_a_row_that_breaks_a_rule_is_refused_in_the_formats_words() -> None:
    """Is a record that gives a row breaking the format's rules refused, with the registration's own message?"""
    with pytest.raises(LcoError) as caught:
        registratie_rij(gegevens(levensdomeinen=()), today=TODAY)
    text = str(caught.value)
    assert text.startswith("De registratierij voldoet niet aan het registratieformaat:")
    assert "levensdomeinen" in text


def test_one_record_or_several_give_one_csv_row_each() -> None:
    """Does the CSV hold the header and one row per record, whether one record or a list is given?"""
    one = registratie_csv(gegevens(), today=TODAY).decode("utf-8-sig").splitlines()
    two = registratie_csv([gegevens(), gegevens(gemeente="Bree")], today=TODAY).decode("utf-8-sig").splitlines()
    assert one[0] == two[0] == ";".join(REGISTRATION_COLUMNS)
    assert len(one) == 2 and len(two) == 3
    assert two[2].startswith("02/03/2026;Bree;eerste;OCMW;")
