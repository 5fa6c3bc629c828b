"""The registration's columns, and how a file's headers are tied to them."""

from __future__ import annotations

import pytest

from lco_kit.errors import LcoError
from lco_kit.registratie.columns import REGISTRATION_COLUMNS, REQUIRED_COLUMNS, column_letter, match_headers


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
