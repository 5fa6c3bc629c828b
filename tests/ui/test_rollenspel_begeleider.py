"""The facilitator's table page (31), driven in Python as a facilitator would."""

from __future__ import annotations

import base64
import html

import pytest

from lco_kit.rollenspel import checklist
from lco_kit.ui.casus_kiezer import CasusKiezer
from lco_kit.ui.rollenspel_begeleider import WAARNEMER, BegeleiderRollenspel, begeleider_rollenspel
from lco_kit.ui.rollenspel_oefenen import oefen_rollenspel
from tests.rollenspel.conftest import NO_LCO, make_casus, uploaded

OWN_MOMENTS = """schema_version: 1
titel: Momenten van onze regio
bron: Geschreven door een begeleider voor een test van de kit.
momenten:
  - id: eigen-tolk
    fase: voorbereiding
    rol: coordinator
    titel: Een tolk regelen
    situatie: "{client} spreekt thuis een andere taal."
    vraag: Wat regelt de coördinator?
    opties:
      - tekst: Een professionele tolk, afgesproken met {client}.
        juist: true
        uitleg: Een professionele tolk laat de cliënt zelf aan het woord, zonder dat familie moet vertalen.
      - tekst: De oudste dochter vertaalt.
        uitleg: Een kind laten tolken legt een zware last op het kind, en de cliënt spreekt dan niet vrij.
"""


def test_facilitator_deals_one_card_at_a_time_to_named_seats() -> None:
    """Does the facilitator's page hand each seat its own card, hiding it before the next?"""
    page = BegeleiderRollenspel(seed=1)
    for number, (name, _) in enumerate(page._zitjes):
        name.value = ["An", "Bart", "<i>Chris</i>", "Dina", "Eva", "Fien"][number]
    page.start_dealing()
    assert "geef de laptop aan An (Coördinator)" in html.unescape(page.deler_tekst.value)
    page.show_card()
    assert "lco-rs-kaart-coordinator" in page.kaart.value and "Deze kaart is voor An." in page.kaart.value
    page.hide_card()
    assert page.kaart.value == ""
    assert "geef de laptop aan Bart (Cliënt)" in html.unescape(page.deler_tekst.value)
    page.hide_card()
    assert "&lt;i&gt;Chris&lt;/i&gt;" in page.deler_tekst.value and "<i>" not in page.deler_tekst.value
    for _ in range(4):
        page.hide_card()
    assert "Alle kaarten zijn uitgedeeld." in page.deler_tekst.value


def test_two_seats_with_the_same_role_are_refused() -> None:
    """Is dealing refused when two people got the same role, naming it?"""
    page = BegeleiderRollenspel(seed=1)
    page._zitjes[1][1].value = "coordinator"
    assert "Twee mensen hebben dezelfde rol: Coördinator" in page.zitjes_melding.value
    with pytest.raises(Exception, match="Twee mensen hebben dezelfde rol"):
        page.start_dealing()


def test_more_seats_than_cards_makes_observers() -> None:
    """With eight seats and fewer cards, are the extra seats observers, and are unplayed roles named when fewer?"""
    page = BegeleiderRollenspel(seed=1)
    page.aantal.value = 8
    roles = [str(role.value) for _, role in page._zitjes]
    assert roles.count("__waarnemer__") == 8 - len(page.kaarten)
    page.aantal.value = 4
    assert "Niemand speelt:" in page.zitjes_melding.value


def test_public_view_shows_roles_and_tasks_but_no_private_part() -> None:
    """Does the projector view show the public parts only, never what the client does not want shared?"""
    page = BegeleiderRollenspel(seed=1)
    page.show_public()
    shown = html.unescape(page.kaart.value)
    assert "Spelregels voor iedereen aan tafel" in shown and "Jouw taken per fase" in shown
    assert "Wat je weet" not in shown and "Hoe jouw dienst de situatie ziet" not in shown
    casus = page.casus
    assert all(item.onderwerp not in shown for item in casus.niet_delen)


def test_setup_checks_follow_the_facilitators_choices() -> None:
    """Do the checks turn red for a provider as coördinator and green when the checklist is complete?"""
    page = BegeleiderRollenspel(seed=1)
    assert "lco-rs-controle-ok lco-rs-controle-neutraliteit" in page.controles.value
    page.coordinator.value = page.casus.hulpverleners[0].id
    assert "lco-rs-controle-niet-ok lco-rs-controle-neutraliteit" in page.controles.value
    page.gekozen_door.value = "coordinator"
    assert "lco-rs-controle-niet-ok lco-rs-controle-spilfiguur" in page.controles.value
    assert "lco-rs-controle-niet-ok lco-rs-controle-voorbereiding" in page.controles.value
    for box in page.vragen:
        box.value = True
    assert "lco-rs-controle-ok lco-rs-controle-voorbereiding" in page.controles.value
    assert len(page.vragen) == len(checklist().vragen)


