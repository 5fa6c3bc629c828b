"""The lesson on the maatzorgprincipes, used in headless Chromium as a learner and a facilitator would.

The test reads which exercise is on the screen from its ``lco-oefening-id-<id>`` class and
looks the right answer up in the kit's own banks, so it answers whatever the lesson's random
choice put in front of it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, expect

from lco_kit.oefeningen import (
    AnyOefening,
    Beoordeling,
    KeuzeUitEen,
    Koppelen,
    MeerdereKeuzes,
    OpenVraag,
    Volgorde,
    check_answer,
    load_banks,
    oefen_tekst,
    plan_les,
    score_les,
)
from lco_kit.principes import load_principes
from tests.browser.conftest import open_page, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser

PAGE = "20_maatzorgprincipes.ipynb"
TIMEOUT = 30_000
BANKS = load_banks()


@dataclass
class Run:
    """What the test did in one lesson, to compute the score the summary must show."""

    exercises: list[AnyOefening] = field(default_factory=list)
    verdicts: dict[str, Beoordeling] = field(default_factory=dict)


# ------------------------------------------------------------------ helpers


def exercise_on_screen(page: Page) -> AnyOefening | None:
    """Return the exercise shown, or None when the step is a reading card or the summary."""
    widget = page.locator(".lco-les .lco-oefening")
    if widget.count() == 0:
        return None
    classes = widget.get_attribute("class") or ""
    found = re.search(r"lco-oefening-id-([a-z0-9-]+)", classes)
    assert found, classes
    exercise_id = found.group(1)
    return next(o for o in BANKS.oefeningen() if o.id == exercise_id)


def choose_bank(page: Page, bank: str, count: int) -> None:
    """Open the facilitator's settings, choose a bank and a number, and start the lesson."""
    if not page.locator(".lco-les-reeks select").is_visible():
        page.locator(".lco-les-begeleider-knop").click()
    reeks = BANKS.reeksen[bank]
    label = oefen_tekst("reeks_optie", titel=reeks.titel, aantal=len(reeks.oefeningen))
    page.locator(".lco-les-reeks select").select_option(label=label)
    number = page.locator(".lco-les-aantal input")
    # Choosing a bank limits the number to what the bank holds; wait for that before typing.
    expect(number).to_have_attribute("max", str(len(reeks.oefeningen)), timeout=TIMEOUT)
    number.fill(str(count))
    number.press("Enter")
    expect(number).to_have_value(str(count))
    page.locator(".lco-les-start").click()
    # The number of steps does not depend on the random choices: one reading step per topic covered.
    rng = random.Random(0)  # noqa: S311  (only the number of steps is used)
    steps = len(plan_les(BANKS.oefeningen(bank), rng=rng, aantal=count).stappen)
    expect(page.locator(".lco-voortgang-tekst")).to_have_text(
        oefen_tekst("voortgang", stap=1, totaal=steps), timeout=TIMEOUT
    )
    expect(page.locator(".lco-les .lco-stap-nr-1")).to_be_visible(timeout=TIMEOUT)


def next_step(page: Page) -> None:
    """Click ‘Volgende’ (whatever its label says now) and wait until the next step is drawn."""
    before = page.locator(".lco-voortgang-tekst").inner_text()
    page.locator(".lco-les-volgende").click()
    expect(page.locator(".lco-voortgang-tekst")).not_to_have_text(before, timeout=TIMEOUT)
    shown = re.search(r"Stap (\d+) van", page.locator(".lco-voortgang-tekst").inner_text())
    target = f".lco-les .lco-stap-nr-{shown.group(1)}" if shown else ".lco-les-samenvatting"
    expect(page.locator(target)).to_be_visible(timeout=TIMEOUT)


def finish(page: Page, run: Run) -> str:
    """Answer every exercise left rightly, up to the summary; return the summary's text."""
    while True:
        next_step(page)
        if page.locator(".lco-les-samenvatting").count():
            return summary_text(page)
        if exercise_on_screen(page) is not None:
            do_exercise(page, run, right=True)
            expect(page.locator(".lco-oefening .lco-oef-oordeel")).to_contain_text("Juist")


