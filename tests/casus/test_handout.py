"""The printable handouts: the participants' copy holds what everyone may know, the facilitator's copy the rest."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader

from lco_kit.casus import Casus, list_casussen, simulate_casus
from lco_kit.casus import handout as handout_module
from lco_kit.casus.handout import casus_handout, facilitator_filename, handout_filename
from lco_kit.charts import Chart
from lco_kit.codes import normalize
from tests.casus.conftest import casus_data

SECRETS = [
    {"onderwerp": "De schuld bij haar broer.", "reden": "Ze schaamt zich ervoor.", "bekend_bij": ["caw"]},
    {"onderwerp": "Noor wordt gepest op de bus.", "reden": "Noor wil het zelf vertellen.", "bekend_bij": ["clb"]},
]


def pdf_text(data: bytes) -> str:
    """Return the text of every page of a PDF, with line breaks and spacing flattened."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def make(**changes: object) -> Casus:
    """Return the casus tests' casus with a secret of the client and a confidence of Noor."""
    secrets = [SECRETS[0], {**SECRETS[1], "van": "Noor"}]
    return Casus.model_validate(casus_data(**{"niet_delen": secrets, **changes}))


class TextOnly:
    """Stands in for the PDF writer and keeps every text it is given, so 200 handouts take a second, not minutes."""

    def __init__(self, *texts: object, **_options: object) -> None:
        self.texts: list[str] = []
        self._keep(texts)

    def _keep(self, value: object) -> None:
        if isinstance(value, str):
            self.texts.append(value)
        elif isinstance(value, list | tuple):
            for item in value:
                self._keep(item)
        elif isinstance(value, Chart):
            self.texts.append(value.alt)

    def __getattr__(self, name: str) -> object:
        return lambda *args, **_kwargs: self._keep(args)

    def to_bytes(self) -> bytes:
        """Return every text kept, one per line."""
        return "\n".join(self.texts).encode("utf-8")


@pytest.fixture
def text_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write handouts as plain text, with blank charts (their alt texts hold no secret)."""
    monkeypatch.setattr(handout_module, "PdfDocument", TextOnly)
    for chart in ("domain_profile_chart", "network_map"):
        monkeypatch.setattr(handout_module, chart, lambda casus, *_: Chart(Figure(), casus.client.pseudoniem))


def test_handout_holds_the_whole_casus() -> None:
    """Does the handout show the title, the date, the request, every view, the knelpunten and the scale?"""
    agreement = {
        "wat": "Bellen met de school.",
        "wie": "client",
        "tegen_wanneer": "2026-02-01",
        "status": "niet gelukt",
    }
    casus = make(vorige_lco={"datum": "2026-01-05", "spilfiguur": "caw", "afspraken": [agreement]})
    text = pdf_text(casus_handout(casus, made_on=date(2026, 3, 2)))
    assert "Casus: Een casus om te testen" in text
    assert "2 maart 2026" in text
    assert "Ik wil rust in mijn hoofd" in text
    assert "Noor, 14 jaar (dochter)" in text and "neemt zelf deel aan het overleg" in text
    for provider in casus.hulpverleners:
        assert provider.visie in text and provider.zorg in text
    assert "Geen opvang voor zeven uur." in text
    assert "Afspraken van het vorige LCO" in text and "niet gelukt" in text and "de cliënt" in text
    assert "De schaal van de kit" in text and "Wankel evenwicht" in text
    assert "Netwerkkaart van Mira: 3 hulpverleners rond de cliënt" in text


def test_the_participants_handout_leaves_out_what_is_not_shared() -> None:
    """Does the participants' handout leave out the client's niet_delen and Noor's confidence?"""
    text = pdf_text(casus_handout(make()))
    assert "broer" not in text and "gepest" not in text
    assert "kopie voor de begeleider" not in text


def test_the_facilitators_copy_holds_who_told_and_who_heard() -> None:
    """Does the facilitator's copy hold each secret with who told it and who knows it, and say not to hand it out?"""
    text = pdf_text(casus_handout(make(), begeleider=True))
    assert "Casus: Een casus om te testen — kopie voor de begeleider" in text
    assert text.count("Niet uitdelen.") == 1
    assert "Van Mira (de cliënt): De schuld bij haar broer." in text
    assert "In vertrouwen verteld door Noor: Noor wordt gepest op de bus." in text
    assert "Weet ervan: Ann (CLB Genk)" in text


def test_the_facilitators_copy_says_why_a_casus_is_no_lco() -> None:
    """Does the facilitator's copy of a ‘geen_lco’ casus say why it is not an LCO (and the participants' not)?"""
    casus = make(toestemming=False, geen_lco="Mira wil geen overleg met alle diensten samen.")
    assert "Mira wil geen overleg met alle diensten samen." in pdf_text(casus_handout(casus, begeleider=True))
    assert "Mira wil geen overleg" not in pdf_text(casus_handout(casus))


@pytest.mark.usefixtures("text_only")
@pytest.mark.parametrize(
    "casus", [*list_casussen(), *(simulate_casus(seed) for seed in range(100))], ids=lambda c: c.id
)
def test_no_participants_handout_holds_a_secret_and_the_facilitators_copy_holds_all(casus: Casus) -> None:
    """For every curated casus and 100 simulated ones: no secret in the participants' handout, all in the other?"""
    participants = normalize(casus_handout(casus).decode("utf-8"))
    facilitator = normalize(casus_handout(casus, begeleider=True).decode("utf-8"))
    for item in casus.niet_delen:
        for secret in (item.onderwerp, item.reden):
            if secret:
                assert normalize(secret) not in participants, secret
                assert normalize(secret) in facilitator, secret


def test_a_chosen_spilfiguur_is_printed() -> None:
    """Is a spilfiguur chosen on the page printed instead of ‘nog niet gekozen’?"""
    casus = make(opstelling={"coordinator": "LCO-coördinatie van het OCMW"})
    assert "nog niet gekozen" in pdf_text(casus_handout(casus))
    assert "Spilfiguur Tom (CAW Limburg, onthaal)" in pdf_text(casus_handout(casus, spilfiguur="caw"))


def test_the_handouts_file_names_name_the_casus() -> None:
    """Are the handout and the facilitator's copy named after the casus?"""
    casus = make()
    assert handout_filename(casus) == "casus-test-casus.pdf"
    assert facilitator_filename(casus) == "casus-test-casus-begeleider.pdf"
