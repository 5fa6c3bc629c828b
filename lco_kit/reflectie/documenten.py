"""The reflection's documents as PDF: a session's report, the paper questionnaire, the facilitator's key card.

The report reads only a :class:`~lco_kit.reflectie.report.SessionReport`, so what is hidden on
the projector is hidden in the PDF too.
"""

from __future__ import annotations

from datetime import date

from lco_kit.pdf import PdfDocument
from lco_kit.reflectie.charts import report_charts, smiley_chart, trend_chart
from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument
from lco_kit.reflectie.records import Sessie
from lco_kit.reflectie.report import KIND_LABELS, SessionReport, group_size, summary_table, trend_table
from lco_kit.reflectie.scoring import TrajectTrend
from lco_kit.reflectie.texts import score_text

__all__ = ["key_card_pdf", "paper_pdf", "report_pdf"]


def report_pdf(report: SessionReport, trend: TrajectTrend | None = None) -> bytes:
    """Return the session's report as a PDF (privacy rules applied, remarks as plain text).

    Args:
        report: The session's report.
        trend: The trend over the traject this session belongs to (shown from two LCOs on).
    """
    session = report.session
    title = f"Reflectie: {session.titel}" if session.titel else "Reflectie: wanneer is het een goed LCO geweest?"
    doc = PdfDocument(title, subtitle=f"Sessie {session.code} · {KIND_LABELS.get(session.soort, session.soort)}")
    doc.key_values(
        [
            ("Vragenlijst", f"{report.instrument.titel}, versie {session.instrument_versie}"),
            *[(report.label(p), group_size(report, p)) for p in PERSPECTIVES],
            ("Signaal", f"bij een verschil van {score_text(report.scores.threshold)} punt of meer"),
        ]
    )
    hidden = [v for v in report.visibility.values() if not v.shown and report.counts[v.perspective]]
    if hidden:
        doc.paragraph(
            "Niet getoond: " + "; ".join(f"{report.label(v.perspective)} ({v.reason})" for v in hidden) + ".",
            italic=True,
        )
    doc.heading("Gemiddelden per dimensie")
    headers, rows = summary_table(report)
    doc.table(headers, rows, widths=(40, 18, 26, 26, 18, 20, 20))
    doc.paragraph("Samen: alle deelnemers en coördinatoren samen, elke invuller telt één keer.", italic=True)
    for note in report.suppressed:
        doc.paragraph(note, italic=True)
    doc.heading("Grafieken")
    for chart in report_charts(report):
        doc.chart(chart)
    if trend is not None and len(trend.points) > 1:
        doc.page_break()  # the chart is nearly a page high: keep it with its heading
        doc.heading("Verloop over de LCO's van dit traject (verschil cliënt min hulpverleners)")
        doc.chart(trend_chart(trend), width=160)
        headers, trend_rows = trend_table(trend)
        lco_width = 102 / len(trend.points)
        doc.table(headers, trend_rows, widths=(40, *[lco_width] * len(trend.points), 32))
    doc.heading("Opmerkingen")
    any_remark = False
    for perspective in report.shown:
        remarks = report.remarks.get(perspective, [])
        if remarks:
            any_remark = True
            doc.heading(report.label(perspective), level=2)
            doc.bullets(remarks)
    if not any_remark:
        doc.paragraph("Er zijn geen opmerkingen om te tonen.", italic=True)
    return doc.to_bytes()


def paper_pdf(instrument: Instrument, perspective: str) -> bytes:
    """Return the printable paper version of one perspective's questionnaire."""
    part = instrument.perspective(perspective)
    doc = PdfDocument(instrument.titel, subtitle=f"Papieren versie voor: {part.label}")
    doc.paragraph(part.inleiding)
    doc.paragraph("Zet bij elke zin één kruisje. Je naam hoef je nergens te schrijven.")
    labels = [point.label for point in part.schaal]
    if perspective == "client":
        doc.chart(smiley_chart(labels), width=150)
    headers = ["Nr.", "Vraag", *labels]
    if part.weet_ik_niet:
        headers.append("Weet ik niet")
    answer_width = 119 / (len(headers) - 2)
    rows = [[str(n), item.tekst, *["☐"] * (len(headers) - 2)] for n, item in enumerate(part.items, start=1)]
    doc.table(headers, rows, widths=(9, 46, *[answer_width] * (len(headers) - 2)))
    doc.heading("Heb je nog iets te zeggen?", level=2)
    doc.paragraph("\n\n\n\n")
    doc.page_break()
    doc.heading("Voor de begeleider", level=2)
    doc.paragraph(
        "Typ de antwoorden over op de resultatenpagina van je sessie, onder ‘Papieren antwoorden "
        f"intypen’: kies ‘{part.label}’ en klik per vraag het antwoord aan dat op het papier staat. "
        "Wie met de opdrachtregel werkt, kan ook ‘lco-kit reflectie submit’ gebruiken met de "
        "vraag-id's hieronder."
    )
    doc.table(("Nr.", "Vraag-id"), [[str(n), item.id] for n, item in enumerate(part.items, start=1)], widths=(15, 60))
    return doc.to_bytes()


def key_card_pdf(session: Sessie, secret: str, *, follow_up: bool = False) -> bytes:
    """Return the facilitator's key card: the session code, the secret, the date and what the secret opens.

    Args:
        session: The session just opened.
        secret: Its facilitator key (shown once on screen; the card is where it is kept).
        follow_up: Whether the session is a follow-up in an existing traject.
    """
    day = session.aangemaakt_op.date() if session.aangemaakt_op else date.today()
    doc = PdfDocument("Sleutelkaart voor de begeleider", subtitle="Reflectie na een LCO", made_on=day)
    doc.key_values(
        [
            ("Sessie", session.code),
            ("Titel", session.titel or "(geen titel)"),
            ("Geheim", secret),
            ("Geopend op", day.strftime("%d/%m/%Y")),
            ("Soort", KIND_LABELS.get(session.soort, session.soort)),
        ]
    )
    doc.heading("Wat dit geheim opent")
    doc.paragraph(
        "Met dit geheim open je de resultaten van deze sessie opnieuw, ook na weken. Het is één "
        "sleutel voor het hele traject van deze casus: open je later een opvolg-LCO met hetzelfde "
        "geheim, dan hoort die sessie erbij en zie je het verloop van LCO tot LCO met deze ene sleutel."
        + (" Deze sessie is zo'n opvolg-LCO." if follow_up else "")
    )
    doc.paragraph(
        "De code van de sessie is voor de deelnemers: daarmee vullen ze in, maar ze zien er geen "
        "resultaten mee. Een kenmerk of naam van de casus opent niets."
    )
    doc.heading("Zo bewaar je het")
    doc.bullets(
        [
            "Bewaar deze kaart op papier of in je eigen dossier, niet bij de gegevens van de cliënt.",
            "Toon het geheim nooit op het scherm in de zaal en zet het niet in een e-mail aan de groep.",
            "Ben je het geheim kwijt, dan kan niemand de resultaten nog openen: de kit bewaart het niet leesbaar.",
        ]
    )
    return doc.to_bytes()
