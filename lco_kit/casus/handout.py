"""A printable handout of a casus (PDF), for a training session or an intervisie group.

Two copies: the participants' handout holds only what everyone at the table may know; the
facilitator's copy (``begeleider=True``) adds what is not shared at the table (the client's
``niet_delen`` and the confidences of minors, with who told and who heard them) and, for a
casus that is not an LCO, why not.
"""

from __future__ import annotations

from datetime import date

from lco_kit.casus.charts import domain_profile_chart, network_map
from lco_kit.casus.model import Casus
from lco_kit.casus.parts import Hulpverlener
from lco_kit.casus.profielen import find_profile
from lco_kit.casus.texts import casus_text, scale, scale_level
from lco_kit.codes import code_list
from lco_kit.pdf import PdfDocument, dutch_date

__all__ = ["casus_handout", "facilitator_filename", "handout_filename"]


def _provider_label(provider: Hulpverlener) -> str:
    name = f"{provider.naam}, " if provider.naam else ""
    return f"{name}{provider.rol} — {provider.dienst}"


def handout_filename(casus: Casus) -> str:
    """Return the handout's file name (``casus-<id>.pdf``)."""
    return f"casus-{casus.id}.pdf"


def facilitator_filename(casus: Casus) -> str:
    """Return the facilitator's copy's file name (``casus-<id>-begeleider.pdf``)."""
    return f"casus-{casus.id}-begeleider.pdf"


def casus_handout(
    casus: Casus, spilfiguur: str | None = None, made_on: date | None = None, *, begeleider: bool = False
) -> bytes:
    """Return a casus as a printable A4 handout (PDF bytes).

    Args:
        casus: The casus.
        spilfiguur: A provider id to show as spilfiguur (default: as in the casus).
        made_on: The date printed under the title (default: today).
        begeleider: Make the facilitator's copy, with what is not shared at the table;
            by default the participants' handout, without it.
    """
    title = "handout_titel_begeleider" if begeleider else "handout_titel"
    doc = PdfDocument(
        casus_text(title, titel=casus.titel),
        casus_text(f"handout_ondertitel_{casus.herkomst}"),
        made_on=made_on,
    )
    if begeleider:
        doc.paragraph(casus_text("handout_begeleider_let_op"), italic=True)
        if casus.geen_lco is not None:
            doc.heading(casus_text("handout_geen_lco"))
            doc.paragraph(casus.geen_lco.reden)
    doc.heading(casus_text("handout_samenvatting"))
    doc.paragraph(casus.samenvatting)
    _client(doc, casus)
    doc.heading(casus_text("handout_hulpvraag"))
    doc.paragraph(f"“{casus.hulpvraag}”", italic=True)
    doc.heading(casus_text("handout_wat_goed_gaat"))
    doc.bullets(list(casus.wat_goed_gaat))
    _domains(doc, casus)
    _providers(doc, casus, spilfiguur)
    if begeleider:
        _not_shared(doc, casus)
    doc.heading(casus_text("handout_knelpunten"))
    doc.table(
        casus_text("handout_knelpunt_kolommen").split("|"),
        [[code_list("knelpunten").label(k.categorie), k.omschrijving] for k in casus.knelpunten],
        widths=(44, 130),
    )
    _setup(doc, casus, spilfiguur)
    _earlier_lco(doc, casus)
    doc.paragraph(casus_text("handout_privacy"), italic=True)
    return doc.to_bytes()


def _client(doc: PdfDocument, casus: Casus) -> None:
    doc.heading(casus_text("handout_client"))
    client = casus.client
    pairs = [
        (casus_text("handout_pseudoniem"), client.pseudoniem),
        (casus_text("handout_leeftijd"), client.leeftijd_tekst),
        (casus_text("handout_huishouden"), client.huishouden),
        (casus_text("handout_profiel"), find_profile(casus.profiel).label),
    ]
    if casus.gemeente:
        pairs.append((casus_text("handout_gemeente"), casus.gemeente))
    if client.thuistaal:
        pairs.append((casus_text("handout_thuistaal"), client.thuistaal))
    if client.tolk_nodig:
        pairs.append((casus_text("handout_tolk"), casus_text("handout_ja")))
    doc.key_values(pairs)
    if client.vertrouwenspersoon:
        doc.paragraph(f"{casus_text('handout_vertrouwenspersoon')}: {client.vertrouwenspersoon}")
    if client.minderjarigen:
        doc.heading(casus_text("handout_minderjarigen"), level=2)
        doc.bullets([m.beschrijving for m in client.minderjarigen])


