"""The casus simulator: reproducible, coherent with its profile, and respectful of the options."""

from __future__ import annotations

import re
import string

import pytest

from lco_kit.casus import casus_to_yaml, find_profile, profiles, scan_privacy, simulate_casus
from lco_kit.casus.simulator import simulator_data
from lco_kit.codes import code_list
from lco_kit.errors import LcoError

SEEDS = range(100)


def test_same_seed_same_casus_byte_for_byte() -> None:
    """Does the same seed give the same YAML, even after other seeds were drawn in between?"""
    first = casus_to_yaml(simulate_casus(7))
    simulate_casus(8)
    simulate_casus(7, hulpverleners=6)
    assert casus_to_yaml(simulate_casus(7)) == first


def test_different_seeds_give_different_casussen() -> None:
    """Do a hundred seeds give a hundred different casussen, over every profile?"""
    texts = {casus_to_yaml(simulate_casus(seed)) for seed in SEEDS}
    assert len(texts) == len(SEEDS)
    assert {simulate_casus(seed).profiel for seed in SEEDS} == {p.code for p in profiles()}


@pytest.mark.parametrize("seed", SEEDS)
def test_simulated_casus_belongs_to_its_profile(seed: int) -> None:
    """Do life domains, services and knelpunten come from the casus's own profile, and is it clean?"""
    casus = simulate_casus(seed)
    profile = find_profile(casus.profiel)
    data = simulator_data()
    allowed_services = {s.replace("_", "-") for s in [*profile.service_ids(), *data.algemene_diensten]}
    assert {d.domein for d in casus.levensdomeinen} <= set(profile.domain_codes())
    assert set(profile.levensdomeinen.kern) <= {d.domein for d in casus.levensdomeinen}
    assert {h.id for h in casus.hulpverleners} <= allowed_services
    assert {k.categorie for k in casus.knelpunten} <= {k.categorie for k in profile.knelpunten}
    low, high = profile.minderjarigen.aantal
    assert low <= len(casus.client.minderjarigen) <= high
    assert 3 <= len(casus.hulpverleners) <= 5
    assert any(d.sterktes for d in casus.levensdomeinen)
    assert casus.herkomst == "gesimuleerd" and casus.toestemming
    assert scan_privacy(casus_to_yaml(casus)) == []
    assert "{" not in casus_to_yaml(casus), "a placeholder was left unfilled"


def test_services_for_children_only_when_there_are_children() -> None:
    """Is a school or Kind en Gezin never involved in a household without minors?"""
    child_services = {s.id.replace("_", "-") for s in simulator_data().diensten if s.alleen_met_kinderen}
    for seed in SEEDS:
        casus = simulate_casus(seed, hulpverleners=8)
        if not casus.client.minderjarigen:
            assert not {h.id for h in casus.hulpverleners} & child_services, seed


def test_options_profile_count_minors_and_domains() -> None:
    """Are the trainer's options followed: profile, number of providers, minors, life domains?"""
    casus = simulate_casus(3, profiel="Oudere die thuis woont", hulpverleners=7)
    assert casus.profiel == "oudere_thuis" and len(casus.hulpverleners) == 7
    assert all(simulate_casus(s, minderjarigen=True).client.minderjarigen for s in range(20))
    assert not any(simulate_casus(s, minderjarigen=False).client.minderjarigen for s in range(20))
    chosen = simulate_casus(4, profiel="nieuwkomer", levensdomeinen=["Werk", "geld", "administratie"])
    assert [d.domein for d in chosen.levensdomeinen] == ["financien", "werk", "administratie"]


def test_upbringing_brings_children() -> None:
    """Does choosing the life domain Opvoeding give a household with minors?"""
    for seed in range(10):
        assert simulate_casus(seed, levensdomeinen=["opvoeding"]).client.minderjarigen


