"""One exercise on the screen: each kind answered through its inputs, checked, and explained."""

from __future__ import annotations

import html
import re

import pytest

from lco_kit.oefeningen import Beoordeling, oefen_tekst
from lco_kit.principes import load_principes
from lco_kit.ui.oefeningen import OefeningWidget
from tests.oefeningen._builders import matching, multiple, one, open_question, order, single, why


def shown(widget: OefeningWidget) -> str:
    """Return the explanation area as text a person reads (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.uitleg.value))


def test_widget_carries_classes_for_its_kind_and_id() -> None:
    """Does the widget carry the classes tests and styles use: kind and exercise id?"""
    widget = OefeningWidget(one(single("mijn-id")))
    assert {"lco-oefening", "lco-oefening-enkelvoudig", "lco-oefening-id-mijn-id"} <= set(widget._dom_classes)


def test_single_choice_shows_options_in_the_lessons_order() -> None:
    """Are the options offered in the order the lesson chose, with their bank index as value?"""
    oefening = one(single())
    widget = OefeningWidget(oefening, (2, 0, 1))
    assert widget.keuze.options == tuple((oefening.opties[i].tekst, i) for i in (2, 0, 1))
    assert widget.keuze.value is None


def test_single_choice_wrong_answer_shows_that_options_explanation() -> None:
    """After a wrong choice, is that option's own explanation shown as ‘Jouw keuze — niet juist’, then the right one?"""
    oefening = one(single())
    verdicts: list[Beoordeling] = []
    widget = OefeningWidget(oefening, (2, 0, 1), on_checked=verdicts.append)
    widget.keuze.value = 1
    widget.controleer.click()
    assert len(verdicts) == 1 and not verdicts[0].juist
    assert 'class="lco-uitleg lco-uitleg-gekozen_fout"' in widget.uitleg.value
    text = shown(widget)
    chosen = text.index(oefen_tekst("status_gekozen_fout"))
    right = text.index(oefen_tekst("status_gemist_enkelvoudig"))
    assert chosen < text.index(oefening.opties[1].uitleg) < right < text.index(oefening.opties[0].uitleg)
    assert oefen_tekst("andere_opties") in text and oefening.opties[2].uitleg in text
    assert widget.keuze.disabled and widget.controleer.disabled


def test_checking_without_a_choice_shows_a_dutch_message_and_keeps_going() -> None:
    """Does ‘Controleer’ without a choice say ‘Kies eerst een antwoord.’ and leave the exercise open?"""
    widget = OefeningWidget(one(single()))
    widget.controleer.click()
    assert widget.messages.text == oefen_tekst("antwoord_kies_een")
    assert widget.beoordeling is None and not widget.keuze.disabled
    widget.keuze.value = 0
    widget.controleer.click()
    assert widget.beoordeling is not None and widget.beoordeling.juist
    assert widget.messages.text == ""


def test_multiple_choice_marks_are_read_in_bank_order() -> None:
    """Are the marked boxes turned into the bank's option numbers, and the mistakes explained?"""
    oefening = one(multiple())
    widget = OefeningWidget(oefening, (3, 2, 1, 0))
    widget.vakjes[1].value = True  # bank option 2: right
    widget.vakjes[0].value = True  # bank option 3: wrong
    assert widget.answer() == {2, 3}
    verdict = widget.check()
    assert verdict.score == pytest.approx(0.5)
    assert oefening.opties[3].uitleg in shown(widget)
    assert all(box.disabled for box in widget.vakjes)


def test_order_is_changed_with_the_up_and_down_buttons() -> None:
    """Do ‘Hoger’ and ‘Lager’ move a step, with the first ‘Hoger’ and the last ‘Lager’ disabled?"""
    oefening = one(order())
    widget = OefeningWidget(oefening, (1, 0, 2, 4, 3))
    text, up, down = widget._rijen[0]
    assert up.disabled and not down.disabled and widget._rijen[-1][2].disabled
    assert "Voorbereiding" in text.value
    widget._rijen[1][1].click()  # ‘Hoger’ on the second row
    widget._rijen[3][2].click()  # ‘Lager’ on the fourth row
    assert widget.answer() == [0, 1, 2, 3, 4]
    assert widget.check().juist
    assert oefen_tekst("juiste_volgorde") in shown(widget)
    assert all(button.disabled for _, a, b in widget._rijen for button in (a, b))


