"""A session's results with the privacy rules applied: scores, charts, PDF, export and paper form."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from lco_kit.reflectie.charts import report_charts
from lco_kit.reflectie.documenten import paper_pdf, report_pdf
from lco_kit.reflectie.report import (
    build_report,
    casus_trend,
    export_bytes,
    export_rows,
    summary_table,
)
from lco_kit.reflectie.store import ReflectieStore

XSS = "<b>vet</b> <img src=x onerror=alert(1)>"


@pytest.fixture
def store(tmp_path: Path) -> ReflectieStore:
    """Return an empty SQLite store."""
    return ReflectieStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")


def answer_all(store: ReflectieStore, code: str, perspective: str, score: int | None, remark: str = "") -> None:
    """Store one respondent who gave the same score to every item of their perspective."""
    items = store.session(code).instrument.perspective(perspective).items
    # Reverse items get the mirrored score, so every dimension ends at ``score``.
    answers = {i.id: (6 - score if (i.omgekeerd and score is not None) else score) for i in items}
    store.submit(code, perspective, answers, remark)


def text_of(pdf: bytes) -> str:
    """Return the text of every page of a PDF."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def lco_session(store: ReflectieStore) -> str:
    """Return the code of an LCO: client 2 everywhere, two deelnemers 4 and 5, coordinator 4."""
    code = store.create_session("lco", title="Opvolging gezin").session.code
    answer_all(store, code, "client", 2, XSS)
    answer_all(store, code, "deelnemer", 4, "=SOM(A1:A9)")
    answer_all(store, code, "deelnemer", 5)
    answer_all(store, code, "coordinator", 4)
    return code


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


def test_charts_name_their_numbers_and_highlight_alerts(store: ReflectieStore) -> None:
    """Is there a chart per perspective, a gap chart whose alt text names the alerts, and a radar?"""
    code = lco_session(store)
    session = store.session(code)
    charts = report_charts(build_report(session, store.respondents(session.id)))
    alts = [c.alt for c in charts]
    assert alts[0].startswith("Staafdiagram ‘Cliënt (n = 1)’. Cliënt gehoord: 2;")
    assert alts[1].startswith("Staafdiagram ‘Deelnemer (n = 2)’. Cliënt gehoord: 4,5;")
    gap = next(a for a in alts if "Verschil" in a)
    assert "Cliënt gehoord: -2,3" in gap and "Signaal bij: Cliënt gehoord, Wat goed gaat" in gap
    assert alts[-1].startswith("Radardiagram ‘Alle dimensies samen’. Cliënt — Cliënt gehoord: 2,")


def reflectiedag_with_two_deelnemers(store: ReflectieStore) -> str:
    """Return a reflectiedag with 3 clients, only 2 deelnemers and 3 coordinators."""
    code = store.create_session("reflectiedag").session.code
    for _ in range(3):
        answer_all(store, code, "client", 3, "klant-opmerking")
        answer_all(store, code, "coordinator", 4, "coordinator-opmerking")
    answer_all(store, code, "deelnemer", 1, "deelnemer-opmerking")
    answer_all(store, code, "deelnemer", 1, "deelnemer-opmerking")
    return code


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


def test_pdf_report_shows_remarks_as_plain_text(store: ReflectieStore) -> None:
    """Does the PDF print a remark with markup literally, and the summary numbers?"""
    code = lco_session(store)
    session = store.session(code)
    text = text_of(report_pdf(build_report(session, store.respondents(session.id))))
    assert "<b>vet</b>" in text and "onerror" in text
    assert "Reflectie: Opvolging gezin" in text
    assert "Cliënt gehoord 2,0 4,5 4,0 4,3 -2,3 signaal" in text


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


def test_paper_version_lists_every_item_with_boxes() -> None:
    """Does the paper form of the client hold every client item, the words of the scale and 'Weet ik niet'?"""
    from lco_kit.reflectie.instrument import load_instrument

    instrument = load_instrument()
    text = text_of(paper_pdf(instrument, "client"))
    for item in instrument.perspective("client").items:
        assert item.tekst.split()[0] in text
    assert "Ik weet bij wie ik terecht kan als er iets is." in text
    assert "Weet ik niet" in text and "☐" in text
    assert "c_hoop" in text  # the facilitator's key for typing it over


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


def traject_of_three(store: ReflectieStore) -> list:
    """Return the reports of three LCOs under one key: the client at 1, 3 and 4, the deelnemer at 4."""
    first = store.create_session(title="Eerste LCO")
    reports = []
    for number, client_score in enumerate((1, 3, 4)):
        opened = first if number == 0 else store.create_session(title=f"Opvolging {number}", key=first.secret)
        answer_all(store, opened.session.code, "client", client_score)
        answer_all(store, opened.session.code, "deelnemer", 4)
        session = store.session(opened.session.code)
        reports.append(build_report(session, store.respondents(session.id)))
    return reports


def test_the_trend_names_each_lco_by_title_and_date(store: ReflectieStore) -> None:
    """Does the traject's trend carry each LCO's short title and date, and the gap per dimension in order?"""
    from lco_kit.reflectie.report import traject_trend, trend_table

    reports = traject_of_three(store)
    trend = traject_trend(reports)
    today = reports[0].session.aangemaakt_op.strftime("%d/%m/%Y")
    assert [p.label for p in trend.points] == [f"Eerste LCO, {today}", f"Opvolging 1, {today}", f"Opvolging 2, {today}"]
    assert trend.values["afspraken"].values == (-3.0, -1.0, 0.0)
    headers, rows = trend_table(trend)
    assert headers[0] == "Dimensie" and headers[-1] == "Verandering" and len(headers) == 5
    assert rows[0] == ["Cliënt gehoord", "-3,0", "-1,0", "+0,0", "+3,0"]


def test_the_pdf_shows_the_trend_as_a_chart_and_a_table(store: ReflectieStore) -> None:
    """Does the PDF of the third LCO hold the trend chart (its alt text) and the table with the three dates?"""
    from lco_kit.reflectie.report import traject_trend

    reports = traject_of_three(store)
    pdf = report_pdf(reports[-1], traject_trend(reports))
    text = text_of(pdf)
    assert "Lijndiagrammen ‘Verloop van het verschil cliënt min hulpverleners’" in text
    assert "Cliënt gehoord -3,0 -1,0 +0,0 +3,0" in text
    assert text.count(reports[0].session.aangemaakt_op.strftime("%d/%m/%Y")) >= 6  # alt text and table headers
    images = [
        sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages) for data in (pdf, report_pdf(reports[-1]))
    ]
    assert images[0] == images[1] + 1


def test_the_key_card_holds_code_secret_date_and_what_it_opens(store: ReflectieStore) -> None:
    """Does the key card PDF print the session code, the secret, the date and that it opens the whole traject?"""
    from lco_kit.reflectie.documenten import key_card_pdf

    opened = store.create_session(title="Gezin aan de Maas")
    text = text_of(key_card_pdf(opened.session, opened.secret))
    assert f"Sessie {opened.session.code}" in text and f"Geheim {opened.secret}" in text
    assert f"Geopend op {opened.session.aangemaakt_op.strftime('%d/%m/%Y')}" in text
    assert "één" in text and "traject" in text and "opvolg-LCO" in text