def _domains(doc: PdfDocument, casus: Casus) -> None:
    domains = code_list("levensdomeinen")
    doc.heading(casus_text("handout_levensdomeinen"))
    doc.table(
        casus_text("handout_domein_kolommen").split("|"),
        [
            [
                domains.label(d.domein),
                f"{d.score} — {scale_level(d.score).label.lower()}",
                d.situatie,
                "\n".join(d.sterktes),
            ]
            for d in casus.levensdomeinen
        ],
        widths=(34, 30, 64, 46),
    )
    doc.chart(domain_profile_chart(casus))
    doc.heading(casus_text("handout_schaal"), level=2)
    doc.bullets([f"{level.score} — {level.label}: {level.omschrijving}" for level in scale()])


def _providers(doc: PdfDocument, casus: Casus, spilfiguur: str | None) -> None:
    doc.heading(casus_text("handout_hulpverleners"))
    sectors = code_list("sectoren")
    doc.table(
        casus_text("handout_hulpverlener_kolommen").split("|"),
        [
            [_provider_label(p), sectors.label(p.sector), p.sinds, casus_text(f"nabijheid_{p.nabijheid}")]
            for p in casus.hulpverleners
        ],
        widths=(76, 36, 20, 42),
    )
    for provider in casus.hulpverleners:
        doc.heading(_provider_label(provider), level=2)
        doc.key_values([(casus_text("handout_visie"), provider.visie), (casus_text("handout_zorg"), provider.zorg)])
    doc.chart(network_map(casus, spilfiguur), width=150)
    doc.heading(casus_text("handout_aanvrager"))
    requester = code_list("aanvragers").label(casus.aanvrager.soort)
    if casus.aanvrager.hulpverlener:
        requester += f" — {casus.who_label(casus.aanvrager.hulpverlener)}"
    doc.paragraph(requester)
    if casus.aanvrager.reden:
        doc.paragraph(casus.aanvrager.reden)


def _not_shared(doc: PdfDocument, casus: Casus) -> None:
    if not casus.niet_delen:
        return
    doc.heading(casus_text("handout_niet_delen"))
    items = []
    for item in casus.niet_delen:
        teller = (
            casus_text("handout_van_minderjarige", naam=item.van)
            if item.van
            else casus_text("handout_van_client", naam=casus.client.pseudoniem)
        )
        line = f"{teller}: {item.onderwerp}"
        if item.reden:
            line += f" ({item.reden})"
        if item.bekend_bij:
            known = ", ".join(casus.who_label(ref) for ref in item.bekend_bij)
            line += " " + casus_text("handout_bekend_bij", wie=known)
        items.append(line)
    doc.bullets(items)


def _setup(doc: PdfDocument, casus: Casus, spilfiguur: str | None) -> None:
    chosen = spilfiguur if spilfiguur is not None else (casus.opstelling.spilfiguur if casus.opstelling else None)
    coordinator = casus.opstelling.coordinator if casus.opstelling else None
    if coordinator is None and chosen is None:
        return
    doc.heading(casus_text("handout_opstelling"))
    pairs = []
    if coordinator is not None:
        pairs.append((casus_text("handout_coordinator"), coordinator.label))
    spil = casus.who_label(chosen) if chosen else casus_text("handout_geen_spilfiguur")
    pairs.append((casus_text("handout_spilfiguur"), spil))
    doc.key_values(pairs)


def _earlier_lco(doc: PdfDocument, casus: Casus) -> None:
    if casus.vorige_lco is None:
        return
    doc.heading(casus_text("handout_vorige_lco"))
    if casus.vorige_lco.datum:
        doc.paragraph(casus_text("handout_vorige_lco_datum", datum=dutch_date(casus.vorige_lco.datum)))
    doc.table(
        casus_text("handout_afspraak_kolommen").split("|"),
        [
            [
                a.wat,
                casus.who_label(a.wie),
                dutch_date(a.tegen_wanneer) if a.tegen_wanneer else "",
                casus_text(f"status_{a.status}"),
            ]
            for a in casus.vorige_lco.afspraken
        ],
        widths=(78, 44, 28, 24),
    )
