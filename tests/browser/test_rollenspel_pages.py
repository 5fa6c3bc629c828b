"""The role-play and stappenplan pages in headless Chromium, used as a trainee, a facilitator and a coordinator would.

The tests read which moment is on the screen from its ``lco-rs-moment-id-<id>`` class and look
the right option up in the kit's own scenario of the same casus, so they answer whatever order
the page shuffled the options in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lco_kit.casus import load_casus, read_library
from lco_kit.rollenspel import build_scenario
from lco_kit.stappenplan import owner_label
from tests.browser.conftest import open_page, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser

TIMEOUT = 30_000
SOLO = "30_rollenspel_oefenen.ipynb"
TABLE = "31_rollenspel_begeleider.ipynb"
PLAN = "32_stappenplan.ipynb"
FIRST_CASUS = read_library().casussen[0]
HARD_CASUS = load_casus("veiligheid-kimberly-dilsen-stokkem")
NO_LCO_CASUS = next(c for c in read_library().casussen if c.geen_lco is not None)


def moment_on_screen(page: Page) -> str:
    """Return the id of the moment shown."""
    widget = page.locator(".lco-rs-speler .lco-rs-moment .lco-rs-moment-inhoud")
    expect(widget).to_be_visible(timeout=TIMEOUT)
    found = re.search(r"lco-rs-moment-id-([a-z0-9-]+)", widget.get_attribute("class") or "")
    assert found
    return found.group(1)


def test_solo_page_plays_every_phase_and_shows_the_score_per_role(page: Page, base_url: str) -> None:
    """Can a trainee play a casus through all five phases and reach the score per role, with one miss counted?"""
    open_page(page, base_url, SOLO)
    expect(page.locator(".lco-rs-casus-samenvatting")).to_contain_text(FIRST_CASUS.titel)
    page.locator(".lco-rs-start").click()
    scenario = build_scenario(FIRST_CASUS)
    seen_phases = []
    missed = scenario.momenten[0]
    for number in range(1, len(scenario.momenten) + 1):
        expect(page.locator(".lco-rs-voortgang-tekst")).to_have_text(
            f"Moment {number} van {len(scenario.momenten)}", timeout=TIMEOUT
        )
        moment = scenario.moment(moment_on_screen(page))
        seen_phases.append(page.locator(".lco-rs-fasen li.lco-rs-fase-nu").inner_text())
        option = next(o for o in moment.opties if o.juist != (moment.id == missed.id))
        page.locator(".lco-rs-opties").get_by_label(option.tekst, exact=True).check()
        page.locator(".lco-rs-kies").click()
        verdict = "Zo vraagt de methode het." if option.juist else "Dat is niet wat de methode hier vraagt."
        expect(page.locator(".lco-rs-uitleg .lco-rs-oordeel")).to_have_text(verdict, timeout=TIMEOUT)
        expect(page.locator(".lco-rs-uitleg")).to_contain_text(option.uitleg)
        if number == 1:
            screenshot(page, "rollenspel-uitleg", for_docs=True)
        page.locator(".lco-rs-volgende").click()
    assert list(dict.fromkeys(seen_phases)) == ["Aanvraag", "Voorbereiding", "Overleg", "Verslag", "Opvolging"]
    score = page.locator(".lco-rs-score")
    expect(score).to_be_visible(timeout=TIMEOUT)
    own = sum(m.rol == missed.rol for m in scenario.momenten)
    expect(score.locator(f".lco-rs-score-rol-{missed.rol} td").first).to_have_text(str(own - 1))
    expect(score).to_contain_text(f"Je koos {len(scenario.momenten) - 1} van de {len(scenario.momenten)} keer")
    chart = page.locator(".lco-rs-score-vak img.lco-grafiek")
    expect(chart).to_be_visible()
    assert (chart.get_attribute("title") or "").startswith("Staafdiagram met per rol")
    expect(page.get_by_text("javascript error")).to_have_count(0)
    screenshot(page, "rollenspel-score", for_docs=True)
    assert not serious_accessibility_violations(page)


def test_a_hard_casus_is_played_to_its_end_and_a_casus_that_is_no_lco_is_refused(page: Page, base_url: str) -> None:
    """Can a trainee play the casus after violence to the score, and is the ‘geen_lco’ casus refused with its reason?"""
    open_page(page, base_url, SOLO)
    page.locator(".lco-rs-casus-keuze select").select_option(label=HARD_CASUS.titel)
    expect(page.locator(".lco-rs-casus-samenvatting")).to_contain_text(HARD_CASUS.titel, timeout=TIMEOUT)
    page.locator(".lco-rs-start").click()
    scenario = build_scenario(HARD_CASUS)
    for number in range(1, len(scenario.momenten) + 1):
        expect(page.locator(".lco-rs-voortgang-tekst")).to_have_text(
            f"Moment {number} van {len(scenario.momenten)}", timeout=TIMEOUT
        )
        moment = scenario.moment(moment_on_screen(page))
        option = next(o for o in moment.opties if o.juist)
        page.locator(".lco-rs-opties").get_by_label(option.tekst, exact=True).check()
        page.locator(".lco-rs-kies").click()
        expect(page.locator(".lco-rs-uitleg .lco-rs-oordeel")).to_have_text(
            "Zo vraagt de methode het.", timeout=TIMEOUT
        )
        page.locator(".lco-rs-volgende").click()
    score = page.locator(".lco-rs-score")
    expect(score).to_be_visible(timeout=TIMEOUT)
    expect(score).to_contain_text(f"Je koos {len(scenario.momenten)} van de {len(scenario.momenten)} keer")

    page.locator(".lco-rs-casus-keuze select").select_option(label=NO_LCO_CASUS.titel)
    expect(page.locator(".lco-rs-casus-samenvatting .lco-rs-geen-lco")).to_contain_text("is geen LCO", timeout=TIMEOUT)
    page.locator(".lco-rs-start").click()
    refusal = page.locator(".lco-melding-fout").filter(has_text="is geen LCO")
    expect(refusal).to_contain_text("Daarom kan deze casus niet dienen voor een rollenspel", timeout=TIMEOUT)
    expect(page.locator(".lco-rs-speler")).to_have_count(0)
    expect(page.get_by_text("javascript error")).to_have_count(0)


def test_solo_page_fits_a_phone(page: Page, base_url: str) -> None:
    """At 390 px wide, does a moment with its options fit without sideways scrolling, with large buttons?"""
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, base_url, SOLO)
    page.locator(".lco-rs-start").click()
    moment_on_screen(page)
    page.locator(".lco-rs-opties .widget-radio-box label").first.click()
    page.locator(".lco-rs-kies").click()
    expect(page.locator(".lco-rs-uitleg .lco-rs-oordeel")).to_be_visible(timeout=TIMEOUT)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"de pagina is {width} px breed op een gsm van 390 px"
    box = page.locator(".lco-rs-volgende").bounding_box()
    assert box is not None and box["height"] >= 44
    assert not serious_accessibility_violations(page)


def test_missing_owner_shows_the_dutch_message_and_the_fixed_plan_downloads_the_verslag(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    """Does an agreement without an owner get the Dutch message, and does the fixed plan download the verslag?"""
    open_page(page, base_url, PLAN)
    soon = (date.today() + timedelta(days=14)).isoformat()
    chosen = FIRST_CASUS.hulpverleners[0]
    page.locator(".lco-sp-spilfiguur select").select_option(label=owner_label(FIRST_CASUS, chosen.id))
    rows = page.locator(".lco-sp-afspraak")
    rows.nth(0).locator(".lco-sp-wat input").fill("Samen de huurpremie aanvragen")
    rows.nth(0).locator(".lco-sp-datum input").fill(soon)
    page.locator(".lco-sp-afspraak-toevoegen").click()
    expect(rows).to_have_count(2, timeout=TIMEOUT)
    rows.nth(1).locator(".lco-sp-wat input").fill("Zelf naar de ontmoetingsavond gaan")
    rows.nth(1).locator(".lco-sp-wie select").select_option(label=owner_label(FIRST_CASUS, "client"))
    rows.nth(1).locator(".lco-sp-datum input").fill(soon)
    page.locator(".lco-sp-geen-knelpunten input").check()
    page.locator(".lco-sp-maak").click()
    problems = page.locator(".lco-sp-problemen")
    expect(problems).to_contain_text(
        "Afspraak 1 (‘Samen de huurpremie aanvragen’) heeft nog geen eigenaar.", timeout=TIMEOUT
    )
    expect(page.locator(".lco-sp-download-pdf a.lco-download")).to_have_count(0)
    screenshot(page, "stappenplan-zonder-eigenaar", for_docs=True)

    rows.nth(0).locator(".lco-sp-wie select").select_option(label=owner_label(FIRST_CASUS, "spilfiguur"))
    page.locator(".lco-sp-maak").click()
    link = page.locator(".lco-sp-download-pdf a.lco-download")
    expect(link).to_be_visible(timeout=TIMEOUT)
    expect(problems).to_have_text("")
    expect(page.locator(".lco-sp-voorbeeld")).to_contain_text("Zelf naar de ontmoetingsavond gaan")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"verslag-{FIRST_CASUS.id}-{date.today().isoformat()}.pdf"
    saved = tmp_path / "verslag.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    with page.expect_download() as row:
        page.locator(".lco-sp-download-csv a.lco-download").click()
    assert row.value.suggested_filename.startswith(f"registratie-{FIRST_CASUS.id}-")
    assert not serious_accessibility_violations(page)


def test_facilitator_deals_the_cards_one_at_a_time(page: Page, base_url: str) -> None:
    """Does the facilitator's page hand each named seat its own card, hide it, and project only public parts?"""
    open_page(page, base_url, TABLE)
    names = page.locator(".lco-rs-zitje-naam input")
    for number, name in enumerate(["An", "Bart", "Chris", "Dina"]):
        names.nth(number).fill(name)
    page.locator(".lco-rs-uitdelen").click()
    turn = page.locator(".lco-rs-deler-tekst")
    expect(turn).to_contain_text("geef de laptop aan An (Coördinator)", timeout=TIMEOUT)
    expect(page.locator(".lco-rs-kaart")).to_have_count(0)
    page.locator(".lco-rs-toon-kaart").click()
    card = page.locator(".lco-rs-kaart")
    expect(card).to_contain_text("Deze kaart is voor An.", timeout=TIMEOUT)
    expect(card).to_contain_text("Wie je uitnodigt")
    screenshot(page, "rollenspel-kaart", for_docs=True)
    assert not serious_accessibility_violations(page)
    page.locator(".lco-rs-verberg-kaart").click()
    expect(card).to_have_count(0, timeout=TIMEOUT)
    expect(turn).to_contain_text("geef de laptop aan Bart (Cliënt)")
    page.locator(".lco-rs-toon-kaart").click()
    expect(card).to_contain_text("Wat je niet aan tafel wil bespreken", timeout=TIMEOUT)
    page.locator(".lco-rs-verberg-kaart").click()

    page.locator(".lco-rs-openbaar-knop").click()
    public = page.locator(".lco-rs-openbaar")
    expect(public).to_contain_text("Spelregels voor iedereen aan tafel", timeout=TIMEOUT)
    body = page.inner_text("body")
    assert all(item.onderwerp not in body for item in FIRST_CASUS.niet_delen)

    page.locator(".lco-rs-momenten-start").click()
    expect(page.locator(".lco-rs-projector .lco-rs-moment")).to_be_visible(timeout=TIMEOUT)
