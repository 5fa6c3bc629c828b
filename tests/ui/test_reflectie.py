"""The reflection pages' widgets, driven in-process: joining, answering, resuming, the live results."""

from __future__ import annotations

import html
import re
import threading
import time
from pathlib import Path

import pytest

from lco_kit.errors import LcoError
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.ui import AltImage
from lco_kit.ui.reflectie import BegeleiderPagina, InvulPagina, Poller


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'ui.sqlite3'}")


def answer_page(store: ReflectieStore, code: str, perspective: str) -> InvulPagina:
    """Open the answer page with the code in the address and press a perspective's button."""
    page = InvulPagina(f"code={code}", store)
    buttons(page, f"lco-perspectief-{perspective}")[0].click()
    return page


def client_items(store: ReflectieStore) -> int:
    """Return how many items the client's questionnaire has (the answer page counts them)."""
    return len(store.create_session().session.instrument.perspective("client").items)


def client_item(store: ReflectieStore, number: int) -> str:
    """Return the id of the client's item at a place in the questionnaire (0 is the first)."""
    return store.create_session().session.instrument.perspective("client").items[number].id


def buttons(page: InvulPagina, css: str) -> list:
    """Return every button with a CSS class in the page's current step."""
    found = []

    def walk(widget: object) -> None:
        if css in getattr(widget, "_dom_classes", ()):
            found.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(page.body)
    return found


def test_without_code_asks_for_the_code(store: ReflectieStore) -> None:
    """Does the page without a code in the address show the field for the code?"""
    page = InvulPagina("", store)
    assert page.code_input.description == "Code"
    assert buttons(page, "lco-code-verder")


def test_unknown_code_is_said_in_dutch(store: ReflectieStore) -> None:
    """Does a typed code that does not exist give a Dutch message (and no crash)?"""
    page = InvulPagina("", store)
    page.code_input.value = "kkkkkk"
    buttons(page, "lco-code-verder")[0].click()
    assert "Er is geen sessie met de code ‘KKKKKK’" in page.messages.text


def test_code_from_the_address_shows_three_perspectives_and_each_choice_gets_a_fresh_key(
    store: ReflectieStore,
) -> None:
    """With ?code= in the address, are there three choices, and does each choice write its own key in the address?"""
    code = store.create_session().session.code
    keys = set()
    for perspective in ("client", "deelnemer", "coordinator"):
        page = InvulPagina(f"code={code.lower()}&token=zaal123", store)
        choices = buttons(page, "lco-perspectief-keuze")
        assert [b.description for b in choices] == ["Cliënt", "Deelnemer", "Coördinator"]
        buttons(page, f"lco-perspectief-{perspective}")[0].click()
        address = html.unescape(page.address.query)
        assert f"code={code}" in address and f"p={perspective}" in address and "token=zaal123" in address
        assert f'data-lco-adres="{html.escape(page.address.query)}"' in page.address.value
        keys.add(re.search(r"r=([\w-]+)", address).group(1))
        assert page.key in keys
    assert len(keys) == 3


def test_the_next_person_on_the_same_device_starts_afresh(store: ReflectieStore) -> None:
    """After sending, does 'nog iemand' show the choice again with the plain code in the address?"""
    code = store.create_session().session.code
    page = answer_page(store, code, "deelnemer")
    first = page.key
    page.send()
    buttons(page, "lco-opnieuw")[0].click()
    assert page.address.query == f"?code={code}"
    buttons(page, "lco-perspectief-client")[0].click()
    assert page.key != first and f"Vraag 1 van {client_items(store)}" in page.body.children[0].value


def test_client_answers_one_item_at_a_time_and_each_is_saved(store: ReflectieStore) -> None:
    """Is each smiley saved at once, the next item shown, and the earlier answer marked when going back?"""
    code = store.create_session().session.code
    page = answer_page(store, code, "client")
    assert f"Vraag 1 van {client_items(store)}" in page.body.children[0].value
    buttons(page, "lco-waarde-4")[0].click()
    assert store.respondent(code, page.key).answers == {client_item(store, 0): 4}
    assert f"Vraag 2 van {client_items(store)}" in page.body.children[0].value
    buttons(page, "lco-weet-niet")[0].click()
    assert store.respondent(code, page.key).answers == {client_item(store, 0): 4, client_item(store, 1): None}
    buttons(page, "lco-vorige")[0].click()
    chosen = buttons(page, "lco-gekozen")
    assert [b.description for b in chosen] == ["✓ Weet ik niet"]


