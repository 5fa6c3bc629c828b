"""A lesson: plan it (a reading step before each topic, then its exercises) and score it.

Randomness (which exercises, their order, the order of their options) comes only from a
:class:`random.Random` passed in, so the same seed gives the same lesson.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lco_kit.errors import LcoError
from lco_kit.oefeningen.beoordeling import Beoordeling
from lco_kit.oefeningen.model import AnyOefening, KeuzeUitEen, Koppelen, MeerdereKeuzes, Volgorde
from lco_kit.oefeningen.teksten import oefen_tekst
from lco_kit.principes import load_principes

__all__ = ["GOED_DREMPEL", "LeesStap", "Les", "LesResultaat", "OefenStap", "OnderwerpScore", "plan_les", "score_les"]

GOED_DREMPEL = 0.75
"""A topic ‘went well’ in a lesson from this share of its points on."""


@dataclass(frozen=True)
class LeesStap:
    """A lesson step in which the learner reads a principle or theme.

    Attributes:
        onderwerp: The code of the principle or theme.
    """

    onderwerp: str


@dataclass(frozen=True)
class OefenStap:
    """A lesson step with one exercise.

    Attributes:
        oefening: The exercise.
        weergave: The order in which its options, steps or moments are shown, as indices in
            the bank's order (empty for an open question).
    """

    oefening: AnyOefening
    weergave: tuple[int, ...] = ()


@dataclass(frozen=True)
class Les:
    """A lesson: reading steps, each followed by the exercises on that topic."""

    stappen: tuple[LeesStap | OefenStap, ...]

    @property
    def oefeningen(self) -> tuple[AnyOefening, ...]:
        """Return the exercises in lesson order."""
        return tuple(stap.oefening for stap in self.stappen if isinstance(stap, OefenStap))

    @property
    def aantal_geteld(self) -> int:
        """Return how many exercises count for the score."""
        return sum(oefening.geteld for oefening in self.oefeningen)


def _display_order(oefening: AnyOefening, rng: random.Random) -> tuple[int, ...]:
    if isinstance(oefening, KeuzeUitEen | MeerdereKeuzes):
        return tuple(rng.sample(range(len(oefening.opties)), len(oefening.opties)))
    if isinstance(oefening, Koppelen):
        return tuple(rng.sample(range(len(oefening.paren)), len(oefening.paren)))
    if isinstance(oefening, Volgorde):
        identity = tuple(range(len(oefening.stappen)))
        order = identity
        while order == identity:  # shown in the right order, there would be nothing to do
            order = tuple(rng.sample(identity, len(identity)))
        return order
    return ()


def plan_les(oefeningen: Sequence[AnyOefening], *, rng: random.Random, aantal: int | None = None) -> Les:
    """Choose and order the exercises of a lesson, with a reading step before each topic.

    Topics follow the lesson order (the five principles, then the themes). When fewer
    exercises are asked for than there are, they are taken in turns from each topic, so that
    a short lesson still covers as many topics as it can; scored exercises before open ones.

    Args:
        oefeningen: The exercises to choose from (one bank, or all).
        rng: The source of every random choice (which exercises, their order, the order of options).
        aantal: How many exercises; ``None`` (or more than there are) takes them all.

    Raises:
        LcoError: When there are no exercises, or ``aantal`` is below 1.

    Examples:
        >>> from lco_kit.oefeningen import load_banks
        >>> les = plan_les(load_banks().oefeningen(), rng=random.Random(4), aantal=3)
        >>> len(les.oefeningen)
        3
    """
    if not oefeningen:
        raise LcoError(oefen_tekst("les_geen_oefeningen"))
    if aantal is not None and aantal < 1:
        raise LcoError(oefen_tekst("les_aantal_te_klein"))
    order = load_principes().onderwerp_codes()
    groups: dict[str, list[AnyOefening]] = {code: [] for code in order}
    for oefening in oefeningen:
        groups[oefening.onderwerp].append(oefening)
    queues: dict[str, list[AnyOefening]] = {}
    for code, members in groups.items():
        scored = [o for o in members if o.geteld]
        reflective = [o for o in members if not o.geteld]
        rng.shuffle(scored)
        rng.shuffle(reflective)
        if scored or reflective:
            queues[code] = scored + reflective
    wanted = len(oefeningen) if aantal is None else min(aantal, len(oefeningen))
    picked: dict[str, list[AnyOefening]] = {code: [] for code in queues}
    taken = 0
    turn = 0
    while taken < wanted:
        for code, queue in queues.items():
            if turn < len(queue) and taken < wanted:
                picked[code].append(queue[turn])
                taken += 1
        turn += 1
    stappen: list[LeesStap | OefenStap] = []
    for code, chosen in picked.items():
        if not chosen:
            continue
        stappen.append(LeesStap(code))
        # Turns took scored exercises first; keep open questions last within the topic.
        chosen.sort(key=lambda o: not o.geteld)
        stappen += [OefenStap(o, _display_order(o, rng)) for o in chosen]
    return Les(tuple(stappen))


@dataclass(frozen=True)
class OnderwerpScore:
    """How a lesson went on one topic.

    Attributes:
        onderwerp: The topic's code.
        titel: The topic's title.
        geteld: Scored exercises on it.
        juist: Of those, answered wholly right.
        punten: Points, with partial credit (0–``geteld``).
    """

    onderwerp: str
    titel: str
    geteld: int
    juist: int
    punten: float

    @property
    def aandeel(self) -> float:
        """Return the share of the points earned (0–1)."""
        return self.punten / self.geteld if self.geteld else 0.0


@dataclass(frozen=True)
class LesResultaat:
    """The score of a lesson and what to revisit.

    Attributes:
        geteld: Scored exercises in the lesson.
        juist: Of those, answered wholly right.
        punten: Points with partial credit (0–``geteld``).
        overgeslagen: Scored exercises left unanswered (they earn nothing).
        reflecties: Open questions the learner wrote something for.
        per_onderwerp: The score per topic, in lesson order.
        goed: Topics that went well (at least :data:`GOED_DREMPEL` of their points).
        herhalen: Topics worth reading again.
    """

    geteld: int
    juist: int
    punten: float
    overgeslagen: int
    reflecties: int
    per_onderwerp: tuple[OnderwerpScore, ...]
    goed: tuple[str, ...]
    herhalen: tuple[str, ...]


def score_les(oefeningen: Sequence[AnyOefening], beoordelingen: Mapping[str, Beoordeling]) -> LesResultaat:
    """Score a lesson from its verdicts; the verdicts are not changed.

    Args:
        oefeningen: The lesson's exercises (``Les.oefeningen``).
        beoordelingen: The verdict per exercise id; a missing scored exercise counts as
            skipped and earns nothing.

    Returns:
        The totals, the score per topic, and which topics went well or are worth revisiting.
    """
    inhoud = load_principes()
    order = {code: position for position, code in enumerate(inhoud.onderwerp_codes())}
    per_topic: dict[str, list[float]] = {}
    right: dict[str, int] = {}
    skipped = 0
    reflecties = 0
    for oefening in oefeningen:
        verdict = beoordelingen.get(oefening.id)
        if not oefening.geteld:
            reflecties += verdict is not None
            continue
        per_topic.setdefault(oefening.onderwerp, [])
        right.setdefault(oefening.onderwerp, 0)
        if verdict is None:
            skipped += 1
            per_topic[oefening.onderwerp].append(0.0)
            continue
        per_topic[oefening.onderwerp].append(verdict.score)
        right[oefening.onderwerp] += verdict.juist
    scores = tuple(
        OnderwerpScore(code, inhoud.titel(code), len(points), right[code], sum(points))
        for code, points in sorted(per_topic.items(), key=lambda item: order[item[0]])
    )
    return LesResultaat(
        geteld=sum(s.geteld for s in scores),
        juist=sum(s.juist for s in scores),
        punten=sum(s.punten for s in scores),
        overgeslagen=skipped,
        reflecties=reflecties,
        per_onderwerp=scores,
        goed=tuple(s.onderwerp for s in scores if s.aandeel >= GOED_DREMPEL),
        herhalen=tuple(s.onderwerp for s in scores if s.aandeel < GOED_DREMPEL),
    )
