"""Every page of the kit, opened in headless Chromium as a person would open it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import (
    FORBIDDEN_TEXTS,
    NOTEBOOKS,
    main_selector,
    open_page,
    page_metadata,
    screenshot,
    serious_accessibility_violations,
)

PAGES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_in_dutch_offline_and_accessible(page: Page, base_url: str, name: str) -> None:
    """Does the page show its title, no error or English text, load nothing from outside, and pass axe?"""
    opened = open_page(page, base_url, name)
    screenshot(page, f"pagina-{Path(name).stem}", for_docs=True)
    title = page_metadata(name)["title"]
    assert page.title() == title
    body = page.inner_text("body")
    assert title in body
    shown = [text for text in FORBIDDEN_TEXTS if text.lower() in body.lower()]
    assert not shown, f"{name} toont {shown}"
    assert not opened.outside_requests(), f"{name} vroeg iets op buiten deze computer: {opened.outside_requests()}"
    assert not serious_accessibility_violations(page)


def test_the_kits_name_in_the_header_leads_back_to_the_start_page(page: Page, base_url: str) -> None:
    """From a page, does the header's ‘lco-kit’ lead to the start page (a link relative to the page's folder)?"""
    open_page(page, base_url, "20_maatzorgprincipes.ipynb")
    page.click(".lco-kit-kop-naam")
    page.wait_for_url(f"{base_url}/voila/render/00_start.ipynb", timeout=90_000)
    page.wait_for_selector(main_selector("00_start.ipynb"), state="visible", timeout=90_000)
