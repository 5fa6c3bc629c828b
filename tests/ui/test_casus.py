"""The casus page's widgets: choosing, making, the spilfiguur, the handout, and uploads shown as text."""

from __future__ import annotations

import base64
import re

import pytest

from lco_kit.casus import casus_to_yaml, list_casussen, load_casus, simulate_casus
from lco_kit.ui.casus import CasusPagina
from tests.casus.conftest import casus_data, casus_yaml, joined


@pytest.fixture(scope="module")
def page() -> CasusPagina:
    """Return one page for the tests of this module (building it draws charts)."""
    return CasusPagina()


def link_bytes(html: str) -> bytes:
    """Return the bytes a download link offers."""
    found = re.search(r"base64,([^\"]+)", html)
    assert found is not None, html
    return base64.b64decode(found.group(1))


def test_page_opens_on_the_first_casus(page: CasusPagina) -> None:
    """Does the page open with the first casus shown, its charts drawn and its file downloadable?"""
    first = list_casussen()[0]
    assert page.choice.value == first.id
    assert first.titel in page.view.card.value
    assert page.view.layout.display == ""
    assert bytes(page.view.profile.value).startswith(b"\x89PNG")
    assert page.view.profile.tooltip.startswith("Staafdiagram ‘Levensdomeinen van")
    assert page.view.network.tooltip.startswith(f"Netwerkkaart van {first.client.pseudoniem}")
    assert link_bytes(page.view.yaml.value).decode("utf-8") == casus_to_yaml(first)
    assert "lco-casus-pagina" in page._dom_classes


def test_choosing_a_casus_shows_it(page: CasusPagina) -> None:
    """Does choosing another casus show its card, wishes, providers and knelpunten?"""
    page.choice.value = "gezin-nadia-maasmechelen"
    casus = load_casus("gezin-nadia-maasmechelen")
    assert "Robbe wil zelf mee beslissen" in page.view.card.value
    assert "neemt zelf deel aan het overleg" in page.view.card.value
    assert "De redenen van de scheiding" not in page.view.wishes.value
    assert "Wat iemand niet aan tafel wil, staat niet op deze pagina" in page.view.wishes.value
    assert all(p.dienst in page.view.providers.value for p in casus.hulpverleners)
    assert "Wachtlijsten" in page.view.knelpunten.value and "niet gelukt" in page.view.knelpunten.value
    assert page.messages.text == "Je bekijkt nu: ‘Robbe wil zelf mee beslissen’."


def test_spilfiguur_choice_redraws_the_map_and_resets_the_handout(page: CasusPagina) -> None:
    """Does choosing a spilfiguur mark it on the network map, and does the handout follow the choice?"""
    page.choice.value = "gezin-rita-leopoldsburg"
    assert page.view.spilfiguur.value is None
    assert "Er is nog geen spilfiguur gekozen." in page.view.network.tooltip
    page.view.spilfiguur.value = "pleegzorg"
    assert "Spilfiguur: Annick, pleegzorgbegeleider van Pleegzorg Limburg." in page.view.network.tooltip
    assert "nog niets" in page.view.handout.value
    page.view.make_handout.click()
    assert page.view.handout.filename == "casus-gezin-rita-leopoldsburg.pdf"
    assert link_bytes(page.view.handout.value).startswith(b"%PDF-")
    assert page.view.facilitator_copy.filename == "casus-gezin-rita-leopoldsburg-begeleider.pdf"
    assert link_bytes(page.view.facilitator_copy.value).startswith(b"%PDF-")
    page.view.spilfiguur.value = "clb"
    assert "nog niets" in page.view.handout.value
    assert "nog niets" in page.view.facilitator_copy.value