def check(page: Page) -> None:
    """Click ‘Controleer’ and wait for the verdict."""
    page.locator(".lco-oefening .lco-oef-controleer").click()
    expect(page.locator(".lco-oefening .lco-oef-oordeel")).to_be_visible(timeout=TIMEOUT)


def answer(page: Page, oefening: AnyOefening, *, right: bool) -> object:
    """Answer the exercise on the screen through its inputs; return the answer given."""
    box = page.locator(".lco-oefening")
    if isinstance(oefening, KeuzeUitEen):
        index = next(i for i, o in enumerate(oefening.opties) if o.juist == right)
        box.get_by_label(oefening.opties[index].tekst, exact=True).check()
        return index
    if isinstance(oefening, MeerdereKeuzes):
        chosen = (
            {i for i, o in enumerate(oefening.opties) if o.juist}
            if right
            else {next(i for i, o in enumerate(oefening.opties) if not o.juist)}
        )
        for index in chosen:
            box.get_by_label(oefening.opties[index].tekst, exact=True).check()
        return chosen
    if isinstance(oefening, Volgorde):
        if right:
            put_in_order(page, oefening)
        return shown_order(page, oefening)
    if isinstance(oefening, Koppelen):
        inhoud = load_principes()
        given: dict[int, str] = {}
        moments = box.locator(".lco-koppel-moment")
        for position in range(moments.count()):
            text = moments.nth(position).inner_text()
            index = next(i for i, p in enumerate(oefening.paren) if p.moment in text)
            code = oefening.paren[index].principe
            if not right and position == 0:
                code = next(c for c in oefening.keuzes if c != code)
            box.locator(".lco-oef-koppeling select").nth(position).select_option(label=inhoud.titel(code))
            given[index] = code
        return given
    assert isinstance(oefening, OpenVraag)
    box.locator(".lco-oef-tekstvak textarea").fill("Ik vraag voortaan eerst wat de cliënt wil delen.")
    return "Ik vraag voortaan eerst wat de cliënt wil delen."


def shown_order(page: Page, oefening: Volgorde) -> list[int]:
    """Return the order of the steps as the page shows them, as indices in the bank's order."""
    rows = page.locator(".lco-oefening .lco-volgorde-tekst")
    texts = [re.sub(r"^\d+\.\s*", "", text).strip() for text in rows.all_inner_texts()]
    order = [next((i for i, s in enumerate(oefening.stappen) if s.tekst == text), -1) for text in texts]
    if sorted(order) != list(range(len(oefening.stappen))):
        # Two rows change after a move; the second may not be drawn yet.
        page.wait_for_timeout(200)
        return shown_order(page, oefening)
    return order


def put_in_order(page: Page, oefening: Volgorde) -> None:
    """Move every step to its place with the ‘Hoger’ buttons, as a learner would."""
    rows = page.locator(".lco-oefening .lco-volgorde-rij")
    for target, stap in enumerate(oefening.stappen):
        current = shown_order(page, oefening).index(target)
        while current > target:
            rows.nth(current).locator(".lco-volgorde-hoger").click()
            current -= 1
            expect(rows.nth(current).locator(".lco-volgorde-tekst")).to_contain_text(stap.tekst, timeout=TIMEOUT)


def do_exercise(page: Page, run: Run, *, right: bool) -> tuple[AnyOefening, object]:
    """Answer the exercise on the screen, check it, and record what the engine says of it."""
    oefening = exercise_on_screen(page)
    assert oefening is not None
    given = answer(page, oefening, right=right)
    check(page)
    run.exercises.append(oefening)
    verdict = check_answer(oefening, given)
    if oefening.geteld:
        run.verdicts[oefening.id] = verdict
        assert verdict.juist == right
    return oefening, given


