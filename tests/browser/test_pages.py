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
    assert overlapping_controls(page) == [], f"{name}: velden over elkaar"


_OVERLAPS = """
() => {
  // A field scrolled out of its own box (a long list) is not on the screen: leave it out. The
  // page itself scrolls inside #rendered_cells, which does not count as such a box.
  const outOfItsBox = (e, r) => {
    for (let p = e.parentElement; p && p.id !== 'rendered_cells' && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const q = p.getBoundingClientRect();
      if (r.bottom <= q.top || r.top >= q.bottom || r.right <= q.left || r.left >= q.right) return true;
    }
    return false;
  };
  const shown = [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
    .filter(e => e.offsetParent !== null)
    .map(e => [e, e.getBoundingClientRect()])
    .filter(([e, r]) => r.width > 0 && r.height > 0 && !outOfItsBox(e, r));
  const found = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const [a, ra] = shown[i], [b, rb] = shown[j];
      if (a.contains(b) || b.contains(a)) continue;
      const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (x > 1 && y > 1) found.push(`${a.outerHTML.slice(0, 60)} ~ ${b.outerHTML.slice(0, 60)}`);
    }
  }
  return found;
}
"""


def overlapping_controls(page: Page) -> list[str]:
    """Return the pairs of visible fields and buttons that lie over each other (by more than a pixel)."""
    return list(page.evaluate(_OVERLAPS))


def test_the_kits_name_in_the_header_leads_back_to_the_start_page(page: Page, base_url: str) -> None:
    """From a page, does the header's ‘lco-kit’ lead to the start page (a link relative to the page's folder)?"""
    open_page(page, base_url, "20_maatzorgprincipes.ipynb")
    page.click(".lco-kit-kop-naam")
    page.wait_for_url(f"{base_url}/voila/render/00_start.ipynb", timeout=90_000)
    page.wait_for_selector(main_selector("00_start.ipynb"), state="visible", timeout=90_000)
