"""The five maatzorgprincipes and the themes around them, as content."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from lco_kit.errors import ContentError, LcoError
from lco_kit.principes import PRINCIPE_CODES, Principe, Thema, load_principes

KIT = load_principes()


def principle(code: str, **extra: Any) -> dict[str, Any]:
    """Return a valid principle as YAML data."""
    return {
        "code": code,
        "naam": code.capitalize(),
        "kern": "Een zin.",
        "betekenis": "Wat het betekent.",
        "in_een_lco": ["Zo zie je het."],
        "valkuil": "Een valkuil.",
        "reflectievraag": "Een vraag?",
        **extra,
    }


def content(principles: list[dict[str, Any]], themes: list[dict[str, Any]] | None = None) -> bytes:
    """Return a principles file as bytes."""
    data = {"schema_version": 1, "bron": "Voor de tests.", "principes": principles, "themas": themes or []}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def test_kit_has_the_five_principles_in_the_methods_order() -> None:
    """Does the kit hold the five principles, positieve hulpverlening first, each with every part filled in?"""
    assert [p.code for p in KIT.principes] == list(PRINCIPE_CODES)
    assert [p.naam for p in KIT.principes] == [
        "Positieve hulpverlening",
        "Integrale hulpverlening",
        "Participatie",
        "Gestructureerde hulpverlening",
        "Gecoördineerde hulpverlening",
    ]
    for found in KIT.principes:
        assert found.kern and found.betekenis and found.valkuil and found.reflectievraag.endswith("?")
        assert len(found.in_een_lco) >= 3


def test_kit_has_the_themes_the_lesson_needs() -> None:
    """Are the working principles, the care-content choice, empowerment, the phases and secrecy there?"""
    codes = [t.code for t in KIT.themas]
    for code in ("maatzorg", "werkingsprincipes", "zorginhoud", "empowerment", "fasen", "beroepsgeheim"):
        assert code in codes
    assert len(KIT.thema("werkingsprincipes").punten) == 4
    assert len(KIT.thema("fasen").punten) == 5


def test_empowerment_text_says_nobody_can_give_it() -> None:
    """Does the empowerment text say that nobody can give empowerment to another?"""
    assert "Niemand kan een ander empowerment ‘geven’" in KIT.thema("empowerment").tekst


def test_secrecy_text_covers_consent_report_table_458bis_and_458ter() -> None:
    """Does the secrecy text cover consent, gedeeld beroepsgeheim, the report, the table, 458bis and 458ter?"""
    text = KIT.thema("beroepsgeheim").tekst
    for part in (
        "instemming van de cliënt",
        "gedeeld",
        "verslag",
        "aan tafel",
        "458bis",
        "458ter",
        "integriteit",
        "procureur des Konings",
    ):
        assert part in text


def test_lesson_order_is_principles_then_themes() -> None:
    """Does the lesson order put the five principles first, then the themes as the file lists them?"""
    order = KIT.onderwerp_codes()
    assert order[:5] == PRINCIPE_CODES
    assert order[5:] == tuple(t.code for t in KIT.themas)


def test_lookup_by_code_gives_principle_or_theme() -> None:
    """Does a code give its principle or theme, and its title?"""
    assert isinstance(KIT.onderwerp("participatie"), Principe)
    assert isinstance(KIT.onderwerp("empowerment"), Thema)
    assert KIT.titel("gecoordineerd") == "Gecoördineerde hulpverlening"
    assert KIT.titel("beroepsgeheim") == "Beroepsgeheim in een LCO"


@pytest.mark.parametrize("code", ["geduld", "Participatie", ""])
def test_unknown_code_is_a_dutch_error(code: str) -> None:
    """Is an unknown code refused with a Dutch message listing the codes there are?"""
    with pytest.raises(LcoError, match="geen onderwerp; kies uit: positief"):
        KIT.onderwerp(code)


def test_asking_a_principle_or_theme_that_is_not_one_is_a_dutch_error() -> None:
    """Does asking a theme as a principle (or the other way round) name what there is, in Dutch?"""
    themes = ", ".join(t.code for t in KIT.themas)
    with pytest.raises(LcoError) as caught:
        KIT.principe("beroepsgeheim")
    assert str(caught.value) == f"‘beroepsgeheim’ is geen maatzorgprincipe (wel: {', '.join(PRINCIPE_CODES)})."
    with pytest.raises(LcoError) as caught:
        KIT.thema("participatie")
    assert str(caught.value) == f"‘participatie’ is geen thema (wel: {themes})."


def test_principles_out_of_order_are_refused() -> None:
    """Is a file with the principles in another order refused, naming the right order?"""
    codes = list(PRINCIPE_CODES)
    codes[0], codes[2] = codes[2], codes[0]
    with pytest.raises(ContentError) as caught:
        load_principes(content([principle(c) for c in codes]))
    assert "in deze volgorde: positief, integraal" in str(caught.value)


def test_missing_principle_is_refused() -> None:
    """Is a file with only four principles refused?"""
    with pytest.raises(ContentError, match="elk één keer"):
        load_principes(content([principle(c) for c in PRINCIPE_CODES[:4]]))


def test_theme_with_a_principles_code_is_refused() -> None:
    """Is a theme that reuses a principle's code refused?"""
    themes = [{"code": "participatie", "titel": "Dubbel", "tekst": "Tekst."}]
    with pytest.raises(ContentError, match="participatie"):
        load_principes(content([principle(c) for c in PRINCIPE_CODES], themes))


def test_principle_missing_its_pitfall_names_the_field() -> None:
    """Is a principle without ‘valkuil’ refused, with the field named?"""
    principles = [principle(c) for c in PRINCIPE_CODES]
    del principles[1]["valkuil"]
    with pytest.raises(ContentError) as caught:
        load_principes(content(principles))
    assert caught.value.problems[0].field == "principes → nr. 2 → valkuil"


def test_theme_code_with_spaces_is_refused() -> None:
    """Is a theme code with spaces or capitals refused in Dutch?"""
    themes = [{"code": "Mijn thema", "titel": "Titel", "tekst": "Tekst."}]
    with pytest.raises(ContentError, match="geen geldige id"):
        load_principes(content([principle(c) for c in PRINCIPE_CODES], themes))