def test_reload_goes_on_where_the_respondent_was(store: ReflectieStore) -> None:
    """After three answers, does opening the same address again start at item 4, as the same respondent?"""
    code = store.create_session().session.code
    page = answer_page(store, code, "client")
    for _ in range(3):
        buttons(page, "lco-waarde-5")[0].click()
    again = InvulPagina(f"code={code}&p=client&r={page.key}", store)
    assert f"Vraag 4 van {client_items(store)}" in again.body.children[0].value
    assert store.counts(store.session(code).id)["client"] == 1


def test_send_twice_counts_once_and_a_reload_shows_thanks(store: ReflectieStore) -> None:
    """Does sending save the remark, thank the respondent, and count once even when done again?"""
    opened = store.create_session()
    code = opened.session.code
    page = answer_page(store, code, "client")
    page.index = 18
    page.show_item()
    page.remark_input.value = "Fijn dat ik mocht meepraten."
    buttons(page, "lco-verzenden")[0].click()
    assert "Bedankt!" in page.body.children[0].value
    page.send()
    again = InvulPagina(f"code={code}&p=client&r={page.key}", store)
    assert "lco-bedankt" in again.body.children[0]._dom_classes
    [record] = store.respondents(opened.session.id)
    assert record.remark == "Fijn dat ik mocht meepraten." and record.finished is not None


def test_participant_list_saves_each_click_and_counts(store: ReflectieStore) -> None:
    """In the list version, is each click saved, marked as chosen and counted?"""
    code = store.create_session().session.code
    page = answer_page(store, code, "deelnemer")
    row = next(b for b in buttons(page, "lco-waarde-2") if b in page.body.children[2].children[1].children)
    row.click()
    assert store.respondent(code, page.key).answers == {"d_ruimte": 2}
    assert row.description == "✓ Oneens" and "lco-gekozen" in row._dom_classes
    assert "1 van de 18 vragen beantwoord." in page.counter.value


def test_closed_session_says_so(store: ReflectieStore) -> None:
    """Does a closed session's address tell the participant it is closed?"""
    opened = store.create_session()
    store.close_session(opened.session.id)
    page = InvulPagina(f"code={opened.session.code}", store)
    assert "Deze sessie is gesloten" in page.body.children[0].value


def test_tampered_link_is_refused(store: ReflectieStore) -> None:
    """Is a link with an unknown perspective refused with a Dutch message?"""
    code = store.create_session().session.code
    page = InvulPagina(f"code={code}&p=baas&r=abcdefghijklmnop", store)
    assert "Deze link is niet (meer) geldig" in page.messages.text


def facilitator(store: ReflectieStore) -> BegeleiderPagina:
    """Return the facilitator page without its background thread (tests call poll_once)."""
    return BegeleiderPagina(store, start_polling=False)


def open_new(page: BegeleiderPagina) -> str:
    """Open a new session on the page, pass the secret's step as the facilitator does, and return the secret."""
    page.new_session()
    secret = page._key
    page.keeper.field.value = secret  # what the browser does once it kept the secret
    buttons(page, "lco-sleutel-bewaard")[0].click()
    return secret


