"""Sessions with answers for the report, chart and document tests: every item one score, an LCO, a traject."""

from __future__ import annotations

import io

from pypdf import PdfReader

from lco_kit.reflectie.report import build_report
from lco_kit.reflectie.store import ReflectieStore

XSS = "<b>vet</b> <img src=x onerror=alert(1)>"


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


def reflectiedag_with_two_deelnemers(store: ReflectieStore) -> str:
    """Return a reflectiedag with 3 clients, only 2 deelnemers and 3 coordinators."""
    code = store.create_session("reflectiedag").session.code
    for _ in range(3):
        answer_all(store, code, "client", 3, "klant-opmerking")
        answer_all(store, code, "coordinator", 4, "coordinator-opmerking")
    answer_all(store, code, "deelnemer", 1, "deelnemer-opmerking")
    answer_all(store, code, "deelnemer", 1, "deelnemer-opmerking")
    return code


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
