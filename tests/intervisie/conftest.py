"""Small builders for the intervisie tests: a clean own-casus form, a clock a test moves by hand."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lco_kit.intervisie import EigenCasus


def clean_form(**changes: Any) -> EigenCasus:
    """Return a filled-in own-casus form without personal data, changed as asked."""
    form = EigenCasus(
        titel="Een moeder die niet meer komt",
        situatie="Sinds de zomer komt ze niet meer naar het overleg.\nDe diensten bellen elkaar wel.",
        leeftijd="25-44",
        huishouden="woont alleen met twee kinderen",
        profiel="eenoudergezin",
        domeinen=("financien", "opvoeding"),
        zwaarte=2,
        diensten="OCMW, sociale dienst\nCAW Limburg\nCLB",
        hulpvraag="Ik wil dat ze me met rust laten.",
        wat_goed_gaat="Ze brengt de kinderen elke dag naar school.",
        knelpunt="",
        leervraag="Hoe kan ik haar opnieuw aan tafel krijgen?",
    )
    return replace(form, **changes)


class ManualClock:
    """A clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        """Return the time now."""
        return self.now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        self.now += seconds
