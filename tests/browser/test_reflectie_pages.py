"""The reflection pages in a real browser: answering on phones, and the facilitator's live results.

The kit server's kernels and this test process share one SQLite store (``LCO_KIT_DATA_DIR``
is set for the whole run), so a test can prepare a session directly and check what was stored.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError
from pypdf import PdfReader

from lco_kit.reflectie.store import ReflectieStore, normalise_code
from tests.browser.conftest import PAGE_TIMEOUT_MS, open_page, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser

ANSWER = "40_reflectie_invullen.ipynb"
FACILITATOR = "41_reflectie_begeleider.ipynb"
LIVE_MS = 60_000  # generous: CI machines are busy; a live update normally shows within seconds
PHONE = {"viewport": {"width": 390, "height": 820}, "locale": "nl-BE", "is_mobile": True, "has_touch": True}


def phone(browser: Browser) -> BrowserContext:
    """Return a new browser context that looks like a phone (its own cookies and storage)."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    return context


def join(context: BrowserContext, base_url: str, code: str, perspective: str, picture: str = "") -> Page:
    """Open the answer page with the code in the address and choose a perspective (pictured for the guide if named)."""
    page = context.new_page()
    page.goto(f"{base_url}/voila/render/{ANSWER}?code={code}", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(".lco-perspectief-keuze", timeout=PAGE_TIMEOUT_MS)
    expect(page.locator(".lco-perspectief-keuze")).to_have_count(3)
    if picture:
        screenshot(page, picture, for_docs=True)
    page.click(f".lco-perspectief-keuze.lco-perspectief-{perspective}")
    page.wait_for_selector(".lco-smiley, .lco-score", timeout=PAGE_TIMEOUT_MS)
    # The address now carries the respondent's key (written without a reload, so one kernel per person).
    page.wait_for_url(re.compile(rf"code={code}&p={perspective}&r=[\w-]+$"), timeout=LIVE_MS)
    return page


def answer_client_items(page: Page, count: int, value: int | None = 2) -> None:
    """Answer ``count`` client items one by one with the same smiley (None: 'weet ik niet')."""
    choice = ".lco-weet-niet" if value is None else f".lco-smiley.lco-waarde-{value}"
    for _ in range(count):
        shown = page.inner_text(".lco-voortgang")
        page.click(choice)
        expect(page.locator(".lco-voortgang, .lco-verzenden").first).not_to_have_text(shown, timeout=LIVE_MS)


def answer_list_items(page: Page, items: list[str], value: int) -> None:
    """Answer some items of the list version and wait until each shows as chosen."""
    for item in items:
        try:
            page.click(f".lco-item-{item} .lco-waarde-{value}")
            page.wait_for_selector(f".lco-item-{item} .lco-gekozen.lco-waarde-{value}", timeout=LIVE_MS)
        except PlaywrightError as error:  # say what the person saw, not only what was missing
            row = page.evaluate(f"() => document.querySelector('.lco-item-{item}')?.outerHTML ?? 'geen rij'")
            shown = page.inner_text("body")
            raise AssertionError(f"{error}\n--- de rij:\n{row}\n--- de pagina toonde:\n{shown}") from None


def send(page: Page, remark: str = "") -> None:
    """Type a remark (optional), press send and wait for the thank-you."""
    if remark:
        page.fill(".lco-opmerking-invoer textarea", remark)
    page.click(".lco-verzenden")
    page.wait_for_selector(".lco-bedankt", timeout=LIVE_MS)


def count_of(page: Page, perspective: str) -> str:
    """Return the count the facilitator page shows for a perspective."""
    return page.inner_text(f".lco-aantal[data-perspectief={perspective}]").strip()


def chart_alts(page: Page) -> list[str]:
    """Return the alt texts (title) of every chart on the page."""
    return page.eval_on_selector_all("img.lco-grafiek", "imgs => imgs.map(i => i.title)")


def reopen(page: Page, base_url: str, secret: str) -> None:
    """Open the facilitator page and reopen a session with its secret."""
    open_page(page, base_url, FACILITATOR)
    page.fill(".lco-geheim-invoer input", secret)
    page.click(".lco-heropen")
    page.wait_for_selector(".lco-code-groot", timeout=LIVE_MS)


def test_facilitator_follows_three_browsers_live(page: Page, base_url: str, browser: Browser) -> None:
    """Do a client and two participants in other browsers appear in the counts and charts by themselves?"""
    open_page(page, base_url, FACILITATOR)
    page.click(".lco-nieuwe-sessie")
    page.click(".lco-sleutel-bewaard", timeout=LIVE_MS)  # past the secret's own step
    page.wait_for_selector(".lco-code-groot", timeout=LIVE_MS)
    code = page.inner_text(".lco-code-groot").strip()
    assert re.fullmatch(r"[ACDEFHJKMNPRTUVWXY3479]{6}", code)
    qr = page.locator("img.lco-qr")
    expect(qr).to_be_visible(timeout=LIVE_MS)
    assert f"code={code}" in (qr.get_attribute("title") or "")
    assert count_of(page, "client") == "0"
    expect(page.locator(".lco-grafieken-leeg")).to_be_visible(timeout=LIVE_MS)
    screenshot(page, "reflectie-begeleider-nieuw")

    client = join(phone(browser), base_url, code, "client", picture="reflectie-kies-wie-je-bent")
    screenshot(client, "reflectie-client-vraag")
    answer_client_items(client, 3, value=2)  # 3 of the 5 'betrokken' items: enough (half rule)
    participants = [join(phone(browser), base_url, code, "deelnemer") for _ in range(2)]
    for participant in participants:
        answer_list_items(participant, ["d_ruimte", "d_woog_mee", "d_over_client"], value=4)
    send(participants[0], "Goed overleg.")

    # No reload: the page polls the store in the background.
    expect(page.locator(".lco-aantal[data-perspectief=client]")).to_have_text("1", timeout=LIVE_MS)
    expect(page.locator(".lco-aantal[data-perspectief=deelnemer]")).to_have_text("2", timeout=LIVE_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.lco-grafiek')].some(i => i.title.includes('Deelnemer (n = 2)'))",
        timeout=LIVE_MS,
    )
    # Answers arrive one tap at a time; wait until the charts show every one of them.
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.lco-grafiek')].some(i => i.title.includes('Cliënt gehoord: -1,3'))",
        timeout=LIVE_MS,
    )
    alts = chart_alts(page)
    assert any(a.startswith("Staafdiagram ‘Cliënt (n = 1)’. Cliënt gehoord: 2;") for a in alts)
    gap = next(a for a in alts if "Verschil" in a)
    # Professionals: 4, 4 and a reversed 4 (= 2) → 3,33; the client 2,0: a gap of −1,3, an alert.
    assert "Cliënt gehoord: -1,3" in gap and "Signaal bij: Cliënt gehoord" in gap
    assert any(a.startswith("Radardiagram") for a in alts)
    expect(page.locator(".lco-overzicht tr.lco-signaal[data-dimensie=betrokken]")).to_be_visible(timeout=LIVE_MS)
    expect(page.locator(".lco-opmerkingen")).to_contain_text("Goed overleg.", timeout=LIVE_MS)
    screenshot(page, "reflectie-begeleider-resultaten")
    assert not serious_accessibility_violations(page)
    assert not serious_accessibility_violations(client)


