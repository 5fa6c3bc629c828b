"""The registration page in a browser: a 100 000-row upload with progress, charts, invalid rows, PDFs."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from benchmarks.registratie import make_export
from tests.browser.conftest import open_page, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser
PAGE = "50_registratie.ipynb"
LOAD_TIMEOUT_MS = 240_000

_WATCH_PROGRESS = """() => {
  window.lcoVoortgang = [];
  const target = document.querySelector('.lco-voortgang-vak');
  const record = () => {
    const label = document.querySelector('.lco-voortgang');
    const bar = document.querySelector('.lco-voortgang-balk');
    window.lcoVoortgang.push([Date.now(), label ? label.innerText : '', bar ? getComputedStyle(bar).display : '']);
  };
  new MutationObserver(record).observe(target, {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def test_the_page_opens_on_simulated_data(page: Page, base_url: str) -> None:
    """Does the page open with the simulated registration: seven charts, the invalid rows, no serious axe issue?"""
    open_page(page, base_url, PAGE)
    expect(page.locator(".lco-bron")).to_contain_text("7.538 rijen gelezen: 7.526 geldig, 12 ongeldig")
    expect(page.locator(".lco-grafiek-vak img.lco-grafiek")).to_have_count(7)
    expect(page.locator("table.lco-ongeldige-rijen tbody tr")).to_have_count(12)
    assert not serious_accessibility_violations(page)


def test_a_100000_row_upload_shows_progress_charts_invalid_rows_and_downloads(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    """Does a 100 000-row CSV load with progress at least every 2 s, then show charts, invalid rows and both PDFs?"""
    path = tmp_path / "registratie-100000.csv"
    path.write_bytes(make_export(100_000, seed=5, faulty=40))
    open_page(page, base_url, PAGE)
    page.evaluate(_WATCH_PROGRESS)
    # ipywidgets 8 keeps the upload's input[type=file] out of the document: use the file chooser.
    with page.expect_file_chooser(timeout=LOAD_TIMEOUT_MS) as chooser:
        page.locator(".lco-upload").click()
    chooser.value.set_files(str(path))
    page.wait_for_function(
        "() => (window.lcoVoortgang || []).some(([, text]) => text.startsWith('Klaar.'))", timeout=LOAD_TIMEOUT_MS
    )
    updates = page.evaluate("window.lcoVoortgang")
    texts = [text for _, text, _ in updates if text]
    assert any("rijen gelezen" in text for text in texts)
    assert any("wordt nagekeken" in text for text in texts)
    assert any("Grafiek 7 van 7" in text for text in texts)
    shown = [stamp for stamp, text, _ in updates if text]
    gaps = [later - earlier for earlier, later in itertools.pairwise(shown)]
    assert max(gaps) < 2000, f"langste tijd zonder voortgang: {max(gaps)} ms"

    expect(page.locator(".lco-bron")).to_contain_text("100.000 rijen gelezen: 99.960 geldig, 40 ongeldig")
    expect(page.locator(".lco-grafiek-vak img.lco-grafiek")).to_have_count(7)
    trend_alt = page.locator(".lco-grafiek-trend img.lco-grafiek").get_attribute("title") or ""
    assert "Niet meegeteld: 40 ongeldige rijen." in trend_alt
    invalid = page.locator("table.lco-ongeldige-rijen tbody tr")
    expect(invalid).to_have_count(40)
    expect(invalid.first).to_contain_text("31/02/2014")
    expect(invalid.first.locator("td").nth(1)).to_have_text("datum")
    screenshot(page, "registratie-100000-rijen")

    # The page stays usable: choosing one year recomputes the figures.
    for year in range(2010, 2017):
        page.locator(".lco-jaar").filter(has_text=str(year)).locator("input").uncheck()
    page.get_by_role("button", name="Toon de cijfers").click()
    expect(page.locator(".lco-periode")).to_contain_text("Periode: 2009", timeout=LOAD_TIMEOUT_MS)

    for button, link_class, name in (
        ("Maak het jaarrapport (PDF)", ".lco-rapport-download", "jaarrapport-lco-2009.pdf"),
        ("Maak de signalennota (PDF)", ".lco-nota-download", "signalennota-lco-2009.pdf"),
    ):
        page.get_by_role("button", name=button).click()
        link = page.locator(f"{link_class} a.lco-download")
        expect(link).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        with page.expect_download() as caught:
            link.click()
        download = caught.value
        assert download.suggested_filename == name
        assert Path(download.path()).read_bytes().startswith(b"%PDF-")
