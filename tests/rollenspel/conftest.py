"""Small builders for the role-play tests: a casus as data, changed where a test needs it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lco_kit.casus import Casus, list_casussen, simulate_casus
from lco_kit.codes import normalize
from tests.casus.conftest import casus_data as base_casus_data

DATA = Path(__file__).parent / "data"
CURATED = [casus for casus in list_casussen() if casus.is_lco]
"""The curated casussen a role-play can use (a ‘geen_lco’ casus is refused, see its own tests)."""
SIMULATED = [simulate_casus(seed) for seed in range(30)]

# The role-play needs what the casus tests' casus leaves out: something the client does not
# want discussed, and who coordinates and who is spilfiguur.
_ROLE_PLAY = {
    "id": "test-rollenspel",
    "niet_delen": [
        {"onderwerp": "De schuld bij haar broer", "reden": "Ze schaamt zich ervoor.", "bekend_bij": ["caw"]}
    ],
    "opstelling": {"coordinator": {"dienst": "OCMW Genk, LCO-coördinatie", "naam": "Ilse"}, "spilfiguur": "caw"},
}


def casus_data(**changes: Any) -> dict[str, Any]:
    """Return the casus tests' valid casus with a role-play's extras; keyword arguments as there."""
    return base_casus_data(**{**_ROLE_PLAY, **changes})


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


OWN_MOMENTS = """schema_version: 1
titel: Momenten van onze regio
bron: Geschreven door een begeleider voor een test van de kit.
momenten:
  - id: tolk
    fase: voorbereiding
    rol: coordinator
    als: [niet_delen]
    titel: Een tolk regelen
    situatie: "{client} spreekt thuis een andere taal."
    vraag: Wat regelt de coördinator?
    opties:
      - tekst: Een professionele tolk, afgesproken met {client}.
        juist: true
        uitleg: Een professionele tolk laat de cliënt zelf aan het woord, zonder dat familie moet vertalen.
      - tekst: De oudste dochter vertaalt.
        uitleg: Een kind laten tolken legt een zware last op het kind, en de cliënt spreekt dan niet vrij.
"""
"""A facilitator's own moments file: one moment, played only when the client keeps something apart."""


NO_LCO = "Mira wil geen overleg met alle diensten samen."
"""The reason of a casus that is not an LCO, as a test writes it."""


def uploaded(name: str, data: bytes) -> tuple[dict[str, object], ...]:
    """Return what a FileUpload widget holds after a person chose a file."""
    return (
        {
            "name": name,
            "type": "application/x-yaml",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime(2026, 1, 1, tzinfo=UTC),
        },
    )
