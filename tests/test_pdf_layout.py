"""Every PDF the kit makes prints cleanly: no two words over each other, A4, a title, Dutch.

The kinds of PDF the kit makes, each generated below with the longest texts the content
holds and with synthetic stress texts (long labels, 60-character Dutch compounds, long
names and titles):

- the casus handout, participants' and facilitator's copy (every curated casus, simulated
  casussen, a stress casus) — ``lco_kit.casus.handout.casus_handout``;
- the role cards — ``lco_kit.rollenspel.card_print.cards_pdf``;
- the verslag of a stappenplan — ``lco_kit.stappenplan.verslag_pdf``;
- the reflection report and the paper questionnaires — ``lco_kit.reflectie.report``;
- the yearly report and the signalennota — ``lco_kit.registratie.report``;
- the draaiboeken, the print pack and the intervisie harvest — ``lco_kit.drukwerk`` and
  ``lco_kit.intervisie`` (their own tests call the same check, see ``tests/test_drukwerk.py``
  and ``tests/intervisie/``);
- anything else built with ``lco_kit.pdf.PdfDocument`` (its own stress test here).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from lco_kit.casus import Afspraak, Casus, Knelpunt, list_casussen, simulate_casus
from lco_kit.casus.handout import casus_handout
from lco_kit.charts import Chart, bar_chart
from lco_kit.intervisie import EigenCasus, Intervisie, harvest_pdf, werkblad_pdf
from lco_kit.pdf import PdfDocument
from lco_kit.reflectie.documenten import paper_pdf, report_pdf
from lco_kit.reflectie.instrument import load_instrument
from lco_kit.reflectie.report import build_report
from lco_kit.reflectie.store import ReflectieStore
from lco_kit.registratie import build_overview, jaarrapport_pdf, signalennota_pdf, simulate_registratie, validate_frame
from lco_kit.rollenspel.card_print import cards_pdf
from lco_kit.stappenplan import verslag_pdf
from tests._pdfcheck import check_document, overlaps
from tests.rollenspel.conftest import casus_data
from tests.stappenplan.conftest import complete

DAY = date(2026, 3, 2)
COMPOUND = "Arbeidsongeschiktheidsuitkeringsaanvraagformulierenbegeleiding"
"""A Dutch compound of 60+ characters: no line break fits inside it."""
LONG_NAME = "Marie-Françoise Vandenbroucke-Van Steenbergen de Ghellinck"
LONG_LABEL = "Waar deze dienst zich het meeste zorgen over maakt als het over de komende maanden gaat"


@pytest.fixture(autouse=True)
def small_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render charts at a low resolution: the same shape on the page, a tenth of the time."""
    original = Chart.png

    def quick(self: Chart, dpi: int = 110) -> bytes:
        return original(self, dpi=max(12, dpi // 10))

    monkeypatch.setattr(Chart, "png", quick)


def stress_casus() -> Casus:
    """Return a casus whose every text is long: names, services, compounds, a long title."""
    data: dict[str, Any] = copy.deepcopy(casus_data())
    data["titel"] = f"{COMPOUND} voor een gezin met {COMPOUND.lower()} en nog veel meer"
    data["samenvatting"] = " ".join([COMPOUND] * 3 + ["en een zin die gewoon doorloopt."] * 4)
    data["client"]["pseudoniem"] = LONG_NAME
    data["client"]["huishouden"] = f"woont met {LONG_NAME} en {COMPOUND.lower()}"
    data["wat_goed_gaat"] = [COMPOUND, f"{LONG_NAME} doet elke dag de {COMPOUND.lower()}."]
    for domain in data["levensdomeinen"]:
        domain["situatie"] = f"{COMPOUND} {COMPOUND.lower()} in de {COMPOUND.lower()}."
        domain["sterktes"] = [COMPOUND]
    for provider in data["hulpverleners"]:
        provider["naam"] = LONG_NAME
        provider["dienst"] = f"{COMPOUND}, {COMPOUND.lower()}"
        provider["rol"] = COMPOUND.lower()
        provider["visie"] = " ".join([COMPOUND.lower()] * 6)
        provider["zorg"] = f"Dat {COMPOUND.lower()} niet lukt."
    data["knelpunten"] = [{"categorie": "Kinderopvang", "omschrijving": f"{COMPOUND} {COMPOUND}"}]
    data["niet_delen"][0]["onderwerp"] = COMPOUND
    return Casus.model_validate(data)


def curated() -> Iterator[Casus]:
    """Return every curated casus."""
    return iter(list_casussen())


@pytest.mark.parametrize("casus", list(curated()), ids=lambda c: c.id)
@pytest.mark.parametrize("begeleider", [False, True], ids=["deelnemers", "begeleider"])
def test_casus_handout_of_every_curated_casus_prints_cleanly(casus: Casus, begeleider: bool) -> None:
    """Does each curated casus's handout (both copies) keep every word clear of every other?"""
    check_document(casus_handout(casus, made_on=DAY, begeleider=begeleider))


@pytest.mark.parametrize("seed", [0, 7, 23])
def test_handout_of_a_simulated_casus_prints_cleanly(seed: int) -> None:
    """Does the handout of a simulated casus print without overlap?"""
    check_document(casus_handout(simulate_casus(seed), made_on=DAY, begeleider=True))


def test_handout_with_stress_texts_prints_cleanly() -> None:
    """Do long names, titles and 60-character compounds wrap instead of running into their neighbours?"""
    check_document(casus_handout(stress_casus(), made_on=DAY, begeleider=True))


def test_the_page_3_defect_is_gone() -> None:
    """Is 'Waar deze dienst zich zorgen over maakt' no longer printed over the provider's text (the old defect)?"""
    casus = next(c for c in curated() if c.id == "schulden-dirk-hasselt")
    problems = overlaps(casus_handout(casus, made_on=DAY))
    assert problems == []


@pytest.mark.parametrize("casus", [*[c for c in curated() if c.is_lco][:6], stress_casus()], ids=lambda c: c.id)
def test_role_cards_print_cleanly(casus: Casus) -> None:
    """Do the role cards of a casus (and of the stress casus) print without overlap?"""
    check_document(cards_pdf(casus, made_on=DAY))


def test_verslag_prints_cleanly_with_long_texts() -> None:
    """Does a verslag with long agreements, owners and knelpunten print without overlap?"""
    plan = complete(datum=DAY)
    long_plan = replace(
        complete(stress_casus(), datum=DAY),
        afspraken=(
            *plan.afspraken,
            Afspraak.concept(f"{COMPOUND} samen met {LONG_NAME} aanvragen", "client", date(2026, 4, 1)),
        ),
        knelpunten=(Knelpunt.concept("kinderopvang", f"{COMPOUND} {COMPOUND}"),),
    )
    check_document(verslag_pdf(plan))
    check_document(verslag_pdf(long_plan))


def test_reflection_report_and_paper_forms_print_cleanly(tmp_path: Path) -> None:
    """Do the reflection report (long remarks) and every paper questionnaire print without overlap?"""
    store = ReflectieStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    code = store.create_session("lco", title=f"Opvolging {COMPOUND}").session.code
    for perspective, score, remark in (("client", 2, COMPOUND), ("deelnemer", 4, LONG_LABEL), ("coordinator", 4, "")):
        items = store.session(code).instrument.perspective(perspective).items
        store.submit(code, perspective, {i.id: score for i in items}, remark)
    session = store.session(code)
    check_document(report_pdf(build_report(session, store.respondents(session.id))))
    instrument = load_instrument()
    for perspective in ("client", "deelnemer", "coordinator"):
        check_document(paper_pdf(instrument, perspective))


def test_registration_report_and_signalennota_print_cleanly() -> None:
    """Do the yearly report and the signalennota of a simulated registration print without overlap?"""
    registration = validate_frame(simulate_registratie(1, fouten=12), source="test", today=date(2026, 11, 22))
    view = build_overview(registration, made_on=date(2026, 11, 22))
    check_document(jaarrapport_pdf(view))
    check_document(signalennota_pdf(view))


def test_intervisie_harvest_and_worksheet_print_cleanly_with_long_texts() -> None:
    """Do the intervisie harvest (long notes, compounds, long names) and the worksheet print without overlap?"""
    session = Intervisie()
    session.use_own_casus(
        EigenCasus(
            titel=f"{COMPOUND} in een {COMPOUND.lower()}",
            situatie=" ".join([COMPOUND] * 12),
            leeftijd="45-64",
            huishouden=LONG_NAME,
            profiel="beperking",
            domeinen=("financien", "huisvesting", "gezondheid"),
            diensten=f"{COMPOUND}\nCAW Limburg\n{LONG_NAME}",
            hulpvraag=COMPOUND,
            wat_goed_gaat=LONG_LABEL,
            leervraag=f"Hoe kan ik {COMPOUND.lower()} {LONG_LABEL.lower()}?",
        )
    )
    session.roles = {"inbrenger": LONG_NAME, "voorzitter": COMPOUND, "tijdsbewaker": "An"}
    for ronde in session.method.rondes:
        session.set_note(ronde.code, "\n".join([LONG_LABEL, COMPOUND * 2, " ".join([COMPOUND] * 20)]))
    session.add_point(" ".join([COMPOUND] * 5), "participatie")
    session.add_point(LONG_LABEL, None)
    check_document(harvest_pdf(session, made_on=DAY))
    check_document(werkblad_pdf(made_on=DAY))


def test_the_writer_itself_wraps_every_stress_text() -> None:
    """Do a long title, long labels, compounds in narrow columns and long bullets stay clear of each other?"""
    title = f"{LONG_LABEL} {COMPOUND}"
    doc = PdfDocument(title, subtitle=LONG_NAME, made_on=DAY)
    doc.key_values([(LONG_LABEL, COMPOUND), (COMPOUND, LONG_LABEL), ("Kort", " ".join([COMPOUND] * 40))])
    doc.table(["Nr.", COMPOUND, "Wie"], [["1", COMPOUND, LONG_NAME], [COMPOUND, "x", COMPOUND]], widths=(12, 100, 62))
    doc.bullets([COMPOUND * 2, LONG_LABEL])
    doc.heading(COMPOUND * 2)
    doc.paragraph(" ".join([COMPOUND] * 30))
    doc.chart(bar_chart([COMPOUND, "Wonen"], [2, 4], LONG_LABEL))
    check_document(doc.to_bytes())


def test_the_check_finds_words_printed_over_each_other() -> None:
    """Does the overlap check itself catch two texts printed on the same spot (so it can fail)?"""
    doc = PdfDocument("Twee teksten op dezelfde plek", made_on=DAY)
    pdf = doc._pdf  # the test reaches inside on purpose: the writer itself never does this
    pdf.set_xy(30, 80)
    pdf.cell(60, 6, "Waar deze dienst zich zorgen over maakt")
    pdf.set_xy(50, 80)
    pdf.cell(60, 6, "Dat de energie wordt afgesloten")
    found = overlaps(doc.to_bytes())
    assert any("zorgen" in line or "zich" in line for line in found)
