from __future__ import annotations

import pytest
from pydantic import ValidationError

from lco_kit.casus import Casus, simulate_casus
from lco_kit.casus.parts import NietDelen
from lco_kit.codes import normalize
from lco_kit.errors import LcoError
from lco_kit.rollenspel.card_texts import card_contents
from lco_kit.rollenspel.cards import Rolkaart, assign_seats, role_cards
from tests.rollenspel.conftest import CURATED, casus_data, make_casus


def by_key(casus: Casus) -> dict[str, Rolkaart]:
    """Return the cards of a casus by their key."""
    return {card.sleutel: card for card in role_cards(casus)}


@pytest.mark.parametrize("casus", CURATED, ids=lambda c: c.id)
def test_every_curated_casus_deals_a_card_to_everyone(casus: Casus) -> None:
    """Does every curated casus give a card to the coördinator, the client, every provider and minor who takes part?"""
    cards = role_cards(casus)
    keys = [card.sleutel for card in cards]
    assert keys[:2] == ["coordinator", "client"]
    assert len(keys) == len(set(keys))
    assert {f"hulpverlener-{p.id}" for p in casus.hulpverleners} <= set(keys)
    taking_part = [m for m in casus.client.minderjarigen if m.neemt_deel]
    assert sum(card.rol == "minderjarige" for card in cards) >= len(taking_part)
    if casus.opstelling and casus.opstelling.spilfiguur:
        assert cards[2].rol == "spilfiguur"
        assert cards[2].hulpverlener_id == casus.opstelling.spilfiguur
    assert ("vertrouwenspersoon" in keys) == bool(casus.client.vertrouwenspersoon)


HUNDRED_SIMULATED = [simulate_casus(seed) for seed in range(100)]


def owns(card: Rolkaart, item: NietDelen) -> bool:
    """Return True when this card's person told the item or heard it in confidence."""
    if item.van is None and card.sleutel == "client":
        return True
    if item.van is not None and card.rol == "minderjarige" and card.persoon.startswith(f"{item.van} "):
        return True
    return card.hulpverlener_id is not None and card.hulpverlener_id in item.bekend_bij


def texts_of(item: NietDelen) -> list[str]:
    """Return the item's subject and reason, normalised for comparison."""
    return [normalize(t) for t in (item.onderwerp, item.reden) if t]


@pytest.mark.parametrize("casus", [*CURATED, *HUNDRED_SIMULATED], ids=lambda c: c.id)
def test_only_the_owners_cards_hold_what_is_not_shared(casus: Casus) -> None:
    """Is every niet_delen and confidence on the card of who told it and who heard it, and on no other card?"""
    cards = role_cards(casus, met_vertrouwenspersoon=True)
    for item in casus.niet_delen:
        for card in cards:
            text = normalize(card.tekst())
            if owns(card, item):
                assert normalize(item.onderwerp) in text, f"{card.sleutel} mist {item.onderwerp}"
            else:
                leaked = [t for t in texts_of(item) if t in text]
                assert not leaked, f"{card.sleutel} toont {leaked}"


def test_a_minors_confidence_is_on_the_minors_card_not_the_parents() -> None:
    """Is what Noor told the CLB on Noor's card and the CLB's, and not on her mother's?"""
    secret = {"onderwerp": "Noor wordt gepest op de bus.", "reden": "Ze wil het zelf vertellen.", "bekend_bij": ["clb"]}
    casus = make_casus(niet_delen=[{**secret, "van": "Noor"}])
    cards = by_key(casus)
    assert "Noor wordt gepest" in cards["minderjarige-1"].tekst()
    assert "Noor vertelde het jou: Noor wordt gepest op de bus." in cards["hulpverlener-clb"].tekst()
    for key in ("client", "coordinator", "hulpverlener-caw", "hulpverlener-ocmw"):
        assert "gepest" not in cards[key].tekst(), key
    assert "Er is iets" not in cards["coordinator"].tekst()


def test_provider_who_heard_the_secret_reads_what_and_from_whom() -> None:
    """Does the provider in ‘bekend_bij’ read what the client told, and that it stays out of the meeting?"""
    cards = by_key(make_casus())
    knows = cards["hulpverlener-caw"].tekst()
    assert "Mira vertelde het jou: De schuld bij haar broer" in knows
    assert "Breng het niet ter sprake zonder het akkoord van Mira." in knows
    assert "broer" not in cards["hulpverlener-clb"].tekst()
    assert "vertrouwen" not in cards["hulpverlener-clb"].tekst()


def test_a_confidence_from_someone_not_in_the_household_is_refused() -> None:
    """Is a confidence ‘van’ a name that is no minor of the casus refused, in Dutch?"""
    with pytest.raises(ValidationError, match="noemt geen minderjarige"):
        make_casus(niet_delen=[{"onderwerp": "Iets", "van": "Lars"}])


def test_a_casus_that_is_no_lco_gets_no_cards() -> None:
    """Does the role-play refuse a ‘geen_lco’ casus with its reason, in Dutch?"""
    casus = make_casus(toestemming=False, geen_lco="Mira wil geen overleg met alle diensten samen.")
    with pytest.raises(LcoError, match="is geen LCO: Mira wil geen overleg met alle diensten samen"):
        role_cards(casus)


