"""A session's results with the privacy rules applied: scores, tables, exports, the trend."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from lco_kit.reflectie.charts import report_charts
from lco_kit.reflectie.documenten import report_pdf
from lco_kit.reflectie.report import (
    build_report,
    casus_trend,
    export_bytes,
    export_rows,
    summary_table,
    traject_trend,
)
from lco_kit.reflectie.store import ReflectieStore
from tests.reflectie.sessions_with_answers import (
    XSS,
    answer_all,
    lco_session,
    reflectiedag_with_two_deelnemers,
    text_of,
    traject_of_three,
)


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")


def test_lco_report_has_means_gap_and_alerts(store: ReflectieStore) -> None:
    """Are the means per perspective, the pooled professionals, the gap and the alerts as computed by hand?"""
    code = lco_session(store)
    session = store.session(code)
    report = build_report(session, store.respondents(session.id))
    assert report.mean("client", "betrokken") == 2.0
    assert report.mean("deelnemer", "betrokken") == 4.5
    assert report.scores.professionals["betrokken"].value == pytest.approx(13 / 3)
    assert report.scores.gaps["betrokken"] == pytest.approx(2 - 13 / 3)
    assert all(report.scores.alerts.values())
    headers, rows = summary_table(report)
    assert headers[-2:] == ("Verschil", "Signaal")
    assert rows[0] == ["Cliënt gehoord", "2,0", "4,5", "4,0", "4,3", "-2,3", "signaal"]


def test_reflectiedag_group_of_two_is_hidden_with_everything_derived(store: ReflectieStore) -> None:
    """Is a group of 2 hidden from means, the professionals, charts, radar, remarks and export?"""
    code = reflectiedag_with_two_deelnemers(store)
    session = store.session(code)
    records = store.respondents(session.id)
    report = build_report(session, records)
    assert not report.visibility["deelnemer"].shown
    assert "minder dan 3 invullers" in report.visibility["deelnemer"].reason
    assert "deelnemer" not in report.scores.means and "deelnemer" not in report.remarks
    # The professionals are the coordinators only: the deelnemers' 1s do not pull the mean down.
    assert report.scores.professionals["betrokken"].value == 4.0
    assert report.scores.gaps["betrokken"] == -1.0
    charts = report_charts(report)
    assert not any("Deelnemer" in c.alt for c in charts)
    assert report.counts["deelnemer"] == 2
    rows, left_out = export_rows(report, records)
    assert left_out == {"deelnemer": 2}
    assert {r["perspectief"] for r in rows} == {"Cliënt", "Coördinator"}
    assert "deelnemer-opmerking" not in text_of(report_pdf(report))


def test_reflectiedag_client_group_too_small_hides_gap_and_alerts(store: ReflectieStore) -> None:
    """With 2 clients on a reflectiedag, are the gap, the alerts and the gap chart gone?"""
    code = store.create_session("reflectiedag").session.code
    for _ in range(2):
        answer_all(store, code, "client", 1, "klein")
    for _ in range(3):
        answer_all(store, code, "deelnemer", 5)
    session = store.session(code)
    report = build_report(session, store.respondents(session.id))
    assert set(report.scores.gaps.values()) == {None}
    assert set(report.scores.alerts.values()) == {None}
    assert not any("Verschil" in c.alt for c in report_charts(report))
    assert all("Cliënt" not in name for name in report.remarks)


def test_reflectiedag_mean_resting_on_too_few_people_is_hidden(store: ReflectieStore) -> None:
    """In a group of 3 where only 1 person scored a dimension, is that one mean hidden?"""
    code = store.create_session("reflectiedag").session.code
    answer_all(store, code, "deelnemer", 4)
    answer_all(store, code, "deelnemer", None)
    answer_all(store, code, "deelnemer", None)
    session = store.session(code)
    report = build_report(session, store.respondents(session.id))
    assert report.visibility["deelnemer"].shown
    assert report.mean("deelnemer", "betrokken") is None
    assert any("minder dan 3 antwoorden" in note for note in report.suppressed)


def test_lco_facilitator_can_hide_the_client(store: ReflectieStore) -> None:
    """In an LCO session, does hiding the client remove its mean, the gap and its remark?"""
    code = lco_session(store)
    session = store.session(code)
    store.set_hidden(session.id, {"client"})
    report = build_report(store.session(code), store.respondents(session.id))
    assert report.visibility["client"].reason == "verborgen door de begeleider"
    assert set(report.scores.gaps.values()) == {None}
    assert XSS not in str(report.remarks)


def test_csv_export_opens_as_belgian_excel(store: ReflectieStore) -> None:
    """Is the CSV ;-separated with a BOM and decimal commas, and is a formula remark neutralised?"""
    code = lco_session(store)
    session = store.session(code)
    records = store.respondents(session.id)
    data = export_bytes(build_report(session, records), records, ".csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4
    assert rows[1]["score Cliënt gehoord"] == "4"
    assert rows[0]["c_gelijk"] == "2" and rows[0]["c_hoop"] == "2"
    assert rows[1]["opmerking"] == "'=SOM(A1:A9)"


def test_export_shows_weet_ik_niet_and_decimal_scores(store: ReflectieStore) -> None:
    """Is a null answer written as 'weet ik niet', and a 4.5 mean as 4,5?"""
    code = store.create_session().session.code
    store.submit(code, "deelnemer", {"d_ruimte": 4, "d_woog_mee": 5, "d_over_client": None})
    session = store.session(code)
    records = store.respondents(session.id)
    data = export_bytes(build_report(session, records), records, ".csv").decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(data), delimiter=";"))
    assert row["d_over_client"] == "weet ik niet"
    assert row["score Cliënt gehoord"] == "4,5"
    assert row["d_toon"] == ""


def test_trend_follows_the_gap_across_follow_up_lcos(store: ReflectieStore) -> None:
    """Across two LCOs of one casus, does the trend show the gap closing?"""
    reports = []
    for client_score in (2, 4):
        code = store.create_session(casus="casus 3").session.code
        answer_all(store, code, "client", client_score)
        answer_all(store, code, "deelnemer", 4)
        session = store.session(code)
        reports.append(build_report(session, store.respondents(session.id)))
    trend = casus_trend(reports)
    assert trend["afspraken"].values == (-2.0, 0.0)
    assert trend["afspraken"].change == 2.0


def test_a_hidden_groups_size_is_said_nowhere(store: ReflectieStore) -> None:
    """With 2 deelnemers on a reflectiedag, do the PDF, the CSV and the XLSX say 'minder dan 3' and never '2'?"""
    from openpyxl import load_workbook

    code = reflectiedag_with_two_deelnemers(store)
    session = store.session(code)
    records = store.respondents(session.id)
    report = build_report(session, records)
    pdf = text_of(report_pdf(report))
    assert "Deelnemer minder dan 3 invullers (verborgen)" in pdf
    assert "2 invuller" not in pdf and "Cliënt 3 invuller(s), 3 verzonden" in pdf
    csv_rows = list(
        csv.DictReader(io.StringIO(export_bytes(report, records, ".csv").decode("utf-8-sig")), delimiter=";")
    )
    [note] = [r for r in csv_rows if r["perspectief"] == "Deelnemer"]
    assert note["opmerking"] == "niet uitgevoerd: minder dan 3 invullers (verborgen)"
    assert not any(column.startswith("d_") for column in note) and len(csv_rows) == 7
    sheet = load_workbook(io.BytesIO(export_bytes(report, records, ".xlsx"))).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "niet uitgevoerd: minder dan 3 invullers (verborgen)" in cells
    assert not any("2 invuller" in c for c in cells)


def test_a_group_the_facilitator_hid_is_said_without_its_size(store: ReflectieStore) -> None:
    """When the facilitator hides the client of an LCO, does the PDF say so without a number?"""
    code = lco_session(store)
    session = store.session(code)
    store.set_hidden(session.id, {"client"})
    pdf = text_of(report_pdf(build_report(store.session(code), store.respondents(session.id))))
    assert "Cliënt verborgen door de begeleider" in pdf and "Cliënt 1 invuller" not in pdf


def test_the_trend_names_each_lco_by_title_and_date(store: ReflectieStore) -> None:
    """Does the traject's trend carry each LCO's short title and date, and the gap per dimension in order?"""
    from lco_kit.reflectie.report import trend_table

    reports = traject_of_three(store)
    trend = traject_trend(reports)
    today = reports[0].session.aangemaakt_op.strftime("%d/%m/%Y")
    assert [p.label for p in trend.points] == [f"Eerste LCO, {today}", f"Opvolging 1, {today}", f"Opvolging 2, {today}"]
    assert trend.values["afspraken"].values == (-3.0, -1.0, 0.0)
    headers, rows = trend_table(trend)
    assert headers[0] == "Dimensie" and headers[-1] == "Verandering" and len(headers) == 5
    assert rows[0] == ["Cliënt gehoord", "-3,0", "-1,0", "+0,0", "+3,0"]