def test_participant_offline_midway_comes_back_and_counts_once(base_url: str, browser: Browser) -> None:
    """Does a participant whose phone goes offline and reloads go on where they were, and count once?"""
    store = ReflectieStore()
    opened = store.create_session("lco", title="Offline halverwege")
    code = opened.session.code
    context = phone(browser)
    participant = join(context, base_url, code, "deelnemer")
    items = [i.id for i in opened.session.instrument.perspective("deelnemer").items]
    answer_list_items(participant, items[:6], value=5)

    context.set_offline(True)
    participant.wait_for_timeout(1500)
    context.set_offline(False)
    # The phone reloads the page (as a locked phone often does): same address, same respondent key.
    participant.reload(timeout=PAGE_TIMEOUT_MS)
    participant.wait_for_selector(".lco-score", timeout=PAGE_TIMEOUT_MS)
    expect(participant.locator(".lco-gekozen")).to_have_count(6, timeout=LIVE_MS)
    expect(participant.locator(".lco-voortgang")).to_contain_text("6 van de 18 vragen beantwoord.", timeout=LIVE_MS)
    cut = participant.evaluate(
        "() => [...document.querySelectorAll('.lco-score')].filter(b => b.scrollWidth > b.clientWidth + 1)"
        ".map(b => b.innerText)"
    )
    assert cut == [], f"afgekapte antwoorden op een gsm: {cut}"
    answer_list_items(participant, items[6:], value=3)
    send(participant, "Ik was even offline.")
    participant.reload(timeout=PAGE_TIMEOUT_MS)
    participant.wait_for_selector(".lco-bedankt", timeout=PAGE_TIMEOUT_MS)

    records = store.respondents(opened.session.id)
    assert len(records) == 1
    [record] = records
    assert record.perspective == "deelnemer" and record.finished is not None
    assert len(record.answers) == 18
    assert [record.answers[i] for i in items[:6]] == [5] * 6
    assert record.remark == "Ik was even offline."