def test_a_providers_line_that_touches_the_secret_is_replaced_by_a_notice() -> None:
    """When a provider's worry names the secret, is that line replaced by a notice (not silently dropped)?"""
    data = casus_data()
    data["hulpverleners"][2]["zorg"] = "De schuld bij haar broer groeit."
    data["niet_delen"][0]["onderwerp"] = "De schuld bij haar broer"
    cards = by_key(Casus.model_validate(data))
    card = cards["hulpverlener-clb"]
    worry = next(part for part in card.delen if part.kop == "Waar je je zorgen over maakt")
    assert worry.regels == (
        "(Hier stond een zin die raakt aan iets wat Mira niet aan tafel wil. Die staat alleen op de kaart van Mira.)",
    )


def test_client_card_holds_wishes_strengths_and_what_not_to_share() -> None:
    """Does the client's card hold the hulpvraag, what goes well and the subject with its reason?"""
    text = by_key(make_casus())["client"].tekst()
    assert "“Ik wil rust in mijn hoofd en in mijn portemonnee.”" in text
    assert "Mira zorgt elke dag voor haar kinderen." in text
    assert "De schuld bij haar broer (Ze schaamt zich ervoor.)" in text


def test_coordinator_card_holds_the_invitation_list_and_the_rules_of_play() -> None:
    """Does the coördinator's card list everyone to invite and the rules of play, both public?"""
    card = by_key(make_casus())["coordinator"]
    public = {part.kop: part.regels for part in card.openbare_delen}
    invited = public["Wie je uitnodigt"]
    assert invited[0] == "Mira (34 jaar), de cliënt"
    assert "Noor (14 jaar)" in invited
    assert "Tom (CAW Limburg, onthaal), begeleider — spilfiguur" in invited
    assert len(public["Spelregels voor iedereen aan tafel"]) == len(card_contents().spelregels)
    assert "We praten met Mira, niet over Mira." in public["Spelregels voor iedereen aan tafel"]
    private = card.tekst()
    assert "Je weet niet wat het is" in private and "broer" not in private


def test_public_parts_leave_out_what_a_role_knows() -> None:
    """Do the public parts of a provider's card leave out the view and the worry?"""
    card = by_key(make_casus())["hulpverlener-ocmw"]
    public = card.tekst(openbaar=True)
    assert "Jouw taken per fase" in public
    assert "Dat de energie wordt afgesloten." not in public
    assert "Dat de energie wordt afgesloten." in card.tekst()


@pytest.mark.parametrize(
    ("age", "phrase"),
    [
        (10, "Zeggen wat jij leuk vindt en wat je moeilijk vindt."),
        (13, "Zeggen wat jij denkt, ook als je het niet eens bent met de volwassenen."),
        (17, "Zelf een stap opnemen in het stappenplan, als je dat wil."),
    ],
)
def test_minors_card_is_written_for_their_age(age: int, phrase: str) -> None:
    """Does a minor of 10, 13 or 17 get the card written for that age?"""
    data = casus_data()
    data["client"]["minderjarigen"][0]["leeftijd"] = age
    card = by_key(Casus.model_validate(data))["minderjarige-1"]
    text = card.tekst()
    assert phrase in text
    assert f"Jij bent Noor, {age} jaar. Voor Mira ben je de dochter." in text
    others = [band for band in card_contents().minderjarige if not band.van <= age <= band.tot]
    assert all(line.format(client="Mira", naam="Noor", leeftijd=age) not in text for b in others for line in b.mag)


def test_requester_provider_gets_the_requesters_tasks() -> None:
    """Does the provider who requested the LCO carry the requester's tasks and the checklist reminder?"""
    card = by_key(make_casus())["hulpverlener-ocmw"]
    assert card.rollen == ("hulpverlener", "aanvrager")
    assert "Heb je de acht vragen van de voorbereiding samen overlopen?" in card.tekst()


def test_requester_outside_the_table_gets_a_card_of_its_own() -> None:
    """When the requester is not one of the providers nor the client, is there a separate requester card?"""
    keys = by_key(make_casus(aanvrager={"soort": "Huisarts", "reden": "De huisarts zag veel diensten."}))
    assert "aanvrager" in keys


def test_spilfiguur_from_the_setup_changes_the_cards() -> None:
    """Does choosing another spilfiguur in the setup move the spilfiguur's card?"""
    cards = role_cards(make_casus(), spilfiguur="clb")
    assert cards[2].sleutel == "hulpverlener-clb" and cards[2].rol == "spilfiguur"


def test_seats_get_cards_in_dealing_order() -> None:
    """Do four people get the coördinator, client, spilfiguur and minor cards, in that order?"""
    seats = assign_seats(role_cards(make_casus()), ["An", "Bart", "Chris", "Dina"])
    assert [(name, card.rol) for name, card in seats] == [
        ("An", "coordinator"),
        ("Bart", "client"),
        ("Chris", "spilfiguur"),
        ("Dina", "minderjarige"),
    ]