def summary_text(page: Page) -> str:
    """Return the summary's text once it is shown."""
    summary = page.locator(".lco-les-samenvatting")
    expect(summary).to_be_visible(timeout=TIMEOUT)
    return summary.inner_text()


def expected_summary_lines(run: Run) -> tuple[str, list[str]]:
    """Return the score line and the titles to revisit, computed by the engine from what the test answered."""
    result = score_les(run.exercises, run.verdicts)
    inhoud = load_principes()
    return (
        oefen_tekst("samenvatting_score", juist=result.juist, geteld=result.geteld),
        [inhoud.titel(code) for code in result.herhalen],
    )


# ------------------------------------------------------------------ tests


def test_wrong_answer_shows_that_options_explanation_and_summary_has_the_right_score(page: Page, base_url: str) -> None:
    """Does a wrong answer show the explanation of the option chosen, and does the summary count 2 of 3 right?"""
    open_page(page, base_url, PAGE)
    choose_bank(page, "positieve-hulpverlening", 3)
    card = page.locator(".lco-leeskaart")
    expect(card).to_contain_text("Positieve hulpverlening")
    expect(card).to_contain_text(load_principes().principe("positief").valkuil)
    next_step(page)

    run = Run()
    first = exercise_on_screen(page)
    assert first is not None and first.geteld
    expect(page.locator(".lco-les-volgende")).to_be_disabled()
    oefening, given = do_exercise(page, run, right=False)
    assert isinstance(oefening, KeuzeUitEen | MeerdereKeuzes)
    wrong = next(iter(given)) if isinstance(given, set) else given
    chosen = page.locator(".lco-oefening .lco-uitleg-gekozen_fout")
    expect(chosen).to_contain_text(oefening.opties[wrong].tekst)
    expect(chosen).to_contain_text(oefening.opties[wrong].uitleg)
    right_option = next(o for o in oefening.opties if o.juist)
    expect(page.locator(".lco-oefening .lco-uitleg-gemist").first).to_be_visible()
    expect(page.locator(".lco-oefening .lco-oef-uitleg")).to_contain_text(right_option.uitleg)
    screenshot(page, "principes-fout-antwoord")
    assert not serious_accessibility_violations(page)

    text = finish(page, run)
    score_line, revisit = expected_summary_lines(run)
    assert score_line == oefen_tekst("samenvatting_score", juist=2, geteld=3)
    assert score_line in text
    for title in revisit:
        expect(page.locator(".lco-les-herhalen")).to_contain_text(title)
    expect(page.locator(".lco-voortgang-tekst")).to_have_text(oefen_tekst("voortgang_klaar", totaal=4))
    expect(page.locator(".lco-les-volgende")).to_be_hidden()
    screenshot(page, "principes-samenvatting")


def test_order_and_matching_exercises_are_answered_and_explained(page: Page, base_url: str) -> None:
    """Can a learner put phases in order with ‘Hoger’ and match moments to principles, and read why?"""
    open_page(page, base_url, PAGE)
    run = Run()
    choose_bank(page, "fasen-van-een-lco", 2)
    next_step(page)
    oefening, given = do_exercise(page, run, right=False)
    assert isinstance(oefening, Volgorde)
    misplaced = page.locator(".lco-oefening .lco-uitleg-verkeerde_plaats")
    expect(misplaced.first).to_be_visible()
    first_wrong = next(i for i, step in enumerate(given) if step != i)  # type: ignore[arg-type]
    expect(page.locator(".lco-oefening .lco-oef-uitleg")).to_contain_text(oefening.stappen[first_wrong].uitleg)
    next_step(page)
    do_exercise(page, run, right=True)
    expect(page.locator(".lco-oefening .lco-oef-oordeel")).to_have_text(oefen_tekst("oordeel_volgorde_true"))
    next_step(page)
    assert oefen_tekst("samenvatting_score", juist=1, geteld=2) in summary_text(page)

    choose_bank(page, "principes-herkennen", 1)
    next_step(page)
    oefening, given = do_exercise(page, run, right=False)
    assert isinstance(oefening, Koppelen)
    wrong = page.locator(".lco-oefening .lco-uitleg-fout_gekoppeld")
    expect(wrong).to_have_count(1)
    screenshot(page, "principes-koppelen")
    assert not serious_accessibility_violations(page)


