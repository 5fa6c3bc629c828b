"""The stappenplan of an LCO: agreements (wat, wie, tegen wanneer), their rules, the verslag and the follow-up.

A :class:`Stappenplan` belongs to one casus. :func:`new_stappenplan` fills in what the casus
already says (the providers at the table, the life domains with problems, the spilfiguur,
and for a follow-up LCO the earlier agreements with their status). :func:`check_stappenplan`
applies the method's rules, each with a Dutch message that says where the problem is:

- every agreement says what, has an owner (``wie``) and a date (``tegen wanneer``), not
  before the meeting;
- the client has at least one own step;
- a spilfiguur is named, and is one of the providers;
- knelpunten are recorded for the report (or it is confirmed there were none), each with
  a category and a description;
- at least one life domain was discussed; the municipality is known (for the registration);
- at a follow-up LCO, every earlier agreement has its status, and a reason when it is not done.

A plan that passes becomes a verslag (:func:`verslag_markdown`, :func:`verslag_pdf`) with the
knelpunten listed for the signal function, and **the registration row for this LCO**
(:func:`registratie_rij`, checked with :func:`lco_kit.registratie.check_row`, the same rules
as the yearly import), so its knelpunten reach the registration charts. :func:`follow_up_casus`
writes the plan back into the casus as ``vorige_lco``; :func:`opening_view` shows, when the
follow-up LCO opens, each earlier agreement with its status and, in its ``toelichting``,
why it went as it went.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal, get_args

from pydantic import ValidationError

from lco_kit.casus import Casus, casus_to_yaml, require_lco
from lco_kit.casus.handout import who_label
from lco_kit.casus.model import Afspraak, VorigeLco
from lco_kit.codes import UnknownCodeError, code_list, lookup, normalize
from lco_kit.content import FixedTexts
from lco_kit.dutch import dutch_date
from lco_kit.errors import LcoError
from lco_kit.export import to_belgian_csv
from lco_kit.pdf import PdfDocument
from lco_kit.registratie import REGISTRATION_COLUMNS, RowCheck, check_row
from lco_kit.registratie.schema import cell_text

__all__ = [
    "EIGENAARS",
    "REGELS",
    "STATUSSEN",
    "Agreement",
    "OpvolgRegel",
    "Opvolging",
    "Stappenplan",
    "StappenplanKnelpunt",
    "StappenplanProbleem",
    "Status",
    "check_registration_row",
    "check_stappenplan",
    "follow_up_casus",
    "follow_up_yaml",
    "lco_id",
    "new_stappenplan",
    "opening_view",
    "owner_choices",
    "owner_label",
    "registratie_csv",
    "registratie_rij",
    "require_valid",
    "stappenplan_text",
    "update_follow_up",
    "verslag_filename",
    "verslag_markdown",
    "verslag_pdf",
    "with_follow_up",
]

Status = Literal["open", "bezig", "gedaan", "niet gelukt"]
STATUSSEN: tuple[Status, ...] = get_args(Status)
"""The status of an earlier agreement, as the casus format writes it."""
EIGENAARS = ("client", "coordinator", "spilfiguur")
"""Who besides a provider can own an agreement (the words the casus format accepts)."""
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


stappenplan_text = FixedTexts("rollenspel/stappenplan.yaml")
"""Return a fixed text of the stappenplan, ``{placeholders}`` filled in."""


# ------------------------------------------------------------------ the plan


@dataclass(frozen=True)
class Agreement:
    """One agreement of the stappenplan: what, who, by when.

    Attributes:
        wat: What will happen.
        wie: Who does it: a provider's id, ``client``, ``coordinator`` or ``spilfiguur``
            (empty: nobody yet).
        tegen_wanneer: By when (None: no date yet).
    """

    wat: str = ""
    wie: str = ""
    tegen_wanneer: date | None = None

    @property
    def eigen_stap(self) -> bool:
        """Return True when the client takes this step themself."""
        return normalize(self.wie) == "client"


@dataclass(frozen=True)
class StappenplanKnelpunt:
    """A structural knelpunt noted at the meeting, for the verslag and the registration."""

    categorie: str = ""
    omschrijving: str = ""


@dataclass(frozen=True)
class Opvolging:
    """How an agreement of the earlier LCO went, as told at the follow-up LCO."""

    wat: str
    wie: str
    tegen_wanneer: date
    status: Status = "open"
    reden: str = ""


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
        afspraken: The agreements, the client's own steps included.
        knelpunten: The structural knelpunten noted for the signal function.
        geen_knelpunten: True when the meeting found no structural knelpunt (said explicitly).
        opvolging: At a follow-up LCO: how each earlier agreement went.
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
    afspraken: tuple[Agreement, ...] = ()
    knelpunten: tuple[StappenplanKnelpunt, ...] = ()
    geen_knelpunten: bool = False
    opvolging: tuple[Opvolging, ...] = ()
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
    def eigen_stappen(self) -> tuple[Agreement, ...]:
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
    earlier: tuple[Opvolging, ...] = ()
    if casus.vorige_lco is not None:
        earlier = tuple(
            Opvolging(a.wat, _owner_code(a.wie), a.tegen_wanneer, a.status, _reason_of(a))
            for a in casus.vorige_lco.afspraken
        )
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
    return normalize(wie) if normalize(wie) in EIGENAARS else wie


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
    return who_label(casus, wie)


# ------------------------------------------------------------------ the rules


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
        elif earlier.status != "gedaan" and not earlier.reden.strip():
            found.append(
                StappenplanProbleem(
                    "opvolging_reden",
                    stappenplan_text(
                        "regel_opvolging_reden",
                        nr=number,
                        wat=name,
                        status=stappenplan_text(_status_key(earlier.status)),
                    ),
                    number,
                )
            )
    return found


def check_stappenplan(plan: Stappenplan) -> list[StappenplanProbleem]:
    """Return every rule the stappenplan does not meet (an empty list: it is complete).

    Examples:
        >>> from lco_kit.casus import simulate_casus
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


