"""A session's results as people see them: scores with privacy applied, charts, PDF, exports, paper forms.

:func:`build_report` is where the store's records, the scoring rules and the privacy rules
meet. Everything else (the facilitator page, the PDF, the CSV/XLSX export) only reads a
:class:`SessionReport`, so what is hidden on the projector is hidden in every export too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from matplotlib.patches import Circle

from lco_kit.charts import PALETTE, Chart, bar_chart, new_figure, radar_chart
from lco_kit.export import to_belgian_csv, to_xlsx
from lco_kit.pdf import PdfDocument
from lco_kit.reflectie.charts import trend_chart
from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument
from lco_kit.reflectie.privacy import Visibility, visibility
from lco_kit.reflectie.scoring import (
    GroupMean,
    Respondent,
    SessionScores,
    TrajectTrend,
    Trend,
    TrendPoint,
    alerts,
    gaps,
    score_session,
    trends,
)
from lco_kit.reflectie.store import RespondentRecord, Sessie

__all__ = [
    "PROFESSIONALS_LABEL",
    "SessionReport",
    "build_report",
    "casus_trend",
    "export_bytes",
    "export_rows",
    "gap_chart",
    "group_size",
    "key_card_pdf",
    "paper_pdf",
    "report_charts",
    "report_pdf",
    "smiley_chart",
    "summary_table",
    "traject_trend",
    "trend_table",
]

PROFESSIONALS_LABEL = "Hulpverleners samen"
KIND_LABELS = {"lco": "na één LCO", "reflectiedag": "reflectiedag"}
WEET_IK_NIET = "weet ik niet"


@dataclass(frozen=True)
class SessionReport:
    """One session's results, with the privacy rules already applied.

    Attributes:
        session: The session.
        instrument: The instrument it was opened with.
        counts: Perspective → respondents stored (shown or not).
        finished: Perspective → respondents who pressed send.
        visibility: Perspective → shown or hidden, and why.
        scores: The scores over the shown groups only.
        remarks: Perspective → remarks of shown groups (plain text, as typed).
        suppressed: Dimension notes for values hidden because too few people gave one.
        versions: Every instrument version found among the answers.
    """

    session: Sessie
    instrument: Instrument
    counts: dict[str, int]
    finished: dict[str, int]
    visibility: dict[str, Visibility]
    scores: SessionScores
    remarks: dict[str, list[str]]
    suppressed: list[str] = field(default_factory=list)
    versions: frozenset[str] = frozenset()

    def label(self, perspective: str) -> str:
        """Return a perspective's Dutch label."""
        return self.instrument.perspective(perspective).label

    def dimension_labels(self) -> list[str]:
        """Return the short labels of the dimensions, in order."""
        return [d.kort for d in self.instrument.dimensies]

    @property
    def shown(self) -> list[str]:
        """Return the perspectives that are shown."""
        return [p for p in PERSPECTIVES if self.visibility[p].shown]

    def mean(self, perspective: str, dimension: str) -> float | None:
        """Return a shown perspective's mean for one dimension (None when hidden or missing)."""
        group = self.scores.means.get(perspective, {}).get(dimension)
        return None if group is None else group.value


def build_report(
    session: Sessie, records: Sequence[RespondentRecord], *, threshold: float | None = None
) -> SessionReport:
    """Score a session's answers with the privacy rules applied.

    Args:
        session: The session.
        records: Its respondents (from :meth:`ReflectieStore.respondents`).
        threshold: The alert threshold (default: the session's own).

    Returns:
        The report; hidden groups enter no number and no remark.
    """
    instrument = session.instrument
    counts = {p: sum(1 for r in records if r.perspective == p) for p in PERSPECTIVES}
    finished = {p: sum(1 for r in records if r.perspective == p and r.finished) for p in PERSPECTIVES}
    seen = visibility(session.soort, counts, min_group=session.min_groep, chosen=session.shown())
    shown = [p for p in PERSPECTIVES if seen[p].shown]
    known = {p: {i.id for i in instrument.perspective(p).items} for p in PERSPECTIVES}
    respondents = [
        Respondent(r.perspective, {k: v for k, v in r.answers.items() if k in known[r.perspective]}) for r in records
    ]
    scores = score_session(
        respondents,
        {p: instrument.rules(p) for p in PERSPECTIVES},
        instrument.dimension_codes(),
        threshold=session.drempel if threshold is None else threshold,
        include=shown,
    )
    suppressed: list[str] = []
    if session.soort == "reflectiedag":
        scores, suppressed = _suppress_thin_means(scores, session.min_groep, instrument)
    remarks = {p: [r.remark for r in records if r.perspective == p and r.remark.strip()] for p in shown}
    return SessionReport(
        session=session,
        instrument=instrument,
        counts=counts,
        finished=finished,
        visibility=seen,
        scores=scores,
        remarks=remarks,
        suppressed=suppressed,
        versions=frozenset(r.instrument_versie for r in records),
    )


