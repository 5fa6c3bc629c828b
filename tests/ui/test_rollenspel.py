"""The role-play pages' widgets, driven in Python as a trainee and a facilitator would."""

from __future__ import annotations

import base64
import html
from datetime import UTC, datetime

import pytest

from lco_kit.casus import Casus, casus_to_yaml
from lco_kit.rollenspel import build_scenario, checklist, role_cards
from lco_kit.ui.rollenspel import (
    WAARNEMER,
    BegeleiderRollenspel,
    CasusKiezer,
    MomentSpeler,
    OefenRollenspel,
    begeleider_rollenspel,
    card_html,
    feedback_html,
    oefen_rollenspel,
)
from lco_kit.ui.widgets import MessageArea
from tests.rollenspel.conftest import casus_data, make_casus


def uploaded(name: str, data: bytes) -> tuple[dict[str, object], ...]:
    """Return what a FileUpload widget holds after a person chose a file."""
    return (
        {
            "name": name,
            "type": "application/x-yaml",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime(2026, 1, 1, tzinfo=UTC),
        },
    )


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


def right_index(speler: MomentSpeler) -> int:
    """Return the index of a right option of the moment shown."""
    assert speler.current is not None
    return next(i for i, o in enumerate(speler.current.opties) if o.juist)


def play(page: OefenRollenspel, *, wrong: frozenset[str] = frozenset()) -> MomentSpeler:
    """Play the whole scenario, choosing wrong at the moments named; return the player."""
    page.begin()
    speler = page.speler
    assert speler is not None
    while speler.current is not None:
        moment = speler.current
        index = right_index(speler)
        if moment.id in wrong:
            index = next(i for i, o in enumerate(moment.opties) if not o.juist)
        speler.opties.value = index
        speler.choose()
        speler.next_moment()
    return speler


def test_solo_page_plays_every_phase_and_ends_with_the_score_per_role() -> None:
    """Does a trainee go through every moment and see a score per role, lower for the role they missed?"""
    page = OefenRollenspel(seed=3)
    speler = play(page, wrong=frozenset({"neutraliteit"}))
    score = speler.score.children[0].value
    coordinator = sum(m.rol == "coordinator" for m in speler.scenario.momenten)
    assert (
        f'<tr class="lco-rs-score-rol-coordinator"><th scope="row">Coördinator</th><td>{coordinator - 1}</td>' in score
    )
    client = sum(m.rol == "client" for m in speler.scenario.momenten)
    assert client >= 1
    assert (
        '<tr class="lco-rs-score-rol-client"><th scope="row">Cliënt</th>'
        f"<td>{client}</td><td>{client}</td><td>100%</td>" in score
    )
    assert speler.score.children[1].tooltip.startswith("Staafdiagram met per rol")
    assert "Klaar: alle" in speler.voortgang.value


def test_choosing_nothing_asks_to_choose_first() -> None:
    """Without a choice, do ‘Dit kies ik’ and ‘Volgend moment’ ask to choose first, and stay on the moment?"""
    page = OefenRollenspel(seed=1)
    page.begin()
    speler = page.speler
    assert speler is not None
    assert speler.choose() is None
    assert "Kies eerst een van de mogelijkheden." in speler.uitleg.value
    speler.next_moment()
    assert speler.positie == 0


def test_feedback_shows_the_reason_of_the_choice_and_of_every_other_option() -> None:
    """After a wrong choice, does the page show its reason, the method's option and every other reason?"""
    page = OefenRollenspel(seed=2)
    page.begin()
    speler = page.speler
    assert speler is not None
    moment = speler.current
    assert moment is not None
    wrong = next(i for i, o in enumerate(moment.opties) if not o.juist)
    speler.opties.value = wrong
    speler.choose()
    shown = html.unescape(speler.uitleg.value)
    assert "Dat is niet wat de methode hier vraagt." in shown
    for option in moment.opties:
        assert option.uitleg in shown
    assert speler.opties.disabled
    assert speler.volgende.layout.display == ""