def all_values(widget: object) -> str:
    """Return every text a widget tree holds (values, descriptions, tooltips), as one string."""
    found = []
    for name in ("value", "description", "tooltip", "placeholder"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            found.append(value)
    for child in getattr(widget, "children", ()):
        found.append(all_values(child))
    return " ".join(found)


def test_new_session_shows_code_and_qr_but_not_the_secret(store: ReflectieStore) -> None:
    """After the secret's step, does the session show the big code and a QR code with alt text, and no secret?"""
    page = facilitator(store)
    page.title_input.value = "Opvolging <gezin>"
    secret = open_new(page)
    code = page.session.code
    join_box = page.body.children[0]
    texts = " ".join(getattr(w, "value", "") for w in join_box.children if hasattr(w, "value"))
    assert "Opvolging &lt;gezin&gt;" in texts and secret not in all_values(page)
    qr = join_box.children[-1].children[1]
    assert isinstance(qr, AltImage) and f"code={code}" in qr.tooltip
    assert bytes(qr.value).startswith(b"\x89PNG")
    assert "description" in qr.keys
    assert 'data-perspectief="client">0<' in page.counts_html.value


def test_counts_and_results_follow_the_store(store: ReflectieStore) -> None:
    """After answers come in, does a poll update the counts, the table, the charts and the remarks?"""
    page = facilitator(store)
    open_new(page)
    code = page.session.code
    store.submit(code, "client", every_item(store, code, "client", 1), "<b>vet</b>")
    store.submit(code, "deelnemer", every_item(store, code, "deelnemer", 5))
    assert page.poll_once() is True
    page.refresh(force_charts=True)
    assert 'data-perspectief="client">1<' in page.counts_html.value
    results = page.results.children
    table = next(w for w in results if "lco-overzicht" in w._dom_classes).value
    assert 'class="lco-signaal" data-dimensie="betrokken"' in table
    charts = next(w for w in results if "lco-grafieken" in w._dom_classes).children
    assert any("Verschil" in c.tooltip and "-4" in c.tooltip for c in charts)
    remarks = next(w for w in results if "lco-opmerkingen" in w._dom_classes).value
    assert "&lt;b&gt;vet&lt;/b&gt;" in remarks and "<b>vet" not in remarks


def test_hiding_the_client_hides_its_numbers(store: ReflectieStore) -> None:
    """In an LCO session, does unticking 'Toon Cliënt' remove the client's column, the gap and its remark?"""
    page = facilitator(store)
    open_new(page)
    store.submit(page.session.code, "client", every_item(store, page.session.code, "client", 1), "mijn opmerking")
    page.show_boxes["client"].value = False
    assert store.session(page.session.code).verborgen == frozenset({"client"})
    table = next(w for w in page.results.children if "lco-overzicht" in w._dom_classes).value
    assert "<td>verborgen</td>" in table and "lco-signaal" not in table
    assert "mijn opmerking" not in str([getattr(w, "value", "") for w in page.results.children])


def test_reflectiedag_small_group_count_is_not_shown_exactly(store: ReflectieStore) -> None:
    """On a reflectiedag, is a group of 2 shown as 'minder dan 3' instead of its number?"""
    page = facilitator(store)
    page.kind.value = "reflectiedag"
    open_new(page)
    for _ in range(2):
        store.submit(page.session.code, "deelnemer", {"d_ruimte": 2})
    page.poll_once()
    assert 'data-perspectief="deelnemer">minder dan 3<' in page.counts_html.value


def test_reopen_with_the_secret_and_a_wrong_one(store: ReflectieStore) -> None:
    """Does the secret reopen the session (without showing the secret again), and a wrong one give a message?"""
    opened = store.create_session(title="Later verder")
    page = facilitator(store)
    page.secret_input.value = "AAAA-AAAA-AAAA-AAAA"
    buttons(page, "lco-heropen")[0].click()
    assert "Met dit geheim kan geen sessie geopend worden" in page.messages.text
    page.secret_input.value = opened.secret
    buttons(page, "lco-heropen")[0].click()
    assert page.session.code == opened.session.code
    assert opened.secret not in str([getattr(w, "value", "") for w in page.body.children[0].children])


def test_exports_are_offered_for_download(store: ReflectieStore) -> None:
    """Do the three export buttons offer a PDF, a CSV and an XLSX?"""
    page = facilitator(store)
    open_new(page)
    store.submit(page.session.code, "coordinator", {"k_toon": 4}, "=1+1")
    for suffix in (".pdf", ".csv", ".xlsx", ".csv"):
        page.make_export(suffix)
    data = {link.filename.rsplit(".", 1)[1]: link.data for link in page.downloads.children}
    assert sorted(data) == ["csv", "pdf", "xlsx"]
    assert data["pdf"].startswith(b"%PDF-") and data["xlsx"].startswith(b"PK")
    assert "'=1+1" in data["csv"].decode("utf-8-sig")


def test_close_stops_following_and_delete_removes_everything(store: ReflectieStore) -> None:
    """Does closing end the polling, and deleting remove the session and go back to the start?"""
    page = facilitator(store)
    open_new(page)
    code = page.session.code
    store.submit(code, "client", {"c_hoop": 3})
    page.close_session()
    assert not store.session(code).is_open
    assert page.poll_once() is False
    page.delete_session()
    with pytest.raises(LcoError):
        store.session(code)
    assert page.session is None and "lco-nieuwe-sessie" in str([w._dom_classes for w in page.body.children])
    assert "1 invuller(s)" in page.messages.text


def test_session_deleted_elsewhere_stops_polling(store: ReflectieStore) -> None:
    """When the session is deleted from elsewhere, does the next poll say so and stop?"""
    page = facilitator(store)
    open_new(page)
    store.delete_session(page.session.id)
    assert page.poll_once() is False
    assert "bestaat niet meer" in page.status_html.value


def test_poller_reports_errors_and_stops_after_repeated_failures() -> None:
    """Does a failing tick become a Dutch message (never silent), and do five in a row stop the poller?"""
    messages: list[tuple[str, bool]] = []
    done = threading.Event()

    def tick() -> bool:
        raise RuntimeError("kapot")

    def on_error(message: str, stopped: bool) -> None:
        messages.append((message, stopped))
        if stopped:
            done.set()

    poller = Poller(tick, on_error, seconds=0.01)
    poller.start()
    assert done.wait(5)
    time.sleep(0.05)
    assert not poller.running
    assert len(messages) == 5
    assert messages[0][0].startswith("De resultaten konden niet bijgewerkt worden.")
    assert messages[-1][1] is True and "kapot" not in messages[0][0]


def test_poller_stops_when_tick_says_so() -> None:
    """Does the poller stop by itself when the session is closed (tick returns False)?"""
    calls: list[int] = []

    def tick() -> bool:
        calls.append(1)
        return len(calls) < 3

    poller = Poller(tick, lambda *_: None, seconds=0.01)
    poller.start()
    deadline = time.monotonic() + 5
    while poller.running and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not poller.running and len(calls) == 3


def test_paper_forms_are_offered(store: ReflectieStore) -> None:
    """Does the facilitator page offer the paper questionnaire of each perspective as a PDF?"""
    page = facilitator(store)
    page.make_paper()
    names = [link.filename for link in page.paper_box.children]
    assert names == ["vragenlijst-client.pdf", "vragenlijst-deelnemer.pdf", "vragenlijst-coordinator.pdf"]
    assert all(link.data.startswith(b"%PDF-") for link in page.paper_box.children)


def test_double_tap_does_not_skip_an_item(store: ReflectieStore) -> None:
    """When the same smiley is pressed twice before the next item shows, is the next item still asked?"""
    code = store.create_session().session.code
    page = answer_page(store, code, "client")
    smiley = buttons(page, "lco-waarde-3")[0]
    smiley.click()
    smiley.click()
    assert f"Vraag 2 van {client_items(store)}" in page.body.children[0].value
    assert store.respondent(code, page.key).answers == {client_item(store, 0): 3}


def test_bad_respondent_key_in_the_link_is_refused(store: ReflectieStore) -> None:
    """Is a link whose respondent key the kit could not have made refused before anything is shown?"""
    code = store.create_session().session.code
    page = InvulPagina(f"code={code}&p=client&r=%3Cscript%3E", store)
    assert "Deze link is niet (meer) geldig" in page.messages.text
    assert store.counts(store.session(code).id)["client"] == 0


def test_poll_without_news_sends_nothing(store: ReflectieStore) -> None:
    """When nothing changed since the last drawing, does a poll leave the page's widgets untouched?"""
    page = facilitator(store)
    open_new(page)
    before = page.results.children
    assert page.poll_once() is True
    assert page.results.children is before
    store.submit(page.session.code, "client", {"c_hoop": 2})
    page._shown.charts_at = 0.0  # the pause between two chart drawings is over
    page.poll_once()
    assert page.results.children is not before


def every_item(store: ReflectieStore, code: str, perspective: str, score: int) -> dict[str, int]:
    """Return answers giving ``score`` on every dimension (reverse items mirrored) for one perspective."""
    items = store.session(code).instrument.perspective(perspective).items
    return {i.id: 6 - score if i.omgekeerd else score for i in items}


def test_the_secret_is_shown_once_with_a_key_card_before_the_code(store: ReflectieStore) -> None:
    """Does a new session first show the secret and a key card PDF holding it, and only then the code, without it?"""
    import io

    from pypdf import PdfReader

    page = facilitator(store)
    page.new_session()
    secret = page._key
    assert "lco-code-groot" not in all_values(page.body) and secret in all_values(page.body)
    card = buttons(page, "lco-sleutelkaart")[0]
    card_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(card.data)).pages)
    assert secret in card_text and "traject" in card_text
    assert f'data-lco-geheim-bewaar="{secret}"' in page.keeper.mark.value
    page.keeper.field.value = secret  # the browser's echo once it kept the secret
    assert page.keeper.mark.value == "" and page.keeper.field.value == ""
    buttons(page, "lco-sleutel-bewaard")[0].click()
    assert "lco-code-groot" in all_values(page.body) and secret not in all_values(page)


