"""The verslag of an LCO (Markdown and PDF) and what its registration row records.

A stappenplan that passes its rules becomes a verslag (:func:`verslag_markdown`,
:func:`verslag_pdf`) with the knelpunten listed for the signal function, and the record
of this LCO for the registration (:func:`lco_gegevens`; the row itself is made by
:func:`lco_kit.registratie.registratie_rij`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from lco_kit.casus import Knelpunt
from lco_kit.codes import code_list
from lco_kit.dutch import dutch_date
from lco_kit.registratie import LcoGegevens
from lco_kit.stappenplan.plan import Stappenplan, owner_label
from lco_kit.stappenplan.regels import require_valid
from lco_kit.stappenplan.teksten import stappenplan_text, status_text

__all__ = ["lco_gegevens", "verslag_filename", "verslag_markdown", "verslag_pdf"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def verslag_filename(plan: Stappenplan, extension: str) -> str:
    """Return the verslag's file name (``verslag-<casus>-<datum>.pdf``)."""
    return f"verslag-{plan.casus.id}-{plan.datum.isoformat()}.{extension}"


def _md(text: str) -> str:
    """Return text that Markdown shows as written (no markup, no HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _labels(list_name: str, codes: Sequence[str]) -> list[str]:
    codes_list = code_list(list_name)
    return [codes_list.label(c) for c in codes]


def _knelpunt_label(knelpunt: Knelpunt) -> str:
    return code_list("knelpunten").label(knelpunt.categorie)


def _participants(plan: Stappenplan) -> list[str]:
    casus = plan.casus
    client = casus.client.pseudoniem
    lines = [
        stappenplan_text("verslag_client_aanwezig" if plan.client_aanwezig else "verslag_client_afwezig", client=client)
    ]
    coordinator = casus.opstelling.coordinator if casus.opstelling else None
    if plan.coordinator is not None:
        lines.append(stappenplan_text("verslag_coordinator", wie=casus.who_label(plan.coordinator)))
    elif coordinator is not None:
        lines.append(stappenplan_text("verslag_coordinator", wie=coordinator.label))
    else:
        lines.append(stappenplan_text("verslag_coordinator_onbekend"))
    for provider_id in plan.hulpverleners:
        if provider_id == plan.coordinator:
            continue
        provider = casus.provider(provider_id)
        key = "verslag_hulpverlener_spilfiguur" if provider_id == plan.spilfiguur else "verslag_hulpverlener"
        lines.append(stappenplan_text(key, wie=casus.who_label(provider_id), rol=provider.rol))
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
            _date_text(e.tegen_wanneer),
            status_text(e.status),
            e.toelichting or "",
        )
        for e in plan.opvolging
    ]
    agreements = [(a.wat, owner_label(casus, a.wie), _date_text(a.tegen_wanneer)) for a in plan.afspraken]
    knelpunten = [(_knelpunt_label(k), k.omschrijving) for k in plan.knelpunten]
    spil = casus.who_label(plan.spilfiguur) if plan.spilfiguur else ""
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
    from lco_kit.pdf import PdfDocument  # noqa: PLC0415  (the PDF writer loads matplotlib: only when a PDF is made)

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


def lco_gegevens(plan: Stappenplan) -> LcoGegevens:
    """Return what the registration records of this LCO, from a complete stappenplan.

    Raises:
        LcoError: When the stappenplan is not complete (see :func:`require_valid`).
    """
    require_valid(plan)
    casus = plan.casus
    return LcoGegevens(
        datum=plan.datum,
        gemeente=plan.gemeente or "",
        soort=plan.soort,
        aanvrager=casus.aanvrager.soort,
        client_aanwezig=plan.client_aanwezig,
        minderjarige_betrokken=bool(casus.client.minderjarigen),
        aantal_deelnemers=plan.aantal_deelnemers,
        levensdomeinen=plan.levensdomeinen,
        knelpunten=tuple(k.categorie for k in plan.knelpunten),
        casus_id=casus.id,
        traject_id=plan.traject_id,
    )
