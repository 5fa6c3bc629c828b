"""The casus traject in Chromium: one casus chosen once, carried from the table to the verslag and the follow-up.

The pages learn their traject from their address (``?traject=…``) once a person opens them,
also in the server's kept kernels; two groups in one room each carry their own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from lco_kit.casus import Casus, read_library
from lco_kit.rollenspel import casus_facts
from lco_kit.stappenplan import owner_label
from lco_kit.traject import TrajectStore
from tests.browser.conftest import PAGE_TIMEOUT_MS, open_page, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser

TIMEOUT = 30_000
SOLO = "30_rollenspel_oefenen.ipynb"
TABLE = "31_rollenspel_begeleider.ipynb"
PLAN = "32_stappenplan.ipynb"
LCO_CASUSSEN = [c for c in read_library().casussen if c.is_lco and c.vorige_lco is None]
ID = re.compile(r"traject=([a-z2-9]{10})")


def open_with(page: Page, base_url: str, name: str, query: str, selector: str) -> None:
    """Open a page with a query in its address and wait for its main widget."""
    page.goto(f"{base_url}/voila/render/{name}{query}", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("#loading", state="detached", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(selector, state="visible", timeout=PAGE_TIMEOUT_MS)


def set_up_table(page: Page, base_url: str, casus: Casus, pivot: str, seats: int) -> str:
    """Choose a casus at the table, let the client choose a spilfiguur, set the seats; return the traject id."""
    open_page(page, base_url, TABLE)
    page.locator(".lco-rs-casus-keuze select").select_option(label=casus.titel)
    expect(page.locator(".lco-traject-nu")).to_contain_text(casus.titel, timeout=TIMEOUT)
    label = casus_facts(casus).label(casus.provider(pivot))
    page.locator(".lco-rs-opstelling-spilfiguur select").select_option(label=label)
    page.locator(".lco-rs-zitjes-aantal select").select_option(label=str(seats))
    expect(page.locator(".lco-traject-nu")).to_contain_text(f"Aan tafel: {seats} rollen.", timeout=TIMEOUT)
    link = page.locator(".lco-traject-link-stappenplan")
    expect(link).to_have_attribute("href", re.compile(r"^32_stappenplan\.ipynb\?traject="), timeout=TIMEOUT)
    found = ID.search(link.get_attribute("href") or "")
    assert found
    expect(page).to_have_url(re.compile(rf"{TABLE}\?traject={found.group(1)}$"), timeout=TIMEOUT)
    return found.group(1)


def test_the_table_carries_its_casus_and_setup_to_the_verslag_and_the_follow_up(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    """Does the table's casus and setup open in the stappenplan, reach the verslag and row, and open the follow-up?"""
    casus = LCO_CASUSSEN[1]
    pivot = casus.hulpverleners[-1].id
    traject_id = set_up_table(page, base_url, casus, pivot, seats=5)
    kept = TrajectStore().load(traject_id)
    assert kept.opstelling is not None
    assert kept.opstelling.spilfiguur == pivot
    seated = [r.removeprefix("hulpverlener-") for r in kept.opstelling.rollen if r.startswith("hulpverlener-")]

    page.locator(".lco-traject-link-stappenplan").click()
    page.wait_for_selector(".lco-stappenplan", state="visible", timeout=PAGE_TIMEOUT_MS)
    expect(page.locator(".lco-traject-nu")).to_contain_text(f"Traject {traject_id}: {casus.titel}", timeout=TIMEOUT)
    expect(page.locator(".lco-rs-casus-samenvatting")).to_contain_text(casus.titel)
    spil = page.locator(".lco-sp-spilfiguur select")
    expect(spil.locator("option:checked")).to_have_text(owner_label(casus, pivot), timeout=TIMEOUT)
    present = page.locator(".lco-sp-aanwezig input:checked")
    expect(present).to_have_count(len(seated))
    screenshot(page, "traject-stappenplan")

    soon = (date.today() + timedelta(days=14)).isoformat()
    row = page.locator(".lco-sp-afspraak").nth(0)
    row.locator(".lco-sp-wat input").fill("Zelf de brief van de mutualiteit meebrengen")
    row.locator(".lco-sp-wie select").select_option(label=owner_label(casus, "client"))
    row.locator(".lco-sp-datum input").fill(soon)
    page.locator(".lco-sp-geen-knelpunten input").check()
    page.locator(".lco-sp-maak").click()
    expect(page.locator(".lco-sp-download-pdf a.lco-download")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".lco-sp-voorbeeld")).to_contain_text(
        f"**Traject (om verder te werken in de kit):** {traject_id}"
    )
    expect(page.locator(".lco-sp-voorbeeld")).to_contain_text(f"{owner_label(casus, pivot)}")
    with page.expect_download() as download:
        page.locator(".lco-sp-download-csv a.lco-download").click()
    saved = tmp_path / "rij.csv"
    download.value.save_as(saved)
    header, values = saved.read_text(encoding="utf-8-sig").splitlines()[:2]
    cells = dict(zip(header.split(";"), values.split(";"), strict=True))
    assert cells["lco_id"] == f"{casus.id}-{date.today():%Y%m%d}-{traject_id}"
    assert cells["aantal_deelnemers"] == str(2 + len(seated))  # the client, the coördinator, the providers seated

    page.locator(".lco-sp-open-opvolging").click()
    follow_up = page.locator(".lco-sp-opvolging")
    expect(follow_up).to_contain_text("Zelf de brief van de mutualiteit meebrengen", timeout=TIMEOUT)
    expect(page.locator(".lco-traject-nu")).to_contain_text(f"opvolgoverleg van traject {traject_id}")
    expect(page).to_have_url(re.compile(rf"{PLAN}\?traject=(?!{traject_id})[a-z2-9]{{10}}$"), timeout=TIMEOUT)
    expect(spil.locator("option:checked")).to_have_text(owner_label(casus, pivot))
    expect(page.get_by_text("javascript error")).to_have_count(0)
    assert not serious_accessibility_violations(page)


def test_two_groups_at_once_each_see_only_their_own_traject(browser: Browser, base_url: str) -> None:
    """With two groups working at once on different casussen, does each see only its own traject on every page?"""
    groups = []
    for number, casus in enumerate(LCO_CASUSSEN[:2]):
        context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        traject_id = set_up_table(page, base_url, casus, casus.hulpverleners[number].id, seats=4 + number)
        groups.append((context, page, casus, traject_id))
    assert groups[0][3] != groups[1][3]
    for _, page, casus, traject_id in groups:
        other = next(c for c in LCO_CASUSSEN[:2] if c.id != casus.id)
        for name, selector in (
            (PLAN, ".lco-stappenplan"),
            (SOLO, ".lco-rollenspel-oefenen"),
            (TABLE, ".lco-rs-zitjes"),
        ):
            open_with(page, base_url, name, f"?traject={traject_id}", selector)
            now = page.locator(".lco-traject-nu")
            expect(now).to_contain_text(f"Traject {traject_id}: {casus.titel}", timeout=TIMEOUT)
            expect(page.locator(".lco-rs-casus-samenvatting")).to_contain_text(casus.titel)
            expect(page.locator(".lco-rs-casus-samenvatting")).not_to_contain_text(other.titel)
        expect(page.locator(".lco-rs-zitje")).to_have_count(4 + groups.index((_, page, casus, traject_id)))
    for context, *_ in groups:
        context.close()
