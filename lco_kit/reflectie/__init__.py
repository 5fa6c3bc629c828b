"""Reflectie: the "wanneer is het een goed LCO geweest" instrument, its scoring and its sessions.

- :mod:`~lco_kit.reflectie.instrument`: the instrument file (dimensions, items per perspective);
- :mod:`~lco_kit.reflectie.scoring`: pure scoring functions (plain data in, plain data out);
- :mod:`~lco_kit.reflectie.privacy`: which perspective groups may be shown;
- :mod:`~lco_kit.reflectie.store`: sessions and answers in SQLite or PostgreSQL;
- :mod:`~lco_kit.reflectie.report`: results with privacy applied, charts, PDF, exports, paper forms.
"""

from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument, load_instrument, perspective_code
from lco_kit.reflectie.privacy import DEFAULT_MIN_GROUP, Visibility, visibility
from lco_kit.reflectie.report import (
    SessionReport,
    build_report,
    casus_trend,
    export_bytes,
    export_rows,
    paper_pdf,
    report_charts,
    report_pdf,
    summary_table,
)
from lco_kit.reflectie.scoring import (
    DEFAULT_ALERT_THRESHOLD,
    GroupMean,
    ItemRule,
    Respondent,
    SessionScores,
    Trend,
    alerts,
    counted_score,
    gaps,
    group_means,
    respondent_scores,
    score_session,
    trends,
)
from lco_kit.reflectie.store import NewSession, ReflectieStore, RespondentRecord, Sessie, new_respondent_key

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
    "Trend",
    "Visibility",
    "alerts",
    "build_report",
    "casus_trend",
    "counted_score",
    "export_bytes",
    "export_rows",
    "gaps",
    "group_means",
    "load_instrument",
    "new_respondent_key",
    "paper_pdf",
    "perspective_code",
    "report_charts",
    "report_pdf",
    "respondent_scores",
    "score_session",
    "summary_table",
    "trends",
    "visibility",
]
