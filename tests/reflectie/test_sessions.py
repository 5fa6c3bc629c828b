"""Opening, finding, closing and deleting reflection sessions, and their join tokens, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select, update

from lco_kit.errors import LcoError
from lco_kit.reflectie.codes import CODE_ALPHABET
from lco_kit.reflectie.owners import Owner
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.reflectie.tables import sessions_table

KEY = "browser-sleutel-0001"


def test_new_session_has_easy_code_and_separate_secret(store: ReflectieStore) -> None:
    """Is the join code short and free of look-alike characters, and the secret something else?"""
    opened = store.create_session("reflectiedag", title="Reflectiedag Hasselt")
    code = opened.session.code
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{6}}", code)
    assert not set("0O1IL2Z5S8B6G") & set(code)
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", opened.secret)
    assert opened.secret.replace("-", "") != code
    assert store.session(code.lower()).titel == "Reflectiedag Hasselt"
    assert store.session_for_secret(opened.secret.lower()).code == code


def test_secret_is_not_stored_in_clear(store_url: str) -> None:
    """Is only a hash of the facilitator secret in the database?"""
    store = ReflectieStore(store_url)
    opened = store.create_session()
    from sqlalchemy import text

    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT geheim_hash FROM reflectie_sessies")).scalar_one()
    assert opened.secret.replace("-", "") not in stored
    assert len(stored) == 64


def test_wrong_code_and_secret_are_refused_in_dutch(store: ReflectieStore) -> None:
    """Do an unknown code and a wrong secret get a Dutch message?"""
    store.create_session()
    with pytest.raises(LcoError, match="Er is geen sessie met de code ‘ZZZZZZ’"):
        store.session("ZZZZZZ")
    with pytest.raises(LcoError, match="Met dit geheim kan geen sessie geopend worden"):
        store.session_for_secret("AAAA-AAAA-AAAA-AAAA")


def test_closed_session_takes_no_answers_but_keeps_its_results(store: ReflectieStore) -> None:
    """After closing, are new answers refused while the stored ones stay?"""
    opened = store.create_session()
    code = opened.session.code
    store.record_answer(code, KEY, "client", "c_hoop", 4)
    store.close_session(opened.session.id)
    assert not store.session(code).is_open
    with pytest.raises(LcoError, match=f"De sessie {code} is gesloten"):
        store.record_answer(code, "andere-browser-0002", "client", "c_hoop", 4)
    with pytest.raises(LcoError, match="gesloten"):
        store.submit(code, "client", {"c_hoop": 4})
    assert len(store.respondents(opened.session.id)) == 1


def test_delete_removes_session_respondents_and_answers(store: ReflectieStore) -> None:
    """Does deleting a session remove it with all its answers, and leave other sessions alone?"""
    gone = store.create_session()
    kept = store.create_session()
    store.submit(gone.session.code, "client", {"c_hoop": 4})
    store.submit(kept.session.code, "client", {"c_hoop": 2})
    assert store.delete_session(gone.session.id) == 1
    with pytest.raises(LcoError):
        store.session(gone.session.code)
    from sqlalchemy import text

    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reflectie_antwoorden")).scalar_one() == 1
        assert conn.execute(text("SELECT count(*) FROM reflectie_invullers")).scalar_one() == 1
    assert store.respondents(kept.session.id)[0].answers == {"c_hoop": 2}


def test_sessions_of_one_casus_in_order(store: ReflectieStore) -> None:
    """Are the follow-up LCOs of one casus returned oldest first, and no others?"""
    first = store.create_session(casus="casus 12")
    store.create_session(casus="casus 7")
    second = store.create_session(casus="casus 12")
    assert [s.code for s in store.sessions_for_casus("casus 12")] == [first.session.code, second.session.code]


def test_hidden_perspectives_and_threshold_are_kept(store: ReflectieStore) -> None:
    """Are the facilitator's choices (hidden perspectives, alert threshold) stored?"""
    opened = store.create_session(threshold=1.5)
    store.set_hidden(opened.session.id, {"client"})
    store.set_threshold(opened.session.id, 0.5)
    again = store.session(opened.session.code)
    assert again.shown() == {"client": False, "deelnemer": True, "coordinator": True}
    assert again.drempel == 0.5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "intervisie"}, "geen soort sessie"),
        ({"min_group": 0}, "kleinste groep"),
        ({"threshold": 0}, "drempel"),
        ({"title": "x" * 200}, "te lang"),
    ],
)
def test_bad_session_settings_are_refused(store: ReflectieStore, kwargs: dict, message: str) -> None:
    """Are a wrong kind, group size, threshold and an over-long title refused?"""
    with pytest.raises(LcoError, match=message):
        store.create_session(**kwargs)


