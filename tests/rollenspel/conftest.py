"""Small builders for the role-play tests: a casus as data, changed where a test needs it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from lco_kit.casus import Casus, list_casussen, simulate_casus
from lco_kit.codes import normalize

DATA = Path(__file__).parent / "data"
CURATED = list_casussen()
SIMULATED = [simulate_casus(seed) for seed in range(30)]

_PROVIDER = {
    "sector": "ocmw",
    "rol": "maatschappelijk werker",
    "sinds": 2024,
    "nabijheid": "regelmatig",
    "visie": "Een moeder die veel zelf regelt.",
    "zorg": "Dat de energie wordt afgesloten.",
}

_BASE: dict[str, Any] = {
    "schema_version": 1,
    "id": "test-rollenspel",
    "titel": "Mira zoekt rust",
    "samenvatting": "Mira woont met haar twee kinderen in Genk en zoekt rust.",
    "profiel": "eenoudergezin",
    "gemeente": "Genk",
    "client": {
        "pseudoniem": "Mira",
        "leeftijd": 34,
        "huishouden": "woont alleen met haar twee kinderen",
        "minderjarigen": [
            {"pseudoniem": "Noor", "leeftijd": 14, "relatie": "dochter", "neemt_deel": True},
            {"pseudoniem": "Seppe", "leeftijd": 6, "relatie": "zoon"},
        ],
    },
    "toestemming": True,
    "hulpvraag": "Ik wil rust in mijn hoofd en in mijn portemonnee.",
    "wat_goed_gaat": ["Mira zorgt elke dag voor haar kinderen."],
    "levensdomeinen": [
        {"domein": "financien", "score": 2, "situatie": "Achterstallen bij de energie."},
        {"domein": "opvoeding", "score": 4, "situatie": "Een warme band.", "sterktes": ["Vaste gewoontes."]},
        {"domein": "werk", "score": 3, "situatie": "Deeltijds werk in ploegen."},
    ],
    "hulpverleners": [
        {**_PROVIDER, "id": "ocmw", "naam": "Els", "dienst": "OCMW Genk, sociale dienst"},
        {
            **_PROVIDER,
            "id": "caw",
            "naam": "Tom",
            "dienst": "CAW Limburg, onthaal",
            "sector": "caw",
            "nabijheid": "dichtbij",
        },
        {
            **_PROVIDER,
            "id": "clb",
            "naam": "Ann",
            "dienst": "CLB Genk",
            "sector": "onderwijs",
            "nabijheid": "op afstand",
        },
    ],
    "aanvrager": {"soort": "OCMW", "hulpverlener": "ocmw", "reden": "Te veel diensten tegelijk."},
    "knelpunten": [{"categorie": "kinderopvang", "omschrijving": "Geen opvang voor zeven uur 's morgens."}],
    "niet_delen": [
        {"onderwerp": "De schuld bij haar broer", "reden": "Ze schaamt zich ervoor.", "bekend_bij": ["caw"]}
    ],
    "opstelling": {"coordinator": {"dienst": "OCMW Genk, LCO-coördinatie", "naam": "Ilse"}, "spilfiguur": "caw"},
}


def casus_data(**changes: Any) -> dict[str, Any]:
    """Return a valid casus as data; keyword arguments replace top-level fields (None removes one)."""
    data = copy.deepcopy(_BASE)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def make_casus(**changes: Any) -> Casus:
    """Return a valid casus, changed as asked."""
    return Casus.model_validate(casus_data(**changes))


def two_providers(**changes: Any) -> Casus:
    """Return a casus with two providers and two problem domains: below the indication."""
    data = casus_data(**changes)
    data["hulpverleners"] = data["hulpverleners"][:2]
    data["levensdomeinen"] = [
        {"domein": "financien", "score": 2, "situatie": "Achterstallen bij de energie."},
        {"domein": "werk", "score": 3, "situatie": "Deeltijds werk in ploegen."},
    ]
    data["niet_delen"] = []
    return Casus.model_validate(data)


def secrets_of(casus: Casus) -> list[str]:
    """Return the client's not-to-share subjects and reasons, normalised for comparison."""
    found = [normalize(item.onderwerp) for item in casus.niet_delen]
    found += [normalize(item.reden) for item in casus.niet_delen if item.reden]
    return [s for s in found if s]