def test_choosing_another_spilfiguur_moves_the_cards() -> None:
    """Does choosing another spilfiguur in the setup deal the spilfiguur's card to that provider?"""
    page = BegeleiderRollenspel(seed=1)
    other = page.casus.hulpverleners[-1].id
    page.spilfiguur.value = other
    assert page.kaarten[2].hulpverlener_id == other and page.kaarten[2].rol == "spilfiguur"


def test_card_set_pdf_carries_the_seat_names() -> None:
    """Does ‘Maak de kaarten als PDF’ offer a PDF named after the casus?"""
    page = BegeleiderRollenspel(seed=1)
    page._zitjes[0][0].value = "Anouk"
    page.make_pdf()
    assert page.pdf.data is not None and page.pdf.data.startswith(b"%PDF")
    assert page.pdf.filename == f"rolkaarten-{page.casus.id}.pdf"
    href = page.pdf.value.split('href="', 1)[1].split('"', 1)[0]
    assert base64.b64decode(href.split(",", 1)[1]).startswith(b"%PDF")


def test_own_moments_are_added_and_played_on_the_projector() -> None:
    """Is an uploaded moments file checked, counted, and its moment played with the kit's?"""
    page = BegeleiderRollenspel(seed=1)
    page.eigen.receive("regio.yaml", OWN_MOMENTS.encode())
    assert "‘regio.yaml’ is toegevoegd: 1 moment(en), waarvan 1 bij deze casus passen." in page.eigen.messages.text
    page.start_moments()
    speler = page.momenten.children[0]
    assert "lco-rs-projector" in speler._dom_classes
    assert "eigen-tolk" in [m.id for m in speler.scenario.momenten]


def test_a_malformed_moments_upload_is_refused_in_dutch() -> None:
    """Is a moments file with an unknown word refused with its line, and nothing added?"""
    page = BegeleiderRollenspel(seed=1)
    page.eigen.upload.value = uploaded(
        "regio.yaml", OWN_MOMENTS.replace("{client} spreekt", "{klant} spreekt").encode()
    )
    assert "regio.yaml, regel 9" in page.eigen.messages.text
    assert "{klant} kent de kit niet" in page.eigen.messages.text
    assert page.uploads == []


def test_pages_build_with_a_simulated_casus_when_chosen() -> None:
    """Does the facilitator's page rebuild its setup for a simulated casus?"""
    page = BegeleiderRollenspel(seed=1)
    page.kiezer.keuze.value = CasusKiezer.SIMULATED
    assert page.casus.herkomst == "gesimuleerd"
    assert page.kaarten[0].sleutel == "coordinator"
    assert make_casus().id == "test-rollenspel"


def test_facilitator_page_hides_the_table_for_a_casus_that_is_no_lco() -> None:
    """Does the facilitator page hide seats, setup and cards for a ‘geen_lco’ casus, and show them again after?"""
    page = BegeleiderRollenspel(seed=1)
    page.kiezer.choose(make_casus(toestemming=False, geen_lco=NO_LCO))
    assert "is geen LCO" in page.messages.text
    assert page.kaarten == ()
    assert all(part.layout.display == "none" for part in page._lco_sections)
    page.kiezer.choose(make_casus(id="een-lco"))
    assert all(part.layout.display == "" for part in page._lco_sections)
    assert page.kaarten


def test_the_table_setup_is_kept_in_the_traject_and_opens_again_from_the_address() -> None:
    """Does the table's setup (spilfiguur, seats) land in the traject and come back when its address is opened?"""
    page = begeleider_rollenspel(seed=1, query="")
    assert page.traject.traject is not None
    pivot = page.casus.hulpverleners[1].id
    page.spilfiguur.value = pivot
    page.aantal.value = 5
    page._zitjes[4][1].value = WAARNEMER
    setup = page.traject.traject.opstelling
    assert setup is not None
    assert setup.spilfiguur == pivot
    assert setup.rollen[-1] == "waarnemer"
    assert len(setup.rollen) == 5
    again = begeleider_rollenspel(seed=1, query=page.traject.address.query)
    assert again.traject.traject is not None
    assert again.traject.traject.id == page.traject.traject.id
    assert again.casus == page.casus
    assert again.spilfiguur.value == pivot
    assert [str(role.value) for _, role in again._zitjes] == [str(role.value) for _, role in page._zitjes]


def test_two_pages_on_different_casussen_keep_their_own_traject() -> None:
    """Do two tables working at once on different casussen each keep, and reopen, only their own traject?"""
    first = begeleider_rollenspel(seed=1, query="")
    second = begeleider_rollenspel(seed=2, query="")
    second.kiezer.keuze.value = second.kiezer.keuze.options[1][1]
    assert first.traject.traject is not None and second.traject.traject is not None
    assert first.traject.traject.id != second.traject.traject.id
    assert first.casus != second.casus
    practice = oefen_rollenspel(query=second.traject.address.query)
    assert practice.kiezer.casus == second.casus
    practice = oefen_rollenspel(query=first.traject.address.query)
    assert practice.kiezer.casus == first.casus
