"""The shared code lists and the one lookup that accepts a code, a label or a synonym."""

from __future__ import annotations

import pytest

from lco_kit import codes
from lco_kit.codes import UnknownCodeError, code_list, gemeenten_in, lookup, lookup_gemeente


@pytest.mark.parametrize("name", codes.CODE_LISTS)
def test_every_list_loads_and_says_where_it_comes_from(name: str) -> None:
    """Does every code list load, name its source, and have unique codes and labels?"""
    listed = code_list(name)
    assert len(listed.bron) > 100
    assert len({c.code for c in listed.codes}) == len(listed.codes)
    assert len({c.label for c in listed.codes}) == len(listed.codes)


def test_lists_hold_the_domain_entries() -> None:
    """Do the lists hold exactly the entries of the domain description, in order?"""
    assert code_list("levensdomeinen").labels == [
        "Financiën",
        "Huisvesting",
        "Opvoeding",
        "Gezondheid",
        "Psychisch welzijn",
        "Werk (tewerkstelling)",
        "Onderwijs",
        "Sociaal netwerk",
        "Vrije tijd (dagbesteding)",
        "Justitie",
        "Administratie",
        "Mobiliteit",
    ]
    assert len(code_list("knelpunten").codes) == 9
    assert len(code_list("aanvragers").codes) == 10
    assert len(code_list("sectoren").codes) == 16
    assert [c.label for c in code_list("levensdomeinen").codes if c.uit_bron] == [
        "Financiën",
        "Huisvesting",
        "Opvoeding",
        "Gezondheid",
        "Werk (tewerkstelling)",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("financien", "financien"),
        ("Financiën", "financien"),
        ("FINANCIEN", "financien"),
        ("  financiën ", "financien"),
        ("schulden", "financien"),
        ("Werk (tewerkstelling)", "werk"),
        ("tewerkstelling", "werk"),
        ("psychisch_welzijn", "psychisch_welzijn"),
    ],
)
def test_code_label_and_synonym_are_all_accepted(value: str, expected: str) -> None:
    """Is a code, its Dutch label or a synonym accepted, whatever the case or accents?"""
    assert lookup("levensdomeinen", value).code == expected


def test_unknown_value_gets_a_dutch_message_with_a_suggestion() -> None:
    """Does a typo get a Dutch message with the nearest label and the options?"""
    with pytest.raises(UnknownCodeError) as error:
        lookup("aanvragers", "Huisarst")
    message = str(error.value)
    assert message.startswith("‘Huisarst’ staat niet in de lijst ‘Aanvragers van een LCO’.")
    assert "Bedoel je ‘Huisarts’?" in message
    assert "Kind en Gezin" in message


def test_flemish_municipalities_per_year() -> None:
    """Are there 308 Flemish municipalities until 2018, 300 from 2019 and 285 from 2025?"""
    assert len(gemeenten_in(2016)) == 308
    assert len(gemeenten_in(2019)) == 300
    assert len(gemeenten_in(2025)) == 285


def test_limburg_had_44_municipalities_in_the_registration_years() -> None:
    """Did Limburg have 44 municipalities (and OCMWs) in 2009–2016?"""
    limburg = [name for name, province in gemeenten_in(2014).items() if province == "Limburg"]
    assert len(limburg) == 44
    assert {"Neerpelt", "Overpelt", "Opglabbeek", "Meeuwen-Gruitrode", "Herstappe"} <= set(limburg)


def test_old_name_is_known_and_its_merger_is_told() -> None:
    """Is a name merged away still known, with the merger told but the name kept?"""
    match = lookup_gemeente("overpelt", year=2020)
    assert match.bekend and match.naam == "Overpelt"
    assert match.huidige_naam == "Pelt"
    assert "Pelt" in (match.waarschuwing or "")
    assert lookup_gemeente("Kortessem", year=2025).huidige_naam == "Hasselt"
    assert lookup_gemeente("Kortessem", year=2016).huidige_naam is None


def test_unknown_municipality_is_warned_about_never_changed() -> None:
    """Is an unknown name kept as it is, with a warning and a suggestion?"""
    match = lookup_gemeente("Hasselth")
    assert not match.bekend
    assert match.naam == "Hasselth"
    assert "Bedoel je ‘Hasselt’?" in (match.waarschuwing or "")
