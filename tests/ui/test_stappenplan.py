"""The stappenplan page's widgets, driven in Python as a coordinator would."""

from __future__ import annotations

import html
from datetime import date, timedelta

from lco_kit.casus import load_casus_file
from lco_kit.codes import code_list
from lco_kit.stappenplan import opening_view
from lco_kit.ui import begeleider_rollenspel
from lco_kit.ui.stappenplan import StappenplanBouwer, stappenplan_bouwer
from tests.rollenspel.conftest import make_casus

SOON = date.today() + timedelta(days=14)


def page_with_spilfiguur() -> StappenplanBouwer:
    """Return the page on its first casus, with the spilfiguur noted that the client chose at the table."""
    page = StappenplanBouwer()
    page.spilfiguur.value = page.casus.hulpverleners[0].id
    return page


def fill_agreement(page: StappenplanBouwer, number: int, wat: str, wie: str, when: date | None) -> None:
    """Fill in agreement ``number`` (1-based), adding rows as needed."""
    while len(page._afspraken) < number:
        page.add_agreement()
    row = page._afspraken[number - 1]
    row.wat.value = wat
    row.wie.value = wie
    row.datum.value = when


def test_missing_owner_gets_the_dutch_message_and_fixing_it_offers_the_verslag() -> None:
    """Does an agreement without an owner block the verslag in Dutch, and does fixing it offer every download?"""
    page = page_with_spilfiguur()
    fill_agreement(page, 1, "Samen de huurpremie aanvragen", "", SOON)
    fill_agreement(page, 2, "Zelf naar de ontmoetingsavond gaan", "client", SOON)
    page.geen_knelpunten.value = True
    page.make()
    problems = html.unescape(page.problemen.value)
    assert "Afspraak 1 (‘Samen de huurpremie aanvragen’) heeft nog geen eigenaar." in problems
    assert page.messages.text.startswith("Het stappenplan is nog niet compleet: 1 punt(en)")
    assert page.pdf.data is None and page.downloads.layout.display == "none"

    page._afspraken[0].wie.value = "spilfiguur"
    page.make()
    assert page.problemen.value == ""
    assert page.pdf.data is not None and page.pdf.data.startswith(b"%PDF")
    assert page.pdf.filename == f"verslag-{page.casus.id}-{date.today().isoformat()}.pdf"
    assert page.md.data is not None and b"Samen de huurpremie aanvragen" in page.md.data
    assert page.csv.data is not None and page.csv.data.decode("utf-8-sig").startswith("datum;gemeente;soort")
    assert page.yaml.data is not None
    assert page.downloads.layout.display == "flex"
    assert "Zo ziet het verslag eruit" in page.voorbeeld.value


def test_typed_text_is_shown_as_text_in_the_preview_and_the_problems() -> None:
    """Is markup typed in an agreement escaped in the problems and in the preview?"""
    page = page_with_spilfiguur()
    fill_agreement(page, 1, "<img src=x onerror=alert(1)>", "", SOON)
    page.make()
    assert "<img" not in page.problemen.value and "&lt;img src=x" in page.problemen.value
    page._afspraken[0].wie.value = "client"
    page.geen_knelpunten.value = True
    page.make()
    assert "<img" not in page.voorbeeld.value


def test_rows_can_be_added_and_removed() -> None:
    """Do ‘Nog een afspraak’ and ‘Verwijder’ add and remove rows, keeping what was typed in the others?"""
    page = page_with_spilfiguur()
    fill_agreement(page, 1, "Eerste", "client", SOON)
    fill_agreement(page, 2, "Tweede", "spilfiguur", SOON)
    fill_agreement(page, 3, "Derde", "coordinator", SOON)
    page.remove_agreement(2)
    assert [row.wat.value for row in page._afspraken] == ["Eerste", "Derde"]
    assert page._afspraken[1].wat.description == "Wat (afspraak 2)"
    page.take_casus_knelpunten()
    assert len(page._knelpunten) == len(page.casus.knelpunten)
    page.remove_knelpunt(1)
    assert len(page._knelpunten) == len(page.casus.knelpunten) - 1


def test_knelpunten_of_the_casus_reach_the_registration_row() -> None:
    """Do the knelpunten taken from the casus end up in the registration row's CSV?"""
    page = page_with_spilfiguur()
    fill_agreement(page, 1, "Zelf naar de ontmoetingsavond gaan", "client", SOON)
    page.take_casus_knelpunten()
    page.make()
    assert page.csv.data is not None
    row = page.csv.data.decode("utf-8-sig").splitlines()[1]
    labels = {code_list("knelpunten").label(k.categorie) for k in page.casus.knelpunten}
    assert all(label in row for label in labels)