def test_a_reload_reopens_with_the_secret_the_browser_kept(store: ReflectieStore) -> None:
    """When the browser hands the kept secret to a fresh page, does it reopen the session without showing it?"""
    first = facilitator(store)
    secret = open_new(first)
    again = facilitator(store)
    again.keeper.field.value = secret
    assert again.session is not None and again.session.code == first.session.code
    assert secret not in all_values(again)
    gone = facilitator(store)
    store.delete_session(first.session.id)
    gone.keeper.field.value = secret
    assert gone.session is None and "data-lco-geheim-vergeet" in gone.keeper.mark.value


def test_leaving_forgets_the_secret_in_the_browser(store: ReflectieStore) -> None:
    """Does 'Deze sessie verlaten' go back to the start and ask the browser to forget the secret?"""
    page = facilitator(store)
    open_new(page)
    buttons(page, "lco-verlaten")[0].click()
    assert page.session is None and "data-lco-geheim-vergeet" in page.keeper.mark.value
    assert "lco-nieuwe-sessie" in str([w._dom_classes for w in page.body.children])


def test_three_lcos_under_one_key_show_the_trend_chart_with_three_dates(store: ReflectieStore) -> None:
    """Do two follow-ups opened with the page's key share it, and does the third show the trend of all three?"""
    page = facilitator(store)
    page.title_input.value = "Eerste LCO"
    secret = open_new(page)
    for number, client_score in enumerate((1, 3, 4)):
        if number:
            page.follow_up_title.value = f"Opvolging {number}"
            buttons(page, "lco-opvolging")[0].click()
        code = page.session.code
        store.submit(code, "client", every_item(store, code, "client", client_score))
        store.submit(code, "deelnemer", every_item(store, code, "deelnemer", 4))
    assert page._key == secret and len(store.traject_for_secret(secret).sessions) == 3
    page.refresh(force_charts=True)
    trend = next(w for w in page.results.children if "lco-verloop" in w._dom_classes)
    chart = next(w for w in trend.children if isinstance(w, AltImage))
    day = page.session.aangemaakt_op.strftime("%d/%m/%Y")
    assert f"Eerste LCO, {day}; Opvolging 1, {day}; Opvolging 2, {day}" in chart.tooltip
    table = trend.children[-1].value
    assert "<td>-3,0</td><td>-1,0</td><td>+0,0</td><td>+3,0</td>" in table
    page.make_export(".pdf")
    assert page.downloads.children[-1].data.startswith(b"%PDF-")


