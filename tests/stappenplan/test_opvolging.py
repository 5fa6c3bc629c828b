"""Tests of lco_kit.stappenplan.opvolging: the plan written back into the casus, and the follow-up LCO."""

from __future__ import annotations

from datetime import date

import pytest

from lco_kit.casus import load_casus_file
from lco_kit.errors import LcoError
from lco_kit.registratie import (
    registratie_rij,
)
from lco_kit.stappenplan import (
    follow_up_casus,
    follow_up_yaml,
    lco_gegevens,
    new_stappenplan,
    opening_view,
    update_follow_up,
    verslag_markdown,
    with_follow_up,
)
from lco_kit.stappenplan.regels import require_valid
from tests.rollenspel.conftest import CURATED, make_casus
from tests.stappenplan.conftest import DAY, TODAY, complete, follow_up_yaml_of, messages, rules


def test_follow_up_round_trip() -> None:
    """Stappenplan → vorige_lco → file → follow-up opening view: is every agreement there, with status and why?"""
    plan = complete()
    reloaded = load_casus_file(follow_up_yaml(plan).encode("utf-8"), "opvolging.yaml")
    assert reloaded.vorige_lco is not None and reloaded.vorige_lco.datum == DAY
    assert reloaded.opstelling is not None and reloaded.opstelling.spilfiguur == "caw"
    opening = opening_view(reloaded, date(2026, 4, 20))
    assert [(r.afspraak.wat, r.afspraak.status) for r in opening] == [(a.wat, "open") for a in plan.afspraken]
    assert [r.wie for r in opening] == ["Els (OCMW Genk, sociale dienst)", "Mira (cliënt)", "de spilfiguur"]

    updated = update_follow_up(reloaded, [("gedaan", ""), ("niet gelukt", "De opvang was vol."), ("bezig", "")])
    again = load_casus_file(follow_up_yaml_of(updated), "opvolging-2.yaml")
    opening = opening_view(again, date(2026, 4, 20))  # the reason travels in the casus file
    assert [(r.status_tekst, r.te_laat) for r in opening] == [("gedaan", False), ("niet gelukt", True), ("bezig", True)]
    assert opening[1].reden == "De opvang was vol."

    follow_up = new_stappenplan(again, date(2026, 4, 20))
    assert follow_up.soort == "opvolg"
    assert [e.status for e in follow_up.opvolging] == ["gedaan", "niet gelukt", "bezig"]
    follow_up = complete(again, date(2026, 4, 20), opvolging=follow_up.opvolging)
    assert rules(follow_up) == ["opvolging_reden"]  # only the step still busy lacks its why
    follow_up = with_follow_up(follow_up, [("gedaan", ""), ("niet gelukt", "De opvang was vol."), ("bezig", "Loopt.")])
    require_valid(follow_up)
    text = verslag_markdown(follow_up)
    assert "## Opvolging van de vorige afspraken" in text
    row = "| Mira belt zelf naar de kinderopvang in de buurt | Mira (cliënt) | 16 maart 2026 | niet gelukt | De opvang"
    assert row + " was vol. |" in text
    assert registratie_rij(lco_gegevens(follow_up), today=TODAY)["soort"] == "opvolg"


def test_follow_up_needs_a_status_for_every_earlier_agreement() -> None:
    """At a follow-up, is an earlier agreement still ‘open’ refused until its status is said?"""
    casus = follow_up_casus(complete())
    plan = complete(casus, date(2026, 4, 20), opvolging=new_stappenplan(casus).opvolging)
    assert rules(plan) == ["opvolging_status"] * 3
    assert "zeg hoe het ermee staat: gedaan, bezig of niet gelukt" in messages(plan)[0]


def test_follow_up_of_an_incomplete_plan_is_refused() -> None:
    """Is writing an incomplete plan back into the casus refused?"""
    with pytest.raises(LcoError, match="nog niet compleet"):
        follow_up_casus(complete(spilfiguur=None))


def test_updating_the_follow_up_refuses_what_does_not_fit() -> None:
    """Are a casus without earlier LCO, a wrong number of statuses and an unknown status refused in Dutch?"""
    with pytest.raises(LcoError, match="heeft geen vorig overleg"):
        update_follow_up(make_casus(), [])
    casus = follow_up_casus(complete())
    with pytest.raises(LcoError, match="Er zijn 3 vorige afspraken, maar 1 standen gegeven"):
        update_follow_up(casus, [("gedaan", "")])
    with pytest.raises(LcoError, match="‘klaar’ is geen stand van een afspraak"):
        update_follow_up(casus, [("klaar", ""), ("gedaan", ""), ("gedaan", "")])


def test_opening_view_of_a_first_lco_is_empty() -> None:
    """Does a casus without an earlier LCO open with nothing to follow up?"""
    assert opening_view(make_casus()) == ()


def test_curated_follow_up_casus_opens_with_its_statuses() -> None:
    """Does a curated follow-up casus open with each agreement's status from its file?"""
    casus = next(c for c in CURATED if c.id == "beperking-ilse-pelt")
    opening = opening_view(casus, date(2025, 10, 1))
    assert [r.afspraak.status for r in opening] == ["gedaan", "bezig", "gedaan", "gedaan"]
    assert opening[1].te_laat is True and opening[0].te_laat is False


def test_updating_the_follow_up_keeps_the_earlier_spilfiguur_and_date() -> None:
    """Does writing the statuses into a curated follow-up casus keep who was spilfiguur then, and the date?"""
    casus = next(c for c in CURATED if c.id == "beperking-ilse-pelt")
    assert casus.vorige_lco is not None
    updated = update_follow_up(casus, [("gedaan", "")] * len(casus.vorige_lco.afspraken))
    assert updated.vorige_lco is not None
    assert (updated.vorige_lco.spilfiguur, updated.vorige_lco.datum) == ("begeleiding", casus.vorige_lco.datum)
    assert [a.status for a in updated.vorige_lco.afspraken] == ["gedaan"] * len(casus.vorige_lco.afspraken)
