"""Reflectie: the "wanneer is het een goed LCO geweest" instrument, its scoring and its sessions.

- :mod:`~lco_kit.reflectie.instrument`: the instrument file (dimensions, items per perspective);
- :mod:`~lco_kit.reflectie.scoring`: pure scoring functions (plain data in, plain data out);
- :mod:`~lco_kit.reflectie.privacy`: which perspective groups may be shown;
- :mod:`~lco_kit.reflectie.store`: sessions and answers in SQLite or PostgreSQL;
- :mod:`~lco_kit.reflectie.report`: results with privacy applied, charts, PDF, exports, paper forms,
  the facilitator's key card and the trend over a traject;
- :mod:`~lco_kit.reflectie.charts`: the trend chart (one panel per dimension).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lco_kit._lazy import lazy_exports

# Names are imported when first used (PEP 562): the store does not pay for matplotlib.
_EXPORTS = {
    "PERSPECTIVES": "lco_kit.reflectie.instrument",
    "Instrument": "lco_kit.reflectie.instrument",
    "load_instrument": "lco_kit.reflectie.instrument",
    "perspective_code": "lco_kit.reflectie.instrument",
    "DEFAULT_MIN_GROUP": "lco_kit.reflectie.privacy",
    "Visibility": "lco_kit.reflectie.privacy",
    "visibility": "lco_kit.reflectie.privacy",
    "SessionReport": "lco_kit.reflectie.report",
    "build_report": "lco_kit.reflectie.report",
    "casus_trend": "lco_kit.reflectie.report",
    "export_bytes": "lco_kit.reflectie.report",
    "export_rows": "lco_kit.reflectie.report",
    "group_size": "lco_kit.reflectie.report",
    "key_card_pdf": "lco_kit.reflectie.report",
    "traject_trend": "lco_kit.reflectie.report",
    "trend_table": "lco_kit.reflectie.report",
    "trend_chart": "lco_kit.reflectie.charts",
    "TrajectTrend": "lco_kit.reflectie.scoring",
    "TrendPoint": "lco_kit.reflectie.scoring",
    "Traject": "lco_kit.reflectie.store",
    "paper_pdf": "lco_kit.reflectie.report",
    "report_charts": "lco_kit.reflectie.report",
    "report_pdf": "lco_kit.reflectie.report",
    "summary_table": "lco_kit.reflectie.report",
    "DEFAULT_ALERT_THRESHOLD": "lco_kit.reflectie.scoring",
    "GroupMean": "lco_kit.reflectie.scoring",
    "ItemRule": "lco_kit.reflectie.scoring",
    "Respondent": "lco_kit.reflectie.scoring",
    "SessionScores": "lco_kit.reflectie.scoring",
    "Trend": "lco_kit.reflectie.scoring",
    "alerts": "lco_kit.reflectie.scoring",
    "counted_score": "lco_kit.reflectie.scoring",
    "gaps": "lco_kit.reflectie.scoring",
    "group_means": "lco_kit.reflectie.scoring",
    "respondent_scores": "lco_kit.reflectie.scoring",
    "score_session": "lco_kit.reflectie.scoring",
    "trends": "lco_kit.reflectie.scoring",
    "NewSession": "lco_kit.reflectie.store",
    "ReflectieStore": "lco_kit.reflectie.store",
    "RespondentRecord": "lco_kit.reflectie.store",
    "Sessie": "lco_kit.reflectie.store",
    "new_respondent_key": "lco_kit.reflectie.store",
}

__all__ = [
    "DEFAULT_ALERT_THRESHOLD",
    "DEFAULT_MIN_GROUP",
    "PERSPECTIVES",
    "GroupMean",
    "Instrument",
    "ItemRule",
    "NewSession",
    "ReflectieStore",
    "Respondent",
    "RespondentRecord",
    "Sessie",
    "SessionReport",
    "SessionScores",
    "Traject",
    "TrajectTrend",
    "Trend",
    "TrendPoint",
    "Visibility",
    "alerts",
    "build_report",
    "casus_trend",
    "counted_score",
    "export_bytes",
    "export_rows",
    "gaps",
    "group_means",
    "group_size",
    "key_card_pdf",
    "load_instrument",
    "new_respondent_key",
    "paper_pdf",
    "perspective_code",
    "report_charts",
    "report_pdf",
    "respondent_scores",
    "score_session",
    "summary_table",
    "traject_trend",
    "trend_chart",
    "trend_table",
    "trends",
    "visibility",
]


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)

if TYPE_CHECKING:
    from lco_kit.reflectie.charts import trend_chart
    from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument, load_instrument, perspective_code
    from lco_kit.reflectie.privacy import DEFAULT_MIN_GROUP, Visibility, visibility
    from lco_kit.reflectie.report import (
        SessionReport,
        build_report,
        casus_trend,
        export_bytes,
        export_rows,
        group_size,
        key_card_pdf,
        paper_pdf,
        report_charts,
        report_pdf,
        summary_table,
        traject_trend,
        trend_table,
    )
    from lco_kit.reflectie.scoring import (
        DEFAULT_ALERT_THRESHOLD,
        GroupMean,
        ItemRule,
        Respondent,
        SessionScores,
        TrajectTrend,
        Trend,
        TrendPoint,
        alerts,
        counted_score,
        gaps,
        group_means,
        respondent_scores,
        score_session,
        trends,
    )
    from lco_kit.reflectie.store import (
        NewSession,
        ReflectieStore,
        RespondentRecord,
        Sessie,
        Traject,
        new_respondent_key,
    )
