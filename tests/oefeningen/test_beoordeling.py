"""Checking an answer of each kind: the verdict, the score, and an explanation of every option, step or moment."""

from __future__ import annotations

import pytest

from lco_kit.errors import LcoError
from lco_kit.oefeningen.beoordeling import check_answer
from lco_kit.oefeningen.teksten import oefen_tekst
from tests.oefeningen._builders import matching, multiple, one, open_question, order, single

# ------------------------------------------------------------------ single choice


def test_single_choice_right_answer_scores_one() -> None:
    """Is choosing the one right option judged right, with score 1 and the right verdict?"""
    verdict = check_answer(one(single()), 0)
    assert verdict.juist and verdict.score == 1.0 and verdict.geteld
    assert verdict.oordeel == oefen_tekst("oordeel_enkelvoudig_true")
    assert verdict.terugkoppeling[0].status == "gekozen_juist"


def test_single_choice_wrong_answer_explains_the_choice_then_the_right_one() -> None:
    """Does a wrong choice come first with its own explanation, then the right option with its explanation?"""
    oefening = one(single())
    verdict = check_answer(oefening, 2)
    assert not verdict.juist and verdict.score == 0.0
    first, second, third = verdict.terugkoppeling
    assert (first.status, first.tekst, first.uitleg) == ("gekozen_fout", "De aanvrager", oefening.opties[2].uitleg)
    assert (second.status, second.tekst) == ("gemist", "De cliënt")
    assert third.status == "niet_gekozen" and third.goed


@pytest.mark.parametrize("answer", [None, 3, -1, True, "0"])
def test_single_choice_without_a_valid_choice_is_a_dutch_error(answer: object) -> None:
    """Is checking without a valid choice refused with ‘Kies eerst een antwoord.’?"""
    with pytest.raises(LcoError, match="Kies eerst een antwoord"):
        check_answer(one(single()), answer)


# ------------------------------------------------------------------ multiple choice


def test_multiple_choice_exact_answer_is_right() -> None:
    """Is marking exactly the right options judged right with score 1?"""
    verdict = check_answer(one(multiple()), {0, 2})
    assert verdict.juist and verdict.score == 1.0
    assert {item.status for item in verdict.terugkoppeling} == {"gekozen_juist", "niet_gekozen"}


def test_multiple_choice_explains_the_learners_wrong_mark_before_what_was_missed() -> None:
    """Is a wrongly marked option explained first, before the right options that were missed?"""
    oefening = one(multiple())
    verdict = check_answer(oefening, {3})
    assert [item.status for item in verdict.terugkoppeling] == ["gekozen_fout", "gemist", "gemist", "niet_gekozen"]
    assert verdict.terugkoppeling[0].tekst == "Een diagnose"


def test_multiple_choice_partial_answer_scores_the_share_judged_right() -> None:
    """Does marking one right and one wrong option score 2 of 4, with the mistakes explained first?"""
    oefening = one(multiple())
    verdict = check_answer(oefening, [0, 1])
    assert not verdict.juist
    assert verdict.score == pytest.approx(0.5)
    assert verdict.oordeel == oefen_tekst("oordeel_meervoudig_false", goed=2, totaal=4)
    statuses = [item.status for item in verdict.terugkoppeling]
    assert statuses[:2] == ["gekozen_fout", "gemist"]
    assert verdict.terugkoppeling[0].uitleg == oefening.opties[1].uitleg


@pytest.mark.parametrize("answer", [set(), [], None, "0,2"])
def test_multiple_choice_with_nothing_marked_is_a_dutch_error(answer: object) -> None:
    """Is checking with nothing marked refused with a Dutch message?"""
    with pytest.raises(LcoError, match="minstens één antwoord"):
        check_answer(one(multiple()), answer)


# ------------------------------------------------------------------ order


def test_order_in_the_right_order_is_right() -> None:
    """Is the bank's own order judged right, every step ‘op zijn plaats’?"""
    verdict = check_answer(one(order()), [0, 1, 2, 3, 4])
    assert verdict.juist and verdict.score == 1.0
    assert all(item.status == "op_zijn_plaats" for item in verdict.terugkoppeling)


def test_order_with_two_swapped_steps_scores_three_of_five_and_says_where() -> None:
    """Do two swapped steps score 3/5, and does the explanation say where each was put and belongs?"""
    oefening = one(order())
    verdict = check_answer(oefening, [1, 0, 2, 3, 4])
    assert not verdict.juist and verdict.score == pytest.approx(0.6)
    first = verdict.terugkoppeling[0]
    assert first.tekst == "Aanvraag" and first.status == "verkeerde_plaats"
    assert first.detail == oefen_tekst("detail_volgorde_false", jouw=2, plaats=1)
    assert first.uitleg == oefening.stappen[0].uitleg


@pytest.mark.parametrize("answer", [[0, 1, 2], [0, 0, 1, 2, 3], "01234", None])
def test_order_that_is_not_a_full_order_is_refused(answer: object) -> None:
    """Is an answer that does not place every step once refused in Dutch?"""
    with pytest.raises(LcoError, match="kan de kit niet lezen"):
        check_answer(one(order()), answer)


# ------------------------------------------------------------------ matching


def test_matching_all_right() -> None:
    """Is every moment matched to its principle judged right?"""
    answer = {0: "participatie", 1: "gestructureerd", 2: "gecoordineerd", 3: "participatie"}
    verdict = check_answer(one(matching()), answer)
    assert verdict.juist and verdict.score == 1.0


def test_matching_one_wrong_names_both_principles() -> None:
    """Does a wrong match score 3/4 and name the principle chosen and the one at stake?"""
    answer = {0: "gestructureerd", 1: "gestructureerd", 2: "gecoordineerd", 3: "participatie"}
    verdict = check_answer(one(matching()), answer)
    assert verdict.score == pytest.approx(3 / 4)
    wrong = verdict.terugkoppeling[0]
    assert wrong.status == "fout_gekoppeld"
    assert wrong.detail == oefen_tekst(
        "detail_koppelen_false", gekozen="Gestructureerde hulpverlening", juist="Participatie"
    )


def test_matching_with_a_moment_left_open_is_a_dutch_error() -> None:
    """Is a matching answer with one moment left open refused, saying how many are open?"""
    with pytest.raises(LcoError, match="Nog open — 1"):
        check_answer(one(matching()), {0: "participatie", 1: "gestructureerd", 2: "gecoordineerd", 3: ""})


def test_matching_with_a_principle_outside_the_choices_is_refused() -> None:
    """Is a principle that is not among the exercise's choices refused?"""
    oefening = one(matching(keuzes=["participatie", "gestructureerd", "gecoordineerd"]))
    with pytest.raises(LcoError):
        check_answer(oefening, {0: "positief", 1: "gestructureerd", 2: "gecoordineerd", 3: "participatie"})


# ------------------------------------------------------------------ open question


def test_open_question_is_never_scored_and_shows_its_thoughts() -> None:
    """Is an open question not counted, whatever is written, with its denkpistes as feedback?"""
    oefening = one(open_question())
    verdict = check_answer(oefening, "Ze kookt elke dag.")
    assert not verdict.geteld and verdict.score == 0.0
    assert [item.tekst for item in verdict.terugkoppeling] == list(oefening.denkpistes)
    assert check_answer(oefening, "").oordeel == oefen_tekst("oordeel_open")
