"""The item-writing rules a machine checks: the right option must not stand out by its length."""

from __future__ import annotations

from lco_kit.itemregels import ALLE, KeuzeVraag, length_problems, measure, right_is_longest


def vraag(naam: str, juist: str, *fout: str) -> KeuzeVraag:
    """Build a single-answer question with one right option (first) and wrong ones."""
    return KeuzeVraag(naam, ((juist, True), *((t, False) for t in fout)))


def test_right_option_strictly_longest_is_seen() -> None:
    """Is a right option longer than every wrong one seen, and a tie not?"""
    assert right_is_longest(vraag("a", "twaalf tekens", "kort", "korter"))
    assert not right_is_longest(vraag("b", "even lang", "even lan", "ook zo lang"))
    assert not right_is_longest(vraag("c", "abcd", "abcd"))


def test_balanced_bank_passes() -> None:
    """Does a bank with right options as long as wrong ones, rarely the longest, pass?"""
    vragen = [
        vraag("a", "de cliënt kiest", "de coördinator kiest", "de aanvrager kiest"),
        vraag("b", "de spilfiguur volgt op", "de coördinator volgt op", "iedereen volgt op"),
        vraag("c", "samen met de cliënt", "met de huisarts erbij", "met het OCMW"),
    ]
    assert length_problems({"goed.yaml": vragen}) == {}


def test_right_always_longest_is_refused_per_file_and_together() -> None:
    """Is a file where the right option is always the longest refused, and all files together too?"""
    bad = [vraag("a", "een veel langer juist antwoord", "kort", "ook kort")] * 3
    good = [vraag("b", "middellang juist", "een langer fout antwoord", "kort fout")]
    problems = length_problems({"slecht.yaml": bad, "goed.yaml": good})
    assert "goed.yaml" not in problems
    assert problems["slecht.yaml"][0].startswith("in 3 van de 3 vragen met één juist antwoord")
    assert problems[ALLE][0].startswith("in 3 van de 4 vragen")


def test_mean_length_difference_over_fifteen_percent_is_refused() -> None:
    """Is a bank whose right options are on average 20% longer refused, even if never the longest?"""
    vragen = [vraag(str(i), "x" * 12, "x" * 13, "x" * 7) for i in range(3)]
    assert measure(vragen).juist_langste == 0
    assert round(measure(vragen).verhouding, 2) == 1.2
    (problem,) = length_problems({"r.yaml": vragen})["r.yaml"]
    assert "gemiddeld 20% langer dan de foute" in problem


def test_multiple_answer_questions_count_only_for_the_mean() -> None:
    """Does a multiple-answer question count for the mean length but not for the ‘longest’ rule?"""
    meer = KeuzeVraag("m", (("lang juist antwoord", True), ("kort", False), ("ander lang juist", True)), False)
    assert measure([meer]).enkelvoudig == 0
    assert measure([meer]).gemiddeld_juist > measure([meer]).gemiddeld_fout