def test_remark_with_markup_is_shown_as_text(page: Page, base_url: str, browser: Browser) -> None:
    """Is a remark with <b> and <img onerror> shown literally on the facilitator page, never run?"""
    store = ReflectieStore()
    opened = store.create_session("lco", title="Opmerkingen als tekst")
    remark = '<b>vet</b> <img src=x onerror="window.lcoXss=1">'
    client = join(phone(browser), base_url, opened.session.code, "client")
    answer_client_items(client, 1, value=4)
    answer_client_items(client, len(opened.session.instrument.perspective("client").items) - 1, value=None)
    client.wait_for_selector(".lco-verzenden", timeout=LIVE_MS)
    send(client, remark)

    reopen(page, base_url, opened.secret)
    remarks = page.locator(".lco-opmerkingen")
    expect(remarks).to_contain_text(remark, timeout=LIVE_MS)
    assert page.locator(".lco-opmerkingen b, .lco-opmerkingen img").count() == 0
    assert page.evaluate("() => window.lcoXss") is None


def test_reflectiedag_group_of_two_is_hidden_with_everything_derived(page: Page, base_url: str) -> None:
    """On a reflectiedag, is a group of 2 deelnemers hidden from counts, table, charts, radar and remarks?"""
    store = ReflectieStore()
    opened = store.create_session("reflectiedag", title="Reflectiedag met een kleine groep")
    code = opened.session.code
    instrument = opened.session.instrument
    for perspective, people, score in (("client", 3, 3), ("deelnemer", 2, 1), ("coordinator", 3, 4)):
        answers = {i.id: score for i in instrument.perspective(perspective).items}
        for _ in range(people):
            store.submit(code, perspective, answers, f"opmerking-{perspective}")

    reopen(page, base_url, opened.secret)
    expect(page.locator(".lco-aantal[data-perspectief=deelnemer]")).to_have_text("minder dan 3", timeout=LIVE_MS)
    assert count_of(page, "client") == "3"
    expect(page.locator(".lco-verborgen")).to_contain_text("Deelnemer: minder dan 3 invullers", timeout=LIVE_MS)
    first_row = page.locator(".lco-overzicht tr[data-dimensie=betrokken] td")
    assert first_row.nth(1).inner_text() == "verborgen"
    page.wait_for_selector("img.lco-grafiek", timeout=LIVE_MS)
    alts = chart_alts(page)
    assert alts and not any("Deelnemer" in a for a in alts)
    radar = next(a for a in alts if a.startswith("Radardiagram"))
    assert "Cliënt —" in radar and "Coördinator —" in radar
    remarks = page.inner_text(".lco-opmerkingen")
    assert "opmerking-client" in remarks and "opmerking-deelnemer" not in remarks
    screenshot(page, "reflectie-reflectiedag-verborgen")


def download(page: Page, selector: str) -> bytes:
    """Click a download link and return the file's bytes."""
    with page.expect_download(timeout=LIVE_MS) as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def pdf_text(data: bytes) -> str:
    """Return the text of every page of a PDF."""
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def query_answers(page: Page, base_url: str) -> str:
    """Return what /voila/query answers for this page's kernel within a second and a half (the page's address)."""
    kernel = re.search(r'kernelId"?\s*[:=]\s*"([0-9a-f-]{36})"', page.content())
    assert kernel, "geen kernel-id in de pagina gevonden"
    socket_url = base_url.replace("http", "ws", 1) + f"/voila/query/{kernel.group(1)}"
    return page.evaluate(
        """url => new Promise(done => {
             const got = []; const ws = new WebSocket(url);
             ws.onmessage = m => got.push(String(m.data));
             ws.onerror = () => got.push('fout');
             setTimeout(() => { ws.close(); done(got.join(' ')); }, 1500);
           })""",
        socket_url,
    )