def test_a_profile_with_a_teenager_has_one_at_the_table() -> None:
    """Does the teenager profile always include a minor of 12 or older who takes part?"""
    for seed in range(20):
        casus = simulate_casus(seed, profiel="gezin_met_tiener")
        assert any(m.neemt_deel and m.oud_genoeg for m in casus.client.minderjarigen)


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"profiel": "rijke familie"}, "‘rijke familie’ is geen profiel"),
        ({"hulpverleners": 12}, "Kies tussen 2 en 8 hulpverleners; gevraagd: 12"),
        ({"hulpverleners": 1}, "Kies tussen 2 en 8 hulpverleners; gevraagd: 1"),
        ({"profiel": "oudere_thuis", "minderjarigen": True}, "heeft geen minderjarigen"),
        ({"profiel": "gezin_met_tiener", "minderjarigen": False}, "heeft altijd minderjarigen"),
        ({"levensdomeinen": ["sport"]}, "‘sport’ staat niet in de lijst ‘Levensdomeinen’"),
        ({"levensdomeinen": []}, "Kies minstens één levensdomein"),
        ({"levensdomeinen": ["opvoeding"], "minderjarigen": False}, "Opvoeding gaat over kinderen"),
    ],
)
def test_impossible_options_get_a_dutch_message(options: dict, fragment: str) -> None:
    """Does an option that does not exist or does not fit the profile get a Dutch message?"""
    with pytest.raises(LcoError) as caught:
        simulate_casus(1, **options)
    assert fragment in str(caught.value)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


_CLIENT_KEYS = {
    "naam",
    "leeftijd",
    "gemeente",
    "zij",
    "Zij",
    "haar",
    "Haar",
    "partner",
    "huishouden",
    "aantal_diensten",
}
_CHILD_KEYS = {"kind", "kinderen"}


def test_every_template_uses_only_known_placeholders() -> None:
    """Do the templates use only placeholders the simulator fills ({kind} only where there are children)?"""
    data = simulator_data()
    for profile in profiles():
        allowed = _CLIENT_KEYS | (_CHILD_KEYS if profile.has_minors else set())
        texts = [
            *profile.titels,
            *profile.samenvattingen,
            *profile.hulpvragen,
            *profile.wat_goed_gaat,
            *profile.niet_delen,
            *(k.omschrijving for k in profile.knelpunten),
        ]
        for text in texts:
            assert _placeholders(text) <= allowed, (profile.code, text)
        for text in profile.huishoudens:
            assert _placeholders(text) <= _CLIENT_KEYS - {"huishouden"}, text
        for text in profile.huishoudens_met_kinderen:
            assert _placeholders(text) <= (_CLIENT_KEYS | _CHILD_KEYS) - {"huishouden"}, text
    for service in data.diensten:
        for text in (service.dienst, *service.visies, *service.zorgen, *service.afspraken):
            assert _placeholders(text) <= _CLIENT_KEYS, (service.id, text)
    for domain in data.levensdomeinen.values():
        for text in (*domain.laag, *domain.midden, *domain.hoog, *domain.sterktes):
            assert _placeholders(text) <= _CLIENT_KEYS, text


def test_the_data_files_fit_together() -> None:
    """Does every profile name services in the catalogue, and does every life domain have texts?"""
    data = simulator_data()
    catalogue = {s.id for s in data.diensten}
    for profile in profiles():
        assert set(profile.service_ids()) <= catalogue, profile.code
        children_only = [s for s in profile.diensten.kern if data.service(s).alleen_met_kinderen]
        assert profile.has_minors or not children_only, profile.code
        assert len(set(profile.service_ids()) | set(data.algemene_diensten)) >= 8, profile.code
    assert set(data.levensdomeinen) == {c.code for c in code_list("levensdomeinen").codes}


def test_simulated_years_are_not_in_the_future() -> None:
    """Is every ``sinds`` before the simulator's reference year?"""
    year = simulator_data().referentiejaar
    for seed in SEEDS:
        for provider in simulate_casus(seed).hulpverleners:
            assert int(re.match(r"\d{4}", provider.sinds).group()) < year  # type: ignore[union-attr]


def test_simulated_tables_choose_and_coordinators_stay_unplaced() -> None:
    """In 100 simulated casussen: a spilfiguur only in a follow-up, and never an OCMW's name by a coördinator?"""
    follow_ups = 0
    for seed in range(100):
        casus = simulate_casus(seed)
        assert casus.opstelling is not None and casus.opstelling.coordinator is not None
        assert casus.opstelling.coordinator.dienst == "LCO-coördinatie van het OCMW"
        if casus.opstelling.spilfiguur is not None:
            assert casus.vorige_lco is not None and casus.vorige_lco.spilfiguur == casus.opstelling.spilfiguur
            follow_ups += 1
    assert follow_ups > 0