# ------------------------------------------------------------------ the verslag


def _status_key(status: str) -> str:
    return f"status_{status.replace(' ', '_')}"


def verslag_filename(plan: Stappenplan, extension: str) -> str:
    """Return the verslag's file name (``verslag-<casus>-<datum>.pdf``)."""
    return f"verslag-{plan.casus.id}-{plan.datum.isoformat()}.{extension}"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Return text that Markdown shows as written (no markup, no HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _labels(list_name: str, codes: Sequence[str]) -> list[str]:
    codes_list = code_list(list_name)
    return [codes_list.label(c) for c in codes]


def _knelpunt_label(knelpunt: StappenplanKnelpunt) -> str:
    return code_list("knelpunten").label(knelpunt.categorie)


def _participants(plan: Stappenplan) -> list[str]:
    casus = plan.casus
    client = casus.client.pseudoniem
    lines = [
        stappenplan_text("verslag_client_aanwezig" if plan.client_aanwezig else "verslag_client_afwezig", client=client)
    ]
    coordinator = casus.opstelling.coordinator if casus.opstelling else None
    if plan.coordinator is not None:
        lines.append(stappenplan_text("verslag_coordinator", wie=who_label(casus, plan.coordinator)))
    elif coordinator is not None:
        who = f"{coordinator.naam} ({coordinator.dienst})" if coordinator.naam else coordinator.dienst
        lines.append(stappenplan_text("verslag_coordinator", wie=who))
    else:
        lines.append(stappenplan_text("verslag_coordinator_onbekend"))
    for provider_id in plan.hulpverleners:
        if provider_id == plan.coordinator:
            continue
        provider = casus.provider(provider_id)
        key = "verslag_hulpverlener_spilfiguur" if provider_id == plan.spilfiguur else "verslag_hulpverlener"
        lines.append(stappenplan_text(key, wie=who_label(casus, provider_id), rol=provider.rol))
    if plan.minderjarigen:
        lines.append(stappenplan_text("verslag_minderjarigen", aantal=plan.minderjarigen))
    if plan.vertrouwenspersoon:
        lines.append(
            stappenplan_text(
                "verslag_vertrouwenspersoon",
                wie=casus.client.vertrouwenspersoon or stappenplan_text("vertrouwenspersoon_onbekend"),
            )
        )
    return lines


def _date_text(day: date | None) -> str:
    return dutch_date(day) if day else stappenplan_text("geen_datum")


def _verslag_parts(plan: Stappenplan) -> dict[str, Any]:
    """Return the verslag's content once, for Markdown and PDF alike."""
    require_valid(plan)
    casus = plan.casus
    client = casus.client.pseudoniem
    earlier = [
        (
            e.wat,
            owner_label(casus, e.wie),
            dutch_date(e.tegen_wanneer),
            stappenplan_text(_status_key(e.status)),
            e.reden or "",
        )
        for e in plan.opvolging
    ]
    agreements = [(a.wat, owner_label(casus, a.wie), _date_text(a.tegen_wanneer)) for a in plan.afspraken]
    knelpunten = [(_knelpunt_label(k), k.omschrijving) for k in plan.knelpunten]
    spil = who_label(casus, plan.spilfiguur) if plan.spilfiguur else ""
    return {
        "titel": stappenplan_text("verslag_titel"),
        "gegevens": [
            (stappenplan_text("verslag_casus"), casus.titel),
            (stappenplan_text("verslag_datum"), dutch_date(plan.datum)),
            (stappenplan_text("verslag_soort"), stappenplan_text(f"soort_{plan.soort}")),
            (stappenplan_text("verslag_gemeente"), plan.gemeente or ""),
        ]
        + ([(stappenplan_text("verslag_traject"), plan.traject_id)] if plan.traject_id else []),
        "deelnemers": _participants(plan),
        "hulpvraag": casus.hulpvraag,
        "goed": list(casus.wat_goed_gaat),
        "domeinen": _labels("levensdomeinen", plan.levensdomeinen),
        "vorige": earlier,
        "afspraken": agreements,
        "eigen": [a.wat for a in plan.eigen_stappen],
        "spilfiguur": stappenplan_text("verslag_spilfiguur_tekst", wie=spil, client=client),
        "knelpunten": knelpunten,
        "ontvangers": stappenplan_text("verslag_ontvangers_tekst", client=client),
        "volgend": _date_text(plan.volgend_overleg)
        if plan.volgend_overleg
        else stappenplan_text("verslag_geen_volgend_overleg"),
        "client": client,
    }


def verslag_markdown(plan: Stappenplan) -> str:
    """Return the verslag as Markdown; every typed text is escaped (shown as written, never as markup).

    Raises:
        LcoError: When the stappenplan is not complete (see :func:`require_valid`).
    """
    parts = _verslag_parts(plan)
    t = stappenplan_text
    lines = [f"# {_md(parts['titel'])}", ""]
    lines += [f"- **{_md(k)}:** {_md(v)}" for k, v in parts["gegevens"]]
    lines += ["", f"## {_md(t('verslag_kop_deelnemers'))}", ""]
    lines += [f"- {_md(line)}" for line in parts["deelnemers"]]
    lines += ["", f"## {_md(t('verslag_kop_hulpvraag', client=parts['client']))}", "", f"> {_md(parts['hulpvraag'])}"]
    lines += ["", f"## {_md(t('verslag_kop_goed'))}", ""]
    lines += [f"- {_md(line)}" for line in parts["goed"]]
    lines += ["", f"## {_md(t('verslag_kop_domeinen'))}", "", _md(", ".join(parts["domeinen"]))]
    if parts["vorige"]:
        lines += ["", f"## {_md(t('verslag_kop_vorige'))}", ""]
        header = [t("kolom_wat"), t("kolom_wie"), t("kolom_tegen"), t("kolom_stand"), t("kolom_waarom")]
        lines += ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(_md(c) or "–" for c in row) + " |" for row in parts["vorige"]]
    lines += ["", f"## {_md(t('verslag_kop_stappenplan'))}", ""]
    header = [t("kolom_wat"), t("kolom_wie"), t("kolom_tegen")]
    lines += ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in parts["afspraken"]]
    lines += ["", f"### {_md(t('verslag_kop_eigen', client=parts['client']))}", ""]
    lines += [f"- {_md(line)}" for line in parts["eigen"]]
    lines += ["", f"## {_md(t('verslag_kop_spilfiguur'))}", "", _md(parts["spilfiguur"])]
    lines += ["", f"## {_md(t('verslag_kop_knelpunten'))}", "", _md(t("verslag_knelpunten_uitleg")), ""]
    if parts["knelpunten"]:
        lines += [f"- **{_md(k)}:** {_md(v)}" for k, v in parts["knelpunten"]]
    else:
        lines.append(_md(t("verslag_geen_knelpunten")))
    lines += ["", f"## {_md(t('verslag_kop_ontvangers'))}", "", _md(parts["ontvangers"])]
    lines += ["", f"## {_md(t('verslag_kop_volgend'))}", "", _md(parts["volgend"])]
    lines += ["", f"_{_md(t('verslag_voetnoot', client=parts['client']))}_", ""]
    return "\n".join(lines)


