from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from lco_kit.casus import casus_to_yaml, list_casussen, simulate_casus
from lco_kit.errors import ContentError, LcoError
from lco_kit.registratie import registratie_rij, validate_row
from lco_kit.stappenplan import lco_gegevens, verslag_markdown
from lco_kit.traject import (
    MAX_TRAJECT_BYTES,
    TafelOpstelling,
    Traject,
    TrajectStore,
    follow_up_traject,
    is_traject_id,
    load_traject_file,
    new_traject,
    new_traject_id,
    traject_filename,
    traject_to_yaml,
)
from tests.rollenspel.conftest import make_casus
from tests.stappenplan.conftest import DAY, TODAY, complete


def seated() -> Traject:
    """Return a traject on the role-play's test casus, set up at a table: the client chose the CAW, the OCMW watches."""
    traject = new_traject(make_casus(), "bibliotheek")
    setup = TafelOpstelling(
        spilfiguur="caw",
        gekozen_door="client",
        rollen=("coordinator", "client", "hulpverlener-caw", "hulpverlener-clb", "waarnemer"),
    )
    return traject.met_opstelling(setup)


def test_a_traject_id_is_short_opaque_and_new_each_time() -> None:
    """Is each new traject id ten letters or digits, different from the next, and is anything else refused?"""
    ids = {new_traject_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(is_traject_id(i) and len(i) == 10 for i in ids)
    assert not is_traject_id("../../etc/passwd")
    assert not is_traject_id("ABCDEFGHJK")


def test_the_setup_opens_in_the_stappenplan() -> None:
    """Does the stappenplan of a traject start with the spilfiguur the client chose and only who sat at the table?"""
    traject = seated()
    plan = traject.stappenplan_van_vandaag(DAY)
    assert plan.spilfiguur == "caw"
    assert plan.hulpverleners == ("caw", "clb")
    assert plan.client_aanwezig
    assert plan.traject_id == traject.id


def test_a_client_without_a_seat_is_not_at_the_table() -> None:
    """When the client's card was not dealt, does the stappenplan say the client was not there?"""
    traject = seated().met_opstelling(TafelOpstelling(rollen=("coordinator", "hulpverlener-caw")))
    assert not traject.stappenplan_van_vandaag(DAY).client_aanwezig


def test_the_verslag_and_the_registration_row_carry_the_traject() -> None:
    """Do the verslag and its registration row name the traject, the provider who coordinated and the table's size?"""
    traject = seated().met_opstelling(
        TafelOpstelling(coordinator="ocmw", spilfiguur="caw", rollen=("client", "hulpverlener-caw", "hulpverlener-clb"))
    )
    base = traject.stappenplan_van_vandaag(DAY)
    plan = replace(
        complete(traject.casus, DAY), **{k: getattr(base, k) for k in ("spilfiguur", "hulpverleners", "minderjarigen")}
    )
    plan = replace(plan, coordinator=base.coordinator, traject_id=traject.id, client_aanwezig=base.client_aanwezig)
    text = verslag_markdown(plan)
    assert traject.id in text
    ocmw = next(p for p in traject.casus.hulpverleners if p.id == "ocmw")
    assert f"{ocmw.naam}" in text.split("## Wie er aan tafel zat")[1].split("##")[0]
    row = registratie_rij(lco_gegevens(plan), today=TODAY)
    assert row["lco_id"].endswith(f"-{DAY:%Y%m%d}-{traject.id}")
    assert row["lco_id"].startswith(traject.casus.id)
    assert row["aantal_deelnemers"] == "4"  # the client, the coordinator, two providers; no minor was dealt a card
    assert not validate_row(row, today=TODAY)


def test_a_long_casus_id_keeps_the_traject_in_the_registration_row() -> None:
    """Is the row's lco_id at most 60 characters with the traject's id whole, even for the longest casus id?"""
    casus = make_casus(id="een-bijzonder-lange-naam-voor-een-casus")
    traject = new_traject(casus)
    plan = replace(complete(casus, DAY), traject_id=traject.id)
    lco_id = registratie_rij(lco_gegevens(plan), today=TODAY)["lco_id"]
    assert len(lco_id) <= 60
    assert lco_id.endswith(traject.id)


def test_a_traject_survives_its_file() -> None:
    """Does a traject with its setup and a half-made stappenplan come back the same from its downloaded file?"""
    traject = seated()
    plan = replace(complete(traject.casus, DAY), spilfiguur="caw", traject_id=traject.id)
    traject = traject.met_stappenplan(plan)
    data = traject_to_yaml(traject).encode("utf-8")
    again = load_traject_file(data, traject_filename(traject))
    assert again == traject
    assert again.stappenplan_van_vandaag() == plan
    assert len(data) < 20_000


def test_a_simulated_casus_and_a_follow_up_survive_the_file_too() -> None:
    """Does a traject on a simulated casus, and the follow-up opened from its verslag, come back the same?"""
    casus = simulate_casus(7)
    traject = new_traject(casus, "simulatie")
    plan = replace(complete(casus, DAY, spilfiguur=casus.hulpverleners[0].id), traject_id=traject.id)
    follow = follow_up_traject(traject, plan)
    for one in (traject, follow):
        assert load_traject_file(traject_to_yaml(one).encode("utf-8"), "t.yaml") == one


def test_the_follow_up_opens_from_the_verslag() -> None:
    """Does the follow-up traject hold the plan's agreements as the earlier LCO, its spilfiguur, and a link back?"""
    traject = seated()
    plan = replace(complete(traject.casus, DAY), spilfiguur="caw", traject_id=traject.id)
    follow = follow_up_traject(traject, plan)
    assert follow.id != traject.id
    assert follow.vorige == traject.id
    assert follow.bron == "opvolging"
    assert follow.casus.vorige_lco is not None
    assert [a.wat for a in follow.casus.vorige_lco.afspraken] == [a.wat for a in plan.afspraken]
    assert follow.opstelling is not None
    assert follow.opstelling.spilfiguur == "caw"
    opened = follow.stappenplan_van_vandaag(DAY + timedelta(days=60))
    assert opened.soort == "opvolg"
    assert len(opened.opvolging) == len(plan.afspraken)


def test_an_incomplete_plan_opens_no_follow_up() -> None:
    """Is a follow-up refused, in Dutch, while the stappenplan is not complete?"""
    traject = seated()
    with pytest.raises(LcoError, match="Het stappenplan is nog niet compleet"):
        follow_up_traject(traject, traject.stappenplan_van_vandaag(DAY))


def test_a_casus_that_is_no_lco_opens_no_stappenplan() -> None:
    """Is a traject on a ‘geen_lco’ casus refused for the stappenplan with the casus's reason?"""
    casus = next(c for c in list_casussen() if c.geen_lco is not None)
    with pytest.raises(LcoError, match="geen LCO"):
        new_traject(casus).stappenplan_van_vandaag(DAY)


def test_a_file_that_is_too_large_is_refused_unread() -> None:
    """Is a traject file above the limit refused in Dutch, with its name, before it is read?"""
    with pytest.raises(ContentError, match=r"te groot|groter") as caught:
        load_traject_file(b"# " + b"x" * MAX_TRAJECT_BYTES, "traject-groot.yaml")
    assert "traject-groot.yaml" in str(caught.value)


def test_a_setup_with_an_unknown_provider_names_the_file_line_and_field() -> None:
    """Is a spilfiguur who is not a provider of the casus refused in Dutch, with the file, line and field?"""
    data = yaml.safe_load(traject_to_yaml(seated()))
    data["opstelling"]["spilfiguur"] = "schoonbroer"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    with pytest.raises(ContentError) as caught:
        load_traject_file(text.encode("utf-8"), "traject-fout.yaml")
    message = str(caught.value)
    assert "traject-fout.yaml" in message
    assert "‘schoonbroer’ is geen hulpverlener van deze casus" in message
    assert "regel" in message


def test_a_seat_with_an_unknown_role_is_refused() -> None:
    """Is a seat with a role that is not in the casus refused with the seat's number?"""
    data = yaml.safe_load(traject_to_yaml(seated()))
    data["opstelling"]["rollen"][1] = "hulpverlener-notaris"
    with pytest.raises(ContentError, match="zitje 2 heeft de rol ‘hulpverlener-notaris’"):
        load_traject_file(yaml.safe_dump(data).encode("utf-8"), "t.yaml")


def test_a_file_that_is_not_a_traject_is_refused_in_dutch() -> None:
    """Is a casus file (not a traject) opened as a traject refused with what is missing, in Dutch?"""
    with pytest.raises(ContentError, match="regel 1, veld ‘casus’: dit veld ontbreekt"):
        load_traject_file(casus_to_yaml(make_casus()).encode("utf-8"), "casus.yaml")


def test_the_store_keeps_trajects_apart(tmp_path: Path) -> None:
    """Do two trajects on different casussen, kept at once, each come back as their own?"""
    store = TrajectStore(tmp_path)
    first = store.save(seated())
    second = store.save(new_traject(simulate_casus(11), "simulatie"))
    assert store.load(first.id) == first
    assert store.load(second.id).casus.id == simulate_casus(11).id
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{first.id}.yaml", f"{second.id}.yaml"])


def test_the_store_refuses_an_id_that_is_no_traject(tmp_path: Path) -> None:
    """Are an unknown id and a path posing as an id refused in Dutch, without touching any file?"""
    store = TrajectStore(tmp_path)
    with pytest.raises(LcoError, match="niet \\(meer\\) op deze computer"):
        store.load(new_traject_id())
    with pytest.raises(LcoError, match="geen traject van de kit"):
        store.load("../../geheim")
    assert not store.exists("../../geheim")


def test_the_store_reports_a_damaged_file(tmp_path: Path) -> None:
    """Is a kept file that was damaged reported in Dutch with the traject's id?"""
    store = TrajectStore(tmp_path)
    traject = store.save(seated())
    (tmp_path / f"{traject.id}.yaml").write_text("schema_version: 1\nid: [", encoding="utf-8")
    with pytest.raises(LcoError, match=f"Het traject ‘{traject.id}’ kon niet gelezen worden"):
        store.load(traject.id)
