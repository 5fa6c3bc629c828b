"""The stappenplan of one LCO: the agreements (wat, wie, tegen wanneer) and what the verslag and the registration need.

A :class:`Stappenplan` belongs to one casus. :func:`new_stappenplan` fills in what the casus
already says (the providers at the table, the life domains with problems, the spilfiguur,
and for a follow-up LCO the earlier agreements with their status). Its agreements and
knelpunten are the casus's own models (:class:`~lco_kit.casus.Afspraak`,
:class:`~lco_kit.casus.Knelpunt`), filled in at the table as concepts; the rules
(:mod:`lco_kit.stappenplan.regels`) say what is still missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from lco_kit.casus import Afspraak, Casus, Knelpunt, require_lco
from lco_kit.codes import normalize
from lco_kit.stappenplan.teksten import stappenplan_text

__all__ = ["Stappenplan", "new_stappenplan", "owner_choices", "owner_label"]

_EIGENAARS = ("client", "coordinator", "spilfiguur")
"""Who besides a provider can own an agreement of the plan (the plan's own codes)."""


@dataclass(frozen=True)
class Stappenplan:
    """The agreements of one LCO and what the verslag and the registration need.

    Attributes:
        casus: The casus the LCO was about.
        datum: The day of the meeting.
        client_aanwezig: Whether the client sat at the table.
        hulpverleners: Ids of the providers who took part.
        minderjarigen: How many minors took part.
        vertrouwenspersoon: Whether the client's vertrouwenspersoon took part.
        levensdomeinen: Codes of the life domains discussed.
        spilfiguur: The provider id of the spilfiguur (None: not named).
        afspraken: The agreements, the client's own steps included; ``wie`` is a provider's
            id, ``client``, ``coordinator`` or ``spilfiguur`` (empty: nobody yet).
        knelpunten: The structural knelpunten noted for the signal function.
        geen_knelpunten: True when the meeting found no structural knelpunt (said explicitly).
        opvolging: At a follow-up LCO: each earlier agreement, with its status and (in its
            ``toelichting``) why it went as it went.
        volgend_overleg: The date of a next meeting, when one was set.
        gemeente: The municipality for the registration (default: the casus's).
        coordinator: A provider's id when a provider coordinated (a role-play's setup); None
            for the casus's own coördinator.
        traject_id: The casus traject this plan belongs to (its short opaque id), if any.
    """

    casus: Casus
    datum: date
    client_aanwezig: bool = True
    hulpverleners: tuple[str, ...] = ()
    minderjarigen: int = 0
    vertrouwenspersoon: bool = False
    levensdomeinen: tuple[str, ...] = ()
    spilfiguur: str | None = None
    afspraken: tuple[Afspraak, ...] = ()
    knelpunten: tuple[Knelpunt, ...] = ()
    geen_knelpunten: bool = False
    opvolging: tuple[Afspraak, ...] = ()
    volgend_overleg: date | None = None
    gemeente: str | None = None
    coordinator: str | None = None
    traject_id: str | None = None

    @property
    def soort(self) -> Literal["eerste", "opvolg"]:
        """Return ``opvolg`` when the casus follows up an earlier LCO, else ``eerste``."""
        return "opvolg" if self.casus.vorige_lco is not None else "eerste"

    @property
    def aantal_deelnemers(self) -> int:
        """Return how many people took part: the client, the coördinator, providers, minors, vertrouwenspersoon."""
        return (
            int(self.client_aanwezig) + 1 + len(self.hulpverleners) + self.minderjarigen + int(self.vertrouwenspersoon)
        )

    @property
    def eigen_stappen(self) -> tuple[Afspraak, ...]:
        """Return the client's own steps."""
        return tuple(a for a in self.afspraken if a.eigen_stap)


def new_stappenplan(casus: Casus, datum: date | None = None) -> Stappenplan:
    """Return a stappenplan filled in with what the casus already says.

    Every provider at the table, every minor who takes part and the vertrouwenspersoon (when
    the casus names one); the life domains scored 3 or lower (all of them when none is);
    the spilfiguur of the casus; for a follow-up, the earlier agreements with their status.
    No agreements and no knelpunten yet: those are made at the table.

    Raises:
        LcoError: For a casus that is not an LCO (``geen_lco``), with its reason in Dutch.
    """
    require_lco(casus, "stappenplan")
    domains = tuple(d.domein for d in casus.problem_domains) or tuple(d.domein for d in casus.levensdomeinen)
    earlier: tuple[Afspraak, ...] = ()
    if casus.vorige_lco is not None:
        earlier = tuple(a.model_copy(update={"wie": _owner_code(a.wie)}) for a in casus.vorige_lco.afspraken)
    return Stappenplan(
        casus=casus,
        datum=datum or date.today(),
        client_aanwezig=True,
        hulpverleners=tuple(p.id for p in casus.hulpverleners),
        minderjarigen=sum(m.neemt_deel for m in casus.client.minderjarigen),
        vertrouwenspersoon=bool(casus.client.vertrouwenspersoon),
        levensdomeinen=domains,
        spilfiguur=casus.opstelling.spilfiguur if casus.opstelling else None,
        opvolging=earlier,
        gemeente=casus.gemeente,
    )


def _owner_code(wie: str) -> str:
    """Return the plan's code for an owner from a casus file (the file writes ``cliënt``, the plan ``client``)."""
    return normalize(wie) if normalize(wie) in _EIGENAARS else wie


def owner_choices(casus: Casus) -> list[tuple[str, str]]:
    """Return who can own an agreement, as (label, value): the client first, then providers."""
    choices = [(owner_label(casus, "client"), "client")]
    choices += [(owner_label(casus, p.id), p.id) for p in casus.hulpverleners]
    choices += [(owner_label(casus, "spilfiguur"), "spilfiguur"), (owner_label(casus, "coordinator"), "coordinator")]
    return choices


def owner_label(casus: Casus, wie: str) -> str:
    """Return who owns an agreement as a person reads it (the client by name)."""
    if normalize(wie) == "client":
        return stappenplan_text("eigenaar_client", client=casus.client.pseudoniem)
    return casus.who_label(wie)