def verslag_pdf(plan: Stappenplan, made_on: date | None = None) -> bytes:
    """Return the verslag as a PDF.

    Raises:
        LcoError: When the stappenplan is not complete (see :func:`require_valid`).
    """
    parts = _verslag_parts(plan)
    t = stappenplan_text
    doc = PdfDocument(parts["titel"], t("verslag_ondertitel"), made_on=made_on or plan.datum)
    doc.key_values(parts["gegevens"])
    doc.heading(t("verslag_kop_deelnemers"))
    doc.bullets(parts["deelnemers"])
    doc.heading(t("verslag_kop_hulpvraag", client=parts["client"]))
    doc.paragraph(f"“{parts['hulpvraag']}”", italic=True)
    doc.heading(t("verslag_kop_goed"))
    doc.bullets(parts["goed"])
    doc.heading(t("verslag_kop_domeinen"))
    doc.paragraph(", ".join(parts["domeinen"]))
    if parts["vorige"]:
        doc.heading(t("verslag_kop_vorige"))
        doc.table(
            [t("kolom_wat"), t("kolom_wie"), t("kolom_tegen"), t("kolom_stand"), t("kolom_waarom")],
            [[c or "–" for c in row] for row in parts["vorige"]],
            widths=(52, 32, 28, 22, 40),
        )
    doc.heading(t("verslag_kop_stappenplan"))
    doc.table([t("kolom_wat"), t("kolom_wie"), t("kolom_tegen")], parts["afspraken"], widths=(90, 48, 36))
    doc.heading(t("verslag_kop_eigen", client=parts["client"]), level=2)
    doc.bullets(parts["eigen"])
    doc.heading(t("verslag_kop_spilfiguur"))
    doc.paragraph(parts["spilfiguur"])
    doc.heading(t("verslag_kop_knelpunten"))
    doc.paragraph(t("verslag_knelpunten_uitleg"))
    if parts["knelpunten"]:
        doc.table([t("kolom_categorie"), t("kolom_omschrijving")], parts["knelpunten"], widths=(45, 129))
    else:
        doc.paragraph(t("verslag_geen_knelpunten"))
    doc.heading(t("verslag_kop_ontvangers"))
    doc.paragraph(parts["ontvangers"])
    doc.heading(t("verslag_kop_volgend"))
    doc.paragraph(parts["volgend"])
    doc.paragraph(t("verslag_voetnoot", client=parts["client"]), italic=True)
    return doc.to_bytes()


