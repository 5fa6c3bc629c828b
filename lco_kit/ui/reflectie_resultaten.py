"""The facilitator page's live results, drawn from a session's report: counts, table, charts, remarks, trend.

Pure functions of a :class:`~lco_kit.reflectie.SessionReport` (privacy already applied), so
what is hidden in the report is hidden here; every text a respondent typed is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from lco_kit.reflectie import PERSPECTIVES, score_text, text
from lco_kit.ui.reflectie_teksten import btext, text_block
from lco_kit.ui.widgets import chart_image, escape, html_block

if TYPE_CHECKING:  # the report's module is imported when results are drawn, not when the page opens
    from lco_kit.reflectie import SessionReport, TrajectTrend

__all__ = ["counts_table", "remarks_block", "results_parts", "trend_box"]


def counts_table(report: SessionReport) -> str:
    """Return how many answered per perspective (a hidden small group as ‘minder dan …’) as an HTML table."""
    cells = []
    for perspective in PERSPECTIVES:
        count = report.counts[perspective]
        seen = report.visibility[perspective]
        if report.session.soort == "reflectiedag" and not seen.shown:
            shown = text("minder_dan", min=report.session.min_groep) if count else "0"
        else:
            shown = str(count)
        sent = text("verzonden_aantal", aantal=report.finished[perspective])
        cells.append(
            f'<tr><th scope="row">{escape(report.label(perspective))}</th>'
            f'<td><span class="lco-aantal" data-perspectief="{perspective}">{escape(shown)}</span></td>'
            f"<td>{escape(sent if seen.shown else '')}</td>"
            f"</tr>"
        )
    return (
        f'<h3>{escape(text("aantallen_titel"))}</h3><table class="lco-tabel" aria-live="polite">'
        f"<caption>{escape(text('aantallen_bijschrift'))}</caption>{''.join(cells)}</table>"
    )


def results_parts(report: SessionReport) -> list[widgets.Widget]:
    """Return the results: hidden groups and why, the summary table with its signals, the charts, the remarks."""
    from lco_kit.reflectie import report_charts, summary_table  # noqa: PLC0415

    parts: list[widgets.Widget] = [text_block("resultaten_titel", tag="h2")]
    hidden = [v for v in report.visibility.values() if not v.shown and report.counts[v.perspective]]
    if hidden:
        notes = "".join(f"<li>{escape(report.label(v.perspective))}: {escape(v.reason)}</li>" for v in hidden)
        parts.append(html_block(f"<ul>{notes}</ul>", "lco-verborgen"))
    headers, rows = summary_table(report)
    body = []
    for dimension, row in zip(report.scores.dimensions, rows, strict=True):
        alert = bool(report.scores.alerts[dimension])
        cells = "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
        body.append(
            f'<tr class="{"lco-signaal" if alert else ""}" data-dimensie="{escape(dimension)}">'
            f'<th scope="row">{escape(row[0])}</th>{cells}</tr>'
        )
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    caption = text("overzicht_bijschrift", drempel=score_text(report.scores.threshold))
    parts.append(
        html_block(
            f'<table class="lco-tabel lco-overzicht-tabel"><caption>{escape(caption)}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
            "lco-overzicht",
        )
    )
    alerted = [report.instrument.dimension(d).kort for d, flag in report.scores.alerts.items() if flag]
    if alerted:
        parts.append(
            html_block(f'<p role="status">{escape(text("signalen", lijst=", ".join(alerted)))}</p>', "lco-signalen")
        )
    for note in report.suppressed:
        parts.append(html_block(f"<p>{escape(note)}</p>", "lco-dun"))
    charts = report_charts(report)
    if charts:
        box = widgets.VBox([chart_image(chart) for chart in charts])
        box.add_class("lco-grafieken")
        parts.append(box)
    else:
        parts.append(text_block("nog_geen_resultaten", "lco-grafieken-leeg"))
    parts.append(remarks_block(report))
    return parts


def remarks_block(report: SessionReport) -> widgets.Widget:
    """Return the remarks of the shown groups, each as typed (as text, never as HTML)."""
    items = []
    for perspective in report.shown:
        for remark in report.remarks.get(perspective, []):
            items.append(f"<li><strong>{escape(report.label(perspective))}:</strong> {escape(remark)}</li>")
    content = (
        f'<ul class="lco-opmerkingen-lijst">{"".join(items)}</ul>'
        if items
        else f"<p>{escape(text('geen_opmerkingen'))}</p>"
    )
    return html_block(f"<h3>{escape(text('opmerkingen_titel'))}</h3>{content}", "lco-opmerkingen")


def trend_box(trend: TrajectTrend) -> widgets.Widget:
    """Return the trend over a traject's LCOs: a heading, the chart (one panel per dimension) and its table."""
    from lco_kit.reflectie import trend_chart, trend_table  # noqa: PLC0415

    headers, rows = trend_table(trend)
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>{"".join(f"<td>{escape(c)}</td>" for c in row[1:])}</tr>'
        for row in rows
    )
    intro = html_block(
        f"<h3>{escape(btext('verloop_titel', aantal=len(trend.points)))}</h3><p>{escape(btext('verloop_uitleg'))}</p>",
        "lco-verloop-kop",
    )
    chart = chart_image(trend_chart(trend))
    chart.add_class("lco-verloop-grafiek")
    table = html_block(
        f'<table class="lco-tabel lco-verloop-tabel"><caption>{escape(btext("verloop_bijschrift"))}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
        "lco-verloop-tabel-vak",
    )
    box = widgets.VBox([intro, chart, table])
    box.add_class("lco-verloop")
    return box
