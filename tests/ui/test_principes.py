"""The lesson page: reading steps, exercises, progress, the facilitator's choice, the summary and ‘opnieuw’."""

from __future__ import annotations

from pathlib import Path

import pytest

from lco_kit.oefeningen import GeladenReeksen, LeesStap, OefenStap, load_banks, oefen_tekst, score_les
from lco_kit.principes import load_principes
from lco_kit.ui.oefeningen import OefeningWidget
from lco_kit.ui.principes import MaatzorgLes, reading_card, summary_html
from tests.oefeningen._builders import bank_bytes, matching, multiple, one, open_question, order, single


def banks(tmp_path: Path, **files: bytes) -> GeladenReeksen:
    """Write banks to a folder and load them (no casus references known)."""
    paths = []
    for name, data in files.items():
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(data)
        paths.append(path)
    return load_banks(paths, casus=set())


def small(tmp_path: Path) -> GeladenReeksen:
    """Return two small banks: one on participation (single + open), one on the phases (order + matching)."""
    return banks(
        tmp_path,
        participatie=bank_bytes(
            single("p1"), single("p2", vraag="Nog een vraag?"), open_question("p3", onderwerp="participatie")
        ),
        fasen=bank_bytes(order("f1"), matching("f2"), titel="Fasen"),
    )


def answer_right(lesson: MaatzorgLes) -> None:
    """Answer the exercise on the screen rightly (as the tests' banks are built)."""
    widget = lesson.stap.children[0]
    assert isinstance(widget, OefeningWidget)
    kind = widget.oefening.soort
    if kind == "enkelvoudig":
        widget.keuze.value = 0
    elif kind == "volgorde":
        widget.volgorde = [0, 1, 2, 3, 4]
    elif kind == "koppelen":
        for index, dropdown in widget.keuzelijsten.items():
            dropdown.value = widget.oefening.paren[index].principe
    elif kind == "open":
        widget.tekstvak.value = "Mijn eigen gedachte."
    widget.controleer.click()


def progress(lesson: MaatzorgLes) -> str:
    """Return the progress text shown."""
    return lesson.voortgang.value.split('lco-voortgang-tekst">', 1)[1].split("</span>", 1)[0]


def test_lesson_starts_with_a_reading_step_and_its_progress(tmp_path: Path) -> None:
    """Does a lesson open on the first topic's reading card, at ‘Stap 1 van N’ with a progress bar?"""
    lesson = MaatzorgLes(seed=1, reeksen=small(tmp_path))
    assert isinstance(lesson.stappen[0], LeesStap)
    assert progress(lesson) == oefen_tekst("voortgang", stap=1, totaal=len(lesson.stappen))
    assert f'max="{len(lesson.stappen)}" value="1"' in lesson.voortgang.value
    assert "Participatie" in lesson.stap.children[0].value
    assert lesson.volgende.description == oefen_tekst("naar_oefeningen")


def test_next_waits_for_a_checked_answer(tmp_path: Path) -> None:
    """Can the learner go on only after checking a scored exercise?"""
    lesson = MaatzorgLes(seed=1, reeksen=small(tmp_path))
    lesson.volgende.click()
    assert isinstance(lesson.stap.children[0], OefeningWidget)
    assert lesson.volgende.disabled
    lesson.next_step()
    assert lesson.positie == 1
    assert oefen_tekst("eerst_antwoorden") in lesson.wacht.value
    answer_right(lesson)
    assert not lesson.volgende.disabled
    lesson.volgende.click()
    assert lesson.positie == 2


def test_whole_lesson_reaches_a_summary_with_the_score(tmp_path: Path) -> None:
    """Does answering every step reach the summary, with the score and the progress full?"""
    lesson = MaatzorgLes(seed=2, reeksen=small(tmp_path), aantal=5)
    wrong_done = False
    while lesson.resultaat is None:
        current = lesson.stap.children[0]
        if isinstance(current, OefeningWidget):
            if not wrong_done and current.oefening.soort == "enkelvoudig":
                current.keuze.value = 1
                current.controleer.click()
                wrong_done = True
            else:
                answer_right(lesson)
        lesson.volgende.click()
    assert (lesson.resultaat.geteld, lesson.resultaat.juist) == (4, 3)
    summary = lesson.stap.children[0].value
    assert oefen_tekst("samenvatting_score", juist=3, geteld=4) in summary
    assert "Participatie" in summary.split(oefen_tekst("samenvatting_herhalen"))[1]
    assert progress(lesson) == oefen_tekst("voortgang_klaar", totaal=len(lesson.stappen))
    assert lesson.volgende.layout.display == "none"


def test_reflections_are_offered_as_a_download_only(tmp_path: Path) -> None:
    """Is what the learner wrote offered at the end as a text file, and kept nowhere else?"""
    lesson = MaatzorgLes(seed=3, reeksen=small(tmp_path))
    lesson.reeks.value = "participatie"
    lesson.start(3)
    while lesson.resultaat is None:
        if isinstance(lesson.stap.children[0], OefeningWidget):
            answer_right(lesson)
        lesson.volgende.click()
    assert lesson.reflecties == {"p3": "Mijn eigen gedachte."}
    assert lesson.download.layout.display == ""
    assert lesson.download.data is not None
    text = lesson.download.data.decode("utf-8")
    assert "Wat lukt je cliënt goed?" in text and "Mijn eigen gedachte." in text
    lesson.restart()
    assert lesson.reflecties == {} and lesson.download.data is None


