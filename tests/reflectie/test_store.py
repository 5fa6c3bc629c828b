"""Answers into the reflection store and results out of it, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import re

import pytest

from lco_kit.errors import LcoError
from lco_kit.reflectie.codes import new_respondent_key
from lco_kit.reflectie.store import ReflectieStore

KEY = "browser-sleutel-0001"


def all_items(store: ReflectieStore, code: str, perspective: str) -> dict[str, int | None]:
    """Return a full set of answers (every item 4) for one perspective of a session."""
    return {item.id: 4 for item in store.session(code).instrument.perspective(perspective).items}


def test_answers_are_saved_one_by_one_and_replaced(store: ReflectieStore) -> None:
    """Is each answer saved as it is given, and a changed answer replaced rather than added?"""
    code = store.create_session().session.code
    store.record_answer(code, KEY, "client", "c_hoop", 2)
    store.record_answer(code, KEY, "client", "c_gehoord", None)
    assert store.respondent(code, KEY).answers == {"c_hoop": 2, "c_gehoord": None}
    store.record_answer(code, KEY, "client", "c_hoop", 5)
    record = store.respondent(code, KEY)
    assert record.answers == {"c_hoop": 5, "c_gehoord": None}
    assert record.finished is None


def test_respondent_counts_once_however_often_they_send(store: ReflectieStore) -> None:
    """Does pressing send three times (and answering again) still count one respondent?"""
    opened = store.create_session()
    code = opened.session.code
    for _ in range(3):
        store.record_answer(code, KEY, "deelnemer", "d_ruimte", 4)
        store.record_remark(code, KEY, "deelnemer", "Goed overleg.")
        store.finish(code, KEY, "deelnemer")
    assert store.counts(opened.session.id) == {"client": 0, "deelnemer": 1, "coordinator": 0}
    [record] = store.respondents(opened.session.id)
    assert record.remark == "Goed overleg." and record.finished is not None


def test_first_perspective_of_a_respondent_sticks(store: ReflectieStore) -> None:
    """Can a respondent who started as deelnemer not slip client items in later?"""
    code = store.create_session().session.code
    store.record_answer(code, KEY, "deelnemer", "d_ruimte", 4)
    with pytest.raises(LcoError, match="hoort bij het perspectief Cliënt, niet bij Deelnemer"):
        store.record_answer(code, KEY, "client", "c_hoop", 4)


def test_every_answer_carries_the_instrument_version(store: ReflectieStore) -> None:
    """Is the instrument version stored with every answer?"""
    opened = store.create_session()
    store.record_answer(opened.session.code, KEY, "client", "c_hoop", 3)
    from sqlalchemy import text

    with store.engine.connect() as conn:
        versions = conn.execute(text("SELECT instrument_versie FROM reflectie_antwoorden")).scalars().all()
    assert versions == [opened.session.instrument_versie]
    assert opened.session.instrument_versie.startswith("2026.2 (")


def test_paper_answers_are_all_or_nothing(store: ReflectieStore) -> None:
    """Does one bad score in a paper submission store nothing at all?"""
    opened = store.create_session()
    code = opened.session.code
    answers: dict[str, object] = dict(all_items(store, code, "coordinator"))
    answers["k_toon"] = 7
    with pytest.raises(LcoError, match="Er is niets opgeslagen"):
        store.submit(code, "coordinator", answers, "opmerking")
    assert store.respondents(opened.session.id) == []
    answers["k_toon"] = None
    store.submit(code, "coordinator", answers, "opmerking")
    [record] = store.respondents(opened.session.id)
    assert record.source == "papier" and record.answers["k_toon"] is None and len(record.answers) == 17


@pytest.mark.parametrize(
    ("item", "value", "message"),
    [
        ("c_bestaat_niet", 3, "De vraag ‘c_bestaat_niet’ bestaat niet"),
        ("d_ruimte", 3, "hoort bij het perspectief Deelnemer, niet bij Cliënt"),
        ("c_hoop", 0, "gevonden: 0"),
        ("c_hoop", True, "gevonden: true"),
        ("c_hoop", "4", 'gevonden: "4"'),
        ("c_hoop", 2.5, "gevonden: 2.5"),
    ],
)
def test_bad_answers_are_refused(store: ReflectieStore, item: str, value: object, message: str) -> None:
    """Are unknown items, items of another perspective and scores outside 1–5 refused in Dutch?"""
    opened = store.create_session()
    with pytest.raises(LcoError, match=re.escape(message)):
        store.record_answer(opened.session.code, KEY, "client", item, value)
    assert store.counts(opened.session.id)["client"] == 0


def test_fingerprint_changes_with_each_answer(store: ReflectieStore) -> None:
    """Does the fingerprint the facilitator page polls change when an answer or remark comes in?"""
    opened = store.create_session()
    first = store.fingerprint(opened.session.id)
    store.record_answer(opened.session.code, KEY, "client", "c_hoop", 4)
    second = store.fingerprint(opened.session.id)
    store.record_remark(opened.session.code, KEY, "client", "Fijn.")
    assert len({first, second, store.fingerprint(opened.session.id)}) == 3


def test_malformed_respondent_key_is_refused(store: ReflectieStore) -> None:
    """Is a respondent key that a browser could not have made refused?"""
    code = store.create_session().session.code
    with pytest.raises(LcoError, match="niet \\(meer\\) geldig"):
        store.record_answer(code, "<script>", "client", "c_hoop", 4)
    assert len(new_respondent_key()) >= 16