def test_another_facilitators_casus_label_shows_nothing_of_theirs(store: ReflectieStore) -> None:
    """When B's session carries A's casus label, do B's page, trend and PDF show nothing of A's sessions?"""
    import io

    from pypdf import PdfReader

    a_first = store.create_session(casus="dossier-7", title="A eerste")
    store.create_session(casus="dossier-7", title="A opvolging", key=a_first.secret)
    store.submit(a_first.session.code, "client", {"c_hoop": 1}, "geheim van A")
    b = store.create_session(casus="dossier-7", title="B")
    page = facilitator(store)
    page.reopen(b.secret)
    assert page.session.code == b.session.code
    assert not any("lco-verloop" in w._dom_classes for w in page.results.children)
    page.make_export(".pdf")
    pdf = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.downloads.children[-1].data)).pages)
    assert "Verloop" not in pdf and "geheim van A" not in pdf and "A eerste" not in pdf


def test_a_paper_form_typed_in_on_the_page_is_stored_once(store: ReflectieStore) -> None:
    """Does a paper client form clicked in on the page count one more (source papier), and a second click nothing?"""
    page = facilitator(store)
    open_new(page)
    entry = page.paper_entry
    entry.perspective.value = "client"
    items = page.session.instrument.perspective("client").items
    assert len(entry.choices) == len(items)
    entry.choices[items[0].id].value = "4"
    entry.choices[items[1].id].value = "?"
    entry.remark.value = "Op papier: <goed>"
    buttons(page, "lco-papier-opslaan")[0].click()
    [record] = store.respondents(page.session.id)
    assert record.source == "papier" and record.perspective == "client" and record.finished is not None
    assert record.answers == {items[0].id: 4, items[1].id: None} and record.remark == "Op papier: <goed>"
    assert "Bewaard: één invuller (Cliënt) met 2 antwoord(en)" in page.messages.text
    assert 'data-perspectief="client">1<' in page.counts_html.value
    buttons(page, "lco-papier-opslaan")[0].click()
    assert len(store.respondents(page.session.id)) == 1
    assert "Kies eerst wie de vragenlijst invulde" in page.messages.text


def test_a_paper_form_for_a_professional_is_checked_like_the_command_line(store: ReflectieStore) -> None:
    """Is an empty paper form refused with the store's own message, storing nothing?"""
    page = facilitator(store)
    open_new(page)
    page.paper_entry.perspective.value = "deelnemer"
    buttons(page, "lco-papier-opslaan")[0].click()
    assert "Er staan geen antwoorden in" in page.messages.text
    assert store.respondents(page.session.id) == []
