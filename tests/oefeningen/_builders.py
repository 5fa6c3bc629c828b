"""Small builders for the exercise tests: exercises as the YAML data a facilitator writes, and banks of them."""

from __future__ import annotations

import random
from typing import Any

import pytest
import yaml

from lco_kit.errors import ContentError
from lco_kit.oefeningen.model import AnyOefening, Oefenreeks
from lco_kit.oefeningen.reeksen import load_bank


def seeded(seed: int) -> random.Random:
    """Return a random generator with a fixed seed."""
    return random.Random(seed)  # noqa: S311  (reproducible lessons, not security)


def why(text: str) -> str:
    """Return an explanation long enough to pass the rule (at least six words)."""
    return f"{text}, en daarom is dit zo bedoeld."


def single(exercise_id: str = "een-keuze", **extra: Any) -> dict[str, Any]:
    """Return a valid single-choice exercise as the YAML data a facilitator writes."""
    return {
        "id": exercise_id,
        "soort": "enkelvoudig",
        "onderwerp": "participatie",
        "vraag": "Wie kiest de spilfiguur?",
        "opties": [
            {"tekst": "De cliënt", "juist": True, "uitleg": why("De cliënt kiest wie dicht bij haar staat")},
            {"tekst": "De coördinator", "uitleg": why("De coördinator is neutraal en kiest niet")},
            {"tekst": "De aanvrager", "uitleg": why("De aanvrager stelt voor maar beslist niet")},
        ],
        **extra,
    }


def multiple(exercise_id: str = "meer-keuzes", **extra: Any) -> dict[str, Any]:
    """Return a valid multiple-choice exercise: options 0 and 2 are right."""
    return {
        "id": exercise_id,
        "soort": "meervoudig",
        "onderwerp": "gestructureerd",
        "vraag": "Wat hoort in het stappenplan?",
        "opties": [
            {"tekst": "Wie wat doet", "juist": True, "uitleg": why("Zonder wie blijft een stap een voornemen")},
            {"tekst": "Wat iedereen zei", "uitleg": why("Wat aan tafel gezegd wordt blijft daar")},
            {"tekst": "Tegen wanneer", "juist": True, "uitleg": why("Een datum maakt opvolgen mogelijk")},
            {"tekst": "Een diagnose", "uitleg": why("Medische details zijn niet nodig voor een stap")},
        ],
        **extra,
    }


def order(exercise_id: str = "de-fasen", **extra: Any) -> dict[str, Any]:
    """Return a valid ordering exercise with five steps, listed in the right order."""
    names = ["Aanvraag", "Voorbereiding", "Overleg", "Verslag", "Opvolging"]
    return {
        "id": exercise_id,
        "soort": "volgorde",
        "onderwerp": "fasen",
        "vraag": "Zet de fasen in volgorde.",
        "stappen": [{"tekst": name, "uitleg": why(f"{name} komt op plaats {n}")} for n, name in enumerate(names, 1)],
        **extra,
    }


def matching(exercise_id: str = "herkennen", **extra: Any) -> dict[str, Any]:
    """Return a valid matching exercise: four moments, three principles to choose from."""
    return {
        "id": exercise_id,
        "soort": "koppelen",
        "onderwerp": "maatzorg",
        "vraag": "Welk principe staat op het spel?",
        "paren": [
            {
                "moment": "Ze praten over de cliënt voor ze er is.",
                "principe": "participatie",
                "uitleg": why("Zonder haar"),
            },
            {
                "moment": "Het plan zegt wie en wanneer.",
                "principe": "gestructureerd",
                "uitleg": why("Duidelijke taken"),
            },
            {"moment": "Twee diensten kiezen één plan.", "principe": "gecoordineerd", "uitleg": why("Afgestemde hulp")},
            {"moment": "De cliënt kiest wie er komt.", "principe": "participatie", "uitleg": why("Zij beslist mee")},
        ],
        "keuzes": ["participatie", "gestructureerd", "gecoordineerd"],
        **extra,
    }


def open_question(exercise_id: str = "denk-na", **extra: Any) -> dict[str, Any]:
    """Return a valid open reflection question."""
    return {
        "id": exercise_id,
        "soort": "open",
        "onderwerp": "positief",
        "vraag": "Wat lukt je cliënt goed?",
        "denkpistes": ["Wie weet dat nog?", "Hoe komt het in het plan?"],
        **extra,
    }


def bank_bytes(*exercises: dict[str, Any], **header: Any) -> bytes:
    """Return a bank file as bytes, with a title and description unless given."""
    data = {"schema_version": 1, "titel": "Testreeks", "beschrijving": "Voor de tests.", **header}
    data["oefeningen"] = list(exercises)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def bank(*exercises: dict[str, Any]) -> Oefenreeks:
    """Load a bank built in code (no casus references are known)."""
    return load_bank(bank_bytes(*exercises), "test.yaml", casus=set())


def one(exercise: dict[str, Any]) -> AnyOefening:
    """Return one exercise built in code, validated."""
    return bank(exercise).oefeningen[0]


def problems(data: bytes, casus: set[str] | None = None) -> list[tuple[int | None, str | None, str]]:
    """Return (line, field, message) of every problem in a bank."""
    with pytest.raises(ContentError) as caught:
        load_bank(data, "reeks.yaml", casus=casus or set())
    return [(p.line, p.field, p.message) for p in caught.value.problems]
