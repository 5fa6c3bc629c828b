"""The instrument file: the kit's own items, checks on load, and a facilitator's own copy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lco_kit.content import content_path
from lco_kit.errors import ContentError
from lco_kit.reflectie.instrument import PERSPECTIVES, load_instrument, perspective_code


def kit_text() -> str:
    """Return the kit's instrument file as text."""
    return content_path("data", "reflectie/instrument.yaml").read_text(encoding="utf-8")


def changed(old: str, new: str, count: int = 1) -> bytes:
    """Return the kit's instrument with one piece of text replaced (the replacement must happen)."""
    text = kit_text()
    assert old in text
    return text.replace(old, new, count).encode("utf-8")


def test_kit_instrument_has_two_items_per_dimension_in_every_perspective() -> None:
    """Does every perspective have at least two items for every dimension?"""
    instrument = load_instrument()
    assert len(instrument.dimensies) == 8
    for perspective in PERSPECTIVES:
        per_dimension = Counter(i.dimensie for i in instrument.perspective(perspective).items)
        assert all(per_dimension[d] >= 2 for d in instrument.dimension_codes()), perspective


def test_client_part_is_short_with_smileys_and_weet_ik_niet() -> None:
    """Does the client version show one item at a time, with five smileys and 'weet ik niet'?"""
    client = load_instrument().perspective("client")
    assert client.een_per_scherm and client.weet_ik_niet
    assert all(point.symbool for point in client.schaal)
    assert [p.waarde for p in client.schaal] == [1, 2, 3, 4, 5]
    # Plain language: short sentences, no jargon of the method.
    for item in client.items:
        assert len(item.tekst.split()) <= 16, item.tekst
        assert not {"spilfiguur", "levensdomein", "knelpunt", "stappenplan"} & set(item.tekst.lower().split())


def test_kit_instrument_has_reverse_items() -> None:
    """Are some items reverse-scored, in each perspective?"""
    instrument = load_instrument()
    for perspective in PERSPECTIVES:
        assert any(i.omgekeerd for i in instrument.perspective(perspective).items)


def test_item_with_unknown_dimension_names_line_and_suggests() -> None:
    """Is an item pointing at a misspelt dimension refused with its line and a suggestion?"""
    data = changed("dimensie: sterktes", "dimensie: sterkte")
    with pytest.raises(ContentError) as caught:
        load_instrument(data, "eigen.yaml")
    message = str(caught.value)
    assert "de dimensie ‘sterkte’ bestaat niet. Bedoel je ‘sterktes’?" in message
    line = next(n for n, text in enumerate(data.decode().splitlines(), 1) if "dimensie: sterkte" in text)
    assert f"regel {line}" in message


def test_dimension_with_one_item_is_refused() -> None:
    """Is a perspective with only one item for a dimension refused, naming both?"""
    data = changed(
        "      - id: k_gevraagd\n        dimensie: sterktes\n", "      - id: k_gevraagd\n        dimensie: neutraal\n"
    )
    with pytest.raises(ContentError, match="de dimensie ‘sterktes’ heeft 1 vraag/vragen bij Coördinator"):
        load_instrument(data, "eigen.yaml")


def test_duplicate_item_id_is_refused() -> None:
    """Is an item id used twice refused (an id must say which perspective it belongs to)?"""
    data = changed("id: d_ruimte", "id: c_gehoord")
    with pytest.raises(ContentError, match="de vraag-id ‘c_gehoord’ komt al voor \\(bij client\\)"):
        load_instrument(data, "eigen.yaml")


def test_text_as_reverse_flag_is_refused() -> None:
    """Is 'omgekeerd: ja' refused rather than read as true?"""
    data = changed("omgekeerd: true", "omgekeerd: ja")
    with pytest.raises(ContentError, match="verwacht true of false"):
        load_instrument(data, "eigen.yaml")


def test_unknown_key_is_refused() -> None:
    """Is a misspelt key refused with a suggestion?"""
    data = changed("    een_per_scherm: true", "    een_per_scherm: true\n    weetiknie: true")
    with pytest.raises(ContentError, match="dit veld kent het formaat niet"):
        load_instrument(data, "eigen.yaml")


def test_scale_must_be_one_to_five() -> None:
    """Is a scale that skips a value refused?"""
    data = changed("{waarde: 3, label: Een beetje", "{waarde: 4, label: Een beetje")
    with pytest.raises(ContentError, match="de schaal moet de waarden 1, 2, 3, 4 en 5 hebben"):
        load_instrument(data, "eigen.yaml")


def test_facilitator_copy_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a changed copy in LCO_KIT_CONTENT_DIR replace the kit's instrument, with a new version?"""
    kit = load_instrument()
    own = tmp_path / "data" / "reflectie"
    own.mkdir(parents=True)
    (own / "instrument.yaml").write_bytes(
        changed('versie: "2026.1"', 'versie: "Genk-2"').replace(
            b"Ik heb weer wat meer hoop.", b"Ik zie het weer wat zitten."
        )
    )
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(tmp_path))
    mine = load_instrument()
    assert mine.perspective("client").item("c_hoop").tekst == "Ik zie het weer wat zitten."
    assert mine.kenmerk.startswith("Genk-2 (")
    assert mine.kenmerk != kit.kenmerk


def test_fingerprint_changes_when_only_the_text_changes() -> None:
    """Does the stored version change when an item changes but 'versie' was not raised?"""
    edited = load_instrument(changed("Ik heb weer wat meer hoop.", "Ik heb weer hoop."), "eigen.yaml")
    kit = load_instrument()
    assert edited.versie == kit.versie
    assert edited.kenmerk != kit.kenmerk


def test_instrument_survives_the_session_copy() -> None:
    """Does the copy a session keeps read back as the same instrument?"""
    kit = load_instrument()
    assert type(kit).from_json(kit.to_json()) == kit


@pytest.mark.parametrize(
    ("typed", "code"),
    [("client", "client"), ("Cliënt", "client"), ("deelnemers", "deelnemer"), ("Coördinator", "coordinator")],
)
def test_perspective_names_people_type(typed: str, code: str) -> None:
    """Are the Dutch spellings of the perspectives accepted?"""
    assert perspective_code(typed) == code


def test_unknown_perspective_is_refused() -> None:
    """Is an unknown perspective refused with the three choices?"""
    with pytest.raises(ValueError, match="kies client, deelnemer of coordinator"):
        perspective_code("ouder")
