"""The method's rules for a stappenplan, each with a Dutch message that says where the problem is.

- every agreement says what, has an owner (``wie``) and a date (``tegen wanneer``), not
  before the meeting;
- the client has at least one own step;
- a spilfiguur is named, and is one of the providers;
- knelpunten are recorded for the report (or it is confirmed there were none), each with
  a category and a description;
- at least one life domain was discussed; the municipality is known (for the registration);
- at a follow-up LCO, every earlier agreement has its status, and a reason when it is not done.
"""

from __future__ import annotations

from dataclasses import dataclass

from lco_kit.codes import UnknownCodeError, lookup
from lco_kit.dutch import dutch_date
from lco_kit.errors import LcoError
from lco_kit.stappenplan.plan import Stappenplan, owner_choices
from lco_kit.stappenplan.teksten import stappenplan_text, status_text

__all__ = ["REGELS", "StappenplanProbleem", "check_stappenplan", "require_valid"]

REGELS = (
    "afspraken",
    "afspraak_wat",
    "afspraak_wie",
    "afspraak_datum",
    "afspraak_datum_voor_overleg",
    "eigen_stap",
    "spilfiguur",
    "knelpunten",
    "knelpunt_categorie",
    "knelpunt_omschrijving",
    "levensdomeinen",
    "gemeente",
    "opvolging_status",
    "opvolging_reden",
)
"""Every rule a stappenplan is checked against; each problem names its rule."""


@dataclass(frozen=True)
class StappenplanProbleem:
    """One rule a stappenplan does not meet.

    Attributes:
        regel: The rule (one of :data:`REGELS`).
        boodschap: What is wrong, where, and what to do, in Dutch.
        nummer: The agreement, knelpunt or earlier agreement it is about (1-based), if any.
    """

    regel: str
    boodschap: str
    nummer: int | None = None


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_agreements(plan: Stappenplan) -> list[StappenplanProbleem]:
    found: list[StappenplanProbleem] = []
    if not plan.afspraken:
        return [StappenplanProbleem("afspraken", stappenplan_text("regel_afspraken"))]
    owners = {value for _, value in owner_choices(plan.casus)}
    for number, agreement in enumerate(plan.afspraken, start=1):
        name = _short(agreement.wat) or stappenplan_text("zonder_omschrijving")
        if not agreement.wat.strip():
            found.append(StappenplanProbleem("afspraak_wat", stappenplan_text("regel_afspraak_wat", nr=number), number))
        if not agreement.wie.strip():
            found.append(
                StappenplanProbleem("afspraak_wie", stappenplan_text("regel_afspraak_wie", nr=number, wat=name), number)
            )
        elif agreement.wie not in owners:
            found.append(
                StappenplanProbleem(
                    "afspraak_wie",
                    stappenplan_text("regel_afspraak_wie_onbekend", nr=number, wat=name, wie=agreement.wie),
                    number,
                )
            )
        if agreement.tegen_wanneer is None:
            found.append(
                StappenplanProbleem(
                    "afspraak_datum", stappenplan_text("regel_afspraak_datum", nr=number, wat=name), number
                )
            )
        elif agreement.tegen_wanneer < plan.datum:
            found.append(
                StappenplanProbleem(
                    "afspraak_datum_voor_overleg",
                    stappenplan_text(
                        "regel_afspraak_datum_voor_overleg",
                        nr=number,
                        wat=name,
                        datum=dutch_date(agreement.tegen_wanneer),
                        overleg=dutch_date(plan.datum),
                    ),
                    number,
                )
            )
    if not plan.eigen_stappen:
        found.append(
            StappenplanProbleem("eigen_stap", stappenplan_text("regel_eigen_stap", client=plan.casus.client.pseudoniem))
        )
    return found


def _check_knelpunten(plan: Stappenplan) -> list[StappenplanProbleem]:
    found: list[StappenplanProbleem] = []
    if not plan.knelpunten and not plan.geen_knelpunten:
        return [StappenplanProbleem("knelpunten", stappenplan_text("regel_knelpunten"))]
    if plan.knelpunten and plan.geen_knelpunten:
        found.append(StappenplanProbleem("knelpunten", stappenplan_text("regel_knelpunten_tegenstrijdig")))
    for number, knelpunt in enumerate(plan.knelpunten, start=1):
        if not knelpunt.categorie.strip():
            found.append(
                StappenplanProbleem(
                    "knelpunt_categorie", stappenplan_text("regel_knelpunt_categorie", nr=number), number
                )
            )
        else:
            try:
                lookup("knelpunten", knelpunt.categorie)
            except UnknownCodeError as error:
                found.append(
                    StappenplanProbleem(
                        "knelpunt_categorie",
                        stappenplan_text("regel_knelpunt_categorie_onbekend", nr=number, reden=str(error)),
                        number,
                    )
                )
        if not knelpunt.omschrijving.strip():
            found.append(
                StappenplanProbleem(
                    "knelpunt_omschrijving", stappenplan_text("regel_knelpunt_omschrijving", nr=number), number
                )
            )
    return found


def _check_follow_up(plan: Stappenplan) -> list[StappenplanProbleem]:
    found: list[StappenplanProbleem] = []
    for number, earlier in enumerate(plan.opvolging, start=1):
        name = _short(earlier.wat)
        if earlier.status == "open":
            found.append(
                StappenplanProbleem(
                    "opvolging_status", stappenplan_text("regel_opvolging_status", nr=number, wat=name), number
                )
            )
        elif earlier.status != "gedaan" and not (earlier.toelichting or "").strip():
            found.append(
                StappenplanProbleem(
                    "opvolging_reden",
                    stappenplan_text("regel_opvolging_reden", nr=number, wat=name, status=status_text(earlier.status)),
                    number,
                )
            )
    return found


def check_stappenplan(plan: Stappenplan) -> list[StappenplanProbleem]:
    """Return every rule the stappenplan does not meet (an empty list: it is complete).

    Examples:
        >>> from lco_kit.casus import simulate_casus
        >>> from lco_kit.stappenplan import new_stappenplan
        >>> problems = check_stappenplan(new_stappenplan(simulate_casus(3)))
        >>> [p.regel for p in problems][:2]
        ['afspraken', 'knelpunten']
    """
    found = _check_agreements(plan)
    found += _check_knelpunten(plan)
    ids = [p.id for p in plan.casus.hulpverleners]
    if not plan.spilfiguur:
        found.append(
            StappenplanProbleem("spilfiguur", stappenplan_text("regel_spilfiguur", client=plan.casus.client.pseudoniem))
        )
    elif plan.spilfiguur not in ids:
        found.append(
            StappenplanProbleem(
                "spilfiguur", stappenplan_text("regel_spilfiguur_onbekend", wie=plan.spilfiguur, ids=", ".join(ids))
            )
        )
    if not plan.levensdomeinen:
        found.append(StappenplanProbleem("levensdomeinen", stappenplan_text("regel_levensdomeinen")))
    if not (plan.gemeente or "").strip():
        found.append(StappenplanProbleem("gemeente", stappenplan_text("regel_gemeente")))
    found += _check_follow_up(plan)
    return found


def require_valid(plan: Stappenplan) -> None:
    """Raise a Dutch error listing every problem, when the stappenplan is not complete.

    Raises:
        LcoError: With one line per problem.
    """
    problems = check_stappenplan(plan)
    if problems:
        lines = [stappenplan_text("niet_compleet", aantal=len(problems))]
        lines += [f"- {p.boodschap}" for p in problems]
        raise LcoError("\n".join(lines))
