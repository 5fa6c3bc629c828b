"""Owners on one shared store: each coördinator sees only their own sessions; the province only figures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from lco_kit.errors import LcoError
from lco_kit.reflectie.database import utc_now
from lco_kit.reflectie.owners import Owner, current_owner
from lco_kit.reflectie.provincie import province_overview
from lco_kit.reflectie.retention import purge_sessions_older_than
from lco_kit.reflectie.store import ReflectieStore

AN = Owner("an", sees_ownerless=False)
BERT = Owner("bert", sees_ownerless=False)


def _answer_all(store: ReflectieStore, code: str, perspective: str, people: int) -> None:
    items = store.session(code).instrument.perspective(perspective).items
    for n in range(people):
        store.submit(code, perspective, {item.id: 4 for item in items}, key=f"{perspective}-invuller-{n:04d}")


def test_hub_user_is_the_owner_and_ownerless_sessions_are_nobodys() -> None:
    """Is the hub user the owner on a hub, and do sessions from before owners belong to nobody there?"""
    hub = current_owner({"JUPYTERHUB_USER": "an", "LCO_KIT_EIGENAAR": "iemand"})
    assert hub == Owner("an", "coordinator", sees_ownerless=False)
    alone = current_owner({"LCO_KIT_EIGENAAR": "ocmw-genk"})
    assert alone.name == "ocmw-genk"
    assert alone.sees_ownerless


def test_unknown_role_is_refused_in_dutch() -> None:
    """Is a misspelt role refused with the choices, rather than quietly treated as a coördinator?"""
    with pytest.raises(LcoError, match="kies coordinator of provincie"):
        current_owner({"LCO_KIT_ROL": "admin"})
    assert current_owner({"LCO_KIT_ROL": "Coördinator"}).role == "coordinator"


def test_two_owners_with_one_casus_label_see_only_their_own(store_url: str) -> None:
    """Do two coördinatoren who both use 'casus1' each find, open and export only their own session?"""
    an = ReflectieStore(store_url, owner=AN)
    bert = ReflectieStore(store_url, owner=BERT)
    an_session = an.create_session("lco", title="Overleg An", casus="casus1")
    bert_session = bert.create_session("lco", title="Overleg Bert", casus="casus1")
    _answer_all(an, an_session.session.code, "deelnemer", 3)
    assert [s.titel for s in an.sessions_for_casus("casus1")] == ["Overleg An"]
    assert [s.titel for s in bert.sessions_for_casus("casus1")] == ["Overleg Bert"]
    assert len(an.respondents(an_session.session.id)) == 3
    with pytest.raises(LcoError, match="niet van jou"):
        bert.respondents(an_session.session.id)
    with pytest.raises(LcoError, match="geen sessie geopend"):
        bert.traject_for_secret(an_session.secret)
    with pytest.raises(LcoError, match="geen sessie geopend"):
        bert.create_session("lco", key=an_session.secret)
    assert bert.traject_for_secret(bert_session.secret).latest.titel == "Overleg Bert"
    follow_up = an.create_session("lco", title="Opvolg-LCO An", key=an_session.secret)
    assert [s.titel for s in an.traject_for_secret(follow_up.secret).sessions] == ["Overleg An", "Opvolg-LCO An"]


def test_retention_only_removes_the_owners_own_sessions(store_url: str) -> None:
    """Does a coördinator's kit, cleaning up at start, leave another coördinator's old sessions alone?"""
    an = ReflectieStore(store_url, owner=AN)
    bert = ReflectieStore(store_url, owner=BERT)
    an.create_session("lco", title="An")
    bert.create_session("lco", title="Bert")
    later = utc_now() + timedelta(days=400)
    assert [s.titel for s in purge_sessions_older_than(an, 180, now=later)] == ["An"]
    assert [s.titel for s in purge_sessions_older_than(bert, 180, now=later)] == ["Bert"]


def test_laptop_kit_still_opens_sessions_from_before_owners(store_url: str) -> None:
    """Does the kit on one laptop still open a session that was saved before owners existed?"""
    old = ReflectieStore(store_url, owner=Owner(None))
    opened = old.create_session("lco", title="Van vroeger")
    laptop = ReflectieStore(store_url, owner=Owner("an"))
    assert laptop.traject_for_secret(opened.secret).latest.titel == "Van vroeger"
    hub = ReflectieStore(store_url, owner=AN)
    with pytest.raises(LcoError, match="geen sessie geopend"):
        hub.traject_for_secret(opened.secret)


def test_province_sees_figures_across_owners_with_small_groups_hidden(store_url: str) -> None:
    """Does the province see counts over every coördinator, with any number below three hidden, and no session?"""
    owners = [Owner(name, sees_ownerless=False) for name in ("an", "bert", "chris")]
    for owner in owners:
        store = ReflectieStore(store_url, owner=owner)
        opened = store.create_session("lco", title=f"Overleg {owner.name}")
        _answer_all(store, opened.session.code, "deelnemer", 2)
        _answer_all(store, opened.session.code, "client", 1 if owner.name == "an" else 0)
    lonely = ReflectieStore(store_url, owner=owners[0]).create_session("reflectiedag", title="Dag")
    province = ReflectieStore(store_url, owner=Owner("provincie-limburg", role="provincie"))
    rows = {row.soort: row for row in province_overview(province)}
    assert rows["lco"].sessies == 3
    assert rows["lco"].coordinatoren == 3
    assert rows["lco"].invullers == {"client": None, "deelnemer": 6, "coordinator": None}
    assert rows["reflectiedag"].sessies is None
    assert rows["reflectiedag"].coordinatoren is None
    with pytest.raises(LcoError, match="niet van jou"):
        province.respondents(lonely.session.id)
    with pytest.raises(LcoError, match="rol provincie"):
        province.create_session("lco")
    with pytest.raises(LcoError, match="Alleen met de rol provincie"):
        province_overview(ReflectieStore(store_url, owner=owners[1]))