def _suppress_thin_means(
    scores: SessionScores, min_group: int, instrument: Instrument
) -> tuple[SessionScores, list[str]]:
    """Hide a mean that rests on fewer than ``min_group`` people, and the gap that uses it."""
    notes = []
    means = {}
    for perspective, per_dimension in scores.means.items():
        kept = {}
        for dimension, group in per_dimension.items():
            if group.value is not None and group.n < min_group:
                notes.append(
                    f"{instrument.perspective(perspective).label}, {instrument.dimension(dimension).kort}: "
                    f"minder dan {min_group} antwoorden, niet getoond."
                )
                kept[dimension] = GroupMean(None, group.n)
            else:
                kept[dimension] = group
        means[perspective] = kept
    professionals = {
        d: GroupMean(None, g.n) if g.value is not None and g.n < min_group else g
        for d, g in scores.professionals.items()
    }
    client = means.get("client", {})
    gap_values = gaps(
        {d: client[d].value if d in client else None for d in scores.dimensions},
        {d: professionals[d].value for d in scores.dimensions},
    )
    thinned = replace(
        scores,
        means=means,
        professionals=professionals,
        gaps=gap_values,
        alerts=alerts(gap_values, scores.threshold),
    )
    return thinned, notes


def group_size(report: SessionReport, perspective: str) -> str:
    """Return how many people of a group answered, as every screen and file may say it.

    A hidden group's size is never given: a reflectiedag group below the minimum is
    ``minder dan 3 invullers`` whatever its real size, a group the facilitator hid is
    ``verborgen door de begeleider``.
    """
    seen = report.visibility[perspective]
    count = report.counts[perspective]
    if seen.shown:
        return f"{count} invuller(s), {report.finished[perspective]} verzonden"
    if not count:
        return "0 invullers"
    if report.session.soort == "reflectiedag":
        return f"minder dan {report.session.min_groep} invullers (verborgen)"
    return "verborgen door de begeleider"


def _short_title(report: SessionReport, number: int) -> str:
    title = report.session.titel.strip()
    if not title:
        return f"LCO {number}"
    return title if len(title) <= 22 else title[:21].rstrip() + "…"  # noqa: PLR2004


def traject_trend(reports: Sequence[SessionReport]) -> TrajectTrend:
    """Return the gap per dimension across the LCOs of one traject, with each LCO's date and short title.

    Args:
        reports: The traject's session reports, oldest first (privacy already applied).
    """
    if not reports:
        return TrajectTrend((), (), {})
    newest = reports[-1]
    points = tuple(
        TrendPoint(r.session.aangemaakt_op.date(), _short_title(r, n)) for n, r in enumerate(reports, start=1)
    )
    dimensions = tuple((d.code, d.kort) for d in newest.instrument.dimensies)
    return TrajectTrend(points, dimensions, casus_trend(reports), newest.scores.threshold)


def trend_table(trend: TrajectTrend) -> tuple[tuple[str, ...], list[list[str]]]:
    """Return the trend as a table: a row per dimension, a column per LCO (title and date), the change."""
    headers = ("Dimensie", *(p.label for p in trend.points), "Verandering")
    rows = [
        [
            label,
            *(_number(v, signed=True) for v in trend.values[code].values),
            _number(trend.values[code].change, signed=True),
        ]
        for code, label in trend.dimensions
    ]
    return headers, rows


