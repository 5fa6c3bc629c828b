"""A test-wise learner: can someone who knows nothing of the LCO method score on the kit's questions?

Each strategy picks an option from surface cues only (its length, its words, its place). Over
every single-answer question of the exercise banks and the role-play moments, none may score
more than :data:`MAX_SCORE`; guessing scores about a quarter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pytest

from lco_kit.oefeningen import KeuzeUitEen, load_banks
from lco_kit.rollenspel import load_momenten

MAX_SCORE = 0.40
_WORD = re.compile(r"[\wëéèïöüäç’'-]+")
_NEGATIONS = {"niet", "geen", "nooit", "niemand", "niets", "nergens", "zonder", "noch"}
_CLIENT = re.compile(r"\{client\}|\bcliënt\b|\bclient\b|\bsamen\b")


@dataclass(frozen=True)
class Vraag:
    """A single-answer question as a test-wise learner sees it: the stem and the options."""

    naam: str
    stam: str
    opties: tuple[str, ...]
    juist: int


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def questions() -> list[Vraag]:
    """Return every single-answer question of the kit: the exercise banks' and the moments'."""
    found = [
        Vraag(o.id, o.vraag, tuple(x.tekst for x in o.opties), next(i for i, x in enumerate(o.opties) if x.juist))
        for o in load_banks().oefeningen()
        if isinstance(o, KeuzeUitEen)
    ]
    for m in load_momenten().momenten:
        right = [i for i, o in enumerate(m.opties) if o.juist]
        if len(right) == 1:
            found.append(Vraag(m.id, f"{m.situatie} {m.vraag}", tuple(o.tekst for o in m.opties), right[0]))
    return found


def _pick_best(vraag: Vraag, value: Callable[[str], float]) -> float:
    """Return the credit for picking the option with the highest value (ties share the credit)."""
    values = [value(optie) for optie in vraag.opties]
    best = [i for i, v in enumerate(values) if v == max(values)]
    return 1 / len(best) if vraag.juist in best else 0.0


def longest(vraag: Vraag) -> float:
    """Pick the longest option."""
    return _pick_best(vraag, lambda t: len(" ".join(t.split())))


def names_client_most(vraag: Vraag) -> float:
    """Pick the option that names the client or ‘samen’ most often."""
    return _pick_best(vraag, lambda t: len(_CLIENT.findall(t.casefold())))


def fewest_negations(vraag: Vraag) -> float:
    """Pick the option with the fewest negations (‘niet’, ‘geen’, ‘nooit’ …)."""
    return _pick_best(vraag, lambda t: -sum(w in _NEGATIONS for w in _words(t)))


def shares_most_with_stem(vraag: Vraag) -> float:
    """Pick the option that shares most words (of four letters or more) with the question."""
    stem = {w for w in _words(vraag.stam) if len(w) >= 4}
    return _pick_best(vraag, lambda t: len({w for w in _words(t) if len(w) >= 4} & stem))


def score(strategy: Callable[[Vraag], float], vragen: Sequence[Vraag]) -> float:
    """Return the share of questions a strategy answers right."""
    return sum(strategy(v) for v in vragen) / len(vragen)


def best_position(vragen: Sequence[Vraag]) -> tuple[int, float]:
    """Return the place that is most often right, and how often (always choosing the same place)."""
    places = range(max(len(v.opties) for v in vragen))
    shares = {p: sum(v.juist == p for v in vragen) / len(vragen) for p in places}
    place = max(shares, key=lambda p: shares[p])
    return place, shares[place]


STRATEGIES = [longest, names_client_most, fewest_negations, shares_most_with_stem]


@pytest.fixture(scope="module")
def vragen() -> list[Vraag]:
    """Every single-answer question of the kit."""
    return questions()


@pytest.mark.parametrize("strategy", STRATEGIES, ids=[s.__name__ for s in STRATEGIES])
def test_no_surface_cue_scores_above_forty_percent(strategy: Callable[[Vraag], float], vragen: list[Vraag]) -> None:
    """Does a learner who follows one surface cue, knowing nothing of the method, stay at or under 40%?"""
    assert len(vragen) >= 40
    achieved = score(strategy, vragen)
    hits = [v.naam for v in vragen if strategy(v) == 1]
    assert achieved <= MAX_SCORE, f"{strategy.__name__}: {achieved:.0%}; raak bij {hits}"


def test_always_the_same_place_stays_at_or_under_forty_percent(vragen: list[Vraag]) -> None:
    """Does choosing always the same place (first, second …) stay at or under 40%?"""
    place, share = best_position(vragen)
    assert share <= MAX_SCORE, f"altijd optie {place + 1}: {share:.0%}"


def test_the_learner_sees_a_cue_when_there_is_one() -> None:
    """Does each strategy find the right option when the cue points at it (so the test can fail)?"""
    vraag = Vraag(
        "x", "Wie kiest de spilfiguur?", ("Nooit de cliënt zelf, niet", "Samen de spilfiguur kiest de cliënt"), 1
    )
    assert longest(vraag) == names_client_most(vraag) == fewest_negations(vraag) == shares_most_with_stem(vraag) == 1
    assert best_position([vraag]) == (1, 1.0)