def test_making_a_casus_follows_the_options(page: CasusPagina) -> None:
    """Does ‘Maak een casus’ show the simulated casus for the seed and options chosen?"""
    page.seed.value = 12
    page.profile.value = "oudere_thuis"
    page.providers.value = 4
    page.domains.value = ("gezondheid", "mobiliteit")
    page.make.click()
    expected = simulate_casus(12, profiel="oudere_thuis", hulpverleners=4, levensdomeinen=["gezondheid", "mobiliteit"])
    assert page.view.casus == expected
    assert page.choice.value is None
    assert page.messages.text == f"Nieuwe casus gemaakt met getal 12: ‘{expected.titel}’."
    assert "Gesimuleerde casus" in page.view.card.value
    page.domains.value = ()
    page.providers.value = 0
    page.profile.value = ""


def test_impossible_options_give_a_dutch_message(page: CasusPagina) -> None:
    """Do options that do not fit together give a Dutch message on the page, not an error?"""
    page.profile.value = "oudere_thuis"
    page.minors.value = "met"
    page.make.click()
    assert "heeft geen minderjarigen" in page.messages.text
    assert 'role="alert"' in page.messages.value
    page.minors.value = ""
    page.profile.value = ""


def test_uploading_a_valid_casus_shows_it(page: CasusPagina) -> None:
    """Does an uploaded valid casus get ‘in orde’ and appear below, as the page shows every casus?"""
    page.upload.receive("mijn-casus.yaml", casus_yaml().encode("utf-8"))
    assert page.upload_result.text.startswith("mijn-casus.yaml: in orde")
    assert "lco-melding-ok" in page.upload_result.value
    assert page.own_view.layout.display == "" and "Een casus om te testen" in page.own_view.card.value


def test_uploading_a_malformed_file_shows_the_dutch_problems(page: CasusPagina) -> None:
    """Does a malformed upload show a Dutch message naming the file and the line, and hide the view?"""
    page.upload.receive("kapot.yml", b"titel: Een casus\n\ttitel: twee\n")
    assert page.upload_result.text.startswith("kapot.yml: niet in orde.")
    assert "regel 2: deze regel springt in met een tab" in page.upload_result.text
    assert page.own_view.layout.display == "none"


def test_uploaded_markup_is_shown_as_text(page: CasusPagina) -> None:
    """Is markup in an uploaded casus shown as text everywhere: the report, the card and the providers?"""
    data = casus_data(titel="<b>Vet</b> <img src=x onerror=alert(1)>")
    data["hulpverleners"][0]["visie"] = "<script>alert(2)</script>"
    data["hulpvraag"] = "Bel me <b>nu</b>"
    page.upload.receive("<b>naam</b>.yaml", casus_yaml(data).encode("utf-8"))
    shown = page.upload_result.value + page.own_view.card.value + page.own_view.providers.value
    shown += page.own_view.wishes.value
    assert "<b>" not in shown and "<img" not in shown and "<script>" not in shown
    assert "&lt;b&gt;Vet&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;" in page.own_view.card.value
    assert "&lt;script&gt;" in page.own_view.providers.value
    assert "Opgeladen casus" in page.own_view.card.value


def test_an_upload_with_personal_data_shows_only_its_masked_findings(page: CasusPagina) -> None:
    """Is an uploaded casus with a phone number not shown, only its findings with lines, masked?"""
    data = casus_data(herkomst="verzonnen")
    data["hulpvraag"] = joined("Bel me op 04", "70 12 34 56 <b>nu</b>")
    page.upload.receive("eigen.yaml", casus_yaml(data).encode("utf-8"))
    assert page.own_view.layout.display == "none"
    assert "telefoonnummer — 0470 •• •• ••" in page.upload_result.text
    assert "toont de kit deze casus niet" in page.upload_result.text
    assert joined("04", "70 12 34 56") not in page.upload_result.text + page.upload_result.value


def test_a_file_of_the_wrong_kind_or_size_is_refused(page: CasusPagina) -> None:
    """Is a .docx or an oversized file refused by the upload in Dutch?"""
    page.upload._changed({"new": ({"name": "casus.docx", "content": b"PK\x03\x04"},)})
    assert "geen bestand van de juiste soort" in page.upload.messages.text
    page.upload._changed({"new": ({"name": "groot.yaml", "content": b"x" * 300_000},)})
    assert "is te groot" in page.upload.messages.text
