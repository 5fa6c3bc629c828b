from __future__ import annotations

import pytest

from lco_kit.casus import Casus
from lco_kit.casus.parts import Coordinator
from lco_kit.errors import LcoError
from lco_kit.rollenspel.checks import (
    check_coordinator,
    check_indicatie,
    check_setup,
    check_spilfiguur,
    check_voorbereiding,
    checklist,
)
from tests.rollenspel.conftest import CURATED, make_casus, two_providers


def test_indication_passes_with_three_providers() -> None:
    """Does a casus with three providers pass the indication, with the counts in the details?"""
    check = check_indicatie(make_casus())
    assert check.ok
    assert "3 hulpverlener(s) betrokken" in check.details[0]
    assert "De cliënt gaf toestemming" in check.details[2]


def test_indication_doubts_below_three_providers_and_domains() -> None:
    """Does a casus with two providers and two problem domains get ‘misschien niet’, with a suggestion?"""
    check = check_indicatie(two_providers())
    assert not check.ok
    assert check.uitleg.startswith("Misschien niet.")
    assert "gewoon gesprek" in check.uitleg


def test_indication_without_consent_is_refused() -> None:
    """Without the client's consent, does the indication say there is no LCO?"""
    casus = make_casus().model_copy(update={"toestemming": False})
    check = check_indicatie(casus)
    assert not check.ok
    assert "Zonder toestemming van de cliënt is er geen LCO." in check.uitleg


@pytest.mark.parametrize("casus", CURATED, ids=lambda c: c.id)
def test_every_curated_casus_fits_an_lco(casus: Casus) -> None:
    """Does every curated casus pass the indication?"""
    assert check_indicatie(casus).ok


def test_a_provider_as_coordinator_is_not_neutral() -> None:
    """Is a provider of the casus refused as coördinator, with the casus format's own reason?"""
    check = check_coordinator(make_casus(), "ocmw")
    assert not check.ok
    assert "is ook hulpverlener ‘ocmw’" in check.uitleg
    assert "neutraliteit" in check.details[0]


def test_the_providers_service_typed_as_coordinator_is_not_neutral() -> None:
    """Is the provider's own service, typed with other capitals, still recognised as not neutral?"""
    check = check_coordinator(make_casus(), "ocmw genk, sociale dienst")
    assert not check.ok


def test_a_coordinator_outside_the_providers_is_neutral() -> None:
    """Is the LCO coordination of the OCMW, apart from its social service, neutral?"""
    check = check_coordinator(make_casus(), Coordinator(dienst="OCMW Genk, LCO-coördinatie", naam="Ilse"))
    assert check.ok
    assert check.uitleg.startswith("Ilse (OCMW Genk, LCO-coördinatie) geeft zelf geen hulp")


def test_the_casus_coordinator_is_used_by_default_and_its_absence_named() -> None:
    """Does the check use the casus's coördinator, and say so when there is none?"""
    assert check_coordinator(make_casus()).ok
    missing = check_coordinator(make_casus(opstelling=None))
    assert not missing.ok
    assert "nog geen coördinator" in missing.uitleg


def test_spilfiguur_chosen_by_the_client_passes() -> None:
    """Does a provider chosen by the client pass as spilfiguur?"""
    check = check_spilfiguur(make_casus(), "caw", "client")
    assert check.ok
    assert check.uitleg == "Tom (CAW Limburg, onthaal) is hulpverlener in deze casus en werd door Mira gekozen."


@pytest.mark.parametrize(
    ("chooser", "reason"),
    [
        ("coordinator", "kiest de spilfiguur niet"),
        ("aanvrager", "Wie aanvraagt, wordt niet vanzelf spilfiguur"),
        ("hulpverleners", "de cliënt beslist"),
    ],
)
def test_spilfiguur_not_chosen_by_the_client_fails(chooser: str, reason: str) -> None:
    """Is a spilfiguur chosen by anyone but the client refused, with the reason for that chooser?"""
    check = check_spilfiguur(make_casus(), "caw", chooser)
    assert not check.ok
    assert "koos die persoon niet zelf" in check.uitleg
    assert reason in check.details[0]


def test_spilfiguur_must_be_one_of_the_providers() -> None:
    """Is a spilfiguur who is not a provider refused, with the ids to choose from?"""
    check = check_spilfiguur(make_casus(), "buurvrouw", "client")
    assert not check.ok
    assert "‘buurvrouw’ is geen hulpverlener van deze casus" in check.uitleg
    assert check.details == ("Kies uit: ocmw, caw, clb.",)


def test_missing_spilfiguur_and_missing_chooser_are_named() -> None:
    """Does the check say when there is no spilfiguur yet, or when nobody said who chose?"""
    none = check_spilfiguur(make_casus(opstelling=None))
    assert not none.ok and "Er is nog geen spilfiguur" in none.uitleg
    unsaid = check_spilfiguur(make_casus(), "caw", None)
    assert not unsaid.ok and "Zeg nog wie die keuze maakte" in unsaid.uitleg


def test_a_distant_spilfiguur_passes_with_a_question() -> None:
    """Does a spilfiguur who sees the client from a distance pass, with a question to the table?"""
    check = check_spilfiguur(make_casus(), "clb", "client")
    assert check.ok
    assert "eerder op afstand" in check.details[0]


def test_unknown_chooser_is_a_dutch_error() -> None:
    """Is an unknown chooser refused with the possible values?"""
    with pytest.raises(LcoError, match="client, coordinator, aanvrager, hulpverleners"):
        check_spilfiguur(make_casus(), "caw", "buren")


def test_the_requesters_checklist_has_eight_questions() -> None:
    """Does the checklist hold the leaflet's eight questions, the babysit last?"""
    questions = checklist().vragen
    assert len(questions) == 8
    assert questions[0].vraag.startswith("Heb je met de cliënt besproken dat er een overleg komt")
    assert "opvang voor de kinderen" in questions[-1].vraag


def test_preparation_passes_only_when_every_question_is_yes() -> None:
    """Does the preparation pass with eight yeses, and list the open ones with their tips otherwise?"""
    answers = {q.code: True for q in checklist().vragen}
    assert check_voorbereiding(answers).ok
    answers["uitnodigen"] = False
    answers["kinderopvang"] = None
    check = check_voorbereiding(answers)
    assert not check.ok
    assert check.uitleg.startswith("Nog niet: 2 van de 8 vragen zijn nog open.")
    assert check.details[0].startswith("Heb je met de cliënt besproken wie er uitgenodigd wordt? Tip: Overloop")
    assert "Moet er opvang voor de kinderen geregeld worden?" in check.details[1]


def test_unknown_checklist_question_is_a_dutch_error() -> None:
    """Is an answer to a question the checklist does not have refused?"""
    with pytest.raises(LcoError, match="Deze vraag kent de checklist niet: koffie"):
        check_voorbereiding({"koffie": True})


def test_check_setup_runs_every_check() -> None:
    """Does a full setup run the four checks, and flag a provider as coördinator?"""
    checks = check_setup(make_casus(), coordinator="caw", spilfiguur="caw", gekozen_door="client", antwoorden={})
    assert [c.code for c in checks] == ["indicatie", "neutraliteit", "spilfiguur", "voorbereiding"]
    assert [c.ok for c in checks] == [True, False, True, False]
    assert "In orde — Past dit voor een LCO?" in checks[0].describe()
