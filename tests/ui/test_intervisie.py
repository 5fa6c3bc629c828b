"""The intervisie page's widgets: the own-casus form, findings only, the clock, the harvest, drafts, Binder."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit.intervisie import DraftStore
from lco_kit.ui.intervisie import IntervisiePagina
from tests.casus.conftest import joined
from tests.intervisie.conftest import clean_form


def page_with_form(tmp_path: Path, **changes: object) -> IntervisiePagina:
    """Return a page whose own-casus form holds the clean form, changed as asked."""
    page = IntervisiePagina(DraftStore(tmp_path))
    page.open_address("")
    assert page.own_form is not None
    form = clean_form(**changes)
    page.own_form.f_title.value = form.titel
    page.own_form.f_situation.value = form.situatie
    page.own_form.f_age.value = form.leeftijd
    page.own_form.f_household.value = form.huishouden
    page.own_form.f_profile.value = form.profiel
    page.own_form.f_domains.value = form.domeinen
    page.own_form.f_services.value = form.diensten
    page.own_form.f_request.value = form.hulpvraag
    page.own_form.f_good.value = form.wat_goed_gaat
    page.own_form.f_question.value = form.leervraag
    return page


def test_an_own_casus_with_a_phone_number_shows_only_its_masked_finding(tmp_path: Path) -> None:
    """Is a casus with a phone number not shown, and only the masked finding with its field?"""
    phone = joined("0471 23", " 45 67")
    page = page_with_form(tmp_path, situatie=f"Ze belt me op {phone}.")
    page._use_own()
    assert "0471 •• •• ••" in page.findings_view.value
    assert "De situatie in een paar regels" in page.findings_view.value
    assert phone not in page.findings_view.value and phone not in page.casus_view.value
    assert "Nog geen casus gekozen." in page.casus_view.value


def test_a_clean_own_casus_is_shown(tmp_path: Path) -> None:
    """Is a clean own casus shown with its title, age band, services and learning question?"""
    page = page_with_form(tmp_path)
    page._use_own()
    shown = page.casus_view.value
    assert "Een moeder die niet meer komt" in shown and "25-44 jaar" in shown
    assert "CAW Limburg" in shown and "Hoe kan ik haar opnieuw aan tafel krijgen?" in shown
    assert page.findings_view.value == ""


def test_a_reload_brings_back_the_notes_and_closing_keeps_nothing(tmp_path: Path) -> None:
    """Does a second page with the same address show the notes again, and is nothing left after closing?"""
    first = page_with_form(tmp_path)
    first._use_own()
    first.notes.value = "Ze voelt zich niet gehoord."
    again = IntervisiePagina(DraftStore(tmp_path))
    again.open_address(first.address.query)
    assert again.notes.value == "Ze voelt zich niet gehoord."
    assert "Een moeder die niet meer komt" in again.casus_view.value
    again._close()
    assert list(tmp_path.iterdir()) == []
    assert again.notes.value == "" and "Nog geen casus gekozen." in again.casus_view.value


def test_the_harvest_is_refused_with_an_email_and_offered_without(tmp_path: Path) -> None:
    """Is the harvest refused with the masked e-mail address, and offered once it is gone?"""
    page = page_with_form(tmp_path)
    page._use_own()
    address = joined("an.peeters", "@example.be")
    page.notes.value = f"Mail naar {address}"
    page._harvest()
    assert "e-mailadres" in page.harvest_findings.value and address not in page.harvest_findings.value
    assert page.download.data is None
    page.notes.value = "Mail naar de inbrenger"
    page._harvest()
    assert page.download.data is not None and page.download.data.startswith(b"%PDF-")


def test_pause_and_extend_change_the_clock(tmp_path: Path) -> None:
    """Do start, pause and ‘2 minuten erbij’ show on the clock (10:00 becomes 12:00)?"""
    page = IntervisiePagina(DraftStore(tmp_path))
    assert "10:00" in page.clock.value and "lco-klok-pauze" in page.clock.value
    page._start()
    assert "lco-klok-loopt" in page.clock.value
    page._pause()
    page._extend()
    assert "12:00" in page.clock.value


def test_on_binder_the_own_casus_form_is_off_with_a_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Is the own-casus form replaced by a Dutch line saying why, on a public host?"""
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    page = IntervisiePagina(DraftStore(tmp_path))
    assert page.own_form is None
    own = page.source_boxes["eigen"]
    assert "openbare server (Binder)" in own.value


def test_choosing_the_source_shows_one_box_and_never_hides_the_page(tmp_path: Path) -> None:
    """Does ‘Een eigen casus’ show the form and hide the kit's list, while the page itself stays shown?"""
    page = IntervisiePagina(DraftStore(tmp_path))
    assert page.source_boxes["eigen"].layout.display == "none"
    page.source.value = "eigen"
    assert page.source_boxes["eigen"].layout.display is None
    assert page.source_boxes["kit"].layout.display == "none"
    assert page.layout.display is None