def test_reflection_stays_with_the_learner_and_can_be_downloaded(page: Page, base_url: str) -> None:
    """After a whole bank answered right, is the score full, nothing to revisit, and the reflection downloadable?"""
    open_page(page, base_url, PAGE)
    reeks = BANKS.reeksen["beroepsgeheim"]
    choose_bank(page, "beroepsgeheim", len(reeks.oefeningen))
    next_step(page)
    run = Run()
    for _ in reeks.oefeningen:
        oefening, _given = do_exercise(page, run, right=True)
        if isinstance(oefening, OpenVraag):
            expect(page.locator(".lco-oefening .lco-oef-uitleg")).to_contain_text(oefening.denkpistes[0])
        next_step(page)
    text = summary_text(page)
    scored = sum(o.geteld for o in reeks.oefeningen)
    assert oefen_tekst("samenvatting_score", juist=scored, geteld=scored) in text
    assert oefen_tekst("samenvatting_herhalen_leeg") in text
    link = page.locator("a.lco-download")
    expect(link).to_be_visible()
    assert link.get_attribute("download") == oefen_tekst("reflecties_bestand")


def test_opnieuw_reshuffles_the_lesson(page: Page, base_url: str) -> None:
    """Does ‘Opnieuw’ start the lesson again from step 1, with other exercises or another order?"""
    open_page(page, base_url, PAGE)

    def first_exercise() -> str:
        next_step(page)
        shown = page.locator(".lco-oefening")
        return (shown.get_attribute("class") or "") + shown.inner_text()

    before = first_exercise()
    for _ in range(5):
        page.locator(".lco-les-opnieuw").click()
        expect(page.locator(".lco-voortgang-tekst")).to_contain_text("Stap 1 van", timeout=TIMEOUT)
        expect(page.locator(".lco-leeskaart")).to_be_visible()
        after = first_exercise()
        if after != before:
            break
    assert after != before


def test_facilitator_chooses_bank_and_number(page: Page, base_url: str) -> None:
    """Does choosing a bank and two exercises give a lesson of one reading step and two exercises from that bank?"""
    open_page(page, base_url, PAGE)
    total = len(BANKS.oefeningen())
    expect(page.locator(".lco-les-reeks select")).to_be_hidden()
    choose_bank(page, "beroepsgeheim", 2)
    expect(page.locator(".lco-voortgang-tekst")).to_have_text(oefen_tekst("voortgang", stap=1, totaal=3))
    expect(page.locator(".lco-leeskaart")).to_contain_text(load_principes().thema("beroepsgeheim").titel)
    ids = {o.id for o in BANKS.reeksen["beroepsgeheim"].oefeningen}
    run = Run()
    for _ in range(2):
        next_step(page)
        shown = exercise_on_screen(page)
        assert shown is not None and shown.id in ids
        do_exercise(page, run, right=True)
    next_step(page)
    assert oefen_tekst("samenvatting_score", juist=2, geteld=2) in summary_text(page)
    assert page.locator(".lco-les-aantal input").get_attribute("max") in {None, str(len(ids))}
    assert total > len(ids)


def test_lesson_fits_a_phone(page: Page, base_url: str) -> None:
    """At 390 px wide, does the lesson fit without sideways scrolling, with large buttons and no serious axe finding?"""
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, base_url, PAGE)
    next_step(page)
    run = Run()
    do_exercise(page, run, right=False)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"de pagina is {width} px breed op een gsm van 390 px"
    for selector in (".lco-les-volgende", ".lco-les-opnieuw", ".lco-les-begeleider-knop"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= 390
    screenshot(page, "principes-gsm")
    assert not serious_accessibility_violations(page)
