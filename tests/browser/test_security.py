"""What the browser is told: only the kit's own server may be used, cookies stay with the kit's pages."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import NOTEBOOKS, open_page

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspSchendingen = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspSchendingen.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@pytest.mark.parametrize("name", sorted(p.name for p in Path(NOTEBOOKS).glob("*.ipynb")))
def test_every_page_loads_without_a_security_policy_violation(base_url: str, browser: Browser, name: str) -> None:
    """Does each page work under the kit's Content-Security-Policy, with not one violation?"""
    context = browser.new_context(locale="nl-BE")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    open_page(page, base_url, name)
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__cspSchendingen") == []
    context.close()


def test_the_light_join_page_loads_without_a_security_policy_violation(base_url: str, browser: Browser) -> None:
    """Does the participants' join page (with its script and stylesheet) run under its strict policy?"""
    context = browser.new_context(locale="nl-BE")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{base_url}/lco/deelnemen")
    page.wait_for_selector(".lco-code-invoer")
    assert page.evaluate("() => window.__cspSchendingen") == []
    context.close()


def test_pages_say_what_may_load_and_cookies_stay_with_the_kit(base_url: str) -> None:
    """Do Voilà pages and light pages send a CSP, nosniff, and SameSite=Lax cookies?"""
    with urllib.request.urlopen(f"{base_url}/voila/render/00_start.ipynb", timeout=120) as response:  # noqa: S310
        headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    cookies = headers.get_all("Set-Cookie") or []
    assert cookies and all("samesite=lax" in c.lower() for c in cookies), cookies
    with urllib.request.urlopen(f"{base_url}/lco/deelnemen", timeout=30) as response:  # noqa: S310
        light = response.headers
    assert light["Content-Security-Policy"].startswith("default-src 'none'; script-src 'self'")
    assert "unsafe-inline" not in light["Content-Security-Policy"]
    assert light["X-Content-Type-Options"] == "nosniff"
    assert all("samesite=lax" in c.lower() for c in light.get_all("Set-Cookie") or [])