# ------------------------------------------------------------------ the registration row


def registratie_rij(plan: Stappenplan, *, today: date | None = None) -> dict[str, str]:
    """Return the registration row of this LCO, checked with the registration's own rules.

    Args:
        plan: A complete stappenplan.
        today: The last date the registration accepts (default: today).

    Returns:
        Column → text, in the order of :data:`lco_kit.registratie.REGISTRATION_COLUMNS`.

    Raises:
        LcoError: When the stappenplan is not complete, or the row breaks a rule of the
            registration format (its own Dutch message, with the column).
    """
    require_valid(plan)
    casus = plan.casus
    seen: list[str] = []
    for knelpunt in plan.knelpunten:
        label = _knelpunt_label(knelpunt)
        if label not in seen:
            seen.append(label)
    values: dict[str, object] = {
        "datum": plan.datum,
        "gemeente": plan.gemeente or "",
        "soort": plan.soort,
        "aanvrager": code_list("aanvragers").label(casus.aanvrager.soort),
        "client_aanwezig": plan.client_aanwezig,
        "minderjarige_betrokken": bool(casus.client.minderjarigen),
        "aantal_deelnemers": plan.aantal_deelnemers,
        "levensdomeinen": _labels("levensdomeinen", plan.levensdomeinen),
        "knelpunten": seen,
        "lco_id": lco_id(plan),
        "opmerking": "",
    }
    row = {column: cell_text(values[column]) for column in REGISTRATION_COLUMNS}
    check = check_registration_row(row, today=today)
    if check.problems:
        lines = [stappenplan_text("registratie_fout")] + [f"- {p.describe()}" for p in check.problems]
        raise LcoError("\n".join(lines))
    return row


