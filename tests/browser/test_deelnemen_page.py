"""The light participant page on a phone, reached as the QR code sends people there.

No Voilà page and no kernel: the kit's own server renders the join, answer and thank-you pages.
The test process and the kit server share one store (``LCO_KIT_DATA_DIR``), so a test opens a
session directly and checks what was stored.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from lco_kit.reflectie.store import ReflectieStore
from tests.browser.conftest import PAGE_TIMEOUT_MS, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "nl-BE", "is_mobile": True, "has_touch": True}
STEP_MS = 30_000

# Records what the page asks the device to say; a Dutch voice is offered, as on most phones.
SPEECH_STUB = """
window.__gesproken = [];
const stub = {
  getVoices: () => [{lang: 'nl-BE', name: 'Proefstem'}],
  speak: (u) => window.__gesproken.push({text: u.text, lang: u.lang}),
  cancel: () => {},
  addEventListener: () => {},
};
Object.defineProperty(window, 'speechSynthesis', {value: stub, configurable: true});
"""


class Traffic:
    """Every request a page made, and the bytes it received."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.bytes = 0
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("response", self._count)

    def _count(self, response: object) -> None:
        try:
            self.bytes += len(response.body())  # type: ignore[attr-defined]
        except Exception:  # a redirect has no body to count
            return

    def outside(self) -> list[str]:
        """Requests to anything but this machine."""
        return [u for u in self.urls if urlparse(u).scheme in {"http", "https"} and urlparse(u).hostname != "127.0.0.1"]


