"""The curated casussen and reading and writing casus files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit.casus import (
    Casus,
    casus_to_yaml,
    check_casus,
    list_casussen,
    load_casus,
    load_casus_file,
    profiles,
    read_library,
    scan_privacy,
)
from lco_kit.codes import lookup_gemeente
from lco_kit.content import content_files
from lco_kit.errors import ContentError, LcoError
from tests.casus.conftest import casus_data, casus_yaml

CURATED = content_files("casussen")


def test_there_are_at_least_sixteen_curated_casussen() -> None:
    """Does the kit ship at least sixteen casussen, each named after its id?"""
    assert len(CURATED) >= 16
    titles = [c.titel for c in list_casussen()]
    assert titles == sorted(titles, key=str.casefold)
    assert {p.stem for p in CURATED} == {c.id for c in list_casussen()}


@pytest.mark.parametrize("path", CURATED, ids=lambda p: p.name)
def test_curated_casus_is_valid_clean_and_complete(path: Path) -> None:
    """Is every curated casus valid, free of personal data, and complete as the issue asks?"""
    result = check_casus(path)
    assert result.ok, result.report()
    casus = result.casus
    assert casus is not None
    assert len(casus.hulpverleners) >= 3
    assert all(h.visie and h.zorg for h in casus.hulpverleners)
    assert casus.knelpunten and casus.wat_goed_gaat and casus.hulpvraag
    assert any(d.sterktes for d in casus.levensdomeinen), "toon ook sterktes per levensdomein"
    assert casus.aandachtspunten() == []


def test_every_profile_is_covered() -> None:
    """Is every profiel of the data file represented by at least one curated casus?"""
    covered = {c.profiel for c in list_casussen()}
    assert covered == {p.code for p in profiles()}


def test_what_the_role_play_needs_is_there() -> None:
    """Are there minors old enough to take part, and casussen with niet_delen, opstelling and vorige_lco?"""
    casussen = list_casussen()
    taking_part = [c for c in casussen if any(m.neemt_deel and m.oud_genoeg for m in c.client.minderjarigen)]
    assert len(taking_part) >= 3
    assert sum(bool(c.niet_delen) for c in casussen) >= 3
    assert sum(c.opstelling is not None and c.opstelling.coordinator is not None for c in casussen) >= 8
    assert sum(c.vorige_lco is not None for c in casussen) >= 3


def test_the_hard_situations_are_there() -> None:
    """Are the hard situations in the library: no LCO, child safety, violence, an EU citizen, a farmer, a peer?"""
    casussen = list_casussen()
    texts = {c.id: casus_to_yaml(c) for c in casussen}
    refused = [c for c in casussen if c.geen_lco is not None]
    assert refused and all(not c.toestemming for c in refused)
    assert any("Vertrouwenscentrum Kindermishandeling" in p.dienst for c in casussen for p in c.hulpverleners)
    assert any("huisverbod" in text and "niet mee" in text for text in texts.values())
    assert any("Europese burger" in text for text in texts.values())
    assert any("zelfstandige" in text and "landbouw" in text for text in texts.values())
    assert any(
        p.sector == "vrijwilligers" and "ervaringsdeskundige" in p.rol for c in casussen for p in c.hulpverleners
    )
    assert any(item.van for c in casussen for item in c.niet_delen), "een vertrouwelijk verhaal van een kind"


def test_the_table_chooses_the_spilfiguur() -> None:
    """Does no curated casus come with a spilfiguur, unless it follows up an LCO that chose the same one?"""
    for casus in list_casussen():
        chosen = casus.opstelling.spilfiguur if casus.opstelling else None
        if chosen is not None:
            assert casus.vorige_lco is not None and casus.vorige_lco.spilfiguur == chosen, casus.id


def _names(casus: Casus) -> list[str]:
    names = [casus.client.pseudoniem, *(m.pseudoniem for m in casus.client.minderjarigen)]
    names += [p.naam for p in casus.hulpverleners if p.naam]
    if casus.opstelling and casus.opstelling.coordinator and casus.opstelling.coordinator.naam:
        names.append(casus.opstelling.coordinator.naam)
    return names


def test_no_name_is_used_for_two_people() -> None:
    """Across all curated casussen, does every first name belong to one person only?"""
    seen: dict[str, str] = {}
    for casus in list_casussen():
        for name in _names(casus):
            assert name not in seen, f"{name} in {casus.id} en {seen[name]}"
            seen[name] = casus.id


def test_a_named_coordinator_is_not_placed_at_a_real_ocmw() -> None:
    """Does a coördinator with a first name stay without the name of a real OCMW or municipality?"""
    coordinators = [c.opstelling.coordinator for c in list_casussen() if c.opstelling and c.opstelling.coordinator]
    assert len({c.naam for c in coordinators if c.naam}) >= 8
    for coordinator in coordinators:
        if coordinator.naam:
            for word in coordinator.dienst.replace(",", " ").split():
                assert lookup_gemeente(word).waarschuwing, f"{coordinator.naam} met {coordinator.dienst}"


@pytest.mark.parametrize("path", CURATED, ids=lambda p: p.name)
def test_the_client_is_written_one_way(path: Path) -> None:
    """Does every curated file write the client who carries an agreement as ‘cliënt’?"""
    text = path.read_text(encoding="utf-8")
    assert "wie: client" not in text and "wie: Cliënt" not in text


def test_casussen_are_set_in_limburg() -> None:
    """Is every curated casus set in a Limburg municipality the kit knows?"""
    for casus in list_casussen():
        assert casus.gemeente is not None
        assert lookup_gemeente(casus.gemeente).provincie == "Limburg", casus.id


def test_load_casus_by_id() -> None:
    """Does load_casus return the casus with that id?"""
    first = list_casussen()[0]
    assert load_casus(first.id) == first


def test_unknown_id_lists_the_casussen() -> None:
    """Does an unknown id get a Dutch message that lists the ids that exist?"""
    with pytest.raises(LcoError) as caught:
        load_casus("bestaat-niet")
    assert "Er is geen casus met id ‘bestaat-niet’" in str(caught.value)
    assert list_casussen()[0].id in str(caught.value)


@pytest.mark.parametrize("path", CURATED, ids=lambda p: p.name)
def test_round_trip_through_yaml(path: Path) -> None:
    """Does casus_to_yaml write a file that loads back as the same casus, and stays clean?"""
    casus = load_casus_file(path)
    text = casus_to_yaml(casus)
    assert load_casus_file(text.encode("utf-8"), "terug.yaml") == casus
    assert scan_privacy(text) == []


def test_yaml_keeps_surprising_texts_as_text() -> None:
    """Are texts that YAML could misread (14:30, yes, a date, a number) quoted when written?"""
    data = casus_data(hulpvraag="14:30", titel="yes", samenvatting="2026-03-01")
    data["wat_goed_gaat"] = ["0612", "no"]
    casus = load_casus_file(casus_yaml(data).encode(), "x.yaml")
    back = load_casus_file(casus_to_yaml(casus).encode(), "x.yaml")
    assert (back.hulpvraag, back.titel, back.samenvatting, back.wat_goed_gaat) == (
        "14:30",
        "yes",
        "2026-03-01",
        ("0612", "no"),
    )


def test_yaml_writes_a_header_and_indented_lists() -> None:
    """Does the written file start with the header as comments, and indent list items?"""
    casus = load_casus_file(casus_yaml().encode(), "x.yaml")
    text = casus_to_yaml(casus, header="Verzonnen.\nTweede regel.")
    assert text.startswith("# Verzonnen.\n# Tweede regel.\nschema_version: 1\n")
    assert "\nwat_goed_gaat:\n  - Mira zorgt" in text


def test_a_broken_facilitator_file_is_reported_not_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a broken file in the facilitator's folder show up as an error while the others still load?"""
    folder = tmp_path / "casussen"
    folder.mkdir()
    (folder / "eigen.yaml").write_text(casus_yaml(toestemming=False), encoding="utf-8")
    (folder / "andere-naam.yaml").write_text(casus_yaml(), encoding="utf-8")
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(tmp_path))
    library = read_library()
    assert len(library.casussen) == len(CURATED)
    messages = sorted(str(e) for e in library.fouten)
    assert messages[0].startswith("andere-naam.yaml, de id ‘test-casus’ hoort bij de bestandsnaam")
    assert messages[1].startswith("eigen.yaml, regel") and "toestemming" in messages[1]
    with pytest.raises(ContentError) as caught:
        list_casussen()
    assert "eigen.yaml" in str(caught.value) and "andere-naam.yaml" in str(caught.value)


def test_a_facilitator_file_adds_a_casus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a valid file in the facilitator's folder appear next to the kit's casussen?"""
    folder = tmp_path / "casussen"
    folder.mkdir()
    (folder / "test-casus.yaml").write_text(casus_yaml(), encoding="utf-8")
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(tmp_path))
    assert load_casus("test-casus").client.pseudoniem == "Mira"
    assert len(list_casussen()) == len(CURATED) + 1
