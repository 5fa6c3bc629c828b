"""A paper questionnaire typed in on the facilitator page: stored once, checked like the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit.reflectie.store import ReflectieStore
from tests.ui.reflectie_helpers import (
    buttons,
    facilitator,
    open_new,
)


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'ui.sqlite3'}")


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
