"""A second accessibility engine: HTML_CodeSniffer (WCAG 2 AA) finds no error on any page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from lco_kit.pages import list_pages
from lco_kit.reflectie.store import ReflectieStore
from tests.browser.conftest import NOTEBOOKS, codesniffer_errors, open_page

PAGES = [info.file for info in list_pages(NOTEBOOKS, include_hidden=True)]
pytestmark = pytest.mark.browser
CHARTS = {"10_casussen.ipynb": 2, "50_registratie.ipynb": 7}
"""Pages that open with charts drawn, and how many at least (each must carry its alt text)."""


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag2aa_error(page: Page, base_url: str, name: str) -> None:
    """Does HTML_CodeSniffer report no WCAG 2 AA error on the page, and has every picture an alt text?"""
    open_page(page, base_url, name)
    page.wait_for_load_state("networkidle")
    pictures = page.evaluate(
        "() => [...document.querySelectorAll('img')].map((img) => ({"
        " alt: img.getAttribute('alt'), title: img.getAttribute('title') }))"
    )
    without_alt = [p for p in pictures if p["alt"] is None or (p["title"] and p["alt"] != p["title"])]
    assert without_alt == [], f"{name}: {len(without_alt)} afbeelding(en) zonder passende alt"
    charts = [p for p in pictures if p["title"]]
    if name in CHARTS:
        assert len(charts) >= CHARTS[name], f"{name}: {len(charts)} grafieken met alt, verwacht {CHARTS[name]}"
    errors = codesniffer_errors(page)
    assert errors == [], f"{name}:\n" + "\n".join(errors)


def test_the_engine_finds_a_known_error(page: Page) -> None:
    """Does the HTML_CodeSniffer helper really report an error (a picture without alt, no lang)?"""
    page.set_content("<!doctype html><html><head><title>t</title></head><body><img src='x.png'></body></html>")
    errors = codesniffer_errors(page)
    assert any("H37" in error for error in errors), errors
    assert any("H57" in error for error in errors), errors


@pytest.fixture
def light_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A phone-sized page for the light participant pages (their strict CSP set aside to inject the checker)."""
    context = browser.new_context(
        base_url=base_url, bypass_csp=True, locale="nl-BE", viewport={"width": 390, "height": 844}
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def test_light_participant_pages_have_no_wcag2aa_error(light_page: Page) -> None:
    """Do the light answer pages (join, choose a perspective, the questions) pass HTML_CodeSniffer too?"""
    code = ReflectieStore().create_session("lco", title="Overleg").session.code
    checked = {}
    light_page.goto("/lco/deelnemen")
    checked["deelnemen"] = codesniffer_errors(light_page)
    light_page.goto(f"/lco/deelnemen/{code}")
    checked["kiezen"] = codesniffer_errors(light_page)
    light_page.locator("form button, form input[type=submit]").first.click()
    light_page.wait_for_load_state("load")
    assert "/vragen" in light_page.url
    checked["vragen"] = codesniffer_errors(light_page)
    assert {name: errors for name, errors in checked.items() if errors} == {}