def phone(browser: Browser) -> BrowserContext:
    """A new phone (its own cookies), with the speech stub."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    context.add_init_script(SPEECH_STUB)
    return context


def open_session(title: str) -> tuple[ReflectieStore, str, int]:
    """Open a session in the shared store; return the store, the code and the session id."""
    store = ReflectieStore()
    opened = store.create_session("lco", title=title)
    return store, opened.session.code, opened.session.id


def answer(page: Page, value: str) -> None:
    """Tap an answer on the current item and wait for the next step."""
    before = page.url
    page.click(f".lco-keuze.lco-waarde-{value}")
    page.wait_for_url(lambda url: url != before, timeout=STEP_MS)
    page.wait_for_load_state("load")


def test_a_client_answers_on_a_phone_reloads_goes_offline_and_counts_once(base_url: str, browser: Browser) -> None:
    """Item by item with a reload and an offline spell in the middle: is everything stored, once, with full labels?"""
    store, code, session_id = open_session("Proef op de gsm")
    context = phone(browser)
    page = context.new_page()
    traffic = Traffic(page)
    # The QR code's path and query, on this machine.
    page.goto(f"{base_url}/lco/deelnemen?code={code}", timeout=PAGE_TIMEOUT_MS)
    expect(page.locator(".lco-perspectief-keuze")).to_have_count(3)
    screenshot(page, "deelnemen-kies", for_docs=True)
    page.click(".lco-perspectief-client")
    page.wait_for_selector(".lco-vraag-tekst")
    items = [i.id for i in store.session(code).instrument.perspective("client").items]
    expect(page.locator(".lco-voortgang")).to_have_text(f"Vraag 1 van {len(items)}")

    # Every label in full: nothing cut off, nothing wider than its button.
    for label in page.locator(".lco-keuze .lco-label").all():
        box = label.evaluate("e => [e.scrollWidth, e.clientWidth, e.textContent]")
        assert box[0] <= box[1] + 1, box
        assert not box[2].endswith("…")
    screenshot(page, "deelnemen-vraag", for_docs=True)

    # Read aloud, in Dutch.
    speaker = page.locator(".lco-voorlezen")
    expect(speaker).to_be_visible()
    speaker.click()
    spoken = page.evaluate("() => window.__gesproken")
    assert spoken and spoken[0]["lang"].startswith("nl") and spoken[0]["text"] == page.inner_text(".lco-vraag-tekst")

    answer(page, "4")
    answer(page, "3")
    page.reload()
    expect(page.locator(".lco-voortgang")).to_have_text(f"Vraag 3 van {len(items)}")

    # Offline: the answer waits on the phone and goes as soon as the connection is back.
    context.set_offline(True)
    page.click(".lco-keuze.lco-waarde-5")
    expect(page.locator("[data-lco-melding]")).to_contain_text("zonder verbinding", timeout=STEP_MS)
    assert page.locator(".lco-keuze.lco-waarde-5.lco-gekozen").count() == 1
    context.set_offline(False)
    expect(page.locator(".lco-voortgang")).to_have_text(f"Vraag 4 van {len(items)}", timeout=STEP_MS)
    key = next(c["value"] for c in context.cookies() if c["name"] == f"lco_r_{code}").split(".")[0]
    record = store.respondent(code, key)
    assert record is not None and record.answers[items[2]] == 5

    for _ in items[3:]:
        answer(page, "weet-niet")
    page.wait_for_selector(".lco-opmerking-invoer")
    page.fill(".lco-opmerking-invoer", "Ik kon zeggen wat ik wou.")
    page.click(".lco-verzenden")
    page.wait_for_selector(".lco-bedankt")
    page.reload()
    expect(page.locator(".lco-bedankt")).to_be_visible()
    screenshot(page, "deelnemen-bedankt")

    [stored] = store.respondents(session_id)
    assert stored.finished is not None and len(stored.answers) == len(items)
    assert [stored.answers[i] for i in items[:3]] == [4, 3, 5] and stored.remark == "Ik kon zeggen wat ik wou."
    assert not traffic.outside(), traffic.outside()
    assert traffic.bytes < 300_000, traffic.bytes
    assert not serious_accessibility_violations(page)
    context.close()


def test_a_tablet_passed_round_makes_a_second_respondent(base_url: str, browser: Browser) -> None:
    """After one person sends the list, does ‘Nog iemand vult in’ start the next person as a new respondent?"""
    store, code, session_id = open_session("Tablet rond de tafel")
    context = phone(browser)
    page = context.new_page()
    page.goto(f"{base_url}/lco/deelnemen?code={code}", timeout=PAGE_TIMEOUT_MS)
    page.click(".lco-perspectief-deelnemer")
    page.wait_for_selector(".lco-lijst")
    assert not serious_accessibility_violations(page)
    screenshot(page, "deelnemen-lijst")
    first = store.session(code).instrument.perspective("deelnemer").items[0].id
    page.click(f".lco-item-{first} .lco-waarde-4")
    page.click(".lco-verder")
    page.click(".lco-verzenden")
    page.click(".lco-opnieuw")
    page.click(".lco-perspectief-client")
    page.wait_for_selector(".lco-vraag-tekst")
    answer(page, "5")
    records = {r.perspective: r for r in store.respondents(session_id)}
    assert sorted(records) == ["client", "deelnemer"]
    assert records["deelnemer"].finished is not None and len(records["deelnemer"].answers) == 1
    assert records["client"].finished is None and len(records["client"].answers) == 1
    context.close()


def test_the_join_page_takes_a_typed_code_and_explains_a_wrong_one(base_url: str, browser: Browser) -> None:
    """Does a typed wrong code get a Dutch explanation, and the right one the choice of perspectives?"""
    _, code, _ = open_session("Code typen")
    context = phone(browser)
    page = context.new_page()
    page.goto(f"{base_url}/lco/deelnemen", timeout=PAGE_TIMEOUT_MS)
    page.fill(".lco-code-invoer", "XXXXXX")
    page.click(".lco-code-verder")
    expect(page.locator(".lco-fout")).to_contain_text("Er is geen open sessie met de code ‘XXXXXX’")
    page.fill(".lco-code-invoer", code.lower())
    page.click(".lco-code-verder")
    expect(page.locator(".lco-perspectief-keuze")).to_have_count(3)
    assert not serious_accessibility_violations(page)
    context.close()