def test_opnieuw_starts_again_in_another_order(tmp_path: Path) -> None:
    """Does ‘Opnieuw’ go back to step 1 with the answers cleared and another random plan?"""
    lesson = MaatzorgLes(seed=4, reeksen=small(tmp_path))
    plans = {lesson.les}
    lesson.volgende.click()
    answer_right(lesson)
    for _ in range(5):
        lesson.opnieuw.click()
        plans.add(lesson.les)
    assert lesson.positie == 0 and lesson.beoordelingen == {}
    assert len(plans) > 1


def test_same_seed_gives_the_same_lesson(tmp_path: Path) -> None:
    """Do two pages with the same seed plan the same lesson?"""
    reeksen = small(tmp_path)
    assert MaatzorgLes(seed=9, reeksen=reeksen).les == MaatzorgLes(seed=9, reeksen=reeksen).les


def test_facilitator_chooses_bank_and_number(tmp_path: Path) -> None:
    """Does choosing a bank limit the number to its size, and start a lesson of that bank only?"""
    lesson = MaatzorgLes(seed=5, reeksen=small(tmp_path))
    assert lesson.paneel.layout.display == "none"
    lesson.begeleider_knop.click()
    assert lesson.paneel.layout.display == "flex"
    assert lesson.aantal.max == 5
    lesson.reeks.value = "fasen"
    assert lesson.aantal.max == 2 and lesson.aantal.value == 2
    lesson.aantal.value = 1
    lesson.start_knop.click()
    exercises = [s for s in lesson.stappen if isinstance(s, OefenStap)]
    assert len(exercises) == 1 and exercises[0].oefening.id in {"f1", "f2"}
    labels = [label for label, _ in lesson.reeks.options]
    assert labels[0] == oefen_tekst("reeks_alle", aantal=5)
    assert oefen_tekst("reeks_optie", titel="Fasen", aantal=2) in labels


def test_a_bad_bank_is_reported_and_the_rest_still_works(tmp_path: Path) -> None:
    """Does a bank that cannot be read show a Dutch warning naming it, while the lesson runs on the others?"""
    reeksen = banks(tmp_path, goed=bank_bytes(single()), kapot=bank_bytes(multiple(opties=[])))
    lesson = MaatzorgLes(seed=6, reeksen=reeksen)
    assert oefen_tekst("fouten_in_reeksen") in lesson.messages.text
    assert "kapot.yaml" in lesson.messages.text
    assert len(lesson.stappen) == 2
    lesson.volgende.click()
    assert "kapot.yaml" in lesson.messages.text


def test_no_usable_bank_says_so_in_dutch(tmp_path: Path) -> None:
    """With no usable bank at all, does the page say so instead of failing?"""
    reeksen = banks(tmp_path, kapot=b"schema_version: 1\n")
    lesson = MaatzorgLes(seed=7, reeksen=reeksen)
    assert oefen_tekst("geen_reeksen") in lesson.messages.text
    assert lesson.stappen == ()


def test_default_page_uses_the_kits_banks() -> None:
    """Does the page without arguments plan a lesson from the kit's banks, twelve exercises long?"""
    lesson = MaatzorgLes(seed=8)
    assert lesson.messages.text == ""
    assert len([s for s in lesson.stappen if isinstance(s, OefenStap)]) == 12
    assert lesson.aantal.max == len(load_banks().oefeningen())


def test_reading_card_of_a_principle_shows_every_part() -> None:
    """Does a principle's card show its name, meaning, what it looks like, pitfall and question?"""
    principe = load_principes().principe("participatie")
    card = reading_card("participatie")
    assert oefen_tekst("lees_principe", nummer=3) in card
    for part in (principe.naam, principe.valkuil, principe.reflectievraag, principe.in_een_lco[0]):
        assert part.replace("’", "’") in card.replace("&#x27;", "'")


def test_reading_card_of_a_theme_lists_its_points() -> None:
    """Does a theme's card show its title, text and points?"""
    thema = load_principes().thema("werkingsprincipes")
    card = reading_card("werkingsprincipes")
    assert thema.titel in card and card.count("<li>") == len(thema.punten)


def test_summary_with_only_open_questions_has_no_score() -> None:
    """Does a lesson of only reflection questions say there is no score, instead of ‘0 van 0’?"""
    exercise = one(open_question())
    summary = summary_html(score_les([exercise], {}))
    assert oefen_tekst("samenvatting_geen_score") in summary
    assert "0 van de 0" not in summary


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_exercise_of_the_kit_renders(seed: int) -> None:
    """Can every exercise in the kit be drawn as a widget in a lesson's order?"""
    lesson = MaatzorgLes(seed=seed, aantal=1000)
    for stap in lesson.stappen:
        if isinstance(stap, OefenStap):
            widget = OefeningWidget(stap.oefening, stap.weergave)
            assert f"lco-oefening-id-{stap.oefening.id}" in widget._dom_classes
