"""The join token of a session (for the public participant service): derived from the key, stored hashed."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from lco_kit.errors import LcoError
from lco_kit.reflectie.owners import Owner
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.reflectie.tables import sessions_table


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
