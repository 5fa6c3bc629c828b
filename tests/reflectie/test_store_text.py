"""Text the store cannot keep is refused in Dutch, the same on SQLite and PostgreSQL; nothing is echoed unbounded."""

from __future__ import annotations

import pytest

from lco_kit.errors import LcoError
from lco_kit.reflectie.codes import new_respondent_key
from lco_kit.reflectie.store import ReflectieStore


@pytest.mark.parametrize(
    ("remark", "says"),
    [("a\u0000b", r"plaats 2 een leeg teken \(NUL\)"), ("ok \ud800", "plaats 4 een half teken")],
)
def test_a_remark_the_database_cannot_keep_is_refused_in_dutch(store: ReflectieStore, remark: str, says: str) -> None:
    """Is a remark with a NUL or a lone surrogate refused with where it is, and is the rest of the answer kept?"""
    code = store.create_session("lco", title="Tekens").session.code
    key = new_respondent_key()
    store.record_answer(code, key, "client", store.session(code).instrument.perspective("client").items[0].id, 4)
    with pytest.raises(LcoError, match=says):
        store.record_remark(code, key, "client", remark)
    with pytest.raises(LcoError, match=says):
        store.submit(code, "deelnemer", {"d_ruimte": 3}, remark)
    record = store.respondent(code, key)
    assert record is not None and len(record.answers) == 1 and record.remark == ""
    store.record_remark(code, key, "client", "a b")  # the person removes it: stored
    assert store.respondent(code, key).remark == "a b"  # type: ignore[union-attr]


def test_a_title_with_a_nul_is_refused(store: ReflectieStore) -> None:
    """Is a session title or casus label with a NUL refused in Dutch, on both databases?"""
    with pytest.raises(LcoError, match="De titel bevat op plaats 3"):
        store.create_session("lco", title="ab\u0000")
    with pytest.raises(LcoError, match="De casus bevat"):
        store.create_session("lco", title="ok", casus="\ud800x")


def test_an_unknown_code_is_not_echoed_back_in_full(store: ReflectieStore) -> None:
    """Is a 100 000-character code answered with a short excerpt, not the whole text?"""
    with pytest.raises(LcoError) as refused:
        store.session("K" * 100_000)
    assert len(str(refused.value)) < 200 and "KKKKKKKKKKKK…" in str(refused.value)


def test_an_unreachable_database_is_explained_in_plain_dutch() -> None:
    """Is a PostgreSQL that is down reported in Dutch only, without the driver's English detail?"""
    with pytest.raises(LcoError) as refused:
        ReflectieStore("postgresql+psycopg://kit:geheim@127.0.0.1:1/lco").session("ABCDEF")
    message = str(refused.value)
    assert "kan niet geopend worden" in message and "geheim" not in message
    assert "connection" not in message.lower() and "refused" not in message.lower()
