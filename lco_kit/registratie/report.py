"""The PDFs a coordinator takes away: the yearly report and the signalennota.

Both are made from an :class:`~lco_kit.registratie.overview.Overview`, so what is hidden on the
page is hidden in the PDFs too. Free text (``opmerking``) is in neither.
"""

from __future__ import annotations

from lco_kit.pdf import PdfDocument
from lco_kit.registratie import analysis
from lco_kit.registratie._data import text as tekst
from lco_kit.registratie._data import texts
from lco_kit.registratie._format import number, percent, year_span
from lco_kit.registratie.analysis import Signal
from lco_kit.registratie.overview import Overview
from lco_kit.registratie.registration import PROBLEM_COLUMNS
from lco_kit.registratie.suppression import TOTAL

__all__ = ["jaarrapport_pdf", "signalennota_pdf"]

_PDF_PROBLEMS = 60


def _about_figures(doc: PdfDocument, view: Overview) -> None:
    registration = view.registration
    doc.heading(tekst("pdf_over_cijfers"))
    doc.paragraph(tekst("pdf_bron", bron=registration.source))
    doc.paragraph(registration.summary_line())
    doc.paragraph(tekst("pdf_onderdrukking", drempel=view.threshold))
    if view.partial:
        doc.paragraph(tekst("pdf_onderdrukking_selectie"))
    if registration.invalid_rows:
        doc.paragraph(tekst("pdf_ongeldig", aantal=number(registration.invalid_rows)))
        shown = registration.problems.head(_PDF_PROBLEMS)
        doc.table(
            [tekst("kolom_rij"), tekst("kolom_kolom"), tekst("kolom_waarde"), tekst("kolom_reden")],
            [[str(r), str(k), str(w), str(d)] for r, k, w, d in shown[list(PROBLEM_COLUMNS)].itertuples(index=False)],
            widths=(12, 32, 36, 94),
        )
        if len(registration.problems) > _PDF_PROBLEMS:
            doc.paragraph(tekst("pdf_meer_problemen", aantal=number(len(registration.problems) - _PDF_PROBLEMS)))
    else:
        doc.paragraph(tekst("pdf_geen_ongeldig"))
    if registration.warnings:
        doc.heading(tekst("pdf_waarschuwingen"), level=2)
        doc.bullets(registration.warnings[:30])


def jaarrapport_pdf(view: Overview) -> bytes:
    """Return the yearly report as PDF: key figures, charts, tables, knelpunten, and notes on the figures."""
    doc = PdfDocument(tekst("rapport_titel"), subtitle=f"{view.period} · {view.scope}", made_on=view.made_on)
    doc.paragraph(tekst("rapport_inleiding"))
    doc.heading(tekst("pdf_kerncijfers"))
    doc.table(
        [tekst("kolom_kerncijfer"), tekst("kolom_waarde")], [list(pair) for pair in view.key_figures()], widths=(90, 84)
    )
    doc.paragraph(view.note, italic=True)
    if not len(view.rows):
        doc.paragraph(tekst("geen_gegevens"))
        _about_figures(doc, view)
        return doc.to_bytes()
    charts = {
        name: view.chart(name)
        for name in ("trend", "aandelen", "gemeenten", "levensdomeinen", "aanvragers", "knelpunten")
    }
    doc.heading(tekst("pdf_per_jaar"))
    doc.chart(charts["trend"])
    if not view.partial:
        doc.paragraph(_published_comparison(view))
    doc.table(
        [
            tekst("kolom_jaar"),
            tekst("kolom_lcos"),
            tekst("kolom_eerste"),
            tekst("kolom_client"),
            tekst("kolom_minderjarig"),
            tekst("kolom_deelnemers"),
        ],
        view.year_rows(),
        widths=(22, 22, 34, 34, 34, 28),
    )
    doc.chart(charts["aandelen"])
    doc.heading(tekst("pdf_per_gemeente"))
    doc.chart(charts["gemeenten"], width=150)
    display = view.gemeenten.display()
    doc.table(
        [
            tekst("kolom_gemeente"),
            tekst("kolom_lcos"),
            tekst("kolom_eerste_kort"),
            tekst("kolom_opvolg_kort"),
            tekst("kolom_client_kort"),
            tekst("kolom_afwezig_kort"),
        ],
        [
            [tekst("totaal") if i == TOTAL else str(i), *row]
            for i, row in zip(display.index, display.to_numpy().tolist(), strict=True)
        ],
        widths=(44, 26, 26, 26, 26, 26),
    )
    doc.heading(tekst("pdf_domeinen_aanvragers"))
    doc.paragraph(tekst("pdf_meerdere_domeinen"))
    doc.chart(charts["levensdomeinen"])
    doc.chart(charts["aanvragers"])
    doc.heading(tekst("pdf_knelpunten"))
    doc.chart(charts["knelpunten"])
    doc.bullets([_signal_sentence(s) for s in view.signals[:3]])
    doc.paragraph(tekst("pdf_zie_signalennota"))
    _about_figures(doc, view)
    return doc.to_bytes()


