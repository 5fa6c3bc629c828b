"""The intervisie page in headless Chromium: an own casus, every round with its clock, the harvest.

The page runs on its own kit server with rounds shortened through the library's setting
(``LCO_KIT_INTERVISIE_SECONDEN_PER_MINUUT``): a round of ten minutes lasts ten seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lco_kit.intervisie import load_method
from tests.browser.conftest import (
    ARTIFACTS,
    ROOT,
    SERVER_START_TIMEOUT,
    _free_port,
    open_page,
    screenshot,
    serious_accessibility_violations,
)
from tests.casus.conftest import joined

pytestmark = pytest.mark.browser

PAGE = "60_intervisie.ipynb"
TIMEOUT = 60_000
SECONDS_PER_MINUTE = "1"


@pytest.fixture(scope="module")
def quick_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start a kit server whose intervisie rounds last seconds, with its own data folder; yield its URL."""
    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "LCO_KIT_INTERVISIE_SECONDEN_PER_MINUUT": SECONDS_PER_MINUTE,
        "LCO_KIT_DATA_DIR": str(tmp_path_factory.mktemp("kitdata")),
    }
    env.pop("BINDER_LAUNCH_HOST", None)
    env.pop("BINDER_REPO_URL", None)
    log = (ARTIFACTS / "server-intervisie.log").open("w", encoding="utf-8")
    command = [sys.executable, "-m", "lco_kit", "start", "--no-browser", "--port", str(port)]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT / "tests", env=env)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"De kit-server stopte meteen; zie {ARTIFACTS / 'server-intervisie.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/static/voila.js", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("De kit-server werd niet klaar binnen de tijd.")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def seconds(shown: str) -> int:
    """Return the seconds a clock text (``00:07``, ``-00:01``) stands for."""
    sign = -1 if shown.strip().startswith("-") else 1
    minutes, secs = shown.strip().lstrip("-").split(":")
    return sign * (int(minutes) * 60 + int(secs))


def clock_text(value: int) -> str:
    """Return seconds as the page's clock shows them."""
    return f"{'-' if value < 0 else ''}{abs(value) // 60:02d}:{abs(value) % 60:02d}"


def fill_own_casus(page: Page, situation: str) -> None:
    """Fill the own-casus form as a case owner would."""
    page.locator(".lco-intervisie-bron label", has_text="Een eigen casus").click()
    page.locator(".lco-intervisie-titel input").fill("Een moeder die niet meer komt")
    page.locator(".lco-intervisie-situatie textarea").fill(situation)
    page.locator(".lco-intervisie-leeftijd select").select_option(label="25 tot 44 jaar")
    page.locator(".lco-intervisie-huishouden input").fill("woont alleen met twee kinderen")
    page.locator(".lco-intervisie-domeinen select").select_option(label=["Financiën", "Opvoeding"])
    page.locator(".lco-intervisie-diensten textarea").fill("OCMW, sociale dienst\nCAW Limburg\nCLB")
    page.locator(".lco-intervisie-hulpvraag textarea").fill("Ik wil dat ze me met rust laten.")
    page.locator(".lco-intervisie-goed textarea").fill("Ze brengt de kinderen elke dag naar school.")
    page.locator(".lco-intervisie-leervraag textarea").fill("Hoe kan ik haar opnieuw aan tafel krijgen?")
    page.locator(".lco-intervisie-nakijken").click()


def test_an_intervisie_through_every_round(page: Page, quick_server: str) -> None:
    """Own casus with a phone number hidden, every round timed, an e-mail refused, then the harvest downloads."""
    open_page(page, quick_server, PAGE)
    assert serious_accessibility_violations(page) == []
    phone = joined("0471 23", " 45 67")
    fill_own_casus(page, f"Ze belt me op {phone} als het mis gaat.")
    findings = page.locator(".lco-intervisie-vondsten")
    expect(findings).to_contain_text("telefoonnummer — 0471 •• •• ••", timeout=TIMEOUT)
    expect(page.locator(".lco-intervisie-casus")).to_contain_text("Nog geen casus gekozen.")
    assert phone not in page.locator("#rendered_cells").inner_text()

    page.locator(".lco-intervisie-situatie textarea").fill("Sinds de zomer komt ze niet meer naar het overleg.")
    page.locator(".lco-intervisie-nakijken").click()
    expect(page.locator(".lco-intervisie-casus")).to_contain_text("Een moeder die niet meer komt", timeout=TIMEOUT)
    expect(findings).to_have_text("")
    page.locator(".lco-intervisie-rol-inbrenger input").fill("Sofie")
    page.locator(".lco-intervisie-rol-voorzitter input").fill("Karim")
    page.locator(".lco-intervisie-rol-tijdsbewaker input").fill("An")

    run_every_round(page)
    harvest_refused_then_downloaded(page)
    reload_then_close(page)


