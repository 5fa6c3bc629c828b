"""The reflection's answer page, driven in-process: joining, answering, resuming, sending."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from lco_kit.reflectie.store import ReflectieStore
from lco_kit.ui.reflectie_invullen import InvulPagina
from tests.ui.reflectie_helpers import (
    answer_page,
    buttons,
    client_item,
    client_items,
)


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'ui.sqlite3'}")


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