def lco_id(plan: Stappenplan) -> str:
    """Return the LCO's own number in the registration: the casus, the day and, when there is one, the traject.

    At most 60 characters (the registration's limit): a long casus id is shortened, the
    date and the traject's id are kept whole, so the row leads back to its traject.
    """
    tail = f"-{plan.datum:%Y%m%d}" + (f"-{plan.traject_id}" if plan.traject_id else "")
    return plan.casus.id[: 60 - len(tail)].rstrip("-") + tail


def check_registration_row(row: Mapping[str, object], *, today: date | None = None) -> RowCheck:
    """Check a row with the registration format's own single-row rules."""
    return check_row(row, today=today)


def registratie_csv(plans: Stappenplan | Sequence[Stappenplan], *, today: date | None = None) -> bytes:
    """Return the registration rows of one or more LCOs as CSV for Belgian Excel.

    The file has the registration format's columns, so it can be added to a year's export
    or read on the registration page, where its knelpunten join the charts.
    """
    chosen = [plans] if isinstance(plans, Stappenplan) else list(plans)
    return to_belgian_csv([registratie_rij(plan, today=today) for plan in chosen])


# ------------------------------------------------------------------ the follow-up


def _reason_of(afspraak: Afspraak) -> str:
    return afspraak.toelichting or ""


def _rebuilt(casus: Casus, changes: Mapping[str, object]) -> Casus:
    data = casus.model_dump()
    data.update(changes)
    try:
        return Casus.model_validate(data)
    except ValidationError as error:
        reasons = "; ".join(str((d.get("ctx") or {}).get("error", d["msg"])) for d in error.errors(include_url=False))
        raise LcoError(stappenplan_text("opvolging_casus_fout", reden=reasons)) from None


def follow_up_casus(plan: Stappenplan) -> Casus:
    """Return the casus with this stappenplan written in as ``vorige_lco``, ready for a follow-up.

    Each agreement becomes an earlier agreement with status ``open``; the spilfiguur named
    in the plan is written into the casus's ``opstelling``.

    Raises:
        LcoError: When the stappenplan is not complete.
    """
    require_valid(plan)
    casus = plan.casus
    setup: dict[str, Any] = casus.opstelling.model_dump() if casus.opstelling else {"coordinator": None}
    setup["spilfiguur"] = plan.spilfiguur
    earlier = {
        "datum": plan.datum,
        "afspraken": [
            {"wat": a.wat.strip(), "wie": a.wie, "tegen_wanneer": a.tegen_wanneer, "status": "open"}
            for a in plan.afspraken
        ],
    }
    return _rebuilt(casus, {"vorige_lco": earlier, "opstelling": setup})


def follow_up_yaml(plan: Stappenplan) -> str:
    """Return the follow-up casus as the text of a casus file, with a comment saying where it came from."""
    casus = follow_up_casus(plan)
    return casus_to_yaml(casus, header=stappenplan_text("opvolging_yaml_kop", datum=dutch_date(plan.datum)))


