"""The intervisie on paper: the worksheet before, the harvest after (PDFs).

The harvest is refused while the notes hold personal data (:func:`harvest_findings`):
what leaves the room as a file must be as anonymous as what was on the screen.
"""

from __future__ import annotations

from datetime import date

from lco_kit.errors import LcoError
from lco_kit.intervisie.method import Methode, intervisie_text, load_method
from lco_kit.intervisie.session import Intervisie, harvest_findings
from lco_kit.pdf import PdfDocument
from lco_kit.principes import load_principes

__all__ = ["harvest_filename", "harvest_pdf", "werkblad_pdf"]


def werkblad_pdf(method: Methode | None = None, made_on: date | None = None) -> bytes:
    """Return the worksheet of the method: the roles, each round with its questions and room for notes."""
    method = method or load_method()
    t = intervisie_text
    doc = PdfDocument(t("werkblad_titel", methode=method.naam), t("werkblad_ondertitel"), made_on=made_on)
    doc.paragraph(method.inleiding)
    doc.heading(t("werkblad_rollen"))
    doc.key_values([(role.naam, role.taak) for role in method.rollen])
    doc.heading(t("werkblad_rondes"))
    for number, ronde in enumerate(method.rondes, start=1):
        doc.heading(t("werkblad_ronde", nummer=number, titel=ronde.titel, minuten=ronde.minuten), level=2)
        doc.key_values([(t("werkblad_wie"), ronde.wie)])
        doc.paragraph(ronde.uitleg)
        if ronde.hulpvragen:
            doc.paragraph(t("werkblad_hulpvragen"), italic=True)
            doc.bullets(ronde.hulpvragen)
        doc.fill_in([t("werkblad_notities")], lines=3)
    doc.fill_in([t("werkblad_leerpunten")], lines=4)
    doc.paragraph(method.bron, italic=True, size=9)
    return doc.to_bytes()


def harvest_filename(session: Intervisie) -> str:
    """Return the harvest's file name (``intervisie-oogst-<casus>.pdf``)."""
    return f"intervisie-oogst-{session.casus.id if session.casus else 'zonder-casus'}.pdf"


def harvest_pdf(session: Intervisie, made_on: date | None = None) -> bytes:
    """Return the harvest of an intervisie: the casus, the learning question, the notes per round, the learning points.

    Raises:
        LcoError: In Dutch, with every finding (masked), when the notes or learning points hold personal data.
    """
    findings = harvest_findings(session)
    if findings:
        lines = "\n".join(f"- {where}: {finding.describe()}" for where, finding in findings)
        raise LcoError(f"{intervisie_text('notities_privacy')}\n{lines}")
    t = intervisie_text
    method = session.method
    casus = session.casus
    title = casus.titel if casus else t("eigen_casus_titel_standaard")
    doc = PdfDocument(t("oogst_titel", titel=title), t("oogst_ondertitel", methode=method.naam), made_on=made_on)
    if casus is not None:
        doc.heading(t("oogst_casus"))
        doc.paragraph(casus.samenvatting)
    if session.leervraag:
        doc.heading(t("oogst_leervraag"))
        doc.paragraph(f"“{session.leervraag}”", italic=True)
    names = [(role.naam, session.roles.get(role.code, "")) for role in method.rollen]
    if any(name for _, name in names):
        doc.heading(t("oogst_rollen"))
        doc.key_values([(label, name or "–") for label, name in names])
    doc.heading(t("oogst_notities"))
    for number, ronde in enumerate(method.rondes, start=1):
        doc.heading(t("werkblad_ronde", nummer=number, titel=ronde.titel, minuten=ronde.minuten), level=2)
        note = session.notes.get(ronde.code, "").strip()
        doc.paragraph(note or t("oogst_geen_notities"), italic=not note)
    doc.heading(t("oogst_leerpunten"))
    if session.points:
        principes = load_principes()
        doc.table(
            [t("veld_leerpunt"), t("oogst_principe")],
            [
                [point.tekst, principes.principe(point.principe).naam if point.principe else t("oogst_zonder_principe")]
                for point in session.points
            ],
            widths=(120, 54),
        )
    else:
        doc.paragraph(t("oogst_geen_leerpunten"), italic=True)
    doc.paragraph(t("oogst_voetnoot"), italic=True, size=9)
    return doc.to_bytes()