def test_order_without_a_given_order_starts_reversed() -> None:
    """Is an ordering exercise shown without a lesson's order still not in the right order?"""
    widget = OefeningWidget(one(order()))
    assert widget.answer() == [4, 3, 2, 1, 0]


def test_matching_reads_each_dropdown_and_names_the_principles() -> None:
    """Is each moment's dropdown read, and a wrong match explained with both principles named?"""
    oefening = one(matching())
    widget = OefeningWidget(oefening, (2, 0, 1, 3))
    assert widget.keuzelijsten[0].options[0] == (oefen_tekst("kies_principe"), "")
    widget.keuzelijsten[0].value = "participatie"
    widget.keuzelijsten[1].value = "gestructureerd"
    widget.controleer.click()
    assert widget.messages.text == oefen_tekst("antwoord_koppel_alle", aantal=2)
    widget.keuzelijsten[2].value = "participatie"  # the moment is about two services choosing one plan
    widget.keuzelijsten[3].value = "participatie"
    verdict = widget.check()
    assert verdict.score == pytest.approx(3 / 4)
    titles = load_principes()
    expected = (
        f"Jij koos {titles.titel('participatie')}; hier staat vooral {titles.titel('gecoordineerd')} op het spel."
    )
    assert expected in shown(widget)


def test_open_question_hands_the_text_to_the_lesson_only() -> None:
    """Is what a learner writes passed to the lesson (not scored), with the denkpistes shown after?"""
    oefening = one(open_question())
    kept: list[tuple[str, str]] = []
    checked: list[Beoordeling] = []
    widget = OefeningWidget(oefening, on_checked=checked.append, on_reflectie=lambda i, t: kept.append((i, t)))
    assert widget.controleer.description == oefen_tekst("bewaar_voor_mij")
    widget.tekstvak.value = "Ze kookt elke dag."
    widget.controleer.click()
    assert kept == [("denk-na", "Ze kookt elke dag.")]
    assert checked == []
    assert oefening.denkpistes[0] in shown(widget)
    assert widget.tekstvak.disabled


def test_hint_appears_on_request() -> None:
    """Is the hint hidden until asked for, and then shown?"""
    widget = OefeningWidget(one(single(hint="Denk aan de spilfiguur.")))
    assert widget.hint.value == ""
    widget.hint_knop.click()
    assert "Denk aan de spilfiguur." in widget.hint.value


def test_bank_text_is_shown_as_text_never_html() -> None:
    """Is markup in a question or an explanation escaped, not rendered?"""
    exercise = single(vraag="Wat doe je met <script>alert(1)</script>?")
    exercise["opties"][0]["uitleg"] = why("Juist want <b>vet</b> is geen opmaak hier")
    widget = OefeningWidget(one(exercise))
    head = widget.children[0].value
    assert "<script>" not in head and "&lt;script&gt;" in head
    widget.keuze.value = 0
    widget.check()
    assert "<b>vet</b>" not in widget.uitleg.value and "&lt;b&gt;vet&lt;/b&gt;" in widget.uitleg.value


def test_casus_title_is_shown_when_given() -> None:
    """Is the casus an exercise is built on named above the question?"""
    widget = OefeningWidget(one(single()), casus_titel="Lotte en Kevin zoeken ademruimte")
    assert oefen_tekst("uit_casus", titel="Lotte en Kevin zoeken ademruimte") in widget.children[0].value


def test_checking_twice_changes_nothing() -> None:
    """Does a second check keep the first verdict (the score counts the first answer)?"""
    verdicts: list[Beoordeling] = []
    widget = OefeningWidget(one(single()), on_checked=verdicts.append)
    widget.keuze.value = 2
    first = widget.check()
    widget.keuze.value = 0
    assert widget.check() is first
    assert len(verdicts) == 1