def update_follow_up(casus: Casus, updates: Sequence[tuple[str, str]]) -> Casus:
    """Return the casus with the status of each earlier agreement updated (the spilfiguur's follow-up).

    Args:
        casus: A casus with ``vorige_lco``.
        updates: (status, reason) per earlier agreement, in order; the reason is kept as the
            agreement's ``toelichting``.

    Raises:
        LcoError: When the casus has no earlier LCO, the number of updates does not match,
            or a status is unknown.
    """
    if casus.vorige_lco is None:
        raise LcoError(stappenplan_text("opvolging_geen_vorige", titel=casus.titel))
    agreements = casus.vorige_lco.afspraken
    if len(updates) != len(agreements):
        raise LcoError(stappenplan_text("opvolging_aantal", aantal=len(agreements), gegeven=len(updates)))
    new = []
    for afspraak, (status, reason) in zip(agreements, updates, strict=True):
        if status not in STATUSSEN:
            raise LcoError(stappenplan_text("status_onbekend", status=status, mogelijk=", ".join(STATUSSEN)))
        data = afspraak.model_dump()
        data["status"] = status
        data["toelichting"] = reason.strip() or None
        new.append(data)
    earlier = VorigeLco.model_validate({"datum": casus.vorige_lco.datum, "afspraken": new}).model_dump()
    return _rebuilt(casus, {"vorige_lco": earlier})


@dataclass(frozen=True)
class OpvolgRegel:
    """One earlier agreement as the follow-up LCO opens with it.

    Attributes:
        nummer: Its place in the earlier stappenplan (1-based).
        wat: What was agreed.
        wie: Who owns it, as a person reads it.
        tegen_wanneer: The date it was due.
        status: ``open``, ``bezig``, ``gedaan`` or ``niet gelukt``.
        status_tekst: The status in words.
        te_laat: True when the date has passed and it is not done.
        reden: Why (when known).
    """

    nummer: int
    wat: str
    wie: str
    tegen_wanneer: date
    status: Status
    status_tekst: str
    te_laat: bool
    reden: str = ""


def opening_view(casus: Casus, today: date | None = None, reasons: Sequence[str] = ()) -> tuple[OpvolgRegel, ...]:
    """Return the earlier agreements as the follow-up LCO opens with them: each with its status and why.

    Args:
        casus: The casus (with ``vorige_lco``; without it there is nothing to open with).
        today: The day of the follow-up (default: today), to tell what is overdue.
        reasons: Reasons told at the follow-up, per agreement, when the casus holds none.
    """
    if casus.vorige_lco is None:
        return ()
    day = today or date.today()
    rows = []
    for number, afspraak in enumerate(casus.vorige_lco.afspraken, start=1):
        reason = _reason_of(afspraak) or (reasons[number - 1] if number <= len(reasons) else "")
        rows.append(
            OpvolgRegel(
                nummer=number,
                wat=afspraak.wat,
                wie=owner_label(casus, afspraak.wie),
                tegen_wanneer=afspraak.tegen_wanneer,
                status=afspraak.status,
                status_tekst=stappenplan_text(_status_key(afspraak.status)),
                te_laat=afspraak.status != "gedaan" and afspraak.tegen_wanneer < day,
                reden=reason,
            )
        )
    return tuple(rows)


def with_follow_up(plan: Stappenplan, updates: Sequence[tuple[str, str]]) -> Stappenplan:
    """Return the plan with the status and reason of each earlier agreement filled in."""
    if len(updates) != len(plan.opvolging):
        raise LcoError(stappenplan_text("opvolging_aantal", aantal=len(plan.opvolging), gegeven=len(updates)))
    for status, _ in updates:
        if status not in STATUSSEN:
            raise LcoError(stappenplan_text("status_onbekend", status=status, mogelijk=", ".join(STATUSSEN)))
    return replace(
        plan,
        opvolging=tuple(
            replace(e, status=status, reden=reason.strip())  # type: ignore[arg-type]
            for e, (status, reason) in zip(plan.opvolging, updates, strict=True)
        ),
    )