def test_feedback_html_escapes_every_text() -> None:
    """Is text from a moments file shown as text in the feedback, never as HTML?"""
    data = casus_data()
    data["client"]["pseudoniem"] = "<b>Mira</b>"
    moment = build_scenario(Casus.model_validate(data)).moment("stilte")
    shown = feedback_html(moment.beoordeel(0))
    assert "<b>Mira</b>" not in shown and "&lt;b&gt;Mira&lt;/b&gt;" in shown


def test_restart_builds_a_new_scenario() -> None:
    """Does ‘Opnieuw’ start the same casus again from its first moment?"""
    page = OefenRollenspel(seed=5)
    speler = play(page)
    speler.restart()
    assert page.speler is not None and page.speler is not speler
    assert page.speler.positie == 0 and page.speler.keuzes == {}


def test_casus_chooser_simulates_and_opens_an_uploaded_file() -> None:
    """Can a trainee make a simulated casus and open an own file, whose text is shown escaped?"""
    seen = []
    kiezer = CasusKiezer(seen.append, MessageArea())
    kiezer.keuze.value = CasusKiezer.SIMULATED
    assert kiezer.casus is not None and kiezer.casus.herkomst == "gesimuleerd"
    data = casus_data(titel="<img src=x onerror=alert(1)> Mira")
    kiezer.bestand.receive("mijn-casus.yaml", casus_to_yaml(Casus.model_validate(data)).encode())
    assert kiezer.casus.id == "test-rollenspel"
    assert "<img" not in kiezer.samenvatting.value and "&lt;img src=x" in kiezer.samenvatting.value
    assert "(eigen bestand)" in kiezer.keuze.label
    assert seen[-1].id == "test-rollenspel"


def test_casus_chooser_reports_a_malformed_upload_in_dutch() -> None:
    """Is a malformed casus file refused with a Dutch message naming the file?"""
    kiezer = CasusKiezer(lambda _: None, MessageArea())
    before = kiezer.casus
    kiezer.bestand.upload.value = uploaded("kapot.yaml", b"titel: [")
    assert kiezer.bestand.messages.text.startswith("kapot.yaml")
    assert kiezer.casus is before


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
    assert len(page.vragen) == len(checklist())


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


def test_card_html_escapes_and_marks_private_cards() -> None:
    """Is a card shown with every text escaped, and a private card marked as personal?"""
    data = casus_data()
    data["hulpverleners"][0]["zorg"] = "<script>alert(1)</script>"
    card = next(c for c in role_cards(Casus.model_validate(data)) if c.sleutel == "hulpverlener-ocmw")
    shown = card_html(card, zitje="<b>An</b>")
    assert "<script>" not in shown and "&lt;script&gt;" in shown and "&lt;b&gt;An&lt;/b&gt;" in shown
    assert "Persoonlijk. Laat deze kaart aan niemand zien." in shown
    assert "Persoonlijk" not in card_html(card, openbaar=True)


def test_pages_build_with_a_simulated_casus_when_chosen() -> None:
    """Does the facilitator's page rebuild its setup for a simulated casus?"""
    page = BegeleiderRollenspel(seed=1)
    page.kiezer.keuze.value = CasusKiezer.SIMULATED
    assert page.casus.herkomst == "gesimuleerd"
    assert page.kaarten[0].sleutel == "coordinator"
    assert make_casus().id == "test-rollenspel"


NO_LCO = "Mira wil geen overleg met alle diensten samen."


def test_practice_refuses_a_casus_that_is_no_lco_and_says_why() -> None:
    """Does the practice page show why a ‘geen_lco’ casus cannot be played, and refuse to start it?"""
    page = OefenRollenspel(seed=1)
    page.kiezer.choose(make_casus(toestemming=False, geen_lco=NO_LCO))
    assert "is geen LCO: Mira wil geen overleg met alle diensten samen" in html.unescape(page.kiezer.samenvatting.value)
    page.start.click()
    assert "een rollenspel" in page.messages.text
    assert page.speler is None


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