def run_every_round(page: Page) -> None:
    """Run each round: start the clock, wait until it is out, pause (and extend the first), type notes."""
    clock = page.locator(".lco-intervisie-klok")
    rounds = load_method().rondes
    for number, ronde in enumerate(rounds, start=1):
        expect(page.locator(".lco-intervisie-ronde")).to_contain_text(
            f"Ronde {number} van {len(rounds)}: {ronde.titel}", timeout=TIMEOUT
        )
        shown = clock.locator(".lco-klok-tijd")
        planned = f"00:{ronde.minuten:02d}"
        expect(shown).to_have_text(planned, timeout=TIMEOUT)
        size = shown.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 48, f"de klok is te klein voor een projector ({size}px)"
        page.locator(".lco-intervisie-start").click()
        if number == len(rounds):
            expect(clock).to_contain_text("De tijd van deze ronde is om", timeout=TIMEOUT)
        else:
            expect(shown).not_to_have_text(planned, timeout=TIMEOUT)
        page.locator(".lco-intervisie-pauze").click()
        expect(clock.locator(".lco-klok-pauze, .lco-klok-om")).to_have_count(1, timeout=TIMEOUT)
        if number == 1:
            before = seconds(shown.inner_text())
            page.locator(".lco-intervisie-verleng").click()
            expect(shown).to_have_text(clock_text(before + 2), timeout=TIMEOUT)
        note = (
            joined("Mail het verslag naar sofie.janssens", "@example.be")
            if number == 1
            else f"Notitie bij {ronde.titel.lower()}."
        )
        page.locator(".lco-intervisie-notities textarea").fill(note)
        if number < len(rounds):
            page.locator(".lco-intervisie-volgende").click()


def harvest_refused_then_downloaded(page: Page) -> None:
    """Add a learning point; the harvest is refused for the e-mail, then downloads once it is gone."""
    rounds = load_method().rondes
    page.locator(".lco-intervisie-leerpunt input").fill("Eerst vragen wat goed gaat")
    page.locator(".lco-intervisie-principe select").select_option(label="Positieve hulpverlening")
    page.locator(".lco-intervisie-voeg-toe").click()
    expect(page.locator(".lco-intervisie-leerpunten")).to_contain_text("(Positieve hulpverlening)", timeout=TIMEOUT)

    page.locator(".lco-intervisie-oogst").click()
    refusal = page.locator(".lco-intervisie-oogst-vondsten")
    expect(refusal).to_contain_text("Notities bij ronde 1: regel 1: e-mailadres", timeout=TIMEOUT)
    assert "sofie.janssens@" not in refusal.inner_text()
    expect(page.locator(".lco-intervisie-download a.lco-download")).to_have_count(0)

    for _ in range(len(rounds) - 1):
        page.locator(".lco-intervisie-vorige").click()
    expect(page.locator(".lco-intervisie-ronde")).to_contain_text("Ronde 1 van", timeout=TIMEOUT)
    page.locator(".lco-intervisie-notities textarea").fill("Het verslag gaat naar de inbrenger.")
    page.locator(".lco-intervisie-oogst").click()
    link = page.locator(".lco-intervisie-download a.lco-download")
    expect(link).to_be_visible(timeout=TIMEOUT)
    screenshot(page, "intervisie-ronde", for_docs=True)
    with page.expect_download(timeout=TIMEOUT) as caught:
        link.click()
    assert caught.value.suggested_filename == "intervisie-oogst-eigen-casus.pdf"
    assert Path(caught.value.path()).read_bytes().startswith(b"%PDF-")


def reload_then_close(page: Page) -> None:
    """A reload brings the intervisie back; closing leaves nothing."""
    page.reload()
    page.wait_for_selector("#loading", state="detached", timeout=TIMEOUT)
    page.wait_for_selector(".lco-intervisie", state="visible", timeout=TIMEOUT)
    expect(page.locator(".lco-meldingen").first).to_contain_text("teruggezet", timeout=TIMEOUT)
    expect(page.locator(".lco-intervisie-notities textarea")).to_have_value("Het verslag gaat naar de inbrenger.")
    expect(page.locator(".lco-intervisie-casus")).to_contain_text("Een moeder die niet meer komt")

    page.locator(".lco-intervisie-sluit").click()
    expect(page.locator(".lco-meldingen").first).to_contain_text("bewaart er niets meer van", timeout=TIMEOUT)
    expect(page.locator(".lco-intervisie-notities textarea")).to_have_value("")