def test_the_secret_never_reaches_the_projected_page_or_its_address(page: Page, base_url: str) -> None:
    """After a reload, is the secret absent from the page, its address and /voila/query, and on the key card?"""
    open_page(page, base_url, FACILITATOR)
    page.click(".lco-nieuwe-sessie")
    page.wait_for_selector(".lco-geheim-waarde", timeout=LIVE_MS)
    secret = page.inner_text(".lco-geheim-waarde").strip()
    assert re.fullmatch(r"([ACDEFHJKMNPRTUVWXY3479]{4}-){3}[ACDEFHJKMNPRTUVWXY3479]{4}", secret)
    assert page.locator(".lco-code-groot").count() == 0  # nothing to project yet
    card = pdf_text(download(page, ".lco-sleutelkaart a"))
    assert secret in card and "traject" in card
    page.click(".lco-sleutel-bewaard")
    page.wait_for_selector(".lco-code-groot", timeout=LIVE_MS)
    code = page.inner_text(".lco-code-groot").strip()
    assert secret not in page.inner_text("body")

    page.reload(timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(".lco-code-groot", timeout=LIVE_MS)  # reopened from the browser tab, without asking
    assert page.inner_text(".lco-code-groot").strip() == code
    expect(page.locator(".lco-geheim-opslag [data-lco-geheim-bewaar]")).to_have_count(0, timeout=LIVE_MS)
    assert secret not in page.inner_text("body") and secret not in page.content()
    assert secret not in page.url and normalise_code(secret) not in page.url
    answered = query_answers(page, base_url)
    assert secret not in answered and normalise_code(secret) not in answered
    screenshot(page, "reflectie-begeleider-na-herladen")


def test_a_paper_form_typed_in_on_the_page_raises_the_count(page: Page, base_url: str) -> None:
    """Does a paper client form clicked in on the results page raise the client count by one?"""
    open_page(page, base_url, FACILITATOR)
    page.click(".lco-nieuwe-sessie")
    page.click(".lco-sleutel-bewaard", timeout=LIVE_MS)
    page.wait_for_selector(".lco-code-groot", timeout=LIVE_MS)
    code = page.inner_text(".lco-code-groot").strip()
    assert count_of(page, "client") == "0"
    page.select_option(".lco-papier-perspectief select", label="Cliënt")
    items = ReflectieStore().session(code).instrument.perspective("client").items
    for item in items[:3]:
        page.locator(f".lco-papier-item-{item.id} button").nth(3).click()
        expect(page.locator(f".lco-papier-item-{item.id} button.mod-active")).to_have_count(1, timeout=LIVE_MS)
    page.fill(".lco-papier-opmerking textarea", "Van papier overgetypt.")
    assert not serious_accessibility_violations(page)  # the form with its answer buttons
    page.click(".lco-papier-opslaan")
    expect(page.locator(".lco-aantal[data-perspectief=client]")).to_have_text("1", timeout=LIVE_MS)
    expect(page.locator(".lco-meldingen")).to_contain_text("Bewaard: één invuller (Cliënt) met 3", timeout=LIVE_MS)
    expect(page.locator(".lco-papier-opslaan")).to_be_hidden(timeout=LIVE_MS)  # emptied: nothing to store twice
    [record] = ReflectieStore().respondents(ReflectieStore().session(code).id)
    assert record.source == "papier" and record.answers == {i.id: 4 for i in items[:3]}


def test_a_small_group_is_minder_dan_3_on_screen_and_in_every_file(page: Page, base_url: str) -> None:
    """With 2 deelnemers on a reflectiedag, do the screen, PDF, CSV and XLSX say 'minder dan 3' and never 2?"""
    from openpyxl import load_workbook

    store = ReflectieStore()
    opened = store.create_session("reflectiedag", title="Kleine groep in elk bestand")
    instrument = opened.session.instrument
    for perspective, people in (("client", 3), ("deelnemer", 2), ("coordinator", 3)):
        for _ in range(people):
            store.submit(opened.session.code, perspective, {i.id: 3 for i in instrument.perspective(perspective).items})
    reopen(page, base_url, opened.secret)
    expect(page.locator(".lco-aantal[data-perspectief=deelnemer]")).to_have_text("minder dan 3", timeout=LIVE_MS)
    files = {}
    for suffix in ("pdf", "csv", "xlsx"):
        page.click(f".lco-maak-{suffix}")
        page.wait_for_selector(f".lco-download-{suffix} a", timeout=LIVE_MS)
        files[suffix] = download(page, f".lco-download-{suffix} a")
    pdf = pdf_text(files["pdf"])
    assert "Deelnemer minder dan 3 invullers (verborgen)" in pdf and "2 invuller" not in pdf
    csv_text = files["csv"].decode("utf-8-sig")
    assert "minder dan 3 invullers" in csv_text and "2 invuller" not in csv_text
    sheet = load_workbook(io.BytesIO(files["xlsx"])).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "minder dan 3 invullers" in cells and "2 invuller" not in cells


def test_a_traject_of_three_shows_the_trend_chart_with_three_dates_using_one_key(page: Page, base_url: str) -> None:
    """Does one key open a traject of three LCOs, with the trend chart naming three dates and its table beside it?"""
    store = ReflectieStore()
    first = store.create_session("lco", title="Eerste LCO")
    for number, score in enumerate((1, 3, 4)):
        opened = first if number == 0 else store.create_session("lco", title=f"Opvolging {number}", key=first.secret)
        instrument = opened.session.instrument
        for perspective, value in (("client", score), ("deelnemer", 4)):
            items = instrument.perspective(perspective).items
            store.submit(opened.session.code, perspective, {i.id: 6 - value if i.omgekeerd else value for i in items})
    reopen(page, base_url, first.secret)
    assert page.inner_text(".lco-code-groot").strip() == opened.session.code
    chart = page.locator(".lco-verloop img.lco-grafiek")
    expect(chart).to_be_visible(timeout=LIVE_MS)
    day = opened.session.aangemaakt_op.strftime("%d/%m/%Y")
    alt = chart.get_attribute("alt") or ""
    assert f"over 3 LCO's: Eerste LCO, {day}; Opvolging 1, {day}; Opvolging 2, {day}." in alt
    headers = page.locator(".lco-verloop-tabel thead th").all_inner_texts()
    assert headers == ["Dimensie", f"Eerste LCO, {day}", f"Opvolging 1, {day}", f"Opvolging 2, {day}", "Verandering"]
    screenshot(page, "reflectie-verloop")
    assert not serious_accessibility_violations(page)


def test_a_kept_answer_page_fills_in_after_the_browser_signals_it_has_drawn_it(base_url: str, browser: Browser) -> None:
    """Does the template press a kept page's ready signal, so the page fills in whole (not while it connects)?

    The server keeps one answer page ready in a kernel; a visit right after another may get a
    kernel started for it (no signal there), so the test waits for the kept one to be back.
    """
    opened = ReflectieStore().create_session("lco", title="Klaarstaande pagina")
    context = phone(browser)
    page = context.new_page()
    for _ in range(12):
        page.goto(f"{base_url}/voila/render/{ANSWER}?code={opened.session.code}", timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(".lco-reflectie-invullen", timeout=PAGE_TIMEOUT_MS)
        if page.locator("button.lco-pagina-gereed").count():
            break
        page.goto("about:blank")  # this visit's kernel goes; the kept one comes back within seconds
        page.wait_for_timeout(5_000)
    else:
        pytest.fail("Geen klaarstaande kernel voor de invulpagina binnen een minuut.")
    expect(page.locator("button.lco-pagina-gereed")).to_have_attribute("data-lco-gemeld", "ja", timeout=LIVE_MS)
    expect(page.locator(".lco-perspectief-keuze")).to_have_count(3, timeout=LIVE_MS)
    expect(page.locator(".lco-wacht-op-adres")).to_have_count(0)
    expect(page.locator("button.lco-pagina-gereed")).to_be_hidden()
    context.close()
