"""The reflection store, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from lco_kit.errors import LcoError
from lco_kit.reflectie.codes import CODE_ALPHABET, new_respondent_key
from lco_kit.reflectie.store import ReflectieStore

KEY = "browser-sleutel-0001"


def all_items(store: ReflectieStore, code: str, perspective: str) -> dict[str, int | None]:
    """Return a full set of answers (every item 4) for one perspective of a session."""
    return {item.id: 4 for item in store.session(code).instrument.perspective(perspective).items}


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


def test_fingerprint_changes_with_each_answer(store: ReflectieStore) -> None:
    """Does the fingerprint the facilitator page polls change when an answer or remark comes in?"""
    opened = store.create_session()
    first = store.fingerprint(opened.session.id)
    store.record_answer(opened.session.code, KEY, "client", "c_hoop", 4)
    second = store.fingerprint(opened.session.id)
    store.record_remark(opened.session.code, KEY, "client", "Fijn.")
    assert len({first, second, store.fingerprint(opened.session.id)}) == 3


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


def test_malformed_respondent_key_is_refused(store: ReflectieStore) -> None:
    """Is a respondent key that a browser could not have made refused?"""
    code = store.create_session().session.code
    with pytest.raises(LcoError, match="niet \\(meer\\) geldig"):
        store.record_answer(code, "<script>", "client", "c_hoop", 4)
    assert len(new_respondent_key()) >= 16


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    """Is the SQLite file in WAL mode, and does every connection wait when it is busy?"""
    store = ReflectieStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    store.create_session()
    with sqlite3.connect(tmp_path / "r.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 30_000


def test_default_store_is_in_the_data_folder() -> None:
    """Without --db or LCO_KIT_DB, is the store an SQLite file in the kit's data folder?"""
    from lco_kit import config

    store = ReflectieStore()
    assert store.url == config.database_url()
    assert store.url.startswith("sqlite:///") and str(config.data_dir()) in store.url


def test_unreachable_database_is_a_dutch_error() -> None:
    """Does an address that cannot be opened give a Dutch message without the password?"""
    with pytest.raises(LcoError, match=re.escape("De databank ‘postgresql+psycopg://lco:***@127.0.0.1:1/x’ kan niet")):
        ReflectieStore("postgresql+psycopg://lco:geheim@127.0.0.1:1/x")
    with pytest.raises(LcoError, match="geen geldig adres"):
        ReflectieStore("dit is geen adres")
