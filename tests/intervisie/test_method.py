"""The intervisie method: five rounds of the incident method, the four roles, 70 minutes of rounds."""

from __future__ import annotations

import pytest

from lco_kit.content import load_model
from lco_kit.errors import ContentError
from lco_kit.intervisie import load_method
from lco_kit.intervisie.method import Methode


def test_the_kits_method_has_the_incident_methods_rounds_and_roles() -> None:
    """Does the method run learning question, questions, analysis, advice, harvest, with the four roles?"""
    method = load_method()
    assert [r.code for r in method.rondes] == ["leervraag", "vragen", "analyse", "advies", "oogst"]
    assert {r.code for r in method.rollen} == {"inbrenger", "voorzitter", "tijdsbewaker", "deelnemer"}
    assert method.minuten == 70  # the programme's 90 minutes add the opening and a look back


def test_a_method_without_a_chair_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    """Is a method file that drops the voorzitter refused in Dutch?"""
    path = write(
        "methode.yaml",
        "schema_version: 1\nnaam: X\nbron: Een eigen methode voor ons team.\ninleiding: x\n"
        "rollen:\n  - {code: inbrenger, naam: I, taak: t}\n  - {code: tijdsbewaker, naam: T, taak: t}\n"
        "rondes:\n  - {code: a, titel: A, minuten: 5, wie: w, uitleg: u}\n"
        "  - {code: b, titel: B, minuten: 5, wie: w, uitleg: u}\n",
    )
    with pytest.raises(ContentError, match="de methode mist deze rollen: voorzitter"):
        load_model(Methode, path)
