"""Checking an answer: the verdict on it, and an explanation of every option, step or moment.

Pure: an exercise and an answer in, a :class:`Beoordeling` out, no widgets. What the learner
most needs to read comes first (their own wrong choice, then what they missed).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from lco_kit.errors import LcoError
from lco_kit.oefeningen.model import AnyOefening, KeuzeUitEen, Koppelen, MeerdereKeuzes, OpenVraag, Volgorde
from lco_kit.oefeningen.teksten import oefen_tekst
from lco_kit.principes import load_principes

__all__ = ["Beoordeling", "OptieStatus", "Terugkoppeling", "check_answer"]

OptieStatus = Literal[
    "gekozen_juist",
    "gekozen_fout",
    "gemist",
    "niet_gekozen",
    "op_zijn_plaats",
    "verkeerde_plaats",
    "juist_gekoppeld",
    "fout_gekoppeld",
    "denkpiste",
]


@dataclass(frozen=True)
class Terugkoppeling:
    """The explanation of one option, step or moment after the learner answered.

    Attributes:
        tekst: The option, step or moment, as the learner saw it.
        uitleg: Why it is right or not (from the bank).
        status: What the learner did with it (``gekozen_fout``: chosen, but not right).
        goed: Whether the learner handled this item right.
        detail: What the learner chose and what was expected, for steps and moments.
    """

    tekst: str
    uitleg: str
    status: OptieStatus
    goed: bool
    detail: str = ""


@dataclass(frozen=True)
class Beoordeling:
    """The verdict on one answer.

    Attributes:
        oefening_id: The exercise's id.
        soort: The exercise's kind.
        onderwerp: The exercise's topic.
        geteld: Whether it counts for the score (open questions do not).
        juist: Whether the whole answer is right.
        score: The share of the answer that is right, 0–1 (partial for several options, steps, moments).
        oordeel: One Dutch sentence with the verdict.
        terugkoppeling: The explanations, what the learner most needs to read first.
    """

    oefening_id: str
    soort: str
    onderwerp: str
    geteld: bool
    juist: bool
    score: float
    oordeel: str
    terugkoppeling: tuple[Terugkoppeling, ...]


def check_answer(oefening: AnyOefening, antwoord: object) -> Beoordeling:
    """Check an answer and explain every part of it.

    Args:
        oefening: The exercise.
        antwoord: For ``enkelvoudig`` the index of the chosen option (in the bank's order);
            for ``meervoudig`` the indices of the marked options; for ``volgorde`` the
            indices of the steps in the order the learner put them; for ``koppelen`` a
            mapping from the index of each moment to a principle's code; for ``open`` the
            text the learner wrote (kept nowhere).

    Returns:
        The verdict with an explanation per option, step or moment.

    Raises:
        LcoError: When the answer is incomplete (nothing chosen, a moment left open), in Dutch.

    Examples:
        >>> from lco_kit.oefeningen import load_banks
        >>> reeks = load_banks().reeksen["participatie"]
        >>> oefening = next(o for o in reeks.oefeningen if o.soort == "enkelvoudig")
        >>> right = next(i for i, optie in enumerate(oefening.opties) if optie.juist)
        >>> check_answer(oefening, right).juist
        True
    """
    if isinstance(oefening, KeuzeUitEen):
        return _check_single(oefening, antwoord)
    if isinstance(oefening, MeerdereKeuzes):
        return _check_multiple(oefening, antwoord)
    if isinstance(oefening, Volgorde):
        return _check_order(oefening, antwoord)
    if isinstance(oefening, Koppelen):
        return _check_matching(oefening, antwoord)
    return _check_open(oefening, antwoord)


def _verdict(
    oefening: AnyOefening, juist: bool, score: float, items: Sequence[Terugkoppeling], oordeel: str
) -> Beoordeling:
    return Beoordeling(
        oefening_id=oefening.id,
        soort=oefening.soort,
        onderwerp=oefening.onderwerp,
        geteld=oefening.geteld,
        juist=juist,
        score=score,
        oordeel=oordeel,
        terugkoppeling=tuple(items),
    )


def _verdict_by_share(
    oefening: AnyOefening, items: Sequence[Terugkoppeling], *, right: str, partly: str
) -> Beoordeling:
    """Return the verdict when each option, step or moment is an equal share of the answer.

    ``right`` and ``partly`` are the keys of the verdict's text when all is right and when not.
    """
    good = sum(item.goed for item in items)
    juist = good == len(items)
    oordeel = oefen_tekst(right) if juist else oefen_tekst(partly, goed=good, totaal=len(items))
    return _verdict(oefening, juist, good / len(items), items, oordeel)


def _option_status(chosen: bool, right: bool) -> OptieStatus:
    if chosen:
        return "gekozen_juist" if right else "gekozen_fout"
    return "gemist" if right else "niet_gekozen"


def _valid_index(value: object, count: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count


def _check_single(oefening: KeuzeUitEen, antwoord: object) -> Beoordeling:
    if not _valid_index(antwoord, len(oefening.opties)):
        raise LcoError(oefen_tekst("antwoord_kies_een"))
    chosen = int(antwoord)  # type: ignore[call-overload]
    right = next(i for i, optie in enumerate(oefening.opties) if optie.juist)
    order = (
        [chosen]
        + ([right] if right != chosen else [])
        + [i for i in range(len(oefening.opties)) if i not in {chosen, right}]
    )
    items = [
        Terugkoppeling(
            tekst=oefening.opties[i].tekst,
            uitleg=oefening.opties[i].uitleg,
            status=_option_status(i == chosen, oefening.opties[i].juist),
            goed=(i == chosen) == oefening.opties[i].juist,
        )
        for i in order
    ]
    juist = chosen == right
    oordeel = oefen_tekst("oordeel_enkelvoudig_true" if juist else "oordeel_enkelvoudig_false")
    return _verdict(oefening, juist, 1.0 if juist else 0.0, items, oordeel)


_MULTIPLE_ORDER = {"gekozen_fout": 0, "gemist": 1, "gekozen_juist": 2, "niet_gekozen": 3}


def _check_multiple(oefening: MeerdereKeuzes, antwoord: object) -> Beoordeling:
    if not isinstance(antwoord, Collection) or isinstance(antwoord, str | bytes | Mapping):
        raise LcoError(oefen_tekst("antwoord_kies_minstens_een"))
    chosen = set(antwoord)
    if not chosen:
        raise LcoError(oefen_tekst("antwoord_kies_minstens_een"))
    if not all(_valid_index(i, len(oefening.opties)) for i in chosen):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    items = [
        Terugkoppeling(
            tekst=optie.tekst,
            uitleg=optie.uitleg,
            status=_option_status(i in chosen, optie.juist),
            goed=(i in chosen) == optie.juist,
        )
        for i, optie in enumerate(oefening.opties)
    ]
    # The learner's own wrong marks first, then what was missed: that is what needs reading most.
    items.sort(key=lambda item: _MULTIPLE_ORDER[item.status])
    return _verdict_by_share(oefening, items, right="oordeel_meervoudig_true", partly="oordeel_meervoudig_false")


def _check_order(oefening: Volgorde, antwoord: object) -> Beoordeling:
    count = len(oefening.stappen)
    if (
        not isinstance(antwoord, Sequence)
        or isinstance(antwoord, str | bytes)
        or sorted(antwoord) != list(range(count))
    ):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    place = {step: position for position, step in enumerate(antwoord, start=1)}
    items = []
    for number, stap in enumerate(oefening.stappen, start=1):
        own = place[number - 1]
        goed = own == number
        detail = (
            oefen_tekst("detail_volgorde_true", plaats=number)
            if goed
            else oefen_tekst("detail_volgorde_false", jouw=own, plaats=number)
        )
        items.append(
            Terugkoppeling(stap.tekst, stap.uitleg, "op_zijn_plaats" if goed else "verkeerde_plaats", goed, detail)
        )
    return _verdict_by_share(oefening, items, right="oordeel_volgorde_true", partly="oordeel_volgorde_false")


def _check_matching(oefening: Koppelen, antwoord: object) -> Beoordeling:
    if not isinstance(antwoord, Mapping):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    open_moments = [i for i in range(len(oefening.paren)) if not antwoord.get(i)]
    if open_moments:
        raise LcoError(oefen_tekst("antwoord_koppel_alle", aantal=len(open_moments)))
    if any(antwoord[i] not in oefening.keuzes for i in range(len(oefening.paren))):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    inhoud = load_principes()
    items = []
    for i, paar in enumerate(oefening.paren):
        chosen = str(antwoord[i])
        goed = chosen == paar.principe
        detail = (
            oefen_tekst("detail_koppelen_true", gekozen=inhoud.titel(chosen))
            if goed
            else oefen_tekst("detail_koppelen_false", gekozen=inhoud.titel(chosen), juist=inhoud.titel(paar.principe))
        )
        items.append(
            Terugkoppeling(paar.moment, paar.uitleg, "juist_gekoppeld" if goed else "fout_gekoppeld", goed, detail)
        )
    return _verdict_by_share(oefening, items, right="oordeel_koppelen_true", partly="oordeel_koppelen_false")


def _check_open(oefening: OpenVraag, antwoord: object) -> Beoordeling:
    if antwoord is not None and not isinstance(antwoord, str):
        raise LcoError(oefen_tekst("antwoord_ongeldig"))
    items = [Terugkoppeling(piste, "", "denkpiste", True) for piste in oefening.denkpistes]
    return _verdict(oefening, False, 0.0, items, oefen_tekst("oordeel_open"))
