"""Tests of lco_kit.stappenplan.regels: each rule of the method, with a failing example."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from lco_kit.casus import Afspraak, Knelpunt
from lco_kit.errors import LcoError
from lco_kit.stappenplan import (
    check_stappenplan,
    verslag_markdown,
)
from tests.stappenplan.conftest import complete, messages, rules


def test_a_complete_stappenplan_breaks_no_rule() -> None:
    """Does a plan with owners, dates, an own step, a spilfiguur and a knelpunt pass every rule?"""
    assert check_stappenplan(complete()) == []


def test_no_agreement_at_all() -> None:
    """Is a plan without any agreement refused?"""
    plan = complete(afspraken=())
    assert "afspraken" in rules(plan)
    assert "Er staat nog geen enkele afspraak in het stappenplan." in messages(plan)[0]


def test_agreement_without_what() -> None:
    """Is an agreement that does not say what refused, with its number?"""
    plan = complete(afspraken=(Afspraak.concept("", "client", date(2026, 3, 10)),))
    assert messages(plan)[0] == "Afspraak 1: zeg wat er gebeurt (de kolom ‘wat’ is leeg)."


def test_agreement_without_owner() -> None:
    """Is an agreement without an owner refused, naming it and why?"""
    plan = complete()
    plan = replace(
        plan, afspraken=(*plan.afspraken, Afspraak.concept("Een afspraak over de huur maken", "", date(2026, 4, 1)))
    )
    assert rules(plan) == ["afspraak_wie"]
    assert messages(plan) == [
        "Afspraak 4 (‘Een afspraak over de huur maken’) heeft nog geen eigenaar. Kies wie het doet: een afspraak "
        "zonder eigenaar wordt zelden uitgevoerd."
    ]


def test_agreement_with_an_owner_from_outside_the_casus() -> None:
    """Is an owner who is nobody in the casus refused, with who can own it?"""
    plan = complete()
    plan = replace(plan, afspraken=(*plan.afspraken, Afspraak.concept("Bellen", "buurvrouw", date(2026, 4, 1))))
    assert rules(plan) == ["afspraak_wie"]
    assert "‘buurvrouw’ is niemand van deze casus" in messages(plan)[0]


def test_agreement_without_date() -> None:
    """Is an agreement without a date refused?"""
    plan = complete()
    plan = replace(plan, afspraken=(*plan.afspraken, Afspraak.concept("Bellen naar de school", "caw", None)))
    assert rules(plan) == ["afspraak_datum"]
    assert "(‘Bellen naar de school’) heeft nog geen datum" in messages(plan)[0]


def test_agreement_due_before_the_meeting() -> None:
    """Is an agreement due before the meeting itself refused, with both dates in words?"""
    plan = complete()
    plan = replace(
        plan, afspraken=(*plan.afspraken, Afspraak.concept("Bellen naar de school", "caw", date(2026, 2, 1)))
    )
    assert rules(plan) == ["afspraak_datum_voor_overleg"]
    assert "moet klaar zijn op 1 februari 2026, vóór het overleg van 2 maart 2026" in messages(plan)[0]


def test_the_client_has_no_own_step() -> None:
    """Is a plan in which the client has no step of their own refused?"""
    plan = complete()
    plan = replace(plan, afspraken=tuple(a for a in plan.afspraken if a.wie != "client"))
    assert rules(plan) == ["eigen_stap"]
    assert messages(plan)[0].startswith("Mira heeft nog geen eigen stap.")


def test_no_spilfiguur_named() -> None:
    """Is a plan without a spilfiguur refused?"""
    plan = complete(spilfiguur=None)
    assert rules(plan) == ["spilfiguur"]
    assert "Er is nog geen spilfiguur." in messages(plan)[0]


def test_spilfiguur_who_is_not_a_provider() -> None:
    """Is a spilfiguur who is not one of the providers refused, with the ids?"""
    plan = complete(spilfiguur="buurvrouw")
    assert rules(plan) == ["spilfiguur"]
    assert messages(plan)[0] == "‘buurvrouw’ is geen hulpverlener van deze casus. Kies uit: ocmw, caw, clb."


def test_knelpunten_not_recorded() -> None:
    """Is a plan with no knelpunt and no ‘there were none’ refused?"""
    plan = complete(knelpunten=())
    assert rules(plan) == ["knelpunten"]
    assert "Noteer de structurele knelpunten voor het verslag, of bevestig dat er geen waren." in messages(plan)[0]
    assert check_stappenplan(replace(plan, geen_knelpunten=True)) == []


def test_knelpunten_and_none_at_once() -> None:
    """Is a plan with knelpunten that also says there were none refused?"""
    assert rules(complete(geen_knelpunten=True)) == ["knelpunten"]


def test_knelpunt_without_category() -> None:
    """Is a knelpunt without a category refused?"""
    plan = complete(knelpunten=(Knelpunt.concept("", "Geen opvang voor zeven uur."),))
    assert messages(plan) == ["Knelpunt 1: kies de soort knelpunt uit de lijst."]


def test_knelpunt_with_an_unknown_category() -> None:
    """Is a knelpunt with a category from outside the list refused, with a suggestion?"""
    plan = complete(knelpunten=(Knelpunt.concept("wachtlijstje", "Lang wachten op begeleiding."),))
    assert rules(plan) == ["knelpunt_categorie"]
    assert "‘wachtlijstje’ staat niet in de lijst" in messages(plan)[0]


def test_knelpunt_without_description() -> None:
    """Is a knelpunt without a description refused?"""
    plan = complete(knelpunten=(Knelpunt.concept("kinderopvang", " "),))
    assert rules(plan) == ["knelpunt_omschrijving"]


def test_no_life_domain_discussed() -> None:
    """Is a plan without any life domain refused (the registration needs one)?"""
    assert rules(complete(levensdomeinen=())) == ["levensdomeinen"]


def test_no_municipality() -> None:
    """Is a plan without a municipality refused, saying the registration needs it?"""
    plan = complete(gemeente=None)
    assert rules(plan) == ["gemeente"]
    assert "De registratie heeft de gemeente" in messages(plan)[0]


def test_require_valid_lists_every_problem() -> None:
    """Does asking for the verslag of an incomplete plan give one Dutch message with every problem?"""
    plan = complete(spilfiguur=None, knelpunten=())
    with pytest.raises(LcoError) as caught:
        verslag_markdown(plan)
    text = str(caught.value)
    assert text.startswith("Het stappenplan is nog niet compleet (2 punt(en)):")
    assert "Er is nog geen spilfiguur." in text and "Noteer de structurele knelpunten" in text
