"""A lesson: planning it from the banks (repeatable with a seed) and scoring it per topic."""

from __future__ import annotations

import pytest

from lco_kit.errors import LcoError
from lco_kit.oefeningen.beoordeling import check_answer
from lco_kit.oefeningen.les import LeesStap, OefenStap, plan_les, score_les
from lco_kit.oefeningen.reeksen import load_banks
from lco_kit.principes import PRINCIPE_CODES
from tests.oefeningen._builders import multiple, one, open_question, order, seeded, single

# ------------------------------------------------------------------ planning a lesson


KIT = load_banks()
ALL = KIT.oefeningen()


def test_same_seed_gives_the_same_lesson() -> None:
    """Does the same seed give the same exercises in the same order, options included?"""
    first = plan_les(ALL, rng=seeded(7), aantal=10)
    second = plan_les(ALL, rng=seeded(7), aantal=10)
    assert first == second


def test_another_seed_gives_another_lesson() -> None:
    """Does another seed give another lesson?"""
    assert plan_les(ALL, rng=seeded(1), aantal=10) != plan_les(ALL, rng=seeded(2), aantal=10)


def test_short_lesson_covers_the_five_principles_first() -> None:
    """Does a lesson of five exercises take one per principle, in the method's order, each after its reading step?"""
    les = plan_les(ALL, rng=seeded(3), aantal=5)
    reading = [stap.onderwerp for stap in les.stappen if isinstance(stap, LeesStap)]
    assert reading == list(PRINCIPE_CODES)
    for position, stap in enumerate(les.stappen):
        if isinstance(stap, OefenStap):
            previous = next(s for s in reversed(les.stappen[:position]) if isinstance(s, LeesStap))
            assert stap.oefening.onderwerp == previous.onderwerp


def test_open_questions_come_last_within_a_topic() -> None:
    """Does an open question come after the scored exercises of its topic?"""
    les = plan_les(ALL, rng=seeded(5))
    current: list[bool] = []
    for stap in les.stappen:
        if isinstance(stap, LeesStap):
            assert current == sorted(current, reverse=True)
            current = []
        else:
            current.append(stap.oefening.geteld)
    assert len(les.oefeningen) == len(ALL)


def test_order_exercises_are_never_shown_in_the_right_order() -> None:
    """Is an ordering exercise always shown shuffled, so that there is something to do?"""
    oefening = one(order())
    for seed in range(50):
        [_, stap] = plan_les([oefening], rng=seeded(seed)).stappen
        assert isinstance(stap, OefenStap)
        assert stap.weergave != (0, 1, 2, 3, 4)
        assert sorted(stap.weergave) == [0, 1, 2, 3, 4]


def test_asking_more_exercises_than_there_are_gives_them_all() -> None:
    """Does asking for more exercises than the bank holds give every exercise once?"""
    reeks = KIT.oefeningen("beroepsgeheim")
    les = plan_les(reeks, rng=seeded(0), aantal=500)
    assert sorted(o.id for o in les.oefeningen) == sorted(o.id for o in reeks)


@pytest.mark.parametrize(("exercises", "count"), [([], None), (ALL, 0)])
def test_lesson_without_exercises_or_with_zero_is_a_dutch_error(exercises: list, count: int | None) -> None:
    """Is a lesson without exercises, or of zero exercises, refused in Dutch?"""
    with pytest.raises(LcoError):
        plan_les(exercises, rng=seeded(0), aantal=count)


# ------------------------------------------------------------------ scoring a lesson


def test_scoring_counts_right_answers_points_and_topics() -> None:
    """Does the score count right answers, partial points, skipped exercises and reflections, per topic?"""
    a, b, c, d = one(single("a")), one(multiple("b")), one(order("c")), one(open_question("d"))
    verdicts = {
        "a": check_answer(a, 0),  # right: participatie
        "b": check_answer(b, {0}),  # 3 of 4: gestructureerd
        "d": check_answer(d, "iets"),
    }
    result = score_les([a, b, c, d], verdicts)
    assert (result.geteld, result.juist, result.overgeslagen, result.reflecties) == (3, 1, 1, 1)
    assert result.punten == pytest.approx(1.75)
    assert [s.onderwerp for s in result.per_onderwerp] == ["participatie", "gestructureerd", "fasen"]
    assert result.goed == ("participatie", "gestructureerd")
    assert result.herhalen == ("fasen",)


def test_a_topic_below_three_quarters_is_to_revisit() -> None:
    """Is a topic with one of two exercises right marked to revisit, and one with all right as going well?"""
    a, b, c = one(single("a")), one(single("b")), one(single("c", onderwerp="positief"))
    verdicts = {"a": check_answer(a, 0), "b": check_answer(b, 1), "c": check_answer(c, 0)}
    result = score_les([a, b, c], verdicts)
    assert result.goed == ("positief",)
    assert result.herhalen == ("participatie",)


def test_scoring_leaves_the_verdicts_unchanged() -> None:
    """Are the verdicts passed to the scoring left as they were?"""
    a = one(single("a"))
    verdicts = {"a": check_answer(a, 1)}
    before = dict(verdicts)
    score_les([a], verdicts)
    assert verdicts == before
