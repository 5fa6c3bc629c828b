"""The moments bank: the kit's files, a facilitator's own, uploads, and every malformed file refused in Dutch."""

from __future__ import annotations

import pytest

from lco_kit.errors import ContentError
from lco_kit.rollenspel.moments import load_moment_file, load_momenten, moment_files
from tests.rollenspel.conftest import DATA, OWN_MOMENTS


def test_the_kits_moments_file_is_valid() -> None:
    """Does the kit's own moments file load without a single problem?"""
    loaded = load_momenten()
    assert not loaded.fouten
    assert len(loaded.momenten) >= 15
    assert any(path.name == "lco.yaml" for path in moment_files())


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("momenten-zonder-juiste-optie.yaml", "geen enkele optie is ‘juist: true’"),
        ("momenten-onbekend-woord.yaml", "{voornaam} kent de kit niet als in te vullen woord"),
        ("momenten-losse-accolade.yaml", "een accolade { of } staat hier alleen"),
        ("momenten-dubbele-id.yaml", "deze id’s komen twee keer voor: eigen-stap"),
        ("momenten-uitleg-te-kort.yaml", "schrijf minstens 10 woorden"),
        ("momenten-tegenstrijdige-voorwaarden.yaml", "‘vorige_lco’ en ‘eerste_lco’ sluiten elkaar uit"),
        ("momenten-een-optie.yaml", "een moment heeft 2 tot 5 opties; gevonden: 1"),
        ("momenten-onbekende-rol.yaml", "‘voorzitter’ is geen rol die de kit kent"),
        ("momenten-dezelfde-uitleg.yaml", "twee opties hebben dezelfde uitleg"),
    ],
)
def test_malformed_moments_files_get_a_dutch_message_with_their_line(name: str, message: str) -> None:
    """Is each kind of malformed moments file refused with the file, the line and what is wrong?"""
    with pytest.raises(ContentError) as caught:
        load_moment_file(DATA / name)
    text = str(caught.value)
    assert text.startswith(name)
    assert "regel " in text
    assert message in text


def test_an_upload_with_an_id_already_taken_is_reported_not_added() -> None:
    """Is an uploaded moment whose id the kit already uses reported, and the upload not added?"""
    taken = OWN_MOMENTS.replace("id: tolk", "id: stilte")
    loaded = load_momenten([("eigen.yaml", taken.encode())])
    assert len(loaded.fouten) == 1
    assert "de id ‘stilte’ wordt ook gebruikt in lco.yaml" in str(loaded.fouten[0])
    assert loaded.bestanden["stilte"] == "lco.yaml"


def test_a_bad_upload_is_reported_and_the_kits_moments_remain() -> None:
    """Does a broken upload come back as an error while the kit's moments still load?"""
    loaded = load_momenten([("kapot.yaml", b"schema_version: 1\ntitel: [")])
    assert loaded.fouten and str(loaded.fouten[0]).startswith("kapot.yaml")
    assert len(loaded.momenten) >= 15


def test_the_hard_moments_the_method_asks_for_are_in_the_bank() -> None:
    """Are the opening, the absent client, disagreement, safety, an interpreter and the closing round in the bank?"""
    ids = {m.id for m in load_momenten().momenten}
    assert ids >= {
        "spelregels",
        "openingsronde",
        "client-komt-niet",
        "oneenigheid",
        "eigen-doel",
        "veiligheid",
        "tolk-aan-tafel",
        "slotronde",
        "briefing-vooraf",
        "nabespreking",
    }