def casus_trend(reports: Sequence[SessionReport]) -> dict[str, Trend]:
    """Return the client–professional gap per dimension across follow-up LCOs, oldest first."""
    if not reports:
        return {}
    dimensions = reports[-1].instrument.dimension_codes()
    return trends([r.scores.gaps for r in reports], dimensions)


# ---------------------------------------------------------------- charts


def _number(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return text.replace(".", ",")


def report_charts(report: SessionReport) -> list[Chart]:
    """Return the charts of a session: one per shown perspective, the gap, and the radar.

    Hidden groups have no chart; the gap chart exists only when the client group is shown.
    """
    labels = report.dimension_labels()
    dims = report.scores.dimensions
    charts = []
    for perspective in report.shown:
        values = [report.mean(perspective, d) for d in dims]
        count = report.scores.counts.get(perspective, 0)
        if not any(v is not None for v in values):
            continue
        charts.append(
            bar_chart(
                labels,
                values,
                f"{report.label(perspective)} (n = {count})",
                value_label="gemiddelde score (1 tot 5)",
                limits=(0, 5.4),
            )
        )
    if "client" in report.shown and any(g is not None for g in report.scores.gaps.values()):
        gap_values = [report.scores.gaps[d] for d in dims]
        flagged = [bool(report.scores.alerts[d]) for d in dims]
        alerted = [label for label, flag in zip(labels, flagged, strict=True) if flag]
        described = "; ".join(
            f"{label}: {'geen waarde' if g is None else _number(g, signed=True)}"
            for label, g in zip(labels, gap_values, strict=True)
        )
        alert_text = f" Signaal bij: {', '.join(alerted)}." if alerted else " Geen signalen."
        charts.append(
            gap_chart(
                labels,
                gap_values,
                flagged,
                alt=(
                    f"Staafdiagram ‘Verschil: cliënt min hulpverleners’. {described}. Signaal bij een verschil "
                    f"van {_number(report.scores.threshold)} punt of meer.{alert_text}"
                ),
            )
        )
    series = {
        report.label(p): [report.mean(p, d) for d in dims]
        for p in report.shown
        if any(report.mean(p, d) is not None for d in dims)
    }
    if series:
        charts.append(radar_chart(labels, series, "Alle dimensies samen"))
    return charts


def gap_chart(labels: Sequence[str], gap_values: Sequence[float | None], flagged: Sequence[bool], alt: str) -> Chart:
    """Return the client–professional gap per dimension, alerts in the accent colour and marked in words.

    Each number stands beyond the end of its bar (left of a negative bar), so it never sits on
    a coloured background.
    """
    figure = new_figure(8.0, max(2.5, 0.55 * len(labels) + 1.4))
    ax = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    drawn = [0.0 if v is None else float(v) for v in gap_values]
    colours = [PALETTE[1] if flag else PALETTE[0] for flag in flagged]
    bars = ax.barh(positions, drawn, color=colours)
    for bar, value, flag in zip(bars, gap_values, flagged, strict=True):
        if value is None:
            bar.set_visible(False)
            continue
        words = _number(value, signed=True) + ("  signaal" if flag else "")
        negative = value < 0
        ax.annotate(
            words,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(-5 if negative else 5, 0),
            textcoords="offset points",
            ha="right" if negative else "left",
            va="center",
            fontsize=12,
            fontweight="bold" if flag else "normal",
            color="#1d1d1b",
        )
    ax.axvline(0, color="#1d1d1b", linewidth=1.2)
    ax.set_yticks(positions, list(labels))
    ax.set_xlim(-6.5, 4.2)
    ax.set_xlabel("punten (negatief: de cliënt is minder tevreden)", fontsize=12)
    ax.set_title("Verschil: cliënt min hulpverleners", fontsize=15, color="#1d1d1b")
    ax.grid(axis="x", color="#d0ccc3")
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=12, colors="#1d1d1b")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return Chart(figure, alt)