def _published_comparison(view: Overview) -> str:
    published = analysis.published_series()
    counts = view.years.values["aantal"]
    same: list[int] = []
    different: list[int] = []
    for year in view.year_list:
        if year in published:
            (same if int(counts.loc[year]) == published[year] else different).append(year)
    if not same and not different:
        return tekst("vergelijking_geen")
    if not different:
        return tekst("vergelijking_gelijk", jaren=year_span(same))
    parts = [f"{y}: {number(int(counts.loc[y]))} tegenover {number(published[y])}" for y in different]
    return tekst("vergelijking_verschil", verschillen="; ".join(parts))


_TRENDS = {
    "stijgt": "trend_stijgt",
    "daalt": "trend_daalt",
    "blijft gelijk": "trend_gelijk",
    "te weinig gegevens": "trend_onbekend",
}


def _signal_sentence(signal: Signal) -> str:
    if signal.count is None:
        return tekst("signaal_verborgen", knelpunt=signal.label)
    return tekst(
        "signaal_kort",
        knelpunt=signal.label,
        aantal=number(signal.count),
        aandeel=percent(signal.share),
        trend=tekst(_TRENDS[signal.trend]),
    )


def signalennota_pdf(view: Overview) -> bytes:
    """Return the signalennota as PDF: the knelpunten that keep coming back, bundled for local policy."""
    doc = PdfDocument(tekst("nota_titel"), subtitle=f"{view.period} · {view.scope}", made_on=view.made_on)
    doc.heading(tekst("nota_waarom_kop"))
    doc.paragraph(tekst("nota_waarom"))
    if not len(view.rows):
        doc.paragraph(tekst("geen_gegevens"))
        _about_figures(doc, view)
        return doc.to_bytes()
    doc.heading(tekst("nota_kort_kop"))
    doc.bullets(_in_short(view))
    doc.chart(view.chart("knelpunten"))
    doc.chart(view.chart("knelpunten_trend"))
    doc.heading(tekst("nota_per_knelpunt_kop"))
    questions = texts().beleidsvragen
    for signal in view.signals:
        doc.heading(signal.label, level=2)
        doc.paragraph(_signal_paragraph(signal))
        if signal.code in questions:
            doc.paragraph(tekst("nota_vraag", vraag=questions[signal.code]), italic=True)
    doc.heading(tekst("nota_tabel_kop"))
    display = view.knelpunt_years.display()
    years = [str(c) for c in display.columns]
    doc.table(
        [tekst("kolom_knelpunt"), *years],
        [[str(i), *row] for i, row in zip(display.index, display.to_numpy().tolist(), strict=True)],
        widths=(46, *([max(12.0, 128 / max(len(years), 1))] * len(years))),
    )
    doc.paragraph(view.note, italic=True)
    _about_figures(doc, view)
    return doc.to_bytes()


def _in_short(view: Overview) -> list[str]:
    named = view.rows[[c for c in view.rows.columns if c.startswith("knelpunt_")]].any(axis=1)
    with_any = int(named.sum())
    total = len(view.rows)
    lines = []
    if with_any < view.threshold and view.partial:
        lines.append(tekst("nota_kort_weinig", drempel=view.threshold))
    else:
        lines.append(
            tekst("nota_kort_aantal", met=number(with_any), totaal=number(total), aandeel=percent(with_any / total))
        )
    top = [s.label for s in view.signals if s.count and s.code != "andere"][:3]
    if top:
        lines.append(tekst("nota_kort_top", knelpunten=", ".join(top)))
    recurring = [s.label for s in view.signals if s.recurring and s.code != "andere"]
    if recurring:
        lines.append(tekst("nota_kort_terugkerend", knelpunten=", ".join(recurring)))
    rising = [s.label for s in view.signals if s.trend == "stijgt" and s.code != "andere"]
    if rising:
        lines.append(tekst("nota_kort_stijgend", knelpunten=", ".join(rising)))
    return lines


def _signal_paragraph(signal: Signal) -> str:
    if signal.count is None:
        return tekst("signaal_verborgen", knelpunt=signal.label)
    if signal.count == 0:
        return tekst("signaal_nooit", knelpunt=signal.label)
    parts = [
        tekst(
            "signaal_lang",
            aantal=number(signal.count),
            aandeel=percent(signal.share),
            jaren=signal.years_present,
            jaren_totaal=signal.years_total,
            gemeenten=signal.gemeenten_present,
            gemeenten_totaal=signal.gemeenten_total,
        ),
        tekst(_TRENDS[signal.trend]).capitalize() + ".",
    ]
    if signal.top_gemeenten:
        parts.append(tekst("signaal_waar", gemeenten=", ".join(f"{g} ({number(n)})" for g, n in signal.top_gemeenten)))
    if signal.domains:
        parts.append(tekst("signaal_domeinen", domeinen=", ".join(d for d, _ in signal.domains)))
    return " ".join(parts)
