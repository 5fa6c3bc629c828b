"""The kit's error page (template ``error.html`` / ``404.html``), opened as a person who mistyped an address."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import codesniffer_errors, serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_a_missing_page_explains_in_dutch_and_leads_back_to_the_start_page(page: Page, base_url: str) -> None:
    """Does a mistyped address show a Dutch, accessible page whose ‘terug’ link reaches the start page?"""
    response = page.goto(f"{base_url}/voila/render/bestaat_niet.ipynb", timeout=60_000)
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Deze pagina bestaat niet" in page.inner_text("body")
    assert not serious_accessibility_violations(page)
    assert codesniffer_errors(page) == []
    page.get_by_role("link", name="Terug naar de startpagina").click()
    page.wait_for_url(f"{base_url}/voila/render/00_start.ipynb", timeout=90_000)
