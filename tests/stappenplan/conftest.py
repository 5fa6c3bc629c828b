"""Shared helpers of the stappenplan tests: a complete plan, and the rules a plan breaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from lco_kit.casus import Afspraak, Casus, Knelpunt, casus_to_yaml
from lco_kit.stappenplan import Stappenplan, check_stappenplan, new_stappenplan
from tests.rollenspel.conftest import make_casus

DAY = date(2026, 3, 2)
TODAY = date(2026, 11, 22)


def complete(casus: Casus | None = None, datum: date = DAY, **changes: object) -> Stappenplan:
    """Return a complete stappenplan for a casus on a day (earlier agreements told, with a reason), changed as asked."""
    base = new_stappenplan(casus or make_casus(), datum)
    plan = replace(
        base,
        afspraken=(
            Afspraak.concept("Samen de aanvraag voor een huurpremie invullen", "ocmw", datum + timedelta(days=28)),
            Afspraak.concept("Mira belt zelf naar de kinderopvang in de buurt", "client", datum + timedelta(days=14)),
            Afspraak.concept("De stand van de afspraken opvolgen met Mira", "spilfiguur", datum + timedelta(days=44)),
        ),
        knelpunten=(Knelpunt.concept("kinderopvang", "Geen opvang voor zeven uur 's morgens in Genk."),),
        opvolging=tuple(
            e.model_copy(
                update={"status": "gedaan" if e.status == "open" else e.status, "toelichting": "Besproken aan tafel."}
            )
            for e in base.opvolging
        ),
    )
    return replace(plan, **changes)  # type: ignore[arg-type]


def rules(plan: Stappenplan) -> list[str]:
    """Return the rules a plan breaks."""
    return [p.regel for p in check_stappenplan(plan)]


def messages(plan: Stappenplan) -> list[str]:
    """Return the Dutch messages of the rules a plan breaks."""
    return [p.boodschap for p in check_stappenplan(plan)]


def follow_up_yaml_of(casus: Casus) -> bytes:
    """Return a casus as the bytes of its file."""
    return casus_to_yaml(casus).encode("utf-8")