def test_session_keeps_its_instrument_when_the_file_changes(
    store: ReflectieStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the facilitator edits the instrument, does an open session still use its own copy?"""
    opened = store.create_session()
    own = tmp_path / "eigen" / "data" / "reflectie"
    own.mkdir(parents=True)
    from lco_kit.content import content_path

    text = content_path("data", "reflectie/instrument.yaml").read_text(encoding="utf-8")
    (own / "instrument.yaml").write_text(text.replace("id: c_hoop", "id: c_hoop_nieuw"), encoding="utf-8")
    monkeypatch.setenv("LCO_KIT_CONTENT_DIR", str(tmp_path / "eigen"))
    store.record_answer(opened.session.code, KEY, "client", "c_hoop", 4)
    newer = store.create_session()
    with pytest.raises(LcoError, match="bestaat niet"):
        store.record_answer(newer.session.code, KEY, "client", "c_hoop", 4)
    store.record_answer(newer.session.code, KEY, "client", "c_hoop_nieuw", 4)


def test_the_threshold_may_reach_the_largest_gap_of_the_scale_and_no_further(store: ReflectieStore) -> None:
    """Is a threshold of 4 (5 minus 1) taken, and 4,5 refused with the message naming 4, when opening and after?"""
    opened = store.create_session(threshold=4)
    assert opened.session.drempel == 4.0
    message = "De drempel voor een signaal moet groter dan 0 en hoogstens 4 zijn, niet 4.5."
    with pytest.raises(LcoError, match=re.escape(message)):
        store.create_session(threshold=4.5)
    with pytest.raises(LcoError, match=re.escape(message)):
        store.set_threshold(opened.session.id, 4.5)


def test_join_token_is_stored_only_as_a_hash_and_fits_one_session(store: ReflectieStore) -> None:
    """Is only the token's hash stored, does the token fit its own session only, and is it the same each time?"""
    first = store.create_session("lco", title="Eerste")
    follow_up = store.create_session("lco", title="Opvolg-LCO", key=first.secret)
    token = store.join_token(first.secret, first.session.code)
    assert store.join_token(first.secret.lower(), first.session.code.lower()) == token
    with store.engine.connect() as conn:
        stored = conn.execute(select(sessions_table.c.deelname_hash)).scalars().all()
    assert token not in stored and all(len(h) == 64 for h in stored)
    assert store.join_token_fits(first.session.code, token)
    assert not store.join_token_fits(follow_up.session.code, token)
    assert store.join_token_fits(follow_up.session.code, store.join_token(first.secret, follow_up.session.code))
    assert not store.join_token_fits(first.session.code, "")
    assert not store.join_token_fits(first.session.code, token[:-1] + ("A" if token[-1] != "A" else "C"))


def test_older_session_gets_its_token_when_its_qr_is_shown(store: ReflectieStore) -> None:
    """Does a session saved before join tokens refuse every token until its key shows the QR code once?"""
    opened = store.create_session("lco")
    with store.engine.begin() as conn:
        conn.execute(update(sessions_table).values(deelname_hash=None))
    code = opened.session.code
    assert not store.join_token_fits(code, "WHATEVER1234")
    token = store.join_token(opened.secret, code)
    assert store.join_token_fits(code, token)


def test_another_owners_key_gets_no_token(store_url: str) -> None:
    """Is a coördinator refused the join token of someone else's session?"""
    an = ReflectieStore(store_url, owner=Owner("an", sees_ownerless=False))
    bert = ReflectieStore(store_url, owner=Owner("bert", sees_ownerless=False))
    opened = an.create_session("lco")
    mine = bert.create_session("lco")
    with pytest.raises(LcoError):
        bert.join_token(opened.secret, opened.session.code)
    with pytest.raises(LcoError, match="deze sessie niet"):
        bert.join_token(mine.secret, opened.session.code)
