"""The start page's print panel in headless Chromium: a programme's PDFs download under their own names."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_page, screenshot

pytestmark = pytest.mark.browser

TIMEOUT = 90_000


def test_the_intervisie_programme_downloads_from_the_start_page(page: Page, base_url: str) -> None:
    """Does choosing ‘Intervisie’ and ‘Maak de PDF's’ offer three PDFs, the draaiboek downloading as itself?"""
    open_page(page, base_url, "00_start.ipynb")
    page.locator(".lco-afdrukken-keuze select").select_option(label="Intervisie (90 minuten)")
    page.locator(".lco-afdrukken-maak").click()
    links = page.locator(".lco-afdrukken-lijst a.lco-download")
    expect(links).to_have_count(3, timeout=TIMEOUT)
    expect(page.locator(".lco-afdrukken")).to_contain_text("Klaar: 3 documenten")
    page.locator(".lco-afdrukken").scroll_into_view_if_needed()
    screenshot(page, "start-afdrukken", for_docs=True)
    with page.expect_download(timeout=TIMEOUT) as caught:
        links.first.click()
    assert caught.value.suggested_filename == "draaiboek-intervisie.pdf"
    assert Path(caught.value.path()).read_bytes().startswith(b"%PDF-")
