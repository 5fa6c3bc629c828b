"""A session's results as people see them: scores with privacy applied, the summary and trend tables, exports.

:func:`build_report` is where the store's records, the scoring rules and the privacy rules
meet. Everything else (the facilitator page, the charts in :mod:`~lco_kit.reflectie.charts`,
the PDF in :mod:`~lco_kit.reflectie.documenten`, the CSV/XLSX export) only reads a
:class:`SessionReport`, so what is hidden on the projector is hidden in every export too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from lco_kit.export import to_belgian_csv, to_xlsx
from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument
from lco_kit.reflectie.privacy import Visibility, visibility
from lco_kit.reflectie.records import RespondentRecord, Sessie
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
from lco_kit.reflectie.texts import score_text

__all__ = [
    "KIND_LABELS",
    "SUMMARY_HEADERS",
    "SessionReport",
    "build_report",
    "casus_trend",
    "export_bytes",
    "export_rows",
    "group_size",
    "summary_table",
    "traject_trend",
    "trend_table",
]

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
            *(score_text(v, signed=True) for v in trend.values[code].values),
            score_text(trend.values[code].change, signed=True),
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


def _summary_rows(report: SessionReport) -> list[list[str]]:
    rows = []
    for dimension in report.instrument.dimensies:
        code = dimension.code
        row = [dimension.kort]
        row += [score_text(report.mean(p, code)) if report.visibility[p].shown else "verborgen" for p in PERSPECTIVES]
        row.append(score_text(report.scores.professionals[code].value))
        row.append(score_text(report.scores.gaps[code], signed=True))
        row.append("signaal" if report.scores.alerts[code] else "")
        rows.append(row)
    return rows


SUMMARY_HEADERS = ("Dimensie", "Cliënt", "Deelnemers", "Coördinator", "Samen", "Verschil", "Signaal")


def summary_table(report: SessionReport) -> tuple[tuple[str, ...], list[list[str]]]:
    """Return the headers and rows of the summary table (means, gap, alert per dimension)."""
    return SUMMARY_HEADERS, _summary_rows(report)


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