def smiley_chart(labels: Sequence[str]) -> Chart:
    """Return the five faces of the client scale with their words (for the paper version)."""
    figure = new_figure(8.0, 2.0)
    ax = figure.add_subplot()
    ax.set_xlim(0, 10)
    ax.set_ylim(-1.6, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    for index, label in enumerate(labels):
        x = 1 + 2 * index
        ax.add_patch(Circle((x, 0.2), 0.8, fill=False, linewidth=2.5, color="#1d1d1b"))
        for eye in (-0.3, 0.3):
            ax.add_patch(Circle((x + eye, 0.45), 0.09, color="#1d1d1b"))
        curve = (index - 2) * 0.35
        xs = [x - 0.4 + 0.8 * step / 20 for step in range(21)]
        ys = [-0.2 + curve * ((px - x) ** 2 - 0.16) for px in xs]
        ax.plot(xs, ys, color="#1d1d1b", linewidth=2.5)
        ax.text(x, -1.15, label, ha="center", va="center", fontsize=12)
    words = ", ".join(f"{i} = {label}" for i, label in enumerate(labels, start=1))
    alt = f"Vijf gezichtjes van heel ontevreden tot heel tevreden: {words}."
    return Chart(figure, alt)


# ---------------------------------------------------------------- tables, PDF, export


def _summary_rows(report: SessionReport) -> list[list[str]]:
    rows = []
    for dimension in report.instrument.dimensies:
        code = dimension.code
        row = [dimension.kort]
        row += [_number(report.mean(p, code)) if report.visibility[p].shown else "verborgen" for p in PERSPECTIVES]
        row.append(_number(report.scores.professionals[code].value))
        row.append(_number(report.scores.gaps[code], signed=True))
        row.append("signaal" if report.scores.alerts[code] else "")
        rows.append(row)
    return rows


SUMMARY_HEADERS = ("Dimensie", "Cliënt", "Deelnemers", "Coördinator", "Samen", "Verschil", "Signaal")


def summary_table(report: SessionReport) -> tuple[tuple[str, ...], list[list[str]]]:
    """Return the headers and rows of the summary table (means, gap, alert per dimension)."""
    return SUMMARY_HEADERS, _summary_rows(report)


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
            ("Signaal", f"bij een verschil van {_number(report.scores.threshold)} punt of meer"),
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


def export_rows(
    report: SessionReport, records: Sequence[RespondentRecord]
) -> tuple[list[dict[str, object]], dict[str, int]]:
    """Return one row per shown respondent, and per hidden perspective how many were left out.

    Columns: session, perspective, source, sent, instrument version, one score per dimension,
    one answer per item (``weet ik niet`` for null, empty when not answered), the remark.
    """
    instrument = report.instrument
    shown = set(report.shown)
    left_out = {p: report.counts[p] for p in PERSPECTIVES if p not in shown and report.counts[p]}
    included = [r for r in records if r.perspective in shown]
    items = [(p, item) for p, item in instrument.all_items() if p in shown]
    rows: list[dict[str, object]] = []
    for record, scores in zip(included, report.scores.respondents, strict=True):
        row: dict[str, object] = {
            "sessie": report.session.code,
            "perspectief": report.label(record.perspective),
            "bron": record.source,
            "verzonden": record.finished is not None,
            "vragenlijst": record.instrument_versie,
        }
        for dimension in instrument.dimensies:
            row[f"score {dimension.kort}"] = scores.get(dimension.code)
        for perspective, item in items:
            if perspective != record.perspective or item.id not in record.answers:
                row[item.id] = None
            else:
                value = record.answers[item.id]
                row[item.id] = WEET_IK_NIET if value is None else value
        row["opmerking"] = record.remark
        rows.append(row)
    return rows, left_out


def export_bytes(report: SessionReport, records: Sequence[RespondentRecord], suffix: str) -> bytes:
    """Return the export as ``.csv`` (Belgian Excel) or ``.xlsx`` bytes."""
    rows, left_out = export_rows(report, records)
    if not rows:
        rows = [{"sessie": report.session.code, "opmerking": "nog geen antwoorden om te tonen"}]
    columns = list(rows[0])
    for perspective in left_out:  # said, never counted: the size of a hidden group stays unknown
        note: dict[str, object] = dict.fromkeys(columns)
        note.update(
            sessie=report.session.code,
            perspectief=report.label(perspective),
            opmerking=f"niet uitgevoerd: {group_size(report, perspective)}",
        )
        rows.append(note)
    if suffix == ".xlsx":
        return to_xlsx(rows, sheet="Reflectie")
    return to_belgian_csv(rows)


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
