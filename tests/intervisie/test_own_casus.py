"""The own casus: a short form builds the kit's one casus model, never with personal data in it."""

from __future__ import annotations

from datetime import date

import pytest

from lco_kit.casus import Casus, scan_privacy
from lco_kit.errors import LcoError
from lco_kit.intervisie import EigenCasus, form_findings, public_host
from lco_kit.intervisie.own_casus import build_casus
from tests.casus.conftest import joined
from tests.intervisie.conftest import clean_form


def test_a_clean_form_builds_the_kits_casus() -> None:
    """Does a clean form build a Casus with the title, situation, age band, domains and services typed?"""
    casus = build_casus(clean_form(), today=date(2026, 3, 2))
    assert isinstance(casus, Casus)
    assert casus.herkomst == "geanonimiseerd"
    assert casus.titel == "Een moeder die niet meer komt"
    assert casus.client.leeftijd_tekst == "25-44 jaar"
    assert [d.domein for d in casus.levensdomeinen] == ["financien", "opvoeding"]
    assert [p.dienst for p in casus.hulpverleners] == ["OCMW, sociale dienst", "CAW Limburg", "CLB"]
    assert [p.sector for p in casus.hulpverleners] == ["ocmw", "caw", "onderwijs"]
    assert casus.toestemming and casus.geen_lco is None
    assert scan_privacy(casus) == []


def test_without_consent_the_casus_says_it_is_no_lco() -> None:
    """Does a form without the client's consent build a casus marked ‘geen LCO’ with the reason?"""
    casus = build_casus(clean_form(toestemming=False))
    assert casus.geen_lco is not None and "toestemming" in casus.geen_lco.reden


def test_a_phone_number_is_found_and_only_masked() -> None:
    """Is a phone number in the situation found, named by its field, and shown masked only?"""
    phone = joined("0471 23", " 45 67")
    form = clean_form(situatie=f"Ze belt me op {phone} als het mis gaat.")
    findings = form_findings(form)
    assert [(where, f.kind) for where, f in findings] == [("De situatie in een paar regels", "telefoonnummer")]
    with pytest.raises(LcoError) as caught:
        build_casus(form)
    assert "0471 •• •• ••" in str(caught.value)
    assert phone not in str(caught.value)


def test_missing_fields_are_listed_in_plain_dutch() -> None:
    """Are an empty title, no domain and a single service each named in one Dutch line?"""
    with pytest.raises(LcoError) as caught:
        build_casus(clean_form(titel=" ", domeinen=(), diensten="CAW"))
    message = str(caught.value)
    assert "Vul ‘Titel’ in." in message
    assert "Kies minstens één levensdomein" in message
    assert "Noem minstens twee betrokken diensten" in message


def test_the_form_survives_as_plain_data() -> None:
    """Does a form come back the same from its plain data (as a draft keeps it)?"""
    form = clean_form()
    assert EigenCasus.from_dict(form.as_dict()) == form


def test_binder_is_a_public_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the kit on Binder (either variable) a public host, and a laptop not?"""
    monkeypatch.delenv("BINDER_LAUNCH_HOST", raising=False)
    monkeypatch.delenv("BINDER_REPO_URL", raising=False)
    assert not public_host()
    monkeypatch.setenv("BINDER_REPO_URL", "https://github.com/voorbeeld/lco-kit")
    assert public_host()
