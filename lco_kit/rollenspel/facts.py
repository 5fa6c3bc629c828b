"""What the role-play reads from a casus: who coordinates, who is close, who requested, which minors take part.

Every part of the role-play (cards, moments, checks) asks the same questions of a casus;
:func:`casus_facts` answers them once, for any casus, curated or simulated, with or without
an ``opstelling``. Nothing here changes the casus.

Examples:
    >>> from lco_kit.casus import simulate_casus
    >>> facts = casus_facts(simulate_casus(3))
    >>> facts.indicatie
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lco_kit.casus import MIN_PARTICIPATION_AGE, Casus, Hulpverlener, Minderjarige
from lco_kit.codes import code_list
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = [
    "MIN_DOMEINEN",
    "MIN_HULPVERLENERS",
    "CasusFeiten",
    "casus_facts",
    "dutch_list",
    "provider_label",
]

MIN_HULPVERLENERS = 3
"""An LCO fits when three or more providers are involved …"""
MIN_DOMEINEN = 3
"""… and/or when there are problems on three or more life domains."""

_NEARNESS_ORDER = {"dichtbij": 0, "regelmatig": 1, "op afstand": 2}


def dutch_list(items: Sequence[str]) -> str:
    """Return items as a Dutch enumeration (``a, b en c``; ``a; b en c`` when an item holds a comma).

    Examples:
        >>> dutch_list(["CAW", "OCMW", "huisarts"])
        'CAW, OCMW en huisarts'
        >>> dutch_list(["OCMW Genk, sociale dienst", "CLB Genk", "huisarts"])
        'OCMW Genk, sociale dienst; CLB Genk en huisarts'
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    separator = "; " if any("," in item for item in items) else ", "
    return f"{separator.join(items[:-1])} {rollenspel_text('opsomming_en')} {items[-1]}"


def provider_label(casus: Casus, provider: Hulpverlener) -> str:
    """Return a provider as a person reads it (``Joyce (Dienst …)``)."""
    return casus.who_label(provider.id)


@dataclass(frozen=True)
class CasusFeiten:
    """What the role-play needs to know of a casus.

    Attributes:
        casus: The casus itself.
        coordinator: The neutral coördinator as a person reads it.
        spilfiguur: The provider chosen as spilfiguur (in the casus or the setup), if any.
        dichtbij: The provider closest to the client: the likely choice for spilfiguur.
        aanvrager: The provider who requested the LCO, if a provider did.
        andere: A provider other than the spilfiguur (and, when possible, the requester):
            the one the moments put in a difficult spot.
        voorgestelde_coordinator: A provider someone might propose as coördinator (never the
            spilfiguur): the social service of the OCMW when it is involved.
        minderjarigen: Minors old enough to take part (they get a card), oldest first.
        minderjarigen_thuis: The other minors in the household.
        probleemdomeinen: Labels of the life domains scored 3 or lower.
        indicatie: True when three or more providers and/or problem domains, and consent, and the
            casus does not say it is no LCO (``geen_lco``).
    """

    casus: Casus
    coordinator: str
    spilfiguur: Hulpverlener | None
    dichtbij: Hulpverlener
    aanvrager: Hulpverlener | None
    andere: Hulpverlener
    voorgestelde_coordinator: Hulpverlener
    minderjarigen: tuple[Minderjarige, ...]
    minderjarigen_thuis: tuple[Minderjarige, ...]
    probleemdomeinen: tuple[str, ...]
    indicatie: bool

    @property
    def client(self) -> str:
        """Return the client's pseudonym."""
        return self.casus.client.pseudoniem

    def label(self, provider: Hulpverlener) -> str:
        """Return a provider as a person reads it."""
        return provider_label(self.casus, provider)

    @property
    def aanvrager_label(self) -> str:
        """Return who requested the LCO, as a person reads it."""
        if self.aanvrager is not None:
            return self.label(self.aanvrager)
        if self.casus.aanvrager.soort == "client":
            return self.client
        return code_list("aanvragers").label(self.casus.aanvrager.soort)

    @property
    def aanvrager_is_client(self) -> bool:
        """Return True when the client asked for the LCO themself."""
        return self.casus.aanvrager.soort == "client"


def coordinator_label(casus: Casus) -> str:
    """Return the casus's neutral coördinator, or the usual one in Limburg when none is named."""
    setup = casus.opstelling
    if setup is not None and setup.coordinator is not None:
        if setup.coordinator.naam:
            return f"{setup.coordinator.naam} ({setup.coordinator.dienst})"
        return setup.coordinator.dienst
    if casus.gemeente:
        return rollenspel_text("coordinator_standaard_gemeente", gemeente=casus.gemeente)
    return rollenspel_text("coordinator_standaard")


def _old_enough(minor: Minderjarige) -> bool:
    return minor.neemt_deel or (minor.oud_genoeg and minor.leeftijd >= MIN_PARTICIPATION_AGE)


def casus_facts(casus: Casus, spilfiguur: str | None = None) -> CasusFeiten:
    """Return what the role-play reads from a casus.

    Args:
        casus: Any valid casus.
        spilfiguur: A provider id chosen as spilfiguur in the role-play's setup; by default
            the casus's own choice. An id that is not a provider is ignored here (the checks
            in :mod:`lco_kit.rollenspel.checks` say so in Dutch).
    """
    providers = casus.hulpverleners
    ids = {p.id for p in providers}
    chosen_id = spilfiguur if spilfiguur in ids else (casus.opstelling.spilfiguur if casus.opstelling else None)
    chosen = casus.provider(chosen_id) if chosen_id else None
    closest = min(providers, key=lambda p: _NEARNESS_ORDER[p.nabijheid])
    requester = casus.provider(casus.aanvrager.hulpverlener) if casus.aanvrager.hulpverlener else None
    pivot = chosen or closest
    others = [p for p in providers if p.id != pivot.id]
    not_requester = [p for p in others if requester is None or p.id != requester.id] or others
    other = max(not_requester, key=lambda p: _NEARNESS_ORDER[p.nabijheid])
    proposed = next((p for p in others if p.sector == "ocmw"), None) or (
        requester if requester is not None and requester.id != pivot.id else others[0]
    )
    minors = sorted(casus.client.minderjarigen, key=lambda m: -m.leeftijd)
    taking_part = tuple(m for m in minors if _old_enough(m))
    at_home = tuple(m for m in minors if not _old_enough(m))
    domains = code_list("levensdomeinen")
    problems = tuple(domains.label(d.domein) for d in casus.problem_domains)
    fits = (len(providers) >= MIN_HULPVERLENERS or len(problems) >= MIN_DOMEINEN) and casus.toestemming and casus.is_lco
    return CasusFeiten(
        casus=casus,
        coordinator=coordinator_label(casus),
        spilfiguur=chosen,
        dichtbij=closest,
        aanvrager=requester,
        andere=other,
        voorgestelde_coordinator=proposed,
        minderjarigen=taking_part,
        minderjarigen_thuis=at_home,
        probleemdomeinen=problems,
        indicatie=fits,
    )
