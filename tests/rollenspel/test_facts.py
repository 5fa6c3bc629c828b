from __future__ import annotations

import pytest

from lco_kit.casus import Casus
from lco_kit.rollenspel.facts import casus_facts, dutch_list
from tests.rollenspel.conftest import CURATED, SIMULATED, casus_data, make_casus, two_providers


def test_indication_follows_providers_and_domains() -> None:
    """Does three providers fit an LCO, and two providers with two problem domains not?"""
    assert casus_facts(make_casus()).indicatie is True
    assert casus_facts(two_providers()).indicatie is False


def test_three_problem_domains_are_enough_with_two_providers() -> None:
    """Do three problem domains fit an LCO even with only two providers (‘and/or’)?"""
    data = casus_data()
    data["hulpverleners"] = data["hulpverleners"][:2]
    data["niet_delen"] = []
    data["levensdomeinen"][1]["score"] = 2
    assert casus_facts(Casus.model_validate(data)).indicatie is True


def test_minors_old_enough_get_a_seat_and_young_ones_stay_home() -> None:
    """Is the 14-year-old who takes part at the table, and the 6-year-old at home?"""
    facts = casus_facts(make_casus())
    assert [m.pseudoniem for m in facts.minderjarigen] == ["Noor"]
    assert [m.pseudoniem for m in facts.minderjarigen_thuis] == ["Seppe"]


def test_spilfiguur_of_the_setup_wins_over_the_casus() -> None:
    """Does a spilfiguur chosen in the setup replace the casus's own, and an unknown id not?"""
    assert casus_facts(make_casus()).spilfiguur.id == "caw"
    assert casus_facts(make_casus(), "clb").spilfiguur.id == "clb"
    assert casus_facts(make_casus(), "onbekend").spilfiguur.id == "caw"


def test_closest_provider_is_the_likely_spilfiguur() -> None:
    """Is the provider who sees the client ‘dichtbij’ the closest?"""
    assert casus_facts(make_casus(opstelling=None)).dichtbij.id == "caw"


@pytest.mark.parametrize("casus", CURATED + SIMULATED, ids=lambda c: c.id)
def test_proposed_coordinator_and_other_provider_are_never_the_spilfiguur(casus: Casus) -> None:
    """In every casus, is the provider proposed as coördinator (and the ‘other’ one) never the spilfiguur?"""
    facts = casus_facts(casus)
    pivot = facts.spilfiguur or facts.dichtbij
    assert facts.voorgestelde_coordinator.id != pivot.id
    assert facts.andere.id != pivot.id


def test_requester_as_a_person_reads_it() -> None:
    """Is the requester named as the provider, or as the client when the client asked?"""
    assert casus_facts(make_casus()).aanvrager_label == "Els (OCMW Genk, sociale dienst)"
    client_asked = make_casus(aanvrager={"soort": "Cliënt", "reden": "Ze wil overzicht."})
    assert casus_facts(client_asked).aanvrager_label == "Mira"
    assert casus_facts(client_asked).aanvrager_is_client


def test_dutch_enumeration() -> None:
    """Are lists written as ‘a, b en c’?"""
    assert dutch_list([]) == ""
    assert dutch_list(["CAW"]) == "CAW"
    assert dutch_list(["CAW", "OCMW", "huisarts"]) == "CAW, OCMW en huisarts"


def test_a_casus_that_is_no_lco_has_no_indication_even_with_consent() -> None:
    """Is the indication false for a ‘geen_lco’ casus, even when the client said yes (consent in doubt)?"""
    assert casus_facts(make_casus()).indicatie
    assert not casus_facts(make_casus(geen_lco="Mira zegt ja om de maatschappelijk werker te plezieren.")).indicatie
