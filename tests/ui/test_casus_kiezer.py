"""The casus chooser shared by the role-play and stappenplan pages: simulate, upload, refuse in Dutch."""

from __future__ import annotations

from lco_kit.casus import Casus, casus_to_yaml
from lco_kit.ui.casus_kiezer import CasusKiezer
from lco_kit.ui.widgets import MessageArea
from tests.rollenspel.conftest import casus_data, uploaded


def test_casus_chooser_simulates_and_opens_an_uploaded_file() -> None:
    """Can a trainee make a simulated casus and open an own file, whose text is shown escaped?"""
    seen = []
    kiezer = CasusKiezer(seen.append, MessageArea())
    kiezer.keuze.value = CasusKiezer.SIMULATED
    assert kiezer.casus is not None and kiezer.casus.herkomst == "gesimuleerd"
    data = casus_data(titel="<img src=x onerror=alert(1)> Mira")
    kiezer.bestand.receive("mijn-casus.yaml", casus_to_yaml(Casus.model_validate(data)).encode())
    assert kiezer.casus.id == "test-rollenspel"
    assert "<img" not in kiezer.samenvatting.value and "&lt;img src=x" in kiezer.samenvatting.value
    assert "(eigen bestand)" in kiezer.keuze.label
    assert seen[-1].id == "test-rollenspel"


def test_casus_chooser_reports_a_malformed_upload_in_dutch() -> None:
    """Is a malformed casus file refused with a Dutch message naming the file?"""
    kiezer = CasusKiezer(lambda _: None, MessageArea())
    before = kiezer.casus
    kiezer.bestand.upload.value = uploaded("kapot.yaml", b"titel: [")
    assert kiezer.bestand.messages.text.startswith("kapot.yaml")
    assert kiezer.casus is before
