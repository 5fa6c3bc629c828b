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
    assert page.key != first and "Vraag 1 van 18" in page.body.children[0].value


def test_client_answers_one_item_at_a_time_and_each_is_saved(store: ReflectieStore) -> None:
    """Is each smiley saved at once, the next item shown, and the earlier answer marked when going back?"""
    code = store.create_session().session.code
    page = answer_page(store, code, "client")
    assert "Vraag 1 van 18" in page.body.children[0].value
    buttons(page, "lco-waarde-4")[0].click()
    assert store.respondent(code, page.key).answers == {"c_gehoord": 4}
    assert "Vraag 2 van 18" in page.body.children[0].value
    buttons(page, "lco-weet-niet")[0].click()
    assert store.respondent(code, page.key).answers == {"c_gehoord": 4, "c_luisteren": None}
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
    assert "Vraag 4 van 18" in again.body.children[0].value
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


def test_new_session_shows_code_secret_and_qr(store: ReflectieStore) -> None:
    """Does opening a session show the big code, the secret once, and a QR code with alt text?"""
    page = facilitator(store)
    page.title_input.value = "Opvolging <gezin>"
    page.new_session()
    code = page.session.code
    join_box = page.body.children[0]
    texts = " ".join(getattr(w, "value", "") for w in join_box.children if hasattr(w, "value"))
    assert "Opvolging &lt;gezin&gt;" in texts and page.secret in texts
    qr = join_box.children[-1].children[1]
    assert isinstance(qr, AltImage) and f"code={code}" in qr.tooltip
    assert bytes(qr.value).startswith(b"\x89PNG")
    assert "description" in qr.keys
    assert 'data-perspectief="client">0<' in page.counts_html.value


def test_counts_and_results_follow_the_store(store: ReflectieStore) -> None:
    """After answers come in, does a poll update the counts, the table, the charts and the remarks?"""
    page = facilitator(store)
    page.new_session()
    code = page.session.code
    store.submit(code, "client", {"c_gehoord": 1, "c_luisteren": 1}, "<b>vet</b>")
    store.submit(code, "deelnemer", {"d_ruimte": 5, "d_woog_mee": 5})
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
    page.new_session()
    store.submit(page.session.code, "client", {"c_gehoord": 1, "c_luisteren": 1}, "mijn opmerking")
    page.show_boxes["client"].value = False
    assert store.session(page.session.code).verborgen == frozenset({"client"})
    table = next(w for w in page.results.children if "lco-overzicht" in w._dom_classes).value
    assert "<td>verborgen</td>" in table and "lco-signaal" not in table
    assert "mijn opmerking" not in str([getattr(w, "value", "") for w in page.results.children])


def test_reflectiedag_small_group_count_is_not_shown_exactly(store: ReflectieStore) -> None:
    """On a reflectiedag, is a group of 2 shown as 'minder dan 3' instead of its number?"""
    page = facilitator(store)
    page.kind.value = "reflectiedag"
    page.new_session()
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
    page.new_session()
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
    page.new_session()
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
    page.new_session()
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


def test_follow_up_lcos_of_one_casus_show_a_trend(store: ReflectieStore) -> None:
    """With two sessions under one casus label, does the second show the gap per LCO and the change?"""
    for client_score in (1, 4):
        opened = store.create_session(casus="casus 12")
        store.submit(opened.session.code, "client", {"c_gehoord": client_score, "c_luisteren": client_score})
        store.submit(opened.session.code, "deelnemer", {"d_ruimte": 4, "d_woog_mee": 4})
    page = facilitator(store)
    page.secret_input.value = opened.secret
    page.reopen(opened.secret)
    trend = next(w for w in page.results.children if "lco-verloop" in w._dom_classes).value
    assert "casus 12 (2 sessies)" in trend
    assert "<td>-3,0 → +0,0</td><td>+3,0</td>" in trend


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
    assert "Vraag 2 van 18" in page.body.children[0].value
    assert store.respondent(code, page.key).answers == {"c_gehoord": 3}


def test_bad_respondent_key_in_the_link_is_refused(store: ReflectieStore) -> None:
    """Is a link whose respondent key the kit could not have made refused before anything is shown?"""
    code = store.create_session().session.code
    page = InvulPagina(f"code={code}&p=client&r=%3Cscript%3E", store)
    assert "Deze link is niet (meer) geldig" in page.messages.text
    assert store.counts(store.session(code).id)["client"] == 0


def test_poll_without_news_sends_nothing(store: ReflectieStore) -> None:
    """When nothing changed since the last drawing, does a poll leave the page's widgets untouched?"""
    page = facilitator(store)
    page.new_session()
    before = page.results.children
    assert page.poll_once() is True
    assert page.results.children is before
    store.submit(page.session.code, "client", {"c_hoop": 2})
    page._shown.charts_at = 0.0  # the pause between two chart drawings is over
    page.poll_once()
    assert page.results.children is not before
