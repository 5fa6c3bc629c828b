"""The instrument file: the kit's own items, checks on load, and a facilitator's own copy."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from lco_kit.content import content_path
from lco_kit.errors import ContentError
from lco_kit.reflectie.instrument import (
    MAX_CLIENT_ITEMS,
    PERSPECTIVES,
    load_instrument,
    perspective_code,
    privacy_text,
)


def kit_text() -> str:
    """Return the kit's instrument file as text."""
    return content_path("data", "reflectie/instrument.yaml").read_text(encoding="utf-8")


def changed(old: str, new: str, count: int = 1) -> bytes:
    """Return the kit's instrument with one piece of text replaced (the replacement must happen)."""
    text = kit_text()
    assert old in text
    return text.replace(old, new, count).encode("utf-8")


def test_kit_instrument_covers_every_dimension_in_every_perspective() -> None:
    """Do professionals get two items per dimension, and the client one per dimension and at most twelve?"""
    instrument = load_instrument()
    assert len(instrument.dimensies) == 8
    for perspective in PERSPECTIVES:
        per_dimension = Counter(i.dimensie for i in instrument.perspective(perspective).items)
        least = 1 if perspective == "client" else 2
        assert all(per_dimension[d] >= least for d in instrument.dimension_codes()), perspective
    assert len(instrument.perspective("client").items) <= MAX_CLIENT_ITEMS


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


def test_no_negatively_worded_item_on_a_scale_of_faces() -> None:
    """Is every item on a scale with faces positively worded, so that a smile means it went well?"""
    instrument = load_instrument()
    for perspective in PERSPECTIVES:
        part = instrument.perspective(perspective)
        if any(point.symbool for point in part.schaal):
            assert not [i.id for i in part.items if i.omgekeerd], perspective
    assert any(i.omgekeerd for i in instrument.perspective("deelnemer").items)  # allowed without faces


def test_a_reversed_item_on_a_scale_of_faces_is_refused() -> None:
    """Is a facilitator's negative client item (a smile would mean it went badly) refused in Dutch?"""
    data = changed(
        "tekst: Ik heb weer wat meer hoop.",
        "tekst: Ze praatten over mij alsof ik er niet was.\n        omgekeerd: true",
    )
    with pytest.raises(ContentError, match="de schaal toont gezichtjes"):
        load_instrument(data, "eigen.yaml")


def test_more_than_twelve_client_items_are_refused() -> None:
    """Is a client part with thirteen items refused, asking to keep it short?"""
    extra = "".join(
        f"      - id: c_extra_{n}\n        dimensie: sterktes\n        tekst: Vraag {n}.\n" for n in range(1, 2)
    )
    data = changed("  deelnemer:\n", extra + "  deelnemer:\n")
    with pytest.raises(ContentError, match="de cliënt krijgt 13 vragen; houd het bij hoogstens 12"):
        load_instrument(data, "eigen.yaml")


_VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+")


def flesch_douma(text: str) -> float:
    """Return the Flesch-Douma reading ease of a Dutch text (higher is easier; 80+ is easy).

    206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence, counting a syllable
    for every group of vowels.
    """
    sentences = [s for s in re.split(r"[.!?]+", text) if s.strip()]
    words = re.findall(r"[^\W\d_]+", text.casefold())
    syllables = sum(max(1, len(_VOWELS.findall(word))) for word in words)
    return 206.84 - 0.77 * (100 * syllables / len(words)) - 0.93 * (len(words) / len(sentences))


def test_flesch_douma_tells_easy_from_hard() -> None:
    """Does the readability score rank a child's sentence above an official one (so the floor can fail)?"""
    easy = flesch_douma("Ik mag zeggen wat ik wil. Ze luisteren naar mij.")
    hard = flesch_douma(
        "De gecoördineerde hulpverleningsorganisaties formaliseerden interdisciplinaire "
        "samenwerkingsovereenkomsten betreffende multiproblematische gezinssituaties."
    )
    assert easy >= 100
    assert hard < 20


def test_client_items_are_readable_for_a_twelve_year_old() -> None:
    """Do the client's items together score at least 80 on the Flesch-Douma reading ease?"""
    client = load_instrument().perspective("client")
    text = " ".join(item.tekst for item in client.items)
    assert flesch_douma(text) >= 80, round(flesch_douma(text), 1)


def test_neutrality_is_tied_to_one_principle_in_the_instrument_and_the_docs() -> None:
    """Is the neutrality dimension tied to gecoördineerde hulpverlening, and do the docs say the same?"""
    assert load_instrument().dimension("neutraal").principe == "gecoordineerde_hulpverlening"
    docs = (Path(__file__).resolve().parents[2] / "docs" / "reflectie.md").read_text(encoding="utf-8")
    line = next(row for row in docs.splitlines() if row.startswith("| Neutraal"))
    assert "gecoördineerde hulpverlening" in line.casefold()


def test_privacy_line_is_honest_per_kind_of_session() -> None:
    """Does one LCO say the client's answers are not anonymous, and a reflection day name its group floor?"""
    assert "niet anoniem" in privacy_text("lco", 3)
    assert "minstens 5 mensen" in privacy_text("reflectiedag", 5)
    with pytest.raises(ValueError, match="geen soort sessie"):
        privacy_text("feest", 3)


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
        changed('versie: "2026.2"', 'versie: "Genk-2"').replace(
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
