"""One facilitator key per traject: follow-up sessions share it, and nothing else opens results."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from lco_kit.errors import LcoError
from lco_kit.reflectie.database import utc_now
from lco_kit.reflectie.retention import purge_sessions_older_than
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.reflectie.tables import sessions_table, traject_sessions_table, trajects_table

BASELINE = Path(__file__).parents[1] / "data" / "reflectie" / "baseline-b5a8019.sqlite"


def test_follow_ups_share_the_first_sessions_key(store: ReflectieStore) -> None:
    """Does a follow-up opened with the first session's key get that same key, and does the key open both, in order?"""
    first = store.create_session(title="Eerste LCO")
    follow_up = store.create_session(title="Opvolg-LCO", key=first.secret.lower().replace("-", " "))
    assert follow_up.secret == first.secret
    traject = store.traject_for_secret(first.secret)
    assert [s.code for s in traject.sessions] == [first.session.code, follow_up.session.code]
    assert store.session_for_secret(first.secret).code == follow_up.session.code


def test_a_key_that_opens_nothing_starts_no_follow_up(store: ReflectieStore) -> None:
    """Is a follow-up with an unknown key refused in Dutch, without a session being made?"""
    store.create_session()
    with pytest.raises(LcoError, match="Met dit geheim kan geen sessie geopend worden"):
        store.create_session(key="AAAA-AAAA-AAAA-AAAA")
    with store._read() as conn:
        assert conn.execute(select(func.count()).select_from(sessions_table)).scalar_one() == 1


def test_a_casus_label_typed_by_another_facilitator_opens_nothing(store: ReflectieStore) -> None:
    """When B gives a session the same casus label as A's sessions, does B's key open only B's session?"""
    a_first = store.create_session(casus="dossier-7")
    store.create_session(casus="dossier-7", key=a_first.secret)
    b = store.create_session(casus="dossier-7")
    assert [s.code for s in store.traject_for_secret(b.secret).sessions] == [b.session.code]
    assert len(store.traject_for_secret(a_first.secret).sessions) == 2


def test_an_older_session_without_traject_is_opened_by_its_own_secret_and_can_get_follow_ups(
    store: ReflectieStore,
) -> None:
    """Does a session made before trajects existed open alone, and does a follow-up with its secret join it?"""
    old = store.create_session(title="Van voor de trajecten")
    with store._write() as conn:  # make it look like a session of an older store
        conn.execute(delete(traject_sessions_table))
        conn.execute(delete(trajects_table))
    alone = store.traject_for_secret(old.secret)
    assert alone.id is None and [s.code for s in alone.sessions] == [old.session.code]
    follow_up = store.create_session(key=old.secret)
    assert [s.code for s in store.traject_for_secret(old.secret).sessions] == [old.session.code, follow_up.session.code]


def test_an_opaque_traject_id_is_kept(store: ReflectieStore) -> None:
    """Is the traject id another part of the kit notes kept with the traject, for every session of it?"""
    first = store.create_session(traject_id="traject-0a1b")
    assert store.traject_for_secret(first.secret).traject_id == "traject-0a1b"
    store.set_traject_id(first.secret, "traject-9z")
    store.create_session(key=first.secret)
    assert store.traject_for_secret(first.secret).traject_id == "traject-9z"


def test_deleting_every_session_forgets_the_key(store: ReflectieStore) -> None:
    """When the last session of a traject is deleted, does its key open nothing any more (and the rest stays)?"""
    first = store.create_session()
    second = store.create_session(key=first.secret)
    store.delete_session(first.session.id)
    assert [s.code for s in store.traject_for_secret(first.secret).sessions] == [second.session.code]
    store.delete_session(second.session.id)
    with pytest.raises(LcoError):
        store.traject_for_secret(first.secret)
    with store._read() as conn:
        assert conn.execute(select(func.count()).select_from(trajects_table)).scalar_one() == 0


def test_a_recent_follow_up_keeps_its_traject_when_purging(store: ReflectieStore) -> None:
    """Does a quiet first LCO stay while a follow-up with the same key was active, and go with it afterwards?"""
    first = store.create_session()
    store.create_session(key=first.secret)
    with store._write() as conn:
        conn.execute(
            sessions_table.update()
            .where(sessions_table.c.id == first.session.id)
            .values(aangemaakt_op=utc_now() - timedelta(days=400))
        )
    assert purge_sessions_older_than(store, 180) == []
    gone = purge_sessions_older_than(store, 180, now=utc_now() + timedelta(days=200))
    assert len(gone) == 2


def test_a_store_of_the_old_schema_keeps_every_answer(tmp_path: Path) -> None:
    """Does the new code open a store made before trajects (baseline b5a8019) and still read every answer?"""
    copy = tmp_path / "baseline.sqlite"
    shutil.copyfile(BASELINE, copy)
    store = ReflectieStore(f"sqlite:///{copy}")
    lco = store.session("TF3T37")
    records = store.respondents(lco.id)
    assert len(records) == 6 and all(r.finished is not None and r.remark for r in records)
    assert sum(len(r.answers) for r in records) == 106
    assert store.respondents(store.session("DYUCTU").id) == []
    follow_up = store.create_session(title="Nieuw naast het oude")
    assert [s.code for s in store.traject_for_secret(follow_up.secret).sessions] == [follow_up.session.code]