def test_follow_up_opens_on_the_page_with_each_agreements_status() -> None:
    """After making the verslag, does opening the follow-up show each agreement, and can its status be saved?"""
    page = page_with_spilfiguur()
    fill_agreement(page, 1, "Samen de huurpremie aanvragen", "spilfiguur", SOON)
    fill_agreement(page, 2, "Zelf naar de ontmoetingsavond gaan", "client", SOON)
    page.geen_knelpunten.value = True
    page.make()
    page.open_follow_up()
    assert page.casus.vorige_lco is not None
    assert len(page._opvolging) == 2
    shown = html.unescape(page.opvolging.children[1].children[0].value)
    assert "Vorige afspraak 1:" in shown and "Samen de huurpremie aanvragen" in shown
    page._opvolging[0][0].value = "gedaan"
    page._opvolging[1][0].value = "niet gelukt"
    page.save_status()
    saved = load_casus_file(page.stand.data or b"", "opvolging.yaml")
    assert [r.afspraak.status for r in opening_view(saved)] == ["gedaan", "niet gelukt"]

    fill_agreement(page, 1, "Opnieuw naar de ontmoetingsavond", "client", SOON)
    page.geen_knelpunten.value = True
    page.make()
    assert "is niet gelukt. Noteer waarom" in html.unescape(page.problemen.value)
    page._opvolging[1][1].value = "De bus reed niet."
    page.make()
    assert page.md.data is not None
    assert "De bus reed niet." in page.md.data.decode() and "opvolgoverleg" in page.md.data.decode()


def test_take_over_what_is_not_done() -> None:
    """Does ‘Neem wat niet gedaan is over’ add the earlier agreements that are not done, without a date?"""
    page = page_with_spilfiguur()
    fill_agreement(page, 1, "Samen de huurpremie aanvragen", "spilfiguur", SOON)
    fill_agreement(page, 2, "Zelf naar de ontmoetingsavond gaan", "client", SOON)
    page.geen_knelpunten.value = True
    page.make()
    page.open_follow_up()
    page._opvolging[0][0].value = "gedaan"
    page._opvolging[1][0].value = "bezig"
    page.take_over_open()
    assert [(r.wat.value, r.wie.value, r.datum.value) for r in page._afspraken] == [
        ("Zelf naar de ontmoetingsavond gaan", "client", None)
    ]


def test_a_curated_follow_up_casus_opens_with_its_statuses_and_late_marks() -> None:
    """Does a curated casus with an earlier LCO open with the statuses from its file?"""
    page = page_with_spilfiguur()
    key = next(k for k, c in page.kiezer._known.items() if c.id == "beperking-ilse-pelt")
    page.kiezer.keuze.value = key
    assert [s.value for s, _ in page._opvolging] == ["gedaan", "bezig", "gedaan", "gedaan"]
    assert "(de datum is voorbij)" in html.unescape(page.opvolging.children[2].children[0].value)


def test_a_casus_that_is_no_lco_gets_no_stappenplan_on_the_page() -> None:
    """Does the stappenplan page say why a ‘geen_lco’ casus has no stappenplan, and hide the plan?"""
    page = page_with_spilfiguur()
    page.kiezer.choose(make_casus(toestemming=False, geen_lco="Mira weigert het overleg."))
    assert "is geen LCO: Mira weigert het overleg" in page.messages.text
    assert "een stappenplan" in page.messages.text
    assert page.plan is None
    assert all(part.layout.display == "none" for part in page._lco_sections)


def test_the_stappenplan_opens_with_the_tables_setup_and_the_follow_up_with_its_own_traject() -> None:
    """Does the page opened with a traject show its casus and setup unchosen, keep the plan, and open the follow-up?"""
    table = begeleider_rollenspel(seed=3, query="")
    table.kiezer.keuze.value = table.kiezer.keuze.options[2][1]
    pivot = table.casus.hulpverleners[-1].id
    table.spilfiguur.value = pivot
    table.aantal.value = 4
    assert table.traject.traject is not None
    seated = table.traject.traject.opstelling
    assert seated is not None
    providers = [r.removeprefix("hulpverlener-") for r in seated.rollen if r.startswith("hulpverlener-")]

    page = stappenplan_bouwer(query=table.traject.address.query)
    assert page.casus == table.casus
    assert page.spilfiguur.value == pivot
    assert sorted(pid for pid, box in page.aanwezig if box.value) == sorted(providers)
    fill_agreement(page, 1, "Zelf de brief van de mutualiteit meebrengen", "client", SOON)
    page.geen_knelpunten.value = True
    page.make()
    assert page.pdf.data is not None
    traject = table.traject.traject
    assert traject.id in (page.csv.data or b"").decode("utf-8-sig")
    assert traject.id in html.unescape(page.voorbeeld.value)

    reopened = stappenplan_bouwer(query=table.traject.address.query)
    assert [row.agreement().wat for row in reopened._afspraken] == ["Zelf de brief van de mutualiteit meebrengen"]

    page.open_follow_up()
    follow = page.traject.traject
    assert follow is not None
    assert follow.vorige == traject.id
    assert page.traject.address.query == f"?traject={follow.id}"
    assert page.casus.vorige_lco is not None
    assert len(page._opvolging) == 1
    assert page.spilfiguur.value == pivot


def test_what_is_typed_before_the_address_arrives_stays_and_goes_into_a_new_traject() -> None:
    """Does a kept page, drawn before its address came, keep what was already typed when it starts its traject?"""
    page = StappenplanBouwer()  # as in a kept kernel: drawn, no address yet
    fill_agreement(page, 1, "Samen de huurpremie aanvragen", "client", SOON)
    page.open_address("")
    assert [row.agreement().wat for row in page._afspraken] == ["Samen de huurpremie aanvragen"]
    traject = page.traject.traject
    assert traject is not None and traject.casus == page.casus
    assert page.traject.address.query == f"?traject={traject.id}"
    page.spilfiguur.value = page.casus.hulpverleners[0].id
    page.geen_knelpunten.value = True
    page.make()
    assert page.pdf.data is not None
    assert traject.id in (page.csv.data or b"").decode("utf-8-sig")
