"""The casus page in headless Chromium: choose, make, look, download, and check your own casus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lco_kit.casus import find_profile, list_casussen, load_casus, simulate_casus
from tests.browser.conftest import open_page, screenshot, serious_accessibility_violations
from tests.casus.conftest import casus_data, casus_yaml, joined

pytestmark = pytest.mark.browser

PAGE = "10_casussen.ipynb"
TIMEOUT = 60_000
UPLOAD_BUTTON = ".lco-casus-upload .lco-upload"


def containing(text: str) -> re.Pattern[str]:
    """Return a pattern that matches any text containing ``text``."""
    return re.compile(re.escape(text))


def choose(page: Page, casus_id: str) -> None:
    """Choose a curated casus in the list, by the label the list shows."""
    casus = load_casus(casus_id)
    label = f"{casus.titel} ({find_profile(casus.profiel).label})"
    page.locator(".lco-casus-keuze select").select_option(label=label)


def upload(page: Page, name: str, content: bytes) -> None:
    """Choose a file with the page's upload button, as a person would.

    ipywidgets 8 keeps the ``input[type=file]`` of its upload button out of the document, so
    the file goes through the browser's file chooser that the button opens.
    """
    with page.expect_file_chooser(timeout=TIMEOUT) as chooser:
        page.locator(UPLOAD_BUTTON).click()
    chooser.value.set_files(files=[{"name": name, "mimeType": "application/x-yaml", "buffer": content}])


def test_choose_a_casus_and_see_its_charts(page: Page, base_url: str) -> None:
    """Does choosing a casus show its card, the life-domain chart and the network map, with alt texts?"""
    open_page(page, base_url, PAGE)
    first = list_casussen()[0]
    expect(page.locator(".lco-casus-kaart")).to_contain_text(first.titel, timeout=TIMEOUT)
    chosen = load_casus("oudere-maria-bree")
    choose(page, chosen.id)
    expect(page.locator(".lco-casus-kaart")).to_contain_text(chosen.titel, timeout=TIMEOUT)
    expect(page.locator(".lco-casus-kaart")).to_contain_text("80-89 jaar")
    expect(page.locator(".lco-casus-wensen")).to_contain_text("staat niet op deze pagina")
    expect(page.locator(".lco-casus-wensen")).not_to_contain_text("De ruzie met haar dochter over de erfenis")
    profile = page.locator("img.lco-casus-profiel")
    network = page.locator("img.lco-casus-netwerk")
    expect(profile).to_be_visible(timeout=TIMEOUT)
    expect(network).to_be_visible(timeout=TIMEOUT)
    expect(profile).to_have_attribute("title", containing("Staafdiagram ‘Levensdomeinen van Maria’"), timeout=TIMEOUT)
    expect(network).to_have_attribute(
        "title", containing("Spilfiguur: Els, thuisverpleegkundige van Thuisverpleging."), timeout=TIMEOUT
    )
    assert profile.evaluate("img => img.naturalWidth") > 400
    expect(page.locator(".lco-casus-knelpunten")).to_contain_text("De flexbus moet een dag vooraf gereserveerd")
    page.locator(".lco-casus-spilfiguur select").select_option(label=chosen.who_label("gezinszorg"))
    expect(network).to_have_attribute("title", containing("Netwerkkaart van Maria"), timeout=TIMEOUT)
    expect(page.locator("img.lco-casus-netwerk")).to_have_attribute(
        "title", containing("Spilfiguur: Rosa, verzorgende van Dienst gezinszorg."), timeout=TIMEOUT
    )
    screenshot(page, "casus-kiezen")
    assert not serious_accessibility_violations(page)


def test_make_a_casus_from_a_seed(page: Page, base_url: str) -> None:
    """Does ‘Maak een casus’ with a seed and options show that simulated casus?"""
    open_page(page, base_url, PAGE)
    seed = page.locator(".lco-casus-seed input")
    seed.fill("7")
    seed.press("Enter")
    page.locator(".lco-casus-aantal select").select_option(label="6")
    page.locator(".lco-casus-maak").click()
    expected = simulate_casus(7, hulpverleners=6)
    expect(page.locator(".lco-casus-meldingen")).to_contain_text(
        f"Nieuwe casus gemaakt met getal 7: ‘{expected.titel}’.", timeout=TIMEOUT
    )
    expect(page.locator(".lco-casus-kaart")).to_contain_text("Gesimuleerde casus")
    expect(page.locator("img.lco-casus-netwerk")).to_have_attribute(
        "title", containing("6 hulpverleners rond de cliënt"), timeout=TIMEOUT
    )
    assert page.locator(".lco-casus-hulpverleners .lco-kaart").count() == 6


def test_download_the_handout(page: Page, base_url: str) -> None:
    """Does ‘Maak de hand-outs’ offer the participants' PDF and the facilitator's copy, each under its own name?"""
    open_page(page, base_url, PAGE)
    choose(page, "beperking-ilse-pelt")
    expect(page.locator(".lco-casus-kaart")).to_contain_text("Ilse wil op eigen benen blijven staan", timeout=TIMEOUT)
    page.locator(".lco-casus-maak-handout").click()
    link = page.locator(".lco-casus-handout a.lco-download")
    expect(link).to_be_visible(timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == "casus-beperking-ilse-pelt.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")
    copy = page.locator(".lco-casus-handout-begeleider a.lco-download")
    expect(copy).to_be_visible(timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as caught:
        copy.click()
    assert caught.value.suggested_filename == "casus-beperking-ilse-pelt-begeleider.pdf"


def test_upload_a_malformed_file(page: Page, base_url: str) -> None:
    """Does an uploaded malformed casus get a Dutch message naming the file and the line?"""
    open_page(page, base_url, PAGE)
    upload(page, "kapotte-casus.yaml", b"titel: Een casus\n\tpseudoniem: Mira\n")
    result = page.locator(".lco-casus-resultaat")
    expect(result).to_contain_text("kapotte-casus.yaml: niet in orde.", timeout=TIMEOUT)
    expect(result).to_contain_text("regel 2: deze regel springt in met een tab. Gebruik spaties om in te springen.")
    expect(page.locator(".lco-eigen-casus-weergave")).to_be_hidden()
    upload(page, "andere.yaml", casus_yaml(toestemming=False).encode("utf-8"))
    expect(result).to_contain_text("andere.yaml: niet in orde.", timeout=TIMEOUT)
    expect(result).to_contain_text("zonder toestemming van de cliënt is er geen LCO")


def test_uploaded_markup_is_shown_as_text(page: Page, base_url: str) -> None:
    """Are <b> and <img src=x onerror=…> in an uploaded casus shown as text, never run or rendered?"""
    open_page(page, base_url, PAGE)
    data = casus_data(titel="<b>Vet</b> en <img src=x onerror=window.lcoGeraakt=1>")
    data["hulpverleners"][0]["visie"] = "<img src=x onerror=window.lcoGeraakt=2> kijkt mee"
    upload(page, "<b>mijn</b>-casus.yaml", casus_yaml(data).encode("utf-8"))
    expect(page.locator(".lco-casus-resultaat")).to_contain_text("<b>mijn</b>-casus.yaml: in orde", timeout=TIMEOUT)
    card = page.locator(".lco-eigen-casus-kaart")
    expect(card).to_contain_text("<b>Vet</b> en <img src=x onerror=window.lcoGeraakt=1>", timeout=TIMEOUT)
    expect(page.locator(".lco-eigen-casus-hulpverleners")).to_contain_text("<img src=x onerror=window.lcoGeraakt=2>")
    assert page.locator(".lco-casus-pagina img[src='x']").count() == 0
    assert card.locator("b").count() == 0
    assert page.evaluate("() => window.lcoGeraakt === undefined")
    screenshot(page, "casus-eigen-bestand")


def test_the_page_fits_a_phone(page: Page, base_url: str) -> None:
    """On a phone's width, does the page fit without sideways scrolling, charts included?"""
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, base_url, PAGE)
    expect(page.locator("img.lco-casus-netwerk")).to_be_visible(timeout=TIMEOUT)
    widest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('.lco-casus-pagina *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= 390 + 1
    image = page.locator("img.lco-casus-netwerk").bounding_box()
    assert image is not None and image["width"] <= 390
    screenshot(page, "casus-telefoon")


def test_an_upload_with_personal_data_shows_only_masked_findings(page: Page, base_url: str) -> None:
    """Does an upload with a phone number, an e-mail and a street show its findings, and none of those values?"""
    open_page(page, base_url, PAGE)
    phone, email, street = (
        joined("04", "70 12 34 56"),
        joined("mira.peeters", "@", "telenet.be"),
        joined("Kerk", "straat 12"),
    )
    data = casus_data()
    data["hulpvraag"] = f"Bel me op {phone} of mail naar {email}."
    data["client"]["huishouden"] = f"woont in de {street} met haar twee kinderen"
    upload(page, "eigen-casus.yaml", casus_yaml(data).encode("utf-8"))
    result = page.locator(".lco-casus-resultaat")
    expect(result).to_contain_text("eigen-casus.yaml: niet in orde.", timeout=TIMEOUT)
    for kind in ("telefoonnummer — 0470 •• •• ••", "e-mailadres — m•••@•••.be", "adres — K… ••"):
        expect(result).to_contain_text(kind)
    expect(result).to_contain_text("toont de kit deze casus niet")
    expect(page.locator(".lco-eigen-casus-weergave")).to_be_hidden()
    shown = page.locator("body").inner_text() + page.content()
    for value in (phone, email, street, "12 34 56", "mira.peeters", "telenet.be", "Kerkstraat"):
        assert value not in shown
