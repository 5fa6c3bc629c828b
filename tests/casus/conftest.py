"""Small builders for casus tests: a valid casus as data or YAML, and valid identifiers.

Identifiers that pass their checksum are computed here, at test time, and never written
to a file: a valid number could belong to a real person.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml
from stdnum import iban

_BASE: dict[str, Any] = {
    "schema_version": 1,
    "id": "test-casus",
    "titel": "Een casus om te testen",
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
        {"domein": "financien", "score": 2, "situatie": "Achterstallen bij de energie.", "sterktes": []},
        {"domein": "opvoeding", "score": 4, "situatie": "Een warme band.", "sterktes": ["Vaste gewoontes."]},
        {"domein": "werk", "score": 3, "situatie": "Deeltijds werk in ploegen."},
    ],
    "hulpverleners": [
        {
            "id": "ocmw",
            "naam": "Els",
            "dienst": "OCMW Genk, sociale dienst",
            "sector": "ocmw",
            "rol": "maatschappelijk werker",
            "sinds": 2024,
            "nabijheid": "regelmatig",
            "visie": "Een moeder die veel zelf regelt.",
            "zorg": "Dat de energie wordt afgesloten.",
        },
        {
            "id": "caw",
            "naam": "Tom",
            "dienst": "CAW Limburg, onthaal",
            "sector": "CAW",
            "rol": "begeleider",
            "sinds": "2023-05",
            "nabijheid": "dichtbij",
            "visie": "Veel veerkracht.",
            "zorg": "Dat Mira opgeeft.",
        },
        {
            "id": "clb",
            "naam": "Ann",
            "dienst": "CLB Genk",
            "sector": "Onderwijs/CLB",
            "rol": "CLB-medewerker",
            "sinds": "2025",
            "nabijheid": "op afstand",
            "visie": "Noor is vaak moe op school.",
            "zorg": "Dat Noor afhaakt.",
        },
    ],
    "aanvrager": {"soort": "OCMW", "hulpverlener": "ocmw", "reden": "Te veel diensten."},
    "knelpunten": [{"categorie": "Kinderopvang", "omschrijving": "Geen opvang voor zeven uur."}],
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


def casus_yaml(data: dict[str, Any] | None = None, **changes: Any) -> str:
    """Return a casus as YAML text (the valid one, or ``data``, with ``changes``)."""
    base = copy.deepcopy(data) if data is not None else casus_data()
    for key, value in changes.items():
        base[key] = value
    return yaml.safe_dump(base, sort_keys=False, allow_unicode=True)


def valid_national_number(birth: str = "850730", serial: str = "033") -> str:
    """Return a rijksregisternummer with a correct checksum, written with dots and a dash."""
    body = birth + serial
    century = 2000 if int(birth[:2]) < 30 else 1900
    check = 97 - int(("2" if century == 2000 else "") + body) % 97
    digits = f"{body}{check:02d}"
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"


def valid_bis_number() -> str:
    """Return a BIS number (month + 40) with a correct checksum, as eleven digits."""
    body = "924715" + "112"
    return f"{body}{97 - int(body) % 97:02d}"


def valid_iban() -> str:
    """Return a Belgian IBAN with a correct checksum, in groups of four."""
    account = "0630123456"
    bban = f"{account}{int(account) % 97 or 97:02d}"
    check = 98 - int(f"{bban}111400") % 97
    compact = f"BE{check:02d}{bban}"
    assert iban.is_valid(compact)
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def valid_old_account() -> str:
    """Return an old Belgian account number (123-4567890-CC) with a correct checksum."""
    body = "0631234567"
    return f"{body[:3]}-{body[3:]}-{int(body) % 97 or 97:02d}"


def joined(*parts: str) -> str:
    """Join pieces of a test text (so that the source file itself holds no findable data)."""
    return "".join(parts)
